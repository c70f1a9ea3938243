// Starts the check worker (lsp/checker.ts) before the rest of the server is loaded, so that the
// worker loads its bundle on another core while the main thread loads its own, and loads it with
// V8's code cache: the bytecode of the functions a first check compiled, stored after the first
// check of an earlier start. A worker's first check is several times slower than later ones, and
// much of that is compiling code on first use. V8 checks that a cache matches the source, V8
// version and flags, and ignores (and the worker then rewrites) one that does not. Imports nothing
// but Node's modules: importing the server here would load it first.

import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** `off`, or the folder for the code cache (default: the user's cache folder, see codeCacheDir). */
export const CODE_CACHE_ENV = 'BRIEFCHECK_CODE_CACHE';

let prestarted: { worker: Worker; script: string } | undefined;

/** The worker bundle beside the server bundle; absent when running from source. */
export function checkWorkerScript(dir: string = __dirname): string | undefined {
  const file = join(dir, 'server-worker.js');
  return existsSync(file) ? file : undefined;
}

/**
 * Where code caches go: the folder BRIEFCHECK_CODE_CACHE names (the editor extension passes its
 * own storage folder), none when it is `off`, else the user's cache folder. Never a shared
 * temporary folder: a cache is code the worker runs.
 */
export function codeCacheDir(env: Record<string, string | undefined> = process.env, platform = process.platform, home = homedir()): string | undefined {
  const chosen = env[CODE_CACHE_ENV];
  if (chosen === 'off') return undefined;
  if (chosen) return chosen;
  if (platform === 'win32') return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'briefcheck', 'code-cache') : undefined;
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'briefcheck', 'code-cache');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'briefcheck', 'code-cache');
}

/** The cache file for a script: one per script version (size and time), Node version and architecture. */
function cacheFileFor(script: string, dir: string | undefined): string | undefined {
  if (!dir) return undefined;
  try {
    const { size, mtimeMs } = statSync(script);
    return join(dir, `server-worker-${process.version}-${process.arch}-${size}-${Math.trunc(mtimeMs)}.bin`);
  } catch {
    return undefined;
  }
}

// Runs in the worker (as CommonJS, with Node's own `require`): compiles the bundle with the cached
// data, runs it as a module would run, and after the first request has been handled (the bundle's
// listener runs first) writes a fresh cache when there was none or V8 rejected it. Any failure to
// read or write the cache only means compiling as usual.
const LOADER = `
const { readFileSync, writeFileSync, mkdirSync, renameSync } = require('node:fs');
const { dirname } = require('node:path');
const { Script } = require('node:vm');
const { wrap } = require('node:module');
const { workerData, parentPort } = require('node:worker_threads');
const { script, cacheFile } = workerData;
let cachedData;
if (cacheFile) try { cachedData = readFileSync(cacheFile); } catch {}
const compiled = new Script(wrap(readFileSync(script, 'utf8')), { filename: script, cachedData });
const module = { exports: {} };
compiled.runInThisContext()(module.exports, require, module, script, dirname(script));
if (cacheFile && (!cachedData || compiled.cachedDataRejected)) {
  parentPort.once('message', () => setImmediate(() => {
    try {
      mkdirSync(dirname(cacheFile), { recursive: true, mode: 0o700 });
      const temporary = cacheFile + '.' + process.pid + '.tmp';
      writeFileSync(temporary, compiled.createCachedData(), { mode: 0o600 });
      renameSync(temporary, cacheFile);
    } catch {}
  }));
}
`;

/** A check worker running `script`, loaded with the code cache from `cacheDir` when there is one. */
export function startCheckWorker(script: string, cacheDir = codeCacheDir()): Worker {
  return new Worker(LOADER, { eval: true, workerData: { script, cacheFile: cacheFileFor(script, cacheDir) } });
}

/** Starts the check worker early, for the server's checker to take (when the bundle is there). */
export function prestartCheckWorker(script = checkWorkerScript()): void {
  if (!script || prestarted) return;
  const worker = startCheckWorker(script);
  // Until the server takes it, the worker must not keep the process alive.
  worker.unref();
  prestarted = { worker, script };
}

/** The worker prestartCheckWorker started, once, if it runs `script`. */
export function takePrestartedWorker(script: string): Worker | undefined {
  const taken = prestarted;
  prestarted = undefined;
  if (taken?.script === script) return taken.worker;
  void taken?.worker.terminate();
  return undefined;
}
