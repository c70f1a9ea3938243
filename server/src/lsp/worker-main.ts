// The check worker's entry (dist/server-worker.js): runs the worker (lsp/check-worker.ts, bundled
// as dist/server-worker-main.js) with V8's code cache (node/code-cache.ts), stored right after the
// first request has been handled (the worker's own listener runs first).

import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { cacheFileFor, runWithCodeCache } from '../node/code-cache';

const worker = join(__dirname, 'server-worker-main.js');
runWithCodeCache(worker, cacheFileFor(worker), (save) => parentPort?.once('message', () => setImmediate(save)));
