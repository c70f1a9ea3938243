// The CI formats and set-up: GitLab Code Quality with stable fingerprints, the Markdown job summary,
// paths from the repository root in CI, and `briefcheck init`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { formatters } from '../../server/src/cli/formatters/index';
import { schemaReference, WORKFLOW_FILE } from '../../server/src/cli/init';
import type { CliProblem, FileResult, FormatContext } from '../../server/src/cli/results';
import { VERSION } from '../../server/src/cli/version';
import { createConfigLoader } from '../../server/src/node/config';
import { runCli, tempTree } from './helpers';

const problem = (line: number, ruleId: string, message: string, severity: CliProblem['severity'] = 'warning'): CliProblem => ({
  ruleId, severity, messageId: 'm', message, line, column: 1, endLine: line, endColumn: 5, range: { start: 0, end: 4 },
});
const file = (path: string, problems: CliProblem[]): FileResult => ({
  path, absolutePath: `/repo/sub/${path}`, asOf: '2026-11-28', asOfSource: 'today', fixed: 0, claims: [], problems,
});
const context: FormatContext = { cwd: '/repo/sub', version: '0.1.0', color: false, rules: [] };

describe('--format gitlab', () => {
  const results = [
    file('a.md', [problem(3, 'stale-figure', 'Newer figure: 70%', 'error'), problem(8, 'unsourced-figure', 'No citation'), problem(9, 'unsourced-figure', 'No citation', 'info')]),
    file('b.md', []),
  ];

  it('writes the Code Climate fields GitLab reads, with severities GitLab knows', () => {
    const issues = JSON.parse(formatters.gitlab!(results, context));
    expect(issues).toHaveLength(3);
    expect(issues[0]).toEqual({
      type: 'issue', description: 'Newer figure: 70%', check_name: 'stale-figure', categories: ['Bug Risk'],
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/), severity: 'major', location: { path: 'a.md', lines: { begin: 3, end: 3 } },
    });
    expect(issues.map((i: { severity: string }) => i.severity)).toEqual(['major', 'minor', 'info']);
    expect(JSON.parse(formatters.gitlab!([file('b.md', [])], context))).toEqual([]);
  });

  it('fingerprints are unique, and do not change when a problem only moves to another line', () => {
    const first = JSON.parse(formatters.gitlab!(results, context)).map((i: { fingerprint: string }) => i.fingerprint);
    expect(new Set(first).size).toBe(3);
    const moved = [file('a.md', results[0]!.problems.map((p) => ({ ...p, line: p.line + 10, endLine: p.endLine + 10 })))];
    expect(JSON.parse(formatters.gitlab!(moved, context)).map((i: { fingerprint: string }) => i.fingerprint)).toEqual(first);
  });

  it('names files from the project root (CI_PROJECT_DIR), wherever the command ran', async () => {
    const issues = JSON.parse(formatters.gitlab!(results, { ...context, root: '/repo' }));
    expect(issues[0].location.path).toBe('sub/a.md');
    const dir = tempTree({ 'briefs/a.md': 'China supplied 63% of US imports of antimony oxides in January–November 2024.\n' });
    const ran = await runCli(['a.md', '--format', 'gitlab'], { cwd: join(dir, 'briefs'), env: { CI_PROJECT_DIR: dir } });
    expect(JSON.parse(ran.stdout)[0].location.path).toBe('briefs/a.md');
  });
});

describe('paths from the repository root', () => {
  it('github and sarif name files from GITHUB_WORKSPACE, not from the working folder', () => {
    const rooted = { ...context, root: '/repo' };
    expect(formatters.github!(results(), rooted)).toContain('file=sub/a.md,line=3');
    expect(formatters.github!(results(), context)).toContain('file=a.md,line=3');
    const sarif = JSON.parse(formatters.sarif!(results(), rooted));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('sub/a.md');
    // A file outside the root keeps its path as shown.
    expect(formatters.github!(results(), { ...context, root: '/elsewhere' })).toContain('file=a.md,');
  });
  const results = () => [file('a.md', [problem(3, 'stale-figure', 'x')])];
});

