// The editor's incremental re-analysis must always give what a full re-check gives. A property test
// types, pastes and deletes at random in generated briefs (Markdown punctuation, fences, comments,
// definitions and mineral words included) and compares after every edit; a second property also
// changes the date, the dataset and the rules' settings between edits, which the judgements and
// problems it keeps depend on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBrief, extractClaims } from '../../server/src/core/check';
import { followsAt } from '../../server/src/core/incremental/chunks';
import { chunkStarts, createIncrementalChecker } from '../../server/src/core/incremental/index';
import { parseBrief } from '../../server/src/core/parse/index';
import type { CheckOptions } from '../../server/src/core/types';
import { generateBrief } from '../bench/corpus.mjs';
import { createDataset } from '../../server/src/core/dataset/index';
import { bundledDataset } from '../core/bundled-dataset';

const options: CheckOptions = { config: { rules: {}, data: [], include: [], exclude: [] }, today: '2026-11-28' };

// Pieces a user types or pastes, biased towards what changes Markdown's block structure.
const PIECES = [
  '\n', '\n\n', ' ', '    ', 'x', '1', '-', '*', '_', '`', '```', '~~~', '#', '>', '|', '[', ']', '^', ':', '\\', '<', '!',
  '<!--', '-->', '<pre>', '</pre>', '---', '[^1]', '[^1]: note', '[^a]: defined\n', '[x]: https://e.org\n', '[x]', '[t][x]',
  '- ', '1. ', '| a | b |\n| - | - |\n', 'gallium', 'antimony oxides', ' 63% ', 'in 2024', 'China bans exports of gallium to the US.',
  '<!-- briefcheck-disable-next-line stale-figure -->\n', '<div>', '\n[^2]: two\n[^3]: three\n', '---\nas_of: 2025-01-01\n---\n', '&amp;', '\u00a0', '\r\n',
];

type Edit = { at: number; remove: number; insert: string };

const edit = fc.record({
  at: fc.nat(),
  remove: fc.oneof(fc.constant(0), fc.nat(12)),
  insert: fc.oneof(fc.constantFrom(...PIECES), fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((a) => a.join(''))),
});

