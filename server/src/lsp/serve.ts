// The server proper (dist/server-main.js, run by the entry lsp/main.ts): creates the real connection (IPC or stdio, from the
// command line) and starts the server. Console output goes to the connection's log, never to the
// protocol stream. Over stdio a framing error ends the process with a message on stderr, so the
// client sees the server exit and restarts it instead of talking to a server that hears nothing.

import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { redirectConsole } from './console';
import { watchFraming } from './framing';
import { openResultMemory } from '../node/result-memory';
import { startServer } from './server';

if (process.argv.includes('--stdio')) {
  watchFraming(process.stdin, (reason) => {
    process.stderr.write(`briefcheck language server: cannot read the client's messages (${reason}); exiting so the client can restart the server\n`);
    process.exit(3);
  });
}
const connection = createConnection(ProposedFeatures.all);
redirectConsole(connection);
// Results are remembered between starts in the folder BRIEFCHECK_RESULT_CACHE names (the editor
// extension passes its own storage), for this bundle's code.
startServer(connection, { memory: openResultMemory(__filename) });
