// The editor hands back what it made for the chunks an edit leaves where they were: the same claim
// and problem objects, not copies, while nothing they depend on changed. These tests pin that the
// reuse happens, that it stops when an input every claim depends on changes (the brief's date, the
// minerals the brief lists as controlled, the rules' settings), that citations placed by the whole
// brief follow it, and that the result still equals checkBrief's to the byte.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBrief } from '../../server/src/core/check';
import { chunkStarts, createIncrementalChecker } from '../../server/src/core/incremental/index';
import type { BriefResult, CheckOptions } from '../../server/src/core/types';
import { generateBrief } from '../bench/corpus.mjs';
import { bundledDataset } from '../core/bundled-dataset';

const options: CheckOptions = { config: { rules: {}, data: [], include: [], exclude: [] }, today: '2026-11-28' };

/** Compared as JSON, so a reused or moved claim must also keep its keys in checkBrief's order. */
function expectSameAsFullCheck(result: BriefResult, text: string, checkOptions = options): void {
  expect(JSON.stringify(result)).toBe(JSON.stringify(checkBrief(text, bundledDataset(), checkOptions)));
}

/** The start of the chunk that holds `at`: claims that end before it are in chunks an edit at `at` leaves in place. */
function chunkStartBefore(text: string, at: number): number {
  return chunkStarts(text).filter((s) => s <= at).at(-1)!;
}

interface MidEdit {
  result: BriefResult;
  last: BriefResult;
  /** Where the edit was, and the start of its chunk: what ends before that was left in place. */
  at: number;
  boundary: number;
}

/**
 * Edits a generated brief in its middle, one edit after another, with one incremental checker:
 * `edits` (typed text, characters removed) apply from `at` onwards, each at `at` plus its offset.
 * Each result must equal checkBrief's; `inspect` then sees it beside the check before it.
 */
function editMiddle(seed: number, edits: readonly { offset: number; typed: string; remove: number }[], inspect: (edit: MidEdit) => void): void {
  const dataset = bundledDataset();
  const checker = createIncrementalChecker();
  let text = generateBrief(seed, 400);
  let last = checker.check(text, dataset, options);
  const middle = text.indexOf(' ', Math.floor(text.length / 2)) + 2;
  for (const { offset, typed, remove } of edits) {
    const at = middle + offset;
    text = text.slice(0, at) + typed + text.slice(at + remove);
    const result = checker.check(text, dataset, options);
    expectSameAsFullCheck(result, text);
    inspect({ result, last, at, boundary: chunkStartBefore(text, at) });
    last = result;
  }
}

