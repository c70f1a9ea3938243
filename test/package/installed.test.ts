// The npm package as users get it: packed, installed from the tarball into a fresh repository of
// briefs, and run with npx there; then the GitHub Action and the pre-commit hook, run on that
// repository with that tarball. Packing and installing happen once for this file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runCli } from '../cli/helpers';
import { loadAction, runAction } from './action-runner';
import { git, packAndInstall, repoRoot, type Packed } from './installed';

let packed: Packed;
beforeAll(() => {
  packed = packAndInstall();
}, 120000);
afterAll(() => {
  if (packed) rmSync(packed.dir, { recursive: true, force: true });
});

const env = { ...process.env, BRIEFCHECK_WORKERS: '1', NO_COLOR: '1', npm_config_update_notifier: 'false' };
const npx = (args: string[], cwd = packed.repo) => spawnSync('npx', ['--no-install', 'briefcheck', ...args], { cwd, encoding: 'utf8', env });

describe('the npm package', () => {
  it('holds only what runs: the bundles, the data, the schemas, the bin and the documents', () => {
    expect(packed.files.filter((f) => /(^|\/)(test|tests|scripts|src|server|client)\//.test(f) || /\.(ts|map|mjs)$/.test(f))).toEqual([]);
    expect(packed.files).toEqual(expect.arrayContaining(['bin/briefcheck.js', 'dist/cli.js', 'dist/cli-main.js', 'dist/cli-worker.js', 'data/meta.json', 'data/schema/overlay.schema.json', 'schemas/briefcheck.schema.json', 'README.md', 'LICENSE', 'package.json']));
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

const version = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version as string;

describe('the GitHub Action (action.yml), its steps run with the runner\'s environment', () => {
  const run = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
    runAction({ actionPath: repoRoot, workspace: packed.repo, temp: mkdtempSync(join(packed.dir, 'runner-')), inputs: { package: packed.tarball, ...inputs }, env });

  it('is pinned to the package version', () => {
    expect(loadAction(repoRoot).inputs.package!.default).toBe(`briefcheck@${version}`);
  });

  it('annotates from the repository root, writes the summary table and the SARIF report, and fails on errors', () => {
    const result = run({ 'as-of': '2026-11-28', 'upload-sarif': 'true', 'working-directory': '.' });
    const [install, check, upload, fail] = result.steps;
    expect(install).toMatchObject({ ran: true, status: 0 });
    expect(check).toMatchObject({ ran: true, status: 0 });
    expect(check!.stdout).toMatch(/^::error file=stale-and-mismatched\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=briefcheck figure-mismatch::/m);
    // Checked as of 2026-11-28 the clean brief is no longer wholly clean (a newer figure, the data's
    // age), but it holds no error.
    expect(check!.stdout).not.toMatch(/^::error file=clean-brief\.md/m);
    expect(result.summary).toMatch(/^## briefcheck\n\n\d+ problems \(.*\) in [23] of 3 briefs\.\n/);
    expect(result.summary).toContain('| `stale-and-mismatched.md` | 2026-11-28 |');
    expect(upload).toMatchObject({ ran: false, uses: 'github/codeql-action/upload-sarif@v3', status: 0 });
    const sarif = JSON.parse(readFileSync(upload!.with!.sarif_file!, 'utf8'));
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    expect(fail).toMatchObject({ ran: true, status: 1 });
    expect(result.status).toBe(1);
    expect(result.outputs['exit-code']).toBe('1');
  });

  it('skips the SARIF upload unless asked, and passes when only warnings stay under max-warnings', () => {
    const result = run({ files: 'clean-brief.md', 'max-warnings': '0' });
    expect(result.steps[2]).toMatchObject({ ran: false, status: undefined });
    expect(result.status).toBe(0);
    expect(result.summary).toBe('## briefcheck\n\nNo problems in 1 brief.\n');
  });

  it('names annotation paths from GITHUB_WORKSPACE when run in a subfolder', () => {
    mkdirSync(join(packed.repo, 'team'), { recursive: true });
    const result = run({ 'working-directory': 'team', files: '../stale-and-mismatched.md', 'as-of': '2026-11-28' });
    expect(result.steps[1]!.stdout).toContain('::error file=stale-and-mismatched.md,');
  });

  it('with changed-files-only, checks only the briefs a pull request changes', () => {
    const repo = packed.repo;
    git(['checkout', '-q', '-b', 'feature'], repo);
    try {
      git(['update-ref', 'refs/remotes/origin/main', 'main'], repo);
      writeFileSync(join(repo, 'new-brief.md'), 'China supplied 63% of US imports of antimony oxides in January–November 2024.\n');
      writeFileSync(join(repo, 'notes.txt'), 'not a brief\n');
      git(['add', '-A'], repo);
      git(['commit', '-q', '-m', 'a new brief'], repo);
      const result = run({ 'changed-files-only': 'true', 'as-of': '2026-11-28' }, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_BASE_REF: 'main' });
      const annotations = result.steps[1]!.stdout.split('\n').filter((l) => l.startsWith('::'));
      expect(annotations.length).toBeGreaterThan(0);
      expect(annotations.every((l) => l.includes('file=new-brief.md,'))).toBe(true);
      expect(result.status).toBe(0);

      const missingBase = run({ 'changed-files-only': 'true' }, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_BASE_REF: 'no-such-branch' });
      expect(missingBase.steps[1]!.stdout).toContain('::error title=briefcheck::changed-files-only cannot find the base commit origin/no-such-branch');
      expect(missingBase.status).toBe(2);
    } finally {
      git(['checkout', '-q', 'main'], repo);
    }
  });
});

describe('the pre-commit hook (.pre-commit-hooks.yaml)', () => {
  const [hook] = parseYaml(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; types: string[] }[];
  // pre-commit installs a node hook by packing this repository and installing the tarball, then
  // runs `entry` with the staged files of the hook's types appended.
  const runHook = (files: string[]) =>
    spawnSync('bash', ['-c', `${hook!.entry} "$@"`, 'hook', ...files], {
      cwd: packed.repo,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', PATH: `${join(packed.repo, 'node_modules/.bin')}:${process.env.PATH}` },
    });

  it('is a node hook on Markdown that runs the installed command', () => {
    expect(hook).toMatchObject({ id: 'briefcheck', language: 'node', types: ['markdown'] });
    expect(hook!.entry.split(' ')[0]).toBe(Object.keys(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).bin)[0]);
  });

  it('fails a commit of a brief with errors, passes a clean one, and skips ignored files', () => {
    expect(runHook(['stale-and-mismatched.md', 'clean-brief.md']).status).toBe(1);
    expect(runHook(['clean-brief.md'])).toMatchObject({ status: 0, stderr: '' });
    writeFileSync(join(packed.repo, '.briefcheck.json'), JSON.stringify({ exclude: ['stale-and-mismatched.md'] }));
    try {
      expect(runHook(['stale-and-mismatched.md', 'clean-brief.md'])).toMatchObject({ status: 0, stderr: '' });
    } finally {
      spawnSync('rm', [join(packed.repo, '.briefcheck.json')]);
    }
  });
});

describe('briefcheck init in the installed package', () => {
  it('points $schema at the schema inside node_modules, which exists, from a subfolder too', () => {
    const dir = mkdtempSync(join(packed.repo, 'init-'));
    const ran = spawnSync(join(packed.repo, 'node_modules/.bin/briefcheck'), ['init'], { cwd: dir, encoding: 'utf8' });
    expect(ran).toMatchObject({ status: 0, stdout: 'wrote .briefcheck.json\n' });
    const schema = /"\$schema": "([^"]+)"/.exec(readFileSync(join(dir, '.briefcheck.json'), 'utf8'))![1]!;
    expect(schema).toBe('../node_modules/briefcheck/schemas/briefcheck.schema.json');
    expect(existsSync(join(dir, schema))).toBe(true);
    spawnSync('rm', ['-r', dir]);
  });
});

describe('docs/ci.md shows the set-ups these tests run', () => {
  const doc = readFileSync(join(repoRoot, 'docs/ci.md'), 'utf8');
  const yamlBlocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

  it('the workflow is the one init writes, using this release of the action', async () => {
    const { workflowText } = await import('../../server/src/cli/init');
    expect(yamlBlocks).toContain(workflowText());
  });

  it('the pre-commit entry names this release and the hook', () => {
    const config = parseYaml(yamlBlocks.find((b) => b.startsWith('repos:'))!);
    const [hook] = parseYaml(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string }[];
    expect(config.repos[0]).toEqual({ repo: 'https://github.com/briefcheck/briefcheck', rev: `v${version}`, hooks: [{ id: hook!.id }] });
  });

  it('the GitLab job, run as GitLab runs its script, writes the Code Quality report and fails on errors', () => {
    const job = parseYaml(yamlBlocks.find((b) => b.includes('codequality'))!).briefcheck as { script: string[]; artifacts: { reports: { codequality: string } } };
    // GitLab stops at the first failing line; npm ci reinstalls the tarball the lock file names.
    const ran = spawnSync('bash', ['-e', '-c', job.script.join('\n')], {
      cwd: packed.repo,
      encoding: 'utf8',
      env: { ...process.env, GITHUB_WORKSPACE: '', CI: 'true', GITLAB_CI: 'true', CI_PROJECT_DIR: packed.repo, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' },
    });
    expect(ran.status).toBe(1);
    const report = JSON.parse(readFileSync(join(packed.repo, job.artifacts.reports.codequality), 'utf8'));
    expect(report.length).toBeGreaterThan(0);
    const paths = new Set(report.map((i: { location: { path: string } }) => i.location.path));
    expect(paths).toContain('stale-and-mismatched.md');
    for (const path of paths) expect(existsSync(join(packed.repo, path as string))).toBe(true);
    spawnSync('rm', [join(packed.repo, job.artifacts.reports.codequality)]);
  });
});