function apply(text: string, e: Edit): string {
  const at = text.length === 0 ? 0 : e.at % (text.length + 1);
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

describe('incremental re-analysis', () => {
  it('splits a brief into several chunks starting on line starts', () => {
    const text = generateBrief(3, 120);
    const starts = chunkStarts(text);
    expect(starts.length).toBeGreaterThan(10);
    for (const s of starts.slice(1)) expect(text[s - 1]).toBe('\n');
  });

  it('reads a footnote label holding a no-break space as a full parse does, with either parser', () => {
    // The stand-in for a label elsewhere in the brief once collapsed U+00A0 to a space, which made
    // "[^3\u00a0]:" a link definition that "[^3]" then named.
    const text = `| Mineral | Source |\n| - | - |\n| nickel | [^3] |\n\n[^2]: MOFCOM, 2024.\n[^3\u00a0]: CSIS, 2023.\n`;
    for (const parser of ['lezer', 'remark'] as const) {
      expect(createIncrementalChecker().analyse(text, bundledDataset(), parser).parsed).toEqual(parseBrief(text, parser));
    }
  });

  it('tells a line that opens a container from one that does not, as micromark does', () => {
    const opens = ['> q', '>', '- item', '-', '+\tx', '* item', '1. item', '123456789) item', '7.', '[^a]: x', '[^a\\]]: x', '[^a\\b]: x', '[^a]:'];
    const flows = ['Next.', '# H', '***', '* * *', '- - -', '-b', '*b', '1234567890. b', '1.b', '[^a b]: c', '[^a\\]: c', '[^]: c', '[^a]', '[x]: https://e.org', '| a |', '<pre>', '```'];
    for (const line of opens) expect(followsAt(`x\n\n${line}\nmore\n`, 3), line).toBe('container');
    for (const line of flows) expect(followsAt(`x\n\n${line}\nmore\n`, 3), line).toBe('flow');
    expect(followsAt(`[^a]: x\r\n- item\r\n`, 9)).toBe('container');
    expect(followsAt(`x\n\n***\r\n`, 3)).toBe('flow');
    expect(followsAt(`x\n\n-`, 3)).toBe('container');
    expect(followsAt(`x\n\n[^${'a'.repeat(999)}]: y`, 3)).toBe('container');
    expect(followsAt(`x\n\n[^${'a'.repeat(1000)}]: y`, 3)).toBe('flow');
    expect(followsAt('x\n\n', 3)).toBe('end');
  });

  it('ends a footnote definition holding open code or HTML where a full parse does, whatever line follows its chunk', () => {
    // micromark ends a container left open at the end of a chunk at the start of the next line
    // when that line opens a container, as at the end of a document, and one line ending earlier
    // when it opens none, which the fuzz found the editor missed (docs/performance.md).
    const definitions = ['[^9]: <pre>x', '[^9]: ~~~', '[^9]:<!--', '[^9]: <!x mo).', '- [^9]: <pre>x'];
    const next = ['Next.', '# Heading', '***', '[x]: https://e.org', '| a | b |\n| - | - |', '-b', '> quote', '- item', '1. item', '[^2]: two'];
    const texts: string[] = [];
    for (const definition of definitions) {
      texts.push(`${definition} [^9]\n`, `${definition} [^9]\n\n`);
      for (const line of next) {
        texts.push(`Text.[^9]\n\n${definition}\n\n${line}\n`, `Text.[^9]\n\n${definition}\n\n\n${line}`);
        // The first chunk, read with stand-ins after it for a label defined further on.
        texts.push(`${definition} [^2]\n\n${line}\n\n[^2]: y\n`);
      }
      texts.push(`Text.[^9]\r\n\r\n${definition}\r\n\r\nNext.\r\n`, `Text.[^9]\n\n${definition}\n  \nNext.\n`, `Text.[^9] [^2]\n\n[^1]: one\n${definition}\n[^2]: two\n`);
    }
    for (const parser of ['lezer', 'remark'] as const) {
      for (const text of texts) expect(createIncrementalChecker().analyse(text, bundledDataset(), parser).parsed, `${parser}: ${JSON.stringify(text)}`).toEqual(parseBrief(text, 'remark'));
    }
  }, 60_000);

  it('reads a defined shortcut reference before a bracket as a full parse does, whatever defines it', () => {
    // Found by the property below: a stand-in definition for a label defined in a setext heading's
    // paragraph made the fast parser read "[x][" as a link, which micromark reads as text.
    const text = `[x][\n\n[x]: https://e.org\n 63% ${generateBrief(1, 40)}`;
    for (const parser of ['lezer', 'remark'] as const) {
      expect(createIncrementalChecker().analyse(text, bundledDataset(), parser).parsed, parser).toEqual(parseBrief(text, 'remark'));
    }
  });

  it('parses and extracts exactly like a full parse after any sequence of edits', () => {
    const dataset = bundledDataset();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (seed, edits) => {
        const checker = createIncrementalChecker();
        let text = generateBrief(seed, 40);
        checker.analyse(text, dataset);
        for (const e of edits) {
          text = apply(text, e);
          const incremental = checker.analyse(text, dataset);
          const parsed = parseBrief(text);
          expect(incremental.parsed).toEqual(parsed);
          expect(incremental.drafts).toEqual(extractClaims(parsed, dataset));
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('checks exactly like checkBrief after edits', () => {
    const dataset = bundledDataset();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.array(edit, { minLength: 1, maxLength: 4 }), (seed, edits) => {
        const checker = createIncrementalChecker();
        let text = generateBrief(seed, 60);
        // Results share claims and placed drafts between versions: an earlier one must stay intact.
        const history = [{ text, result: checker.check(text, dataset, options) }];
        for (const e of edits) {
          text = apply(text, e);
          const result = checker.check(text, dataset, options);
          expect(result).toEqual(checkBrief(text, dataset, options));
          history.push({ text, result });
        }
        for (const h of history) expect(h.result).toEqual(checkBrief(h.text, dataset, options));
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it("judges exactly like checkBrief when the date, the as-of line, the listed controls, the dataset or the rules' settings change between edits", () => {
    const bundled = bundledDataset();
    const copy = createDataset(bundled.files);
    // Edits that move the as-of date, list or unlist a controlled mineral, and count controlled minerals.
    const judging = fc.constantFrom(
      '---\nas_of: 2023-06-01\n---\n', '---\nas_of: 2026-03-01\n---\n', 'China bans exports of gallium to the US.', 'Antimony exports are not controlled.',
      'China now controls exports of 7 critical minerals. ', 'Beijing restricted exports of germanium in 2023. ', 'graphite', 'in 2024',
    );
    const step = fc.oneof(
      edit.map((e) => ({ edit: e })),
      fc.record({ at: fc.nat(), insert: judging }).map((e) => ({ edit: { ...e, remove: 0 } })),
      fc.constantFrom('2023-09-01', '2025-06-30', '2026-11-28').map((today) => ({ today })),
      fc.constantFrom(bundled, copy).map((dataset) => ({ dataset })),
      // The per-claim rules' problems are kept with their claims: a change of settings must run them again.
      fc.constantFrom<CheckOptions['config']['rules']>({}, { 'unsourced-figure': { severity: 'off' } }, { 'status-unknown': { severity: 'error' } }, { 'stale-figure': { options: { minYearsNewer: 2 } } }).map((rules) => ({ rules })),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.array(step, { minLength: 1, maxLength: 6 }), (seed, steps) => {
        const checker = createIncrementalChecker();
        let text = generateBrief(seed, 40);
        let dataset = bundled;
        let current: CheckOptions = options;
        checker.check(text, dataset, current);
        for (const s of steps) {
          if ('edit' in s) text = apply(text, s.edit);
          if ('today' in s) current = { ...current, today: s.today };
          if ('dataset' in s) dataset = s.dataset;
          if ('rules' in s) current = { ...current, config: { ...current.config, rules: s.rules } };
          expect(checker.check(text, dataset, current)).toEqual(checkBrief(text, dataset, current));
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('judges an unchanged count again when another paragraph lists the controlled minerals', () => {
    const dataset = bundledDataset();
    const checker = createIncrementalChecker();
    const head = '---\nas_of: 2023-09-01\n---\n\nChina now controls exports of 3 critical minerals.\n\n';
    const count = `${head}Markets took note.\n`;
    const listed = `${head}China requires export licences for gallium, germanium and titanium.\n\nMarkets took note.\n`;
    const verdicts = (text: string) => checker.check(text, dataset, options).claims.filter((c) => c.kind === 'count').map((c) => c.verdict);
    expect(verdicts(count)).toEqual(['wrong']);
    expect(verdicts(listed)).toEqual(['unverifiable']);
    expect(checker.check(listed, dataset, options)).toEqual(checkBrief(listed, dataset, options));
  });
});
