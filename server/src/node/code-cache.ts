// V8's code cache for the language server's and the command line's bundles. A bundle's entry is a
// small loader that compiles the bundle with the bytecode an earlier start stored, runs it as Node
// would run the file, and stores a fresh cache once the code worth caching has been compiled, when
// there was none or V8 rejected it (V8 checks a cache against its own version, its flags and the
// source's length; cacheFileFor names a cache after the bundle's copy for the rest). Compiling the
// reader's code on first use is a large part of a server's first check, and of a short command.
// Any failure to read or write a cache only means compiling as usual.

import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { userCacheDir } from './cache-dir';

/** `off`, or the folder for code caches (default: the user's cache folder, see codeCacheDir). */
export const CODE_CACHE_ENV = 'BRIEFCHECK_CODE_CACHE';

/**
 * Where code caches go: the folder BRIEFCHECK_CODE_CACHE names (the editor extension passes its
 * own storage folder), none when it is `off`, else the user's cache folder (node/cache-dir.ts).
 */
export function codeCacheDir(env: Record<string, string | undefined> = process.env, platform: string = process.platform, home = homedir()): string | undefined {
  return userCacheDir(CODE_CACHE_ENV, 'code-cache', env, platform, home);
}

const cachePrefix = (script: string) => `${basename(script, '.js')}-v`;

/**
 * One cache file per copy of a bundle, Node version and architecture. V8 checks a cache against the
 * source's length only, so the name must change whenever the bundle may have: its size, its
 * modification time, and its status-change time, which no installer can set (npm gives every file
 * of a package the same modification time, so two versions of the same size would share one).
 */
export function cacheFileFor(script: string, dir = codeCacheDir()): string | undefined {
  if (!dir) return undefined;
  try {
    const { size, mtimeMs, ctimeMs } = statSync(script);
    return join(dir, `${cachePrefix(script)}${process.versions.node}-${process.arch}-${size}-${Math.trunc(mtimeMs)}-${Math.trunc(ctimeMs)}.bin`);
  } catch {
    return undefined;
  }
}

/**
 * Runs the CommonJS bundle `script` as `require` would, compiled with the cache in `cacheFile`.
 * When the cache was missing or rejected, `saveWhen` is given the function that stores a fresh one,
 * to call once the code worth caching has run.
 */
export function runWithCodeCache(script: string, cacheFile: string | undefined, saveWhen: (save: () => void) => void): void {
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const compiled = new Script(wrap(readFileSync(script, 'utf8')), { filename: script, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} };
  (compiled.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(script), module, script, dirname(script));
  if (!cacheFile || (cachedData && !compiled.cachedDataRejected)) return;
  saveWhen(() => {
    try {
      mkdirSync(dirname(cacheFile), { recursive: true, mode: 0o700 });
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temporary, compiled.createCachedData(), { mode: 0o600 });
      renameSync(temporary, cacheFile);
      pruneOthers(cacheFile, cachePrefix(script));
    } catch {
      // No cache this time.
    }
  });
}

/** How many caches of other copies of a bundle are kept, and for how long after they were written. */
const OTHER_COPIES = 3;
const OTHER_COPY_DAYS = 30;

/**
 * Removes the caches of other copies of the bundle (`prefix`) beside `cacheFile`, but the newest
 * few written in the last month: several checkouts of the command line, each with its own copy,
 * share one folder and would otherwise remove each other's caches at every run; earlier versions'
 * caches would otherwise pile up.
 */
function pruneOthers(cacheFile: string, prefix: string): void {
  const dir = dirname(cacheFile);
  const old = Date.now() - OTHER_COPY_DAYS * 24 * 60 * 60 * 1000;
  const others = readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.bin') && join(dir, name) !== cacheFile)
    .map((name) => ({ path: join(dir, name), written: statSync(join(dir, name), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
    .sort((a, b) => b.written - a.written);
  others.forEach(({ path, written }, i) => {
    if (i >= OTHER_COPIES || written < old) rmSync(path, { force: true });
  });
}
