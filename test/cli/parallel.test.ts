// The CLI's worker pool: results come back in input order whatever order the threads finish in,
// the real worker bundle gives exactly the core's own results, and the built command prints the
// same bytes on every core as on one thread.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBrief } from '../../server/src/core/check';
import type { CheckOptions } from '../../server/src/core/types';
import { createChecker, inOrder, workerCount } from '../../server/src/cli/parallel';
import { loadDataset } from '../../server/src/node/dataset';
import { generateBrief } from '../bench/corpus.mjs';
import { bundleOptions, cliBundles } from '../../scripts/bundle-options.mjs';
import { runCli } from './helpers';

const root = resolve(__dirname, '../..');
let dir = '';

beforeAll(async () => {
  // Inside the repository, so the bundles find the bundled data/ folder above them as dist/ does.
  mkdirSync(join(root, '.cache'), { recursive: true });
  dir = mkdtempSync(join(root, '.cache', 'test-parallel-'));
  const common = { ...bundleOptions, sourcemap: false };

  await Promise.all(cliBundles.map((b) => esbuild.build({ ...common, entryPoints: b.entryPoints.map((e) => join(root, e)), outfile: join(dir, b.outfile) })));
}, 60000);
const made: string[] = [];
afterAll(() => {
  for (const d of [dir, ...made]) rmSync(d, { recursive: true, force: true });
});

describe('workerCount', () => {
  it('uses every core for large runs and none for small runs or one core', () => {
    expect(workerCount({}, 2000, 2)).toBe(2);
    expect(workerCount({}, 2000, 1)).toBe(0);
    expect(workerCount({}, 3, 2)).toBe(0);
  });
  it('obeys BRIEFCHECK_WORKERS', () => {
    expect(workerCount({ BRIEFCHECK_WORKERS: '1' }, 2000, 2)).toBe(0);
    expect(workerCount({ BRIEFCHECK_WORKERS: '3' }, 2000, 2)).toBe(3);
    expect(workerCount({ BRIEFCHECK_WORKERS: 'lots' }, 2000, 2)).toBe(2);
  });
});

describe('inOrder', () => {
  it('finishes in input order within the window when work completes out of order', async () => {
    const finished: number[] = [];
    let open = 0;
    let widest = 0;
    const delays = [30, 5, 20, 1, 12, 3, 25, 2];
    await inOrder(delays, 3, async (ms) => {
      open++;
      widest = Math.max(widest, open);
      return new Promise<number>((r) => setTimeout(() => r(ms), ms));
    }, async (started, item, index) => {
      open--;
      expect(await started).toBe(item);
      finished.push(index);
    });
    expect(finished).toEqual(delays.map((_, i) => i));
    expect(widest).toBeLessThanOrEqual(3);
  });
});

describe('worker pool', () => {
  it('gives exactly the results of checking on the calling thread', async () => {
    const { dataset, errors } = await loadDataset([]);
    expect(errors).toEqual([]);
    const options: CheckOptions = { config: { rules: {}, data: [], include: [], exclude: [] }, today: '2026-11-28' };
    const texts = Array.from({ length: 16 }, (_, i) => generateBrief(500 + i, 120));
    const checker = createChecker(checkBrief, 2, join(dir, 'dist/cli-worker.js'));
    try {
      expect(checker.workers).toBe(2);
      const pooled = await Promise.all(texts.map((t) => checker.check(t, dataset, 'bundled', options)));
      expect(pooled).toEqual(texts.map((t) => checkBrief(t, dataset, options)));
      expect(pooled.some((r) => r.claims.length > 0)).toBe(true);
    } finally {
      await checker.close();
    }
  });

  it('leaves the claims out of its replies when asked, on threads and on the calling thread alike', async () => {
    const { dataset } = await loadDataset([]);
    const options: CheckOptions = { config: { rules: {}, data: [], include: [], exclude: [] }, today: '2026-11-28' };
    const texts = Array.from({ length: 8 }, (_, i) => generateBrief(700 + i, 80));
    const expected = texts.map((t) => ({ ...checkBrief(t, dataset, options), claims: [] }));
    for (const workers of [2, 0]) {
      const checker = createChecker(checkBrief, workers, join(dir, 'dist/cli-worker.js'), false);
      try {
        expect(await Promise.all(texts.map((t) => checker.check(t, dataset, 'bundled', options)))).toEqual(expected);
      } finally {
        await checker.close();
      }
    }
    expect(expected.some((r) => r.problems.length > 0)).toBe(true);
  });

  it('starts its threads on the first check, not before', async () => {
    const { dataset } = await loadDataset([]);
    const options: CheckOptions = { config: { rules: {}, data: [], include: [], exclude: [] }, today: '2026-11-28' };
    const checker = createChecker(checkBrief, 2, join(dir, 'dist/cli-worker.js'));
    try {
      expect(checker.started).toBe(0);
      await checker.check(generateBrief(40, 30), dataset, 'bundled', options);
      expect(checker.started).toBe(2);
    } finally {
      await checker.close();
    }
  });

  it('checks on the calling thread a brief its worker runs out of memory on, and goes on with a new worker', async () => {
    const { dataset } = await loadDataset([]);
    const options: CheckOptions = { config: { rules: {}, data: [], include: [], exclude: [] }, today: '2026-11-28' };
    // 4,000 lines need far more than a 12 MB old generation; the small ones fit.
    const texts = [generateBrief(31, 20), generateBrief(32, 4000), generateBrief(33, 20), generateBrief(34, 20), generateBrief(35, 20)];
    const checker = createChecker(checkBrief, 2, join(dir, 'dist/cli-worker.js'), true, { maxOldGenerationSizeMb: 12 });
    try {
      const pooled = await Promise.all(texts.map((t) => checker.check(t, dataset, 'bundled', options)));
      expect(pooled).toEqual(texts.map((t) => checkBrief(t, dataset, options)));
      expect(pooled[1]!.claims.length).toBeGreaterThan(100);
      expect(checker.started).toBeGreaterThan(2);
    } finally {
      await checker.close();
    }
  }, 60000);

  it('makes the built command print the same bytes on two threads as on one', () => {
    const briefs = mkdtempSync(join(tmpdir(), 'briefcheck-parallel-briefs-'));
    made.push(briefs);
    mkdirSync(join(briefs, '.git'), { recursive: true });
    for (let i = 0; i < 24; i++) writeFileSync(join(briefs, `brief-${String(i).padStart(2, '0')}.md`), generateBrief(900 + i, 150));
    const runWith = (workers: string) =>
      spawnSync(process.execPath, [join(dir, 'dist/cli.js'), '.', '--format', 'json'], {
        cwd: briefs,
        env: { ...process.env, BRIEFCHECK_WORKERS: workers },
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      });
    const one = runWith('1');
    const two = runWith('2');
    expect(one.stderr).toBe('');
    expect(two.stdout).toBe(one.stdout);
    expect(two.status).toBe(one.status);
    expect(JSON.parse(one.stdout)).toBeTruthy();
  }, 60000);
});

