// Argument parsing: every flag the issue names, and a one-sentence usage error for each mistake.
import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from '../../server/src/cli/args';
import { inShard, shardOf } from '../../server/src/cli/shard';

const ids = new Set(['stale-figure', 'unsourced-figure']);

describe('parseCliArgs', () => {
  it('reads every flag', () => {
    const options = parseCliArgs(
      ['--format', 'sarif', '--as-of', '2025-05-01', '--fix', '--rule', 'stale-figure=error', '--rule', 'unsourced-figure=off',
        '--config', 'ci.json', '--max-warnings', '3', '--quiet', '--cache', '--cache-location', 'c.json', '--shard', '2/3',
        '--no-error-on-unmatched-pattern', '--respect-ignore-on-named-files', 'briefs', '*.md'],
      ids,
    );
    expect(options).toEqual({
      command: 'check', patterns: ['briefs', '*.md'], format: 'sarif', asOf: '2025-05-01', fix: true,
      rules: { 'stale-figure': 'error', 'unsourced-figure': 'off' }, config: 'ci.json', maxWarnings: 3, quiet: true,
      cache: true, cacheLocation: 'c.json', shard: { index: 2, count: 3 }, stdin: false,
      errorOnUnmatchedPattern: false, respectIgnoreOnNamedFiles: true, workflow: false,
    });
  });

  it('reads subcommands and stdin', () => {
    expect(parseCliArgs(['claims', 'a.md', '--format', 'json'], ids)).toMatchObject({ command: 'claims', patterns: ['a.md'], format: 'json' });
    expect(parseCliArgs(['rules'], ids).command).toBe('rules');
    expect(parseCliArgs(['init', '--workflow'], ids)).toMatchObject({ command: 'init', workflow: true, patterns: [] });
    expect(parseCliArgs(['a.md'], ids)).toMatchObject({ errorOnUnmatchedPattern: true, respectIgnoreOnNamedFiles: false });
    expect(parseCliArgs(['--stdin', '--stdin-filename', 'x.md'], ids)).toMatchObject({ stdin: true, stdinFilename: 'x.md' });
  });

  it.each([
    [['--format', 'xml'], '--format must be one of stylish, json, sarif, github, gitlab, junit, markdown, got "xml"'],
    [['claims', 'a.md', '--format', 'sarif'], '--format must be one of stylish, json for claims, got "sarif"'],
    [['--as-of', '2025-13-01'], '--as-of expects a date written YYYY-MM-DD, got "2025-13-01"'],
    [['--rule', 'stale-figure'], '--rule expects id=severity (for example stale-figure=error), got "stale-figure"'],
    [['--rule', 'made-up=error'], '--rule names an unknown rule "made-up" (see briefcheck rules)'],
    [['--rule', 'stale-figure=loud'], '--rule stale-figure: severity must be one of error, warning, info, off'],
    [['--max-warnings', 'many'], '--max-warnings expects a whole number of 0 or more, got "many"'],
    [['--shard', '3/2'], '--shard expects I/N with 1 <= I <= N (for example 2/4), got "3/2"'],
    [['--stdin', 'a.md'], 'give either --stdin or paths, not both'],
    [['--stdin', '--fix'], '--fix cannot rewrite standard input; run it on the file'],
    [['--stdin-filename', 'a.md'], '--stdin-filename only makes sense with --stdin'],
    [['--workflow'], '--workflow only applies to briefcheck init'],
    [['init', 'briefs'], 'briefcheck init takes no paths; run it in the folder to set up'],
    [['claims'], 'briefcheck claims needs at least one file'],
    [['--frobnicate'], "Unknown option '--frobnicate'"],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv, ids)).toThrow(UsageError);
    expect(() => parseCliArgs(argv, ids)).toThrow(message);
  });
});

describe('shards', () => {
  it('split a file list into disjoint parts that together are the whole, stably', () => {
    const paths = Array.from({ length: 200 }, (_, i) => `briefs/${i}.md`);
    const parts = [1, 2, 3, 4].map((index) => paths.filter((p) => inShard(p, { index, count: 4 })));
    expect(parts.flat().sort()).toEqual([...paths].sort());
    for (const part of parts) expect(part.length).toBeGreaterThan(20);
    expect(shardOf('briefs/7.md', 4)).toBe(shardOf('briefs/7.md', 4));
  });
});
