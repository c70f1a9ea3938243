// The command as users meet it, run in-process with run(argv, io): every subcommand, flag and exit
// code on temporary brief folders, and a clear one-line message for every kind of bad input.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../server/src/core/rules/index';
import { runCli, tempTree } from './helpers';

// True (the dataset gives 76% for oxides, 2020–23) but uncited: only unsourced-figure reports it.
const uncited = 'China supplied 63% of US imports of antimony in 2020–23.\n';
const noClaims = '# Notes\n\nNothing here names a mineral.\n';

/** No line of output may look like a stack trace. */
function expectNoStack(text: string) {
  expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}

describe('briefcheck --help, --version, rules', () => {
  it('prints usage and the version and exits 0', async () => {
    const help = await runCli(['--help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toContain('Usage: briefcheck [options] [paths or globs...]');
    const version = await runCli(['--version']);
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
    expect(version).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('lists every rule with its default severity, fixability and docs link', async () => {
    const table = await runCli(['rules']);
    expect(table.code).toBe(0);
    for (const id of Object.keys(rules)) expect(table.stdout).toContain(id);
    const listed = JSON.parse((await runCli(['rules', '--format', 'json'])).stdout);
    expect(listed.rules.map((r: { id: string }) => r.id)).toEqual(Object.keys(rules).sort());
    for (const rule of listed.rules) {
      const meta = rules[rule.id as keyof typeof rules]!.meta;
      expect(rule).toMatchObject({ defaultSeverity: meta.defaultSeverity, fixable: meta.fixable, description: meta.description });
      expect(rule.docsUrl).toMatch(new RegExp(`^https://.+/${rule.id}\\.md$`));
    }
  });
});

describe('status-unknown as printed', () => {
  it('names the claim once, and a record only when there is one', async () => {
    const dir = tempTree({ 'a.md': 'China bans exports of gallium and graphite to the US.\n\nChina requires export licences for gallium.\n' });
    const late = await runCli(['--as-of', '2026-11-28', '--rule', 'data-age=off', '--rule', 'control-status=off'], { cwd: dir });
    expect(late.stdout).toContain('Whether a ban on exports to the US for gallium and graphite holds on 2026-11-28 cannot be known for gallium: ');
    expect(late.stdout).toContain('; the last record is MOFCOM Announcement No. 46 of 2024 (');
    const early = await runCli(['--as-of', '2023-04-02'], { cwd: dir });
    expect(early.stdout).toContain("Whether export licensing for gallium holds on 2023-04-02 cannot be known: the date is before the dataset's coverage, which starts on 2023-07-01.");
    expect(early.stdout).not.toContain('last record');
  });
});

describe('exit codes', () => {
  it('0 when there are no errors', async () => {
    const dir = tempTree({ 'a.md': noClaims });
    expect(await runCli([], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('1 when a rule reports an error, with the problem in the output', async () => {
    const dir = tempTree({ 'a.md': uncited });
    const ran = await runCli(['--rule', 'unsourced-figure=error', '--format', 'json'], { cwd: dir });
    expect(ran.code).toBe(1);
    const report = JSON.parse(ran.stdout);
    expect(report.files[0].problems).toContainEqual(expect.objectContaining({ ruleId: 'unsourced-figure', severity: 'error', line: 1 }));
  });

  it('1 when warnings exceed --max-warnings, 0 when they do not; --quiet reports errors only', async () => {
    const dir = tempTree({ 'a.md': uncited });
    const base = ['--rule', 'unsourced-figure=warning'];
    const within = await runCli([...base, '--format', 'json'], { cwd: dir });
    const warnings = JSON.parse(within.stdout).summary.warnings as number;
    expect(warnings).toBeGreaterThan(0);
    expect((await runCli([...base, '--max-warnings', String(warnings)], { cwd: dir })).code).toBe(0);
    const over = await runCli([...base, '--max-warnings', String(warnings - 1)], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain(`more than --max-warnings ${warnings - 1}`);
    const quiet = await runCli([...base, '--quiet', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(quiet.stdout).summary.warnings).toBe(0);
  });

  it('2 for a usage error, with one line and a pointer to --help', async () => {
    const ran = await runCli(['--format', 'xml']);
    expect(ran).toEqual({
      code: 2,
      stdout: '',
      stderr: 'briefcheck: --format must be one of stylish, json, sarif, github, gitlab, junit, markdown, got "xml"\nRun briefcheck --help for usage.\n',
    });
  });
});

describe('bad input gets one clear message naming the file, never a stack trace', () => {
  it.each([
    ['an unknown rule id', { rules: { 'stale-figur': 'error' } }, '/rules/stale-figur: unknown rule id "stale-figur"'],
    ['a bad severity', { rules: { 'stale-figure': 'loud' } }, '/rules/stale-figure: must be one of'],
    ['a bad date', { asOf: 'yesterday' }, '/asOf: must be a real date written YYYY-MM-DD'],
  ])('a configuration with %s exits 2', async (_, config, message) => {
    const dir = tempTree({ '.briefcheck.json': JSON.stringify(config), 'a.md': uncited });
    const ran = await runCli([], { cwd: dir });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe(`briefcheck: invalid configuration: ${join(dir, '.briefcheck.json')}: ${message}${ran.stderr.slice(ran.stderr.indexOf(message) + message.length)}`);
    expect(ran.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a configuration that is not JSON exits 2 naming the line', async () => {
    const dir = tempTree({ '.briefcheck.json': '{ "asOf": ', 'a.md': uncited });
    const ran = await runCli([], { cwd: dir });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/^briefcheck: invalid configuration: .*\.briefcheck\.json: invalid JSON/);
  });

  it('a --config file that does not exist exits 2', async () => {
    const dir = tempTree({ 'a.md': uncited });
    const ran = await runCli(['--config', 'ci.json'], { cwd: dir });
    expect(ran).toMatchObject({ code: 2, stderr: `briefcheck: invalid configuration: ${join(dir, 'ci.json')}: configuration file not found\n` });
  });

  it('a bad dataset overlay exits 2 with a dataset error', async () => {
    const dir = tempTree({ '.briefcheck.json': JSON.stringify({ data: ['overlay.json'] }), 'overlay.json': '{ "minerals": [ { "id": 7 } ] }', 'a.md': uncited });
    const ran = await runCli([], { cwd: dir });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/^briefcheck: dataset error: .*overlay\.json/m);
    expectNoStack(ran.stderr);
  });

  it.each([
    ['a missing file', {}, 'gone.md', 'gone.md: no such file'],
    ['a folder holding no brief', { 'dir.md/a.txt': 'x' }, 'dir.md', 'no briefs match "dir.md"'],
    ['a binary file', { 'bin.md': Buffer.from([0x23, 0x20, 0x00, 0xff]) }, 'bin.md', 'bin.md: looks like a binary file (it contains NUL bytes); skipped'],
    ['a file that is not UTF-8', { 'latin.md': Buffer.from('caf\xe9', 'latin1') }, 'latin.md', 'latin.md: is not valid UTF-8 text; skipped'],
    ['a glob that matches nothing', {}, 'nothing/*.md', 'no briefs match "nothing/*.md"'],
  ])('%s exits 2 and the other briefs are still checked', async (_, files, arg, message) => {
    const dir = tempTree({ ...files, 'ok.md': uncited });
    const ran = await runCli([arg, 'ok.md', '--format', 'json'], { cwd: dir });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(message);
    expectNoStack(ran.stderr);
    expect(JSON.parse(ran.stdout).files.map((f: { path: string }) => f.path)).toEqual(['ok.md']);
  });

  it('a huge file is skipped with its size, and exits 2', async () => {
    const dir = tempTree({ 'huge.md': Buffer.alloc(10.5 * 1024 * 1024, 'a') });
    const ran = await runCli(['huge.md'], { cwd: dir });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe('briefcheck: huge.md: is 10.5 MB, over the 10 MB limit for a brief; skipped\n');
  });

  it('an empty file is checked with a note and does not change the exit code', async () => {
    const dir = tempTree({ 'empty.md': '' });
    const ran = await runCli(['empty.md', '--format', 'json'], { cwd: dir });
    expect(ran.code).toBe(0);
    expect(ran.stderr).toBe('briefcheck: empty.md: empty file, nothing to check\n');
    expect(JSON.parse(ran.stdout).files[0]).toMatchObject({ path: 'empty.md', problems: [] });
  });
});

describe('as-of precedence', () => {
  const asOf = async (dir: string, argv: string[] = []) => {
    const report = JSON.parse((await runCli(['--format', 'json', ...argv], { cwd: dir })).stdout);
    return report.files.map((f: { path: string; asOf: string; asOfSource: string }) => [f.path, f.asOf, f.asOfSource]);
  };

  it('takes --as-of, then front matter as_of or date, then config asOf, then today', async () => {
    const dir = tempTree({
      '.briefcheck.json': JSON.stringify({ asOf: '2025-06-30' }),
      'a-front-as-of.md': '---\nas_of: 2025-05-01\ndate: 2024-01-01\n---\n# A\n',
      'b-front-date.md': '---\ndate: 2025-03-15\n---\n# B\n',
      'c-config.md': '# C\n',
      'other/.briefcheck.json': '{ "root": true }',
      'other/d-today.md': '# D\n',
    });
    expect(await asOf(dir)).toEqual([
      ['a-front-as-of.md', '2025-05-01', 'front-matter'],
      ['b-front-date.md', '2025-03-15', 'front-matter'],
      ['c-config.md', '2025-06-30', 'config'],
      ['other/d-today.md', '2026-11-28', 'today'],
    ]);
    const overridden = await asOf(dir, ['--as-of', '2026-01-02']);
    expect(overridden.map((row: string[]) => row.slice(1))).toEqual(Array(4).fill(['2026-01-02', 'override']));
  });
});

describe('--stdin', () => {
  it('checks standard input, reports it under --stdin-filename and finds configuration from there', async () => {
    const dir = tempTree({ 'briefs/.briefcheck.json': JSON.stringify({ asOf: '2025-05-01' }) });
    const ran = await runCli(['--stdin', '--stdin-filename', 'briefs/new.md', '--format', 'json'], {
      cwd: dir,
      stdin: async () => uncited,
    });
    const file = JSON.parse(ran.stdout).files[0];
    expect(file).toMatchObject({ path: 'briefs/new.md', asOf: '2025-05-01', asOfSource: 'config' });
  });

  it('refuses --fix on standard input', async () => {
    expect((await runCli(['--stdin', '--fix'], { stdin: async () => uncited })).code).toBe(2);
  });
});

describe('--shard', () => {
  it('splits the run into disjoint shards whose union is the whole run', async () => {
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`b${String(i).padStart(2, '0')}.md`, uncited]));
    const dir = tempTree(files);
    const paths = async (argv: string[]) =>
      JSON.parse((await runCli(['--format', 'json', ...argv], { cwd: dir })).stdout).files.map((f: { path: string }) => f.path);
    const whole = await paths([]);
    const shards = [await paths(['--shard', '1/3']), await paths(['--shard', '2/3']), await paths(['--shard', '3/3'])];
    expect(shards.flat().sort()).toEqual(whole);
    expect(new Set(shards.flat()).size).toBe(whole.length);
    expect(await paths(['--shard', '2/3'])).toEqual(shards[1]);
  });
});

describe('progress', () => {
  const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`b${i}.md`, noClaims]));

  it('is drawn on a terminal for long runs and cleared at the end', async () => {
    const dir = tempTree(many);
    const ran = await runCli([], { cwd: dir, isTTY: true });
    expect(ran.stderr).toMatch(/^\r\u001b\[2Kchecking 1\/60 b0\.md/);
    expect(ran.stderr.endsWith('\r\u001b[2K')).toBe(true);
  });

  it('prints nothing when piped', async () => {
    const dir = tempTree(many);
    expect((await runCli([], { cwd: dir, isTTY: false })).stderr).toBe('');
  });
});

describe('writing files', () => {
  it('keeps the brief byte-identical when --fix has nothing to fix', async () => {
    const dir = tempTree({ 'a.md': noClaims });
    expect((await runCli(['--fix'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(noClaims);
  });

  it('writes the cache where --cache-location says', async () => {
    const dir = tempTree({ 'a.md': noClaims });
    await runCli(['--cache', '--cache-location', 'my-cache.json'], { cwd: dir });
    expect(JSON.parse(readFileSync(join(dir, 'my-cache.json'), 'utf8').split('\n')[0]!)).toEqual({ format: 3 });
    writeFileSync(join(dir, 'my-cache.json'), 'garbage');
    const ran = await runCli(['--cache', '--cache-location', 'my-cache.json'], { cwd: dir });
    expect(ran.code).toBe(0);
    expect(ran.stderr).toBe(`briefcheck: ignoring the cache ${join(dir, 'my-cache.json')}: it is corrupt; checking every file\n`);
  });

  it('heals a cache whose entry is damaged: the same output, one note, and no note on the next run', async () => {
    const dir = tempTree({ 'a.md': uncited, 'b.md': noClaims });
    const plain = await runCli(['--format', 'json'], { cwd: dir });
    await runCli(['--cache'], { cwd: dir });
    const cacheFile = join(dir, '.briefcheckcache');
    writeFileSync(cacheFile, readFileSync(cacheFile, 'utf8').replace('"range"', '"rangX"'));
    const damaged = await runCli(['--cache', '--format', 'json'], { cwd: dir });
    expect([damaged.code, damaged.stdout]).toEqual([plain.code, plain.stdout]);
    expect(damaged.stderr).toBe(`briefcheck: the cache ${cacheFile} has damaged entries; their briefs are checked again and the entries rewritten\n`);
    const healed = await runCli(['--cache', '--format', 'json'], { cwd: dir });
    expect([healed.code, healed.stdout, healed.stderr]).toEqual([plain.code, plain.stdout, '']);
  });

  it('prints from the cache exactly what an uncached run prints, for checks and for the claims worklist', async () => {
    const dir = tempTree({ 'a.md': uncited, 'b.md': noClaims });
    const env = { BRIEFCHECK_DEBUG: '1' };
    const plain = await runCli(['a.md', 'b.md', '--format', 'json'], { cwd: dir });
    const claims = await runCli(['claims', 'a.md', 'b.md', '--format', 'json'], { cwd: dir });
    expect((await runCli(['a.md', 'b.md', '--cache', '--format', 'json'], { cwd: dir })).stdout).toBe(plain.stdout);
    // The check stored no claims, so the claims worklist checks again and then stores them.
    const claimsCold = await runCli(['claims', 'a.md', 'b.md', '--cache', '--format', 'json'], { cwd: dir, env });
    expect(claimsCold.stdout).toBe(claims.stdout);
    expect(claimsCold.stderr).toContain('checked 2 briefs, 0 from the cache');
    const claimsWarm = await runCli(['claims', 'a.md', 'b.md', '--cache', '--format', 'json'], { cwd: dir, env });
    expect(claimsWarm.stdout).toBe(claims.stdout);
    expect(claimsWarm.stderr).toContain('checked 2 briefs, 2 from the cache');
    const warm = await runCli(['a.md', 'b.md', '--cache', '--format', 'json'], { cwd: dir, env });
    expect(warm.stdout).toBe(plain.stdout);
    expect(warm.stderr).toContain('checked 2 briefs, 2 from the cache');
    expect(claims.stdout).toContain('antimony');
  });

  it('applies each folder its own configuration within one run, with and without the cache', async () => {
    const dir = tempTree({
      'a/one.md': uncited,
      'a/two.md': uncited,
      'b/.briefcheck.json': JSON.stringify({ rules: { 'unsourced-figure': 'off' } }),
      'b/one.md': uncited,
      'b/c/one.md': uncited,
      'two.md': uncited,
    });
    for (const extra of [[], ['--cache'], ['--cache']]) {
      const ran = await runCli(['.', '--format', 'json', ...extra], { cwd: dir });
      const rules = Object.fromEntries(JSON.parse(ran.stdout).files.map((f: { path: string; problems: { ruleId: string }[] }) => [f.path, f.problems.some((p) => p.ruleId === 'unsourced-figure')]));
      expect(rules).toEqual({ 'a/one.md': true, 'a/two.md': true, 'b/c/one.md': false, 'b/one.md': false, 'two.md': true });
    }
  });

  it('misses the cache when only the as-of date or today changes, within one process', async () => {
    const dir = tempTree({ 'a.md': uncited, 'b.md': noClaims });
    const env = { BRIEFCHECK_DEBUG: '1' };
    const counted = async (argv: string[], today = '2026-11-28') => (await runCli([...argv, '--cache', '--format', 'json'], { cwd: dir, env, today })).stderr;
    expect(await counted(['a.md', 'b.md'])).toContain('checked 2 briefs, 0 from the cache');
    expect(await counted(['a.md', 'b.md'])).toContain('checked 2 briefs, 2 from the cache');
    expect(await counted(['a.md', 'b.md', '--as-of', '2025-01-01'])).toContain('checked 2 briefs, 0 from the cache');
    expect(await counted(['a.md', 'b.md', '--as-of', '2025-01-01'])).toContain('checked 2 briefs, 2 from the cache');
    expect(await counted(['a.md', 'b.md'], '2026-11-29')).toContain('checked 2 briefs, 0 from the cache');
  });
});
