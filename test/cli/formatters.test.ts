// Each output format on a hand-made result with awkward text (commas, colons, newlines, percent
// signs, XML metacharacters, non-ASCII paths): SARIF against the official schema, GitHub escaping,
// JUnit well-formedness, the JSON shape. test/cli/run.test.ts checks them again on real briefs.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { formatters, streamFormatters } from '../../server/src/cli/formatters/index';
import type { FileResult, FormatContext } from '../../server/src/cli/results';
import { sarifValidator } from './sarif-schema';

const message = 'China: 63%, not 76%\n<b>"oxide" & metal</b>';
const results: FileResult[] = [
  {
    path: 'briefs/mémo, 2025.md',
    absolutePath: '/repo/briefs/mémo, 2025.md',
    asOf: '2026-11-28',
    asOfSource: 'override',
    fixed: 0,
    claims: [],
    problems: [
      {
        ruleId: 'figure-mismatch', severity: 'error', messageId: 'mismatch', message,
        line: 3, column: 5, endLine: 3, endColumn: 8, range: { start: 40, end: 43 },
        fix: { edits: [{ range: { start: 40, end: 43 }, text: '76%' }] },
      },
      {
        ruleId: 'unsourced-figure', severity: 'warning', messageId: 'unsourced', message: 'No citation',
        line: 4, column: 1, endLine: 5, endColumn: 2, range: { start: 50, end: 70 },
      },
      {
        ruleId: 'status-unknown', severity: 'info', messageId: 'unknown', message: 'Unknown after 2026-11-27',
        line: 9, column: 1, endLine: 9, endColumn: 10, range: { start: 90, end: 99 },
      },
    ],
  },
  { path: 'clean.md', absolutePath: '/repo/clean.md', asOf: '2025-05-01', asOfSource: 'front-matter', fixed: 0, claims: [], problems: [] },
];
const context: FormatContext = {
  cwd: '/repo',
  version: '0.1.0',
  color: false,
  rules: ['figure-mismatch', 'status-unknown', 'unsourced-figure'].map((id, i) => ({
    id,
    description: `Rule ${id}`,
    defaultSeverity: ['error', 'info', 'warning'][i]!,
    fixable: i === 0,
    docsUrl: `https://example.org/rules/${id}.md`,
  })),
};

describe('formatters', () => {
  it('sarif is valid SARIF 2.1.0 with rule metadata, levels, regions and fixes', () => {
    const log = JSON.parse(formatters.sarif!(results, context));
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string; helpUri: string }) => [r.id, r.helpUri])).toEqual(
      context.rules.map((r) => [r.id, r.docsUrl]),
    );
    expect(run.results.map((r: { level: string; ruleIndex: number }) => [r.level, r.ruleIndex])).toEqual([['error', 0], ['warning', 2], ['note', 1]]);
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('briefs/m%C3%A9mo%2C%202025.md');
    expect(run.results[0].fixes[0].artifactChanges[0].replacements[0]).toEqual({
      deletedRegion: { charOffset: 40, charLength: 3 },
      insertedContent: { text: '76%' },
    });
  });

  it('sarif without any problem is still a valid log', () => {
    const validate = sarifValidator();
    expect(validate(JSON.parse(formatters.sarif!([], context)))).toBe(true);
  });

  it('github writes one escaped workflow command per problem', () => {
    expect(formatters.github!(results, context).split('\n')).toEqual([
      '::error file=briefs/mémo%2C 2025.md,line=3,col=5,endLine=3,endColumn=8,title=briefcheck figure-mismatch::China: 63%25, not 76%25%0A<b>"oxide" & metal</b>',
      '::warning file=briefs/mémo%2C 2025.md,line=4,col=1,endLine=5,endColumn=2,title=briefcheck unsourced-figure::No citation',
      '::notice file=briefs/mémo%2C 2025.md,line=9,col=1,endLine=9,endColumn=10,title=briefcheck status-unknown::Unknown after 2026-11-27',
      '',
    ]);
  });

  it('junit is well-formed XML that keeps the message text exactly', () => {
    const xml = formatters.junit!(results, context);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    expect(doc.testsuites).toMatchObject({ tests: '4', failures: '3' });
    const [memo, clean] = doc.testsuites.testsuite;
    expect(memo.name).toBe('briefs/mémo, 2025.md');
    expect(memo.testcase[0].failure.message).toBe(message);
    expect(clean.testcase).toMatchObject({ name: 'clean.md' });
  });

  it('json has the version-1 shape with 1-based positions and a summary', () => {
    const report = JSON.parse(formatters.json!(results, context));
    expect(report.version).toBe(1);
    expect(report.summary).toMatchObject({ errors: 1, warnings: 1, infos: 1, files: 2 });
    expect(report.files[0].problems[0]).toEqual({
      ruleId: 'figure-mismatch', severity: 'error', messageId: 'mismatch', message,
      line: 3, column: 5, endLine: 3, endColumn: 8, fix: { edits: [{ range: { start: 40, end: 43 }, text: '76%' }] },
    });
    expect(report.files[1]).toMatchObject({ path: 'clean.md', asOf: '2025-05-01', problems: [] });
  });

  it('stylish groups by file and totals, and prints nothing for a clean run', () => {
    const text = formatters.stylish!(results, context);
    expect(text).toContain('briefs/mémo, 2025.md\n  3:5  error    China: 63%');
    // The total counts the files with problems, and how many were checked when that differs.
    expect(text).toContain('✖ 3 problems (1 error, 1 warning, 1 info) in 1 file (2 checked)\n');
    expect(text).toContain('1 problem can be fixed with --fix');
    expect(formatters.stylish!([results[1]!], context)).toBe('');
  });

  it('json is written brief by brief, yet is exactly the whole report pretty-printed', () => {
    for (const set of [[], [results[0]!], results, [results[1]!, { ...results[0]!, fixed: 2 }]]) {
      const text = formatters.json!(set, context);
      expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + '\n');
      expect(JSON.parse(text).files).toHaveLength(set.length);
    }
  });

  it('stylish written brief by brief is the grouped report with its total line', () => {
    expect(formatters.stylish!([results[1]!, results[0]!, { ...results[1]!, fixed: 1 }], context)).toBe(
      [
        '',
        'briefs/mémo, 2025.md',
        `  3:5  error    ${message}  figure-mismatch`,
        '  4:1  warning  No citation  unsourced-figure',
        '  9:1  info     Unknown after 2026-11-27  status-unknown',
        '',
        '✖ 3 problems (1 error, 1 warning, 1 info) in 1 file (3 checked)',
        '  1 problem can be fixed with --fix',
        '',
        'Fixed 1 problem.',
      ].join('\n') + '\n',
    );
  });

  it.each(Object.keys(streamFormatters))('%s as a stream gives, piece by piece, the whole output', (name) => {
    const stream = streamFormatters[name]!(context);
    const pieces = [...results, results[0]!].map((file) => stream.file(file));
    expect(pieces.join('') + stream.end()).toBe(formatters[name]!([...results, results[0]!], context));
    // Each brief's text comes with the brief: nothing of a later brief is held back.
    expect(pieces[0]).toContain('No citation');
  });
});
