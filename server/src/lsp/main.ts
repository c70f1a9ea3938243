// The server bundle's entry (dist/server.js): tunes V8's compilers for checking
// (node/compiler-flags.ts), starts the check worker (lsp/prestart.ts), so it loads on another core
// meanwhile, then runs the server (lsp/serve.ts, bundled as dist/server-main.js) with V8's code
// cache (node/code-cache.ts). The cache is stored a few seconds after a start that had none, once
// the first documents have been checked.

import { join } from 'node:path';
import { cacheFileFor, runWithCodeCache } from '../node/code-cache';
import { tuneCompiler } from '../node/compiler-flags';
import { prestartCheckWorker } from './prestart';

const SAVE_AFTER_MS = 3_000;

// Before any code is compiled: V8's code cache holds only for the flags it was made under.
tuneCompiler('server');
prestartCheckWorker();
const server = join(__dirname, 'server-main.js');
runWithCodeCache(server, cacheFileFor(server), (save) => setTimeout(save, SAVE_AFTER_MS).unref());
