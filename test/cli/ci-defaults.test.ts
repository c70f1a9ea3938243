// The defaults that keep a CI run honest, each checked as a user meets it: patterns that match
// nothing, ignored files named explicitly, a reader that stops early, configuration overlays in the
// data commands, the horizon, nested configuration, colour, the total line and --help.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPTION_NAMES } from '../../server/src/cli/args';
import { DATA_COMMANDS } from '../../server/src/cli/data-command';
import { FORMAT_NAMES } from '../../server/src/cli/formatters/index';
import { repoRoot, runCli, tempTree } from './helpers';

const uncited = 'China supplied 63% of US imports of antimony in 2020–23.\n';
const clean = '# A brief\n\nNothing to check here.\n';
const files = (stdout: string) => (JSON.parse(stdout).files as { path: string }[]).map((f) => f.path);

describe('patterns that match no brief', () => {
  it('a glob or folder that matches nothing is exit 2 naming it, unless --no-error-on-unmatched-pattern', async () => {
    const dir = tempTree({ 'briefs/a.md': clean, 'empty/notes.txt': 'x' });
    const ran = await runCli(['briefs', 'drafts/**/*.md', 'empty'], { cwd: dir });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('briefcheck: no briefs match "drafts/**/*.md"');
    expect(ran.stderr).toContain('briefcheck: no briefs match "empty"');
    const skipped = await runCli(['briefs', 'drafts/**/*.md', 'empty', '--no-error-on-unmatched-pattern', '--format', 'json'], { cwd: dir });
    expect(skipped).toMatchObject({ code: 0, stderr: '' });
    expect(files(skipped.stdout)).toEqual(['briefs/a.md']);
  });

  it('an include pattern of .briefcheck.json that matches nothing is exit 2 naming it', async () => {
    const dir = tempTree({ '.briefcheck.json': JSON.stringify({ include: ['briefs/**/*.md', 'memos/**/*.md'] }), 'briefs/a.md': clean });
    const ran = await runCli([], { cwd: dir });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe('briefcheck: no briefs match "memos/**/*.md" (--no-error-on-unmatched-pattern skips it)\n');
    expect((await runCli(['--no-error-on-unmatched-pattern'], { cwd: dir })).code).toBe(0);
  });

  it('a folder with no brief at all is exit 2 too', async () => {
    const ran = await runCli([], { cwd: tempTree({ 'notes.txt': 'x' }) });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('no briefs match "**/*.md, **/*.markdown"');
  });
});