describe('reuse between checks', () => {
  it('hands back the same claims before an edit, moved copies after it, and equals checkBrief', () => {
    // Type three letters in the middle of the brief, then delete them one by one.
    const typing = ['x', 'y', 'z'].map((typed, i) => ({ offset: i, typed, remove: 0 }));
    const deleting = [2, 1, 0].map((offset) => ({ offset, typed: '', remove: 1 }));
    editMiddle(11, [...typing, ...deleting], ({ result, last, at, boundary }) => {
      const before = result.claims.filter((c) => c.range.end < boundary);
      expect(before.length).toBeGreaterThan(20);
      // Claims whose drafts the whole brief's reading placed (a mineral or a time taken from
      // elsewhere) are judged afresh; they are a few per cent of a brief's claims.
      const same = before.filter((claim, i) => claim === last.claims[i]);
      expect(same.length).toBeGreaterThan(before.length * 0.9);
      // A claim after the edit moved: it cannot be the object of the last check, whose range it no longer has.
      const after = result.claims.filter((c) => c.range.start > at + 1);
      expect(after.length).toBeGreaterThan(20);
      for (const claim of after) expect(last.claims).not.toContain(claim);
    });
  });

  it('places a paragraph written twice at both of its places, before and after edits around them', () => {
    const dataset = bundledDataset();
    const checker = createIncrementalChecker();
    // Two chunks with the same text share what was read from it, and judging's slots with it.
    const twice = 'China banned exports of gallium and germanium to the US in December 2024, and antimony at 48%.\n\n';
    const head = '---\nas_of: 2025-06-01\n---\n\nMarkets took note.\n\n';
    let text = `${head}${twice}Prices rose.\n\n${twice}`;
    const controls = checker.check(text, dataset, options).claims.filter((c) => c.kind === 'control');
    expect(controls.length).toBeGreaterThanOrEqual(2);
    expect(controls[0]!.text).toBe(controls.at(-1)!.text);
    for (const [at, typed] of [[head.length - 3, 'x'], [text.length - 1, ' Yes.'], [head.length - 3, ''], [0, '\n']] as const) {
      text = typed ? text.slice(0, at) + typed + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
      expectSameAsFullCheck(checker.check(text, dataset, options), text);
    }
    // An edit after both places leaves each where it was: both keep their claims, also after both moved.
    text = `${text}Closing.\n`;
    const controlsNow = () => checker.check(text, dataset, options).claims.filter((c) => c.kind === 'control');
    for (const moveBoth of [false, true]) {
      if (moveBoth) text = text.replace('Markets', 'The markets');
      const before = controlsNow();
      text = `${text.slice(0, -2)}, more.\n`;
      const after = controlsNow();
      expectSameAsFullCheck(checker.check(text, dataset, options), text);
      expect(after.length).toBe(before.length);
      after.forEach((claim, i) => expect(claim).toBe(before[i]));
    }
  });

  it('judges every claim again when the brief is dated otherwise, though no chunk after the front matter moved', () => {
    const dataset = bundledDataset();
    const checker = createIncrementalChecker();
    const body = generateBrief(12, 300).replace(/^---\n[\s\S]*?\n---\n/, '');
    const early = `---\nas_of: 2023-06-01\n---\n${body}`;
    const late = `---\nas_of: 2026-03-01\n---\n${body}`;
    const first = checker.check(early, dataset, options);
    const second = checker.check(late, dataset, options);
    expectSameAsFullCheck(second, late);
    expect(second.claims.filter((c) => first.claims.includes(c))).toEqual([]);
    expectSameAsFullCheck(checker.check(early, dataset, options), early);
  });

  it('judges an unmoved count again when a paragraph after it starts or stops listing a controlled mineral', () => {
    const dataset = bundledDataset();
    const checker = createIncrementalChecker();
    const head = '---\nas_of: 2023-09-01\n---\n\nChina now controls exports of 3 critical minerals.\n\nMarkets took note.\n\n';
    // The same length, so the count's chunk and every chunk before the edit stay where they were.
    const listing = `${head}China requires export licences for gallium, germanium and titanium.\n`;
    const unlisted = `${head}China requires export licences for tea, coffee, rice, and titanium.\n`;
    expect(listing.length).toBe(unlisted.length);
    const count = (result: BriefResult) => result.claims.find((c) => c.kind === 'count')!;
    const listed = checker.check(listing, dataset, options);
    const unlistedResult = checker.check(unlisted, dataset, options);
    expectSameAsFullCheck(unlistedResult, unlisted);
    expect(count(unlistedResult)).not.toBe(count(listed));
    expect(count(unlistedResult).verdict).not.toBe(count(listed).verdict);
    const again = checker.check(listing, dataset, options);
    expectSameAsFullCheck(again, listing);
    expect(count(again).verdict).toBe(count(listed).verdict);
  });

  it('hands back the problems of claims before an edit as they were, and moves those after it', () => {
    editMiddle(13, [{ offset: 0, typed: 'x', remove: 0 }, { offset: 0, typed: '', remove: 1 }], ({ result, last, at, boundary }) => {
      const onClaim = (r: BriefResult, before: boolean) => r.problems.filter((p) => p.claim !== undefined && (before ? r.claims[p.claim]!.range.end < boundary : p.range.start > at + 1));
      const before = onClaim(result, true);
      expect(before.length).toBeGreaterThan(10);
      expect(before.filter((p) => last.problems.includes(p)).length).toBeGreaterThan(before.length * 0.9);
      const after = onClaim(result, false);
      expect(after.length).toBeGreaterThan(10);
      for (const problem of after) expect(last.problems).not.toContain(problem);
    });
  });

  it("places a fix's citation by the whole brief: its footnotes, and its end, where a new definition goes", () => {
    const dataset = bundledDataset();
    const checker = createIncrementalChecker();
    const fixture = readFileSync(join(__dirname, '../fixtures/footnote-citations.md'), 'utf8');
    const [head, body] = [fixture.slice(0, fixture.indexOf('# ')), fixture.slice(fixture.indexOf('# '))];
    let text = `${head}${body}\n${generateBrief(14, 200).replace(/^---\n[\s\S]*?\n---\n/, '')}`;
    const fixes = (r: BriefResult) => r.problems.filter((p) => p.fix?.edits.some((e) => e.range.start === text.length));
    expect(fixes(checker.check(text, dataset, options)).length).toBeGreaterThan(0);
    // Typing after the figures moves only the brief's end; defining the source's footnote makes the fixes cite it.
    const definition = '\n[^briefcheck-usgs-mcs2025-antimony]: USGS.\n';
    for (const edit of [(t: string) => `${t}x`, (t: string) => `${t.slice(0, 40)}y${t.slice(40)}`, (t: string) => `${t}${definition}`, (t: string) => t.replace(definition, '')]) {
      text = edit(text);
      expectSameAsFullCheck(checker.check(text, dataset, options), text);
    }
  });

  it('runs the rules again when their settings change, and hands their problems back while they hold', () => {
    const dataset = bundledDataset();
    const checker = createIncrementalChecker();
    const text = generateBrief(15, 300);
    const settings: CheckOptions[] = [
      options,
      { ...options, config: { ...options.config, rules: { 'unsourced-figure': { severity: 'off' } } } },
      { ...options, config: { ...options.config, rules: { 'status-unknown': { severity: 'error' }, 'stale-figure': { options: { minYearsNewer: 3 } } } } },
      options,
    ];
    for (const checkOptions of settings) {
      const first = checker.check(text, dataset, checkOptions);
      expectSameAsFullCheck(first, text, checkOptions);
      const again = checker.check(text, dataset, checkOptions);
      expect(again.problems.length).toBeGreaterThan(10);
      expect(again.problems.filter((p) => p.claim !== undefined && !first.problems.includes(p))).toEqual([]);
    }
  });
});
