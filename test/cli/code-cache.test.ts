// The built command line's code cache (cli/entry.ts, node/code-cache.ts): the first run writes it
// as it ends, later runs load it and leave it alone, and a damaged cache changes nothing the user
// sees (V8 rejects it and the run stores a good one). The output is the same every time.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_CACHE_ENV } from '../../server/src/node/code-cache';
import { repoRoot } from './helpers';

const cacheDir = join(mkdtempSync(join(tmpdir(), 'briefcheck-cli-code-cache-')), 'cache');

function runBuilt() {
  const ran = spawnSync(process.execPath, [join(repoRoot, 'dist/cli.js'), 'examples/stale-and-mismatched.md', '--format', 'json', '--as-of', '2026-11-28'], {
    cwd: repoRoot,
    env: { ...process.env, [CODE_CACHE_ENV]: cacheDir, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  expect(ran.stderr).toBe('');
  return { status: ran.status, stdout: ran.stdout };
}

const caches = () => readdirSync(cacheDir).filter((f) => f.endsWith('.bin'));

describe('the command line code cache', () => {
  it('is written by a first run, used by the next, and replaced when damaged, with the same output', () => {
    const first = runBuilt();
    expect(first.status).toBe(1);
    expect(JSON.parse(first.stdout).summary.warnings + JSON.parse(first.stdout).summary.errors).toBeGreaterThan(0);
    expect(caches()).toHaveLength(1);
    const [name] = caches();
    expect(name).toMatch(/^cli-main-v/);
    const file = join(cacheDir, name!);
    const written = statSync(file);
    expect(written.size).toBeGreaterThan(100_000);

    expect(runBuilt()).toEqual(first);
    expect(statSync(file).mtimeMs).toBe(written.mtimeMs);

    const junk = Buffer.alloc(written.size, 7);
    writeFileSync(file, junk);
    expect(runBuilt()).toEqual(first);
    expect(readFileSync(file).equals(junk)).toBe(false);
    expect(caches()).toEqual([name]);
  });

  it('is named after the copy of the bundle, so a reinstalled one of the same size is not served a stale cache', () => {
    expect(caches()[0]).toMatch(new RegExp(`-${statSync(join(repoRoot, 'dist/cli-main.js')).size}-\\d+-\\d+\\.bin$`));
  });
});
