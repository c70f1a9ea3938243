// Parsing as the checker relies on it: exact offsets back into the source, code and URLs skipped,
// inline HTML read as text, citations per sentence, and no exception on any input.

import { describe, expect, it } from 'vitest';
import { checkBrief } from '../../server/src/core/check';
import { parseBrief, toSourceRange } from '../../server/src/core/parse/index';
import { bundledDataset, options } from './bundled-dataset';

describe('parseBrief', () => {
  it('maps block text back to exact source offsets through emphasis, escapes and entities', () => {
    const source = '# Title\n\nThe **US** relies on \\*imports\\* &amp; *antimony*.\n';
    const block = parseBrief(source).blocks[1]!;
    expect(block.text).toBe('The US relies on *imports* & antimony.');
    for (const word of ['US', 'imports', 'antimony', '&']) {
      const at = block.text.indexOf(word);
      const r = toSourceRange(block.segments, { start: at, end: at + word.length });
      expect(source.slice(r.start, r.end)).toBe(word);
    }
  });

  it('skips code, inline code, URLs and HTML attributes but reads inline HTML as text', () => {
    const source = 'Read `gallium` and <b title="tungsten">indium</b> at https://example.org/antimony or [a page](https://example.org/graphite).\n\n```\nbismuth\n```\n';
    const parsed = parseBrief(source);
    const text = parsed.blocks.map((b) => b.text).join('\n');
    expect(text).toContain('indium');
    expect(text).toContain('a page');
    for (const hidden of ['gallium', 'tungsten', 'antimony', 'graphite', 'bismuth']) expect(text).not.toContain(hidden);
    expect(parsed.blocks[0]!.citations.map((c) => c.kind)).toEqual(['link', 'link']);
  });

  it('reads front matter dates and the citation style', () => {
    const withFootnotes = parseBrief('---\nas_of: 2025-06-30\ndate: 2025-05-01\n---\n\nText.[^1]\n\n[^1]: A source.\n');
    expect(withFootnotes.frontMatter).toMatchObject({ asOf: '2025-06-30', date: '2025-05-01' });
    expect(withFootnotes.citationStyle).toBe('footnote');
    expect(withFootnotes.footnotes.map((f) => f.label)).toEqual(['1']);
    expect(parseBrief('Text [a](https://x.org).').citationStyle).toBe('link');
    expect(parseBrief('---\ndate: last spring\n---\n').frontMatter.problems).toHaveLength(1);
  });

  it('takes the as-of date from --as-of, then front matter, then config, then today', () => {
    const brief = '---\ndate: 2025-05-01\n---\n\nText.\n';
    expect(checkBrief(brief, bundledDataset(), options('2026-01-01')).asOf).toBe('2026-01-01');
    expect(checkBrief(brief, bundledDataset(), options()).asOf).toBe('2025-05-01');
    const config = { ...options(), config: { ...options().config, asOf: '2025-09-09' } };
    expect(checkBrief('Text.', bundledDataset(), config)).toMatchObject({ asOf: '2025-09-09', asOfSource: 'config' });
    expect(checkBrief('Text.', bundledDataset(), options(undefined, '2026-11-28'))).toMatchObject({ asOf: '2026-11-28', asOfSource: 'today' });
  });

  const awkward: [string, string][] = [
    ['empty', ''],
    ['only front matter', '---\n'],
    ['unclosed front matter and fences', '---\ndate: [\n```\n| a |\n<!-- briefcheck-disable'],
    ['binary-ish bytes', Array.from({ length: 4000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('')],
    ['deep nesting', `${'> '.repeat(500)}antimony ${'*'.repeat(2000)}`],
    ['huge', 'The US was 85% net import-reliant on antimony in 2024. China banned exports of gallium to the US.\n\n'.repeat(20000)],
  ];
  for (const [name, text] of awkward) {
    it(`never throws on ${name} input`, () => {
      expect(() => checkBrief(text, bundledDataset(), options())).not.toThrow();
    });
  }
});
