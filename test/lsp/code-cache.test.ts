// The check worker's code cache (lsp/prestart.ts), on the built server spawned over stdio: the
// first start writes the cache after its first check, a later start loads it, and a damaged or
// foreign cache changes nothing the user sees (it is ignored and rewritten). Diagnostics are the
// same in every case.

import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreamMessageReader, StreamMessageWriter, createProtocolConnection, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { CODE_CACHE_ENV, codeCacheDir } from '../../server/src/lsp/prestart';
import { bundleOptions } from '../../scripts/bundle-options.mjs';
import { TODAY, repoRoot } from './workspace';

const dir = mkdtempSync(join(tmpdir(), 'briefcheck-code-cache-'));
const cacheDir = join(dir, 'cache');
const brief = readFileSync(join(repoRoot, 'examples/stale-and-mismatched.md'), 'utf8');

/** Starts the built server with the cache in `cacheDir`, checks the example brief, waits (up to 5 s) for `settled`, and stops. */
async function diagnosticsOnce(settled: () => boolean = () => cacheFiles().length > 0): Promise<string[]> {
  const child = spawn(process.execPath, [join(dir, 'dist', 'server.js'), '--stdio'], { cwd: dir, env: { ...process.env, [CODE_CACHE_ENV]: cacheDir }, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  connection.listen();
  try {
    await connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {}, initializationOptions: { today: TODAY, debounceMs: 0 } });
    await connection.sendNotification('initialized', {});
    const uri = 'file:///brief.md';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: brief } });
    for (;;) {
      const report = await connection.sendRequest<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
      if (report.kind !== 'full') continue;
      // The cache is written just after the first check; give the worker the moment it needs.
      const until = Date.now() + 5_000;
      while (!settled() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      return report.items.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`);
    }
  } finally {
    connection.dispose();
    child.kill();
  }
}

const cacheFiles = () => (existsSync(cacheDir) ? readdirSync(cacheDir).filter((f) => f.endsWith('.bin')) : []);

describe('the check worker code cache', () => {
  beforeAll(async () => {
    for (const [entry, out] of [['server/src/lsp/main.ts', 'server.js'], ['server/src/lsp/check-worker.ts', 'server-worker.js']]) {
      await esbuild.build({ entryPoints: [join(repoRoot, entry!)], outfile: join(dir, 'dist', out!), ...bundleOptions, sourcemap: false, logLevel: 'silent' });
    }
    cpSync(join(repoRoot, 'data'), join(dir, 'data'), { recursive: true });
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is written by a first start, used by the next, and rewritten when damaged, with the same diagnostics', async () => {
    const first = await diagnosticsOnce();
    expect(first.length).toBeGreaterThan(0);
    const [file] = cacheFiles();
    expect(file).toBeDefined();
    const cache = join(cacheDir, file!);
    const written = statSync(cache);
    expect(written.size).toBeGreaterThan(10_000);
    // Private to the user: a cache is code the worker runs.
    if (process.platform !== 'win32') expect(statSync(cacheDir).mode & 0o077).toBe(0);

    // A start with the cache in place loads it and leaves it alone (a rejected one would be rewritten by now).
    const started = Date.now();
    expect(await diagnosticsOnce(() => Date.now() - started > 1_500)).toEqual(first);
    expect(statSync(cache).mtimeMs).toBe(written.mtimeMs);

    // Damaged: V8 rejects it, the check runs as before, and a good cache replaces it.
    const damaged = Buffer.alloc(written.size, 7);
    writeFileSync(cache, damaged);
    expect(await diagnosticsOnce(() => !readFileSync(cache).equals(damaged))).toEqual(first);
    expect(readFileSync(cache).equals(damaged)).toBe(false);
  }, 60_000);
});

describe('codeCacheDir', () => {
  it('follows the environment, the platform, and never a shared temporary folder', () => {
    expect(codeCacheDir({ [CODE_CACHE_ENV]: 'off' }, 'linux', '/home/a')).toBeUndefined();
    expect(codeCacheDir({ [CODE_CACHE_ENV]: '/x/y' }, 'linux', '/home/a')).toBe('/x/y');
    expect(codeCacheDir({}, 'linux', '/home/a')).toBe(join('/home/a', '.cache', 'briefcheck', 'code-cache'));
    expect(codeCacheDir({ XDG_CACHE_HOME: '/c' }, 'linux', '/home/a')).toBe(join('/c', 'briefcheck', 'code-cache'));
    expect(codeCacheDir({}, 'darwin', '/Users/a')).toBe(join('/Users/a', 'Library', 'Caches', 'briefcheck', 'code-cache'));
    expect(codeCacheDir({ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32', 'C:\\Users\\a')).toBe(join('C:\\Users\\a\\AppData\\Local', 'briefcheck', 'code-cache'));
    expect(codeCacheDir({}, 'win32', 'C:\\Users\\a')).toBeUndefined();
  });
});
