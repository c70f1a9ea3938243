// The web server bundle's entry (dist/web/server.js): the same language server, run in a web worker
// that the web extension starts (vscode.dev, github.dev). The bundle is built from the same sources
// as dist/server.js, with the dataset read from the bundle (web/dataset.ts) and the Node modules the
// Node server uses replaced for the browser (scripts/web-shims.mjs): there is no file system, so no
// .briefcheck.json or overlay is read, and the settings alone configure the checks.

import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from '../lsp/server';

// The worker's global scope, typed as the reader takes it (the project compiles without the DOM library).
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0] & ConstructorParameters<typeof BrowserMessageWriter>[0];

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection);