describe('the built command with --cache', () => {
  it('starts no worker thread when every brief comes from the cache, and prints the same bytes', () => {
    const briefs = mkdtempSync(join(tmpdir(), 'briefcheck-parallel-cache-'));
    made.push(briefs);
    mkdirSync(join(briefs, '.git'), { recursive: true });
    for (let i = 0; i < 12; i++) writeFileSync(join(briefs, `brief-${String(i).padStart(2, '0')}.md`), generateBrief(950 + i, 60));
    // The run's new entries wait in a scratch file in the temporary folder, removed when saved.
    const scratch = mkdtempSync(join(tmpdir(), 'briefcheck-parallel-tmp-'));
    made.push(scratch);
    const runCached = () =>
      spawnSync(process.execPath, [join(dir, 'dist/cli.js'), '.', '--format', 'json', '--cache'], {
        cwd: briefs,
        env: { ...process.env, BRIEFCHECK_WORKERS: '2', BRIEFCHECK_DEBUG: '1', TMPDIR: scratch },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
    const cold = runCached();
    const warm = runCached();
    expect(cold.stderr).toContain('checked 12 briefs, 0 from the cache, 2 worker threads started');
    expect(warm.stderr).toContain('checked 12 briefs, 12 from the cache, 0 worker threads started');
    expect(warm.stdout).toBe(cold.stdout);
    expect(readdirSync(scratch)).toEqual([]);
    writeFileSync(join(briefs, 'brief-03.md'), generateBrief(999, 60));
    const one = runCached();
    expect(one.stderr).toContain('checked 12 briefs, 11 from the cache, 2 worker threads started');
  }, 120000);
});

describe('the built command and its precompiled configuration validator', () => {
  it('reports a bad configuration exactly as the validator compiled at run time does', async () => {
    const briefs = mkdtempSync(join(tmpdir(), 'briefcheck-parallel-config-'));
    made.push(briefs);
    mkdirSync(join(briefs, '.git'), { recursive: true });
    writeFileSync(join(briefs, 'a.md'), '# A\n\nText.\n');
    const configs = [
      { rules: { nope: 'error', 'figure-mismatch': 'loud', 'unsourced-figure': { severity: 'warning', options: { x: 1 } } }, asOf: '2025-02-30', bogus: 1 },
      { root: 'yes', data: [3], include: 'x', rules: { 'figure-mismatch': { severity: 'info', options: [] } } },
      { asOf: '2025-02-28', rules: { 'figure-mismatch': 'warning' } },
    ];
    for (const config of configs) {
      writeFileSync(join(briefs, '.briefcheck.json'), JSON.stringify(config));
      const built = spawnSync(process.execPath, [join(dir, 'dist/cli.js'), '.', '--format', 'json'], { cwd: briefs, env: { ...process.env, BRIEFCHECK_WORKERS: '1' }, encoding: 'utf8' });
      const source = await runCli(['.', '--format', 'json'], { cwd: briefs, today: undefined });
      expect(built.stderr).toBe(source.stderr);
      expect(built.status).toBe(source.code);
    }
  }, 60000);
});
