// The server bundle's entry (dist/server.js). The check worker is started first (lsp/prestart.ts),
// so it loads on another core while the main thread loads the server (lsp/serve.ts, required
// rather than imported so that the bundler defers loading it until here).

import { prestartCheckWorker } from './prestart';

prestartCheckWorker();
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('./serve');