describe('--format markdown', () => {
  it('is a table of the briefs with problems, then each one\'s problems, with table cells escaped', () => {
    const text = formatters.markdown!([file('a.md', [problem(3, 'stale-figure', 'A | B `c`', 'error'), problem(8, 'unsourced-figure', 'No citation')]), file('b.md', [])], context);
    expect(text).toBe(
      [
        '## briefcheck',
        '',
        '2 problems (1 error, 1 warning, 0 infos) in 1 of 2 briefs.',
        '',
        '| brief | as of | errors | warnings | infos |',
        '| --- | --- | ---: | ---: | ---: |',
        '| `a.md` | 2026-11-28 | 1 | 1 | 0 |',
        '',
        '### `a.md`',
        '',
        '| line | severity | problem | rule |',
        '| ---: | --- | --- | --- |',
        '| 3:1 | error | A \\| B \\`c\\` | `stale-figure` |',
        '| 8:1 | warning | No citation | `unsourced-figure` |',
        '',
      ].join('\n'),
    );
    expect(formatters.markdown!([file('b.md', [])], context)).toBe('## briefcheck\n\nNo problems in 1 brief.\n');
  });
});

describe('briefcheck init', () => {
  it('writes a commented .briefcheck.json that loads without errors, and the workflow on request', async () => {
    const dir = tempTree({});
    const ran = await runCli(['init', '--workflow'], { cwd: dir });
    expect(ran).toEqual({ code: 0, stdout: `wrote .briefcheck.json\nwrote ${WORKFLOW_FILE}\n`, stderr: '' });
    const text = readFileSync(join(dir, '.briefcheck.json'), 'utf8');
    expect(text).toContain('// ');
    const loaded = await createConfigLoader().loadConfigFor(join(dir, 'a.md'));
    expect(loaded.errors).toEqual([]);
    expect(loaded.config.include).toEqual(['**/*.md']);
    const workflow = parseYaml(readFileSync(join(dir, WORKFLOW_FILE), 'utf8'));
    const step = workflow.jobs.briefcheck.steps.find((s: { uses?: string }) => s.uses?.startsWith('briefcheck/briefcheck@'));
    expect(step.uses).toBe(`briefcheck/briefcheck@v${VERSION}`);
  });

  it('never overwrites a file: it names it, leaves it, writes the rest and exits 2', async () => {
    const dir = tempTree({ '.briefcheck.json': '{ "asOf": "2025-01-01" }\n' });
    const ran = await runCli(['init', '--workflow'], { cwd: dir });
    expect(ran).toEqual({ code: 2, stdout: `wrote ${WORKFLOW_FILE}\n`, stderr: 'briefcheck: .briefcheck.json already exists; left unchanged\n' });
    expect(readFileSync(join(dir, '.briefcheck.json'), 'utf8')).toBe('{ "asOf": "2025-01-01" }\n');
    writeFileSync(join(dir, WORKFLOW_FILE), 'mine\n');
    expect((await runCli(['init', '--workflow'], { cwd: dir })).code).toBe(2);
    expect(readFileSync(join(dir, WORKFLOW_FILE), 'utf8')).toBe('mine\n');
  });

  it('points $schema at the installed package, or at the release when the package lies elsewhere', () => {
    expect(schemaReference('/repo', '/repo/node_modules/briefcheck')).toBe('./node_modules/briefcheck/schemas/briefcheck.schema.json');
    expect(schemaReference('/repo/team', '/repo/node_modules/briefcheck')).toBe('../node_modules/briefcheck/schemas/briefcheck.schema.json');
    expect(schemaReference('/repo', '/repo')).toMatch(/^https:/);
    expect(schemaReference('/repo', '/usr/lib/node_modules/briefcheck')).toBe(`https://raw.githubusercontent.com/briefcheck/briefcheck/v${VERSION}/schemas/briefcheck.schema.json`);
  });
});
