// The npm package as users get it: packed, installed from the tarball into a fresh repository of
// briefs, and run with npx there. Packing and installing happen once for this file.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/helpers';
import { packAndInstall, repoRoot, type Packed } from './installed';

let packed: Packed;
beforeAll(() => {
  packed = packAndInstall();
}, 120000);

const env = { ...process.env, BRIEFCHECK_WORKERS: '1', NO_COLOR: '1', npm_config_update_notifier: 'false' };
const npx = (args: string[], cwd = packed.repo) => spawnSync('npx', ['--no-install', 'briefcheck', ...args], { cwd, encoding: 'utf8', env });

describe('the npm package', () => {
  it('holds only what runs: the bundles, the data, the schemas, the bin and the documents', () => {
    expect(packed.files.filter((f) => /(^|\/)(test|tests|scripts|src|server|client)\//.test(f) || /\.(ts|map|mjs)$/.test(f))).toEqual([]);
    expect(packed.files).toEqual(expect.arrayContaining(['bin/briefcheck.js', 'dist/cli.js', 'dist/cli-worker.js', 'data/meta.json', 'data/schema/overlay.schema.json', 'schemas/briefcheck.schema.json', 'README.md', 'LICENSE', 'package.json']));
    const manifest = JSON.parse(readFileSync(join(packed.repo, 'node_modules/briefcheck/package.json'), 'utf8'));
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.bin).toEqual({ briefcheck: 'bin/briefcheck.js' });
    // From a clean clone, npm pack builds dist/ first (prepare), so the tarball never ships stale bundles.
    expect(manifest.scripts.prepare).toBe('node scripts/build.mjs');
  });

  it('installs with nothing else: the only package in node_modules is briefcheck', () => {
    const lock = JSON.parse(readFileSync(join(packed.repo, 'package-lock.json'), 'utf8'));
    expect(Object.keys(lock.packages).filter((p) => p !== '')).toEqual(['node_modules/briefcheck']);
  });

  it('runs as `npx briefcheck .` in the repository of briefs, as the checkout runs it', async () => {
    const ran = npx(['.', '--as-of', '2026-11-28']);
    const inProcess = await runCli(['.', '--as-of', '2026-11-28'], { cwd: packed.repo, env: { NO_COLOR: '1' } });
    expect(ran.stderr).toBe(inProcess.stderr);
    expect(ran.stdout).toBe(inProcess.stdout);
    expect(ran.status).toBe(1);
    expect(ran.stdout).toContain('stale-and-mismatched.md');
    expect(ran.stdout).not.toContain('node_modules');

    const clean = npx(['clean-brief.md', '--as-of', '2026-11-28']);
    expect(clean.stderr).toBe('');
    expect(clean.status).toBe(0);
  });

  it('finds its bundled data and schemas from inside node_modules', () => {
    const info = npx(['data', 'info', '--format', 'json']);
    expect(info.status).toBe(0);
    const bundled = JSON.parse(readFileSync(join(repoRoot, 'data/meta.json'), 'utf8'));
    expect(JSON.parse(info.stdout).version).toBe(bundled.version);
    expect(npx(['--version']).stdout).toBe(`${JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version}\n`);
  });
});
