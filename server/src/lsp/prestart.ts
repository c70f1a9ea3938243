// Starts the check worker (lsp/checker.ts) before the rest of the server is loaded, so that the
// worker loads its bundle on another core while the main thread loads its own. Imports nothing but
// Node's modules: importing the server here would load it first. The entry (dist/server.js) starts
// the worker and the server (dist/server-main.js) takes it: two bundles, each with its own copy of
// this module, so the worker is handed over in a slot on the global object they share.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';

interface Prestarted {
  worker: Worker;
  script: string;
}

const SLOT = Symbol.for('briefcheck.prestartedCheckWorker');
const slot = globalThis as { [SLOT]?: Prestarted };

/** The worker bundle beside the server bundle; absent when running from source. */
export function checkWorkerScript(dir: string = __dirname): string | undefined {
  const file = join(dir, 'server-worker.js');
  return existsSync(file) ? file : undefined;
}

/** Starts the check worker early, for the server's checker to take (when the bundle is there). */
export function prestartCheckWorker(script = checkWorkerScript()): void {
  if (!script || slot[SLOT]) return;
  const worker = startCheckWorker(script);
  // Until the server takes it, the worker must not keep the process alive.
  worker.unref();
  slot[SLOT] = { worker, script };
}

/**
 * Starts a check worker with V8's default young generation. The editor starts the server with a
 * small one (client/src/server-env.ts: the main thread holds little and mostly waits), and a new
 * worker takes the process's flags as they are when it starts; 0 is V8's "not set".
 */
export function startCheckWorker(script: string): Worker {
  if (process.execArgv.some((a) => a.startsWith('--max-semi-space-size'))) setFlagsFromString('--max-semi-space-size=0');
  return new Worker(script);
}

/** The worker prestartCheckWorker started, once, if it runs `script`. */
export function takePrestartedWorker(script: string): Worker | undefined {
  const taken = slot[SLOT];
  delete slot[SLOT];
  if (taken?.script === script) return taken.worker;
  void taken?.worker.terminate();
  return undefined;
}
