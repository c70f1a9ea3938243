// The built command (dist/ is built by test/global-build.ts), spawned once as users and CI run it:
// bin/briefcheck.js. Its output and exit code must be exactly those of run() in-process.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './helpers';

const bin = join(repoRoot, 'bin/briefcheck.js');

describe('the built briefcheck', () => {
  it('prints what run() prints and exits with the same code, on files and on piped input', async () => {
    const args = ['examples', '--format', 'json', '--as-of', '2026-11-28'];
    const spawned = spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, BRIEFCHECK_WORKERS: '1' } });
    const inProcess = await runCli(args);
    expect(spawned.stderr).toBe(inProcess.stderr);
    expect(spawned.stdout).toBe(inProcess.stdout);
    expect(spawned.status).toBe(inProcess.code);

    const brief = 'China supplied 63% of US imports of antimony oxides in 2020–23.\n';
    const piped = spawnSync(process.execPath, [bin, '--stdin', '--stdin-filename', 'new.md', '--format', 'json', '--as-of', '2026-11-28'], {
      cwd: repoRoot,
      input: brief,
      encoding: 'utf8',
    });
    expect(piped.status).toBe((await runCli(['--stdin', '--stdin-filename', 'new.md', '--format', 'json', '--as-of', '2026-11-28'], { stdin: async () => brief })).code);
    expect(JSON.parse(piped.stdout).files[0].path).toBe('new.md');
  });

  it('exits 2 on a usage error with a message and no stack trace', () => {
    const spawned = spawnSync(process.execPath, [bin, '--shard', '0/2'], { cwd: repoRoot, encoding: 'utf8' });
    expect(spawned.status).toBe(2);
    expect(spawned.stderr).toBe('briefcheck: --shard expects I/N with 1 <= I <= N (for example 2/4), got "0/2"\nRun briefcheck --help for usage.\n');
  });
});
