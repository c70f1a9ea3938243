// The server's code caches (node/code-cache.ts), on the built server spawned over stdio: the first
// start writes them (the worker's after its first check, the main thread's a few seconds in), a
// later start loads them, and a damaged cache changes nothing the user sees (it is ignored and
// rewritten). Diagnostics are the same in every case.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreamMessageReader, StreamMessageWriter, createProtocolConnection, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { CODE_CACHE_ENV, codeCacheDir } from '../../server/src/node/code-cache';
import { buildServerWithData, repoRoot, TODAY } from './workspace';

const dir = mkdtempSync(join(tmpdir(), 'briefcheck-code-cache-'));
const cacheDir = join(dir, 'cache');
const brief = readFileSync(join(repoRoot, 'examples/stale-and-mismatched.md'), 'utf8');

/** Starts the built server with its caches in `cacheDir`, checks the example brief, waits (up to 8 s) for `settled`, and stops. */
async function diagnosticsOnce(settled: () => boolean): Promise<string[]> {
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
      const until = Date.now() + 8_000;
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
    await buildServerWithData(dir);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is written by a first start, used by the next, and rewritten when damaged, with the same diagnostics', async () => {
    // When a new cache is written, those of other copies of the bundle written in the last month
    // stay (several checkouts share a folder), older ones go.
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    writeFileSync(join(cacheDir, 'server-main-v0.0.1-x64-1-1-1.bin'), 'old');
    const twoMonthsAgo = new Date(Date.now() - 60 * 24 * 60 * 60 * 1000);
    utimesSync(join(cacheDir, 'server-main-v0.0.1-x64-1-1-1.bin'), twoMonthsAgo, twoMonthsAgo);
    writeFileSync(join(cacheDir, 'server-worker-main-v0.0.2-x64-1-1-1.bin'), 'another checkout');
    const both = () => cacheFiles().length === 3 && !cacheFiles().some((f) => f.includes('v0.0.1'));
    const first = await diagnosticsOnce(both);
    expect(first.length).toBeGreaterThan(0);
    expect(cacheFiles()).toContain('server-worker-main-v0.0.2-x64-1-1-1.bin');
    rmSync(join(cacheDir, 'server-worker-main-v0.0.2-x64-1-1-1.bin'));
    const files = cacheFiles().sort();
    expect(files.map((f) => f.replace(/-v\d.*$/, ''))).toEqual(['server-main', 'server-worker-main']);
    const paths = files.map((f) => join(cacheDir, f));
    const written = paths.map((p) => statSync(p));
    for (const w of written) expect(w.size).toBeGreaterThan(10_000);
    // Private to the user: a cache is code the server runs.
    if (process.platform !== 'win32') expect(statSync(cacheDir).mode & 0o077).toBe(0);

    // A start with the caches in place loads them and leaves them alone (a rejected one would have
    // been rewritten by the time this waits for).
    const started = Date.now();
    expect(await diagnosticsOnce(() => Date.now() - started > 4_500)).toEqual(first);
    expect(paths.map((p) => statSync(p).mtimeMs)).toEqual(written.map((w) => w.mtimeMs));

    // Damaged: V8 rejects them, the check runs as before, and good caches replace them.
    const damaged = paths.map((p, i) => {
      const junk = Buffer.alloc(written[i]!.size, 7);
      writeFileSync(p, junk);
      return junk;
    });
    const replaced = () => paths.every((p, i) => !readFileSync(p).equals(damaged[i]!));
    expect(await diagnosticsOnce(replaced)).toEqual(first);
    expect(replaced()).toBe(true);
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
