// The command on the repository's example briefs: every format checked (SARIF against the official
// schema), the claims worklist, --fix twice on a copy, the cache across runs, and the memo modelled
// on the 2025 one checked as of 2026-11-28 and as of 2025-05-01.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './helpers';
import { sarifValidator } from './sarif-schema';

const examples = join(repoRoot, 'examples');
const asOf = ['--as-of', '2026-11-28'];
const briefs = () => readdirSync(examples).filter((f) => f.endsWith('.md')).sort();
const findMemo = () => briefs().find((f) => /antimony/i.test(readFileSync(join(examples, f), 'utf8')) && /63\s?%/.test(readFileSync(join(examples, f), 'utf8')));

function copyExamples(): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefcheck-examples-'));
  cpSync(examples, dir, { recursive: true });
  return dir;
}

describe('formats on the examples', () => {
  it('json lists every example with version-1 problems and a summary that adds up', async () => {
    const ran = await runCli(['examples', '--format', 'json', ...asOf]);
    expect([0, 1]).toContain(ran.code);
    const report = JSON.parse(ran.stdout);
    expect(report.version).toBe(1);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(briefs().map((b) => `examples/${b}`));
    const all = report.files.flatMap((f: { problems: unknown[] }) => f.problems);
    expect(all.length).toBeGreaterThan(0);
    for (const p of all) {
      expect(Object.keys(p)).toEqual(expect.arrayContaining(['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']));
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.column).toBeGreaterThanOrEqual(1);
      expect(p.endLine > p.line || (p.endLine === p.line && p.endColumn >= p.column)).toBe(true);
    }
    const count = (s: string) => all.filter((p: { severity: string }) => p.severity === s).length;
    expect(report.summary).toMatchObject({ errors: count('error'), warnings: count('warning'), infos: count('info'), files: briefs().length });
    expect(ran.code).toBe(report.summary.errors > 0 ? 1 : 0);
  });

  it('sarif validates against the SARIF 2.1.0 schema and carries every rule with a help link', async () => {
    const ran = await runCli(['examples', '--format', 'sarif', ...asOf]);
    const log = JSON.parse(ran.stdout);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const rules = (await runCli(['rules', '--format', 'json'])).stdout;
    expect(log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(JSON.parse(rules).rules.map((r: { id: string }) => r.id));
    for (const r of log.runs[0].tool.driver.rules) expect(r.helpUri).toMatch(/^https:\/\//);
    expect(log.runs[0].results.length).toBeGreaterThan(0);
  });

  it('github prints one well-formed annotation per problem', async () => {
    const json = JSON.parse((await runCli(['examples', '--format', 'json', ...asOf])).stdout);
    const lines = (await runCli(['examples', '--format', 'github', ...asOf])).stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(json.files.reduce((n: number, f: { problems: unknown[] }) => n + f.problems.length, 0));
    for (const line of lines) {
      expect(line).toMatch(/^::(error|warning|notice) file=examples\/[^,:]+\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=briefcheck [a-z-]+::[^\n\r]+$/);
    }
  });

  it('junit parses as XML with one failure per problem', async () => {
    const json = JSON.parse((await runCli(['examples', '--format', 'json', ...asOf])).stdout);
    const xml = (await runCli(['examples', '--format', 'junit', ...asOf])).stdout;
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const total = json.summary.errors + json.summary.warnings + json.summary.infos;
    expect(Number(doc.testsuites.failures)).toBe(total);
  });

  it('stylish prints each file with problems and a total', async () => {
    const ran = await runCli(['examples', ...asOf]);
    expect(ran.stdout).toMatch(/^examples\/.+\.md$/m);
    expect(ran.stdout).toMatch(/✖ \d+ problems? \(\d+ errors?, \d+ warnings?/);
  });
});

describe('briefcheck claims', () => {
  it('lists every recognised claim with its verdict, position and record, in the version-1 shape', async () => {
    const ran = await runCli(['claims', 'examples', '--format', 'json', ...asOf]);
    expect(ran.code).toBe(0);
    const report = JSON.parse(ran.stdout);
    expect(report.version).toBe(1);
    const claims = report.files.flatMap((f: { claims: unknown[] }) => f.claims);
    expect(new Set(claims.map((c: { kind: string }) => c.kind))).toEqual(new Set(['mention', 'figure', 'control', 'count', 'unread']));
    for (const c of claims.filter((c: { kind: string }) => c.kind === 'unread')) expect(c.why).toEqual(expect.any(String));
    for (const c of claims) {
      expect(['verified', 'stale', 'mismatch', 'wrong', 'changed', 'unknown', 'unverifiable']).toContain(c.verdict);
      expect(c).toEqual(expect.objectContaining({ minerals: expect.any(Array), text: expect.any(String), line: expect.any(Number), column: expect.any(Number), endLine: expect.any(Number), endColumn: expect.any(Number) }));
      if (c.record) expect(c.record).toEqual({ kind: expect.any(String), id: expect.any(String), sources: expect.any(Array) });
    }
    const table = await runCli(['claims', 'examples', ...asOf]);
    expect(table.stdout).toMatch(/\d+ claims: /);
  });
});

describe('--fix', () => {
  it('fixes a copy of the examples, and a second run changes nothing', async () => {
    const dir = copyExamples();
    const before = Object.fromEntries(briefs().map((b) => [b, readFileSync(join(dir, b), 'utf8')]));
    const first = await runCli(['--fix', '--format', 'json', ...asOf], { cwd: dir });
    const fixed = JSON.parse(first.stdout).files.filter((f: { fixed?: number }) => f.fixed);
    expect(fixed.length).toBeGreaterThan(0);
    for (const f of fixed) expect(readFileSync(join(dir, f.path), 'utf8')).not.toBe(before[f.path]);
    const after = Object.fromEntries(briefs().map((b) => [b, readFileSync(join(dir, b), 'utf8')]));
    const second = await runCli(['--fix', '--format', 'json', ...asOf], { cwd: dir });
    expect(JSON.parse(second.stdout).files.filter((f: { fixed?: number }) => f.fixed)).toEqual([]);
    for (const b of briefs()) expect(readFileSync(join(dir, b), 'utf8')).toBe(after[b]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('--cache', () => {
  const counts = (stderr: string) => {
    const m = /checked (\d+) briefs?, (\d+) from the cache/.exec(stderr);
    return m ? { checked: Number(m[1]), cached: Number(m[2]) } : undefined;
  };

  it('reuses results for unchanged briefs and re-checks what changed, whole runs on a config change', async () => {
    const dir = copyExamples();
    const n = briefs().length;
    const env = { BRIEFCHECK_DEBUG: '1' };
    const args = ['--cache', '--format', 'json', ...asOf];
    const cold = await runCli(args, { cwd: dir, env });
    expect(counts(cold.stderr)).toEqual({ checked: n, cached: 0 });
    const warm = await runCli(args, { cwd: dir, env });
    expect(counts(warm.stderr)).toEqual({ checked: n, cached: n });
    expect(warm.stdout).toBe(cold.stdout);
    const first = briefs()[0]!;
    writeFileSync(join(dir, first), `${readFileSync(join(dir, first), 'utf8')}\nOne more line.\n`);
    expect(counts((await runCli(args, { cwd: dir, env })).stderr)).toEqual({ checked: n, cached: n - 1 });
    writeFileSync(join(dir, '.briefcheck.json'), JSON.stringify({ rules: { 'unsourced-figure': 'off' } }));
    expect(counts((await runCli(args, { cwd: dir, env })).stderr)).toEqual({ checked: n, cached: 0 });
    expect(counts((await runCli([...args, '--as-of', '2025-05-01'], { cwd: dir, env })).stderr)).toEqual({ checked: n, cached: 0 });
  });
});

describe('the example modelled on the 2025 memo', () => {
  const check = async (date: string) => {
    const memo = findMemo();
    expect(memo, 'an example with the antimony-oxide import shares').toBeDefined();
    const problems = JSON.parse((await runCli([`examples/${memo}`, '--format', 'json', '--as-of', date])).stdout).files[0].problems;
    const claims = JSON.parse((await runCli(['claims', `examples/${memo}`, '--format', 'json', '--as-of', date])).stdout).files[0].claims;
    return { problems: problems as { ruleId: string; severity: string }[], claims: claims as { kind: string; minerals: string[]; verdict: string; text: string }[] };
  };

  it('as of 2026-11-28: the US ban has changed and is now unknown; no false control-status; titanium and the count are not wrong', async () => {
    const { problems, claims } = await check('2026-11-28');
    const ids = problems.map((p) => p.ruleId);
    expect(ids).toContain('status-changed');
    expect(ids).toContain('status-unknown');
    expect(ids).not.toContain('control-status');
    expect(ids).not.toContain('control-count');
    const titanium = claims.filter((c) => c.kind === 'control' && c.minerals.includes('titanium'));
    expect(titanium.length).toBeGreaterThan(0);
    for (const c of titanium) expect(c.verdict).toBe('unverifiable');
    const counts = claims.filter((c) => c.kind === 'count' && /17/.test(c.text));
    expect(counts.length).toBeGreaterThan(0);
    for (const c of counts) expect(c.verdict).not.toBe('wrong');
  });

  it('as of 2025-05-01: no warning about control status for claims that were true then', async () => {
    const { problems } = await check('2025-05-01');
    const statusRules = ['control-status', 'status-changed', 'status-unknown', 'control-count'];
    expect(problems.filter((p) => statusRules.includes(p.ruleId))).toEqual([]);
  });
});