describe('--respect-ignore-on-named-files', () => {
  it('drops named files that .gitignore or exclude ignores; without it, named files are always checked', async () => {
    const dir = tempTree({
      '.gitignore': 'build/\n',
      '.briefcheck.json': JSON.stringify({ exclude: ['vendor/'] }),
      'a.md': clean,
      'build/out.md': clean,
      'vendor/theirs.md': clean,
    });
    const named = ['a.md', 'build/out.md', 'vendor/theirs.md', '--format', 'json'];
    expect(files((await runCli(named, { cwd: dir })).stdout)).toEqual(['a.md', 'build/out.md', 'vendor/theirs.md']);
    const respected = await runCli([...named, '--respect-ignore-on-named-files'], { cwd: dir });
    expect(respected).toMatchObject({ code: 0, stderr: '' });
    expect(files(respected.stdout)).toEqual(['a.md']);
    // A hook handed only ignored files has nothing to do, which is not an error.
    const none = await runCli(['build/out.md', '--respect-ignore-on-named-files'], { cwd: dir });
    expect(none).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('a reader that stops early', () => {
  it('`briefcheck ... | true` ends quietly with the status of a broken pipe, not a stack trace', () => {
    // `true` exits at once, so every write of the report meets a closed pipe.
    const script = `node bin/briefcheck.js examples --as-of 2026-11-28 | true; echo "status=\${PIPESTATUS[0]}"`;
    const ran = spawnSync('bash', ['-c', script], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, BRIEFCHECK_WORKERS: '1' } });
    expect(ran.stderr).toBe('');
    expect(ran.stdout).toBe('status=141\n');
  });
});

describe('data commands and the configuration', () => {
  const source = { id: 'team-extract', title: 'Team trade extract', publisher: 'Example analytics team', url: 'https://example.org/trade', published: '2025-03-01', tier: 'authoritative' };

  it('data validate and data info include the overlays .briefcheck.json names', async () => {
    const dir = tempTree({ '.briefcheck.json': JSON.stringify({ data: ['overlays/team.json'] }), 'overlays/team.json': JSON.stringify({ sources: [source] }) });
    const validate = await runCli(['data', 'validate'], { cwd: dir });
    expect(validate).toMatchObject({ code: 0, stderr: '' });
    expect(validate.stdout).toMatch(/is valid with 1 overlay\.\n$/);
    const info = await runCli(['data', 'info', '--format', 'json'], { cwd: dir });
    const bundled = await runCli(['data', 'info', '--format', 'json'], { cwd: tempTree({}) });
    expect(JSON.parse(info.stdout).counts.sources).toBe(JSON.parse(bundled.stdout).counts.sources + 1);

    writeFileSync(join(dir, 'overlays/team.json'), JSON.stringify({ sources: [{ id: 'broken' }] }));
    const broken = await runCli(['data', 'validate'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('overlays/team.json');
  });

  it('an overlay cannot move the horizon', async () => {
    const dir = tempTree({ 'late.json': JSON.stringify({ meta: { horizon: '2030-01-01' } }) });
    const ran = await runCli(['data', 'validate', 'late.json'], { cwd: dir });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/late\.json: \/meta\/horizon: an overlay cannot move the dataset's horizon \(\d{4}-\d{2}-\d{2}\) to 2030-01-01/);
    const info = await runCli(['data', 'info', '--format', 'json', '--data', 'late.json'], { cwd: dir });
    expect(JSON.parse(info.stdout).horizon).not.toBe('2030-01-01');
  });
});

describe('nested .briefcheck.json', () => {
  it('extends the files above it unless it says "root": true, and may hold comments', async () => {
    const dir = tempTree({
      '.briefcheck.json': '{\n  // the whole repository\n  "asOf": "2025-05-01",\n  "rules": { "unsourced-figure": "error" }\n}\n',
      'team/.briefcheck.json': '{ /* only the rule */ "rules": { "unsourced-figure": "info" } }',
      'team/a.md': uncited,
      'solo/.briefcheck.json': '{ "root": true }',
      'solo/b.md': uncited,
    });
    const report = JSON.parse((await runCli(['--format', 'json'], { cwd: dir })).stdout);
    const byPath = Object.fromEntries(report.files.map((f: { path: string }) => [f.path, f]));
    expect(byPath['team/a.md']).toMatchObject({ asOf: '2025-05-01', asOfSource: 'config', problems: [expect.objectContaining({ ruleId: 'unsourced-figure', severity: 'info' })] });
    // Checked today, long after the dataset's newest source, the brief also gets the data-age notice.
    expect(byPath['solo/b.md']).toMatchObject({ asOf: '2026-11-28', asOfSource: 'today', problems: expect.arrayContaining([expect.objectContaining({ ruleId: 'unsourced-figure', severity: 'warning' })]) });
  });
});

describe('colour', () => {
  const dir = tempTree({ 'a.md': uncited });
  it('FORCE_COLOR turns colour on through a pipe, FORCE_COLOR=0 off on a terminal; NO_COLOR too', async () => {
    expect((await runCli([], { cwd: dir, env: {} })).stdout).not.toContain('\u001b[');
    expect((await runCli([], { cwd: dir, env: { FORCE_COLOR: '1' } })).stdout).toContain('\u001b[33mwarning');
    expect((await runCli([], { cwd: dir, env: { FORCE_COLOR: '0' }, stdoutIsTTY: true })).stdout).not.toContain('\u001b[');
    expect((await runCli([], { cwd: dir, env: { NO_COLOR: '1' }, stdoutIsTTY: true })).stdout).not.toContain('\u001b[');
    expect((await runCli([], { cwd: dir, env: {}, stdoutIsTTY: true })).stdout).toContain('\u001b[');
  });
});

describe('the total line and --help', () => {
  it('counts the files with problems, and how many were checked', async () => {
    const dir = tempTree({ 'a.md': uncited, 'b.md': clean, 'c.md': clean });
    expect((await runCli(['--rule', 'data-age=off'], { cwd: dir })).stdout).toContain('✖ 1 problem (0 errors, 1 warning) in 1 file (3 checked)\n');
  });

  it('--help lists every command, data command, format and option', async () => {
    const help = (await runCli(['--help'])).stdout;
    for (const command of ['claims', 'rules', 'init', ...DATA_COMMANDS.map((c) => `data ${c}`)]) expect(help).toContain(`  ${command} `);
    for (const format of FORMAT_NAMES) expect(help).toMatch(new RegExp(`\\b${format}\\b`));
    for (const option of OPTION_NAMES) expect(help).toContain(`--${option}`);
    expect((await runCli(['data', '--help'])).stdout).toMatch(/briefcheck data figures/);
  });
});
