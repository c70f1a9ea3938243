// The top of a long brief (core/incremental/top.ts) is checked before the whole of it, and what it
// reports must be what the whole check reports there: every problem it gives is one of the whole
// brief's, exactly (fixes aside, which the top never offers). Held on the project's briefs, on
// generated ones and on generated ones edited at random, with tops of several sizes.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBrief } from '../../server/src/core/check';
import { topOfBrief, topProblems } from '../../server/src/core/incremental/top';
import type { BriefResult, CheckOptions, Claim, Problem } from '../../server/src/core/types';
import { generateBrief } from '../bench/corpus.mjs';
import { bundledDataset } from '../core/bundled-dataset';

const options: CheckOptions = { config: { rules: {}, data: [], include: [], exclude: [] }, today: '2026-11-28' };
const root = resolve(__dirname, '../..');

function briefsIn(dir: string): string[] {
  return readdirSync(join(root, dir)).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(root, dir, f), 'utf8'));
}

const key = (p: Problem) => {
  const { fix: _fix, ...rest } = p;
  return JSON.stringify(rest);
};

/** The top's problems that the whole check lacks, and how many it reported. */
function compare(text: string, chars: number): { missing: string[]; reported: number; split: boolean } {
  const top = topOfBrief(text, chars);
  if (!top) return { missing: [], reported: 0, split: false };
  const whole = new Set(checkBrief(text, bundledDataset(), options).problems.map(key));
  const reported = topProblems(checkBrief(top.text, bundledDataset(), options), top.cut);
  return { missing: reported.map(key).filter((k) => !whole.has(k)), reported: reported.length, split: true };
}

// Pieces that change how the top reads if anything does: definitions, directives, open blocks.
const PIECES = [
  '\n\n', '[^1]', '[^1]: https://www.usgs.gov/ note\n', '[x]: https://e.org\n', '[t][x]', '<!-- briefcheck-disable-file -->\n',
  '<!-- briefcheck-disable stale-figure -->\n', '<!-- briefcheck-enable -->\n', '```\n', '<pre>\n', '> ', '- ', '1. ',
  'China supplied 63% of US gallium imports in 2023.', 'In the following year, ', 'Which minerals are controlled?\n\n',
  'Controls now cover 20 critical minerals.', '---\ndate: 2025-02-01\n---\n', 'x',
];

describe('the top of a long brief', () => {
  it('is only taken when it is much less than the whole brief', () => {
    const text = generateBrief(11, 600);
    const top = topOfBrief(text, 5_000)!;
    expect(top.cut).toBeGreaterThan(2_000);
    expect(top.cut).toBeLessThan(5_000);
    expect(top.text.length).toBeLessThan(text.length / 2);
    expect(text.startsWith(top.text.slice(0, top.cut))).toBe(true);
    expect(topOfBrief(text, text.length)).toBeUndefined();
    expect(topOfBrief('One paragraph only.\n', 5)).toBeUndefined();
  });

  it('keeps the later chunks that define labels or hold directives', () => {
    const body = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} on gallium.[^n]`).join('\n\n');
    const text = `${body}\n\n<!-- briefcheck-disable-file stale-figure -->\n\n[^n]: USGS, https://www.usgs.gov/\n`;
    const top = topOfBrief(text, 200)!;
    expect(top.text).toContain('[^n]: USGS');
    expect(top.text).toContain('briefcheck-disable-file');
    expect(top.text).not.toContain('Paragraph 30');
  });

  it('leaves out what depends on the rest of the brief: counts, claims past the cut, fixes, the limits notice', () => {
    const claim = (kind: Claim['kind'], start: number, end: number) => ({ kind, minerals: [], range: { start, end }, text: '', cited: false, checkedOn: '2026-11-28', verdict: 'wrong' }) as Claim;
    const problem = (ruleId: string, start: number, end: number, claimAt?: number): Problem => ({ ruleId, severity: 'warning', messageId: 'm', message: 'm', range: { start, end }, ...(claimAt === undefined ? {} : { claim: claimAt }) });
    const fix = { description: 'f', edits: [{ range: { start: 900, end: 900 }, text: 'x' }] };
    const result: BriefResult = {
      asOf: '2026-11-28',
      asOfSource: 'today',
      claims: [claim('figure', 10, 20), claim('count', 30, 40), claim('figure', 90, 120)],
      problems: [{ ...problem('stale-figure', 10, 20, 0), fix }, problem('control-count', 30, 40, 1), problem('briefcheck/limits', 50, 50), problem('stale-figure', 95, 99, 2), problem('stale-figure', 101, 110)],
    };
    expect(topProblems(result, 100)).toEqual([problem('stale-figure', 10, 20, 0)]);
  });

  it("reports only the whole brief's problems on the project's briefs", () => {
    let reported = 0;
    for (const text of [...briefsIn('examples'), ...briefsIn('test/fixtures'), ...briefsIn('test/reader/corpus/briefs')]) {
      for (const chars of [1_500, 4_000]) {
        const result = compare(text, chars);
        expect(result.missing).toEqual([]);
        reported += result.reported;
      }
    }
    expect(reported).toBeGreaterThan(20);
  });

  it("reports only the whole brief's problems on generated briefs", () => {
    let reported = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const result = compare(generateBrief(seed, 400), 3_000 + seed * 500);
      expect(result.missing).toEqual([]);
      reported += result.reported;
    }
    expect(reported).toBeGreaterThan(50);
  });

  it("reports only the whole brief's problems after random edits", () => {
    const base = generateBrief(5, 250);
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.nat(), insert: fc.constantFrom(...PIECES) }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 800, max: 6_000 }), (edits, chars) => {
        let text = base;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at);
        }
        expect(compare(text, chars).missing).toEqual([]);
      }),
      { numRuns: 60, seed: 13 },
    );
  });
});
