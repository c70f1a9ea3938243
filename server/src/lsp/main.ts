// The server bundle's entry (dist/server.js): creates the real connection (IPC or stdio, from the
// command line) and starts the server. Console output goes to the connection's log, never to the
// protocol stream.

import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { redirectConsole } from './console';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
redirectConsole(connection);
startServer(connection);
