// Resolving resumes after the drafts the last run read as they were (claims/resolve.ts, ResolveMemo).
// It must return what a run from the start returns, whatever changed: drafts removed, inserted or
// replaced anywhere, including the question, list and lead-in frames that the passes carry forward,
// and the dates and dataset it depends on. The drafts are the reader corpus's, read as one long brief.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../server/src/core/check';
import { mineralsAnnouncedIn } from '../../server/src/core/claims/announced-in';
import { resolveDrafts, type ResolveMemo } from '../../server/src/core/claims/resolve';
import type { ClaimDraft } from '../../server/src/core/claims/types';
import { parseBrief } from '../../server/src/core/parse/index';
import { bundledDataset } from '../core/bundled-dataset';

const corpus = join(__dirname, '../reader/corpus/briefs');
const examples = join(__dirname, '../../examples');
// A list under a lead-in, which the corpus lacks.
const leadIn = 'Licensing regimes already applied to:\n\n- gallium and germanium since 1 August 2023\n- graphite since December 2023\n\nPrices rose 4% on the week.\n';
const bodies = [corpus, examples].flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(dir, f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '')));
// Many of them, so that the state saved between a lead-in and its items is resumed from too.
for (let i = bodies.length; i >= 0; i--) bodies.splice(i, 0, leadIn.repeat(3));

describe('resolving resumed after unchanged drafts', () => {
  const dataset = bundledDataset();
  const drafts = extractClaims(parseBrief([...bodies, ...bodies].join('\n\n')), dataset);
  const measuresIn = (when: NonNullable<ClaimDraft['measureOf']>, briefDate: string) => mineralsAnnouncedIn(dataset, when, briefDate);
  const resolve = (list: readonly ClaimDraft[], briefDate: string, memo?: ResolveMemo) =>
    resolveDrafts(list, briefDate, '2025-06-01', '2026-11-28', measuresIn, memo && { memo, context: dataset });

  it('reads briefs with frames of every kind, long enough to resume from several places', () => {
    const roles = new Set(drafts.map((d) => d.frame?.role).filter(Boolean));
    expect([...roles].sort()).toEqual(['answer', 'hypothetical', 'item', 'lead-in', 'question']);
    expect(drafts.filter((d) => d.mineralsFromBrief || d.periodFromBrief || d.controlFromBrief || d.relative).length).toBeGreaterThan(20);
    expect(drafts.length).toBeGreaterThan(1000);
  });

  it('returns what a run from the start returns after any changes to the drafts', () => {
    const change = fc.record({ at: fc.nat(), op: fc.constantFrom('remove', 'insert', 'replace'), from: fc.nat() });
    fc.assert(
      fc.property(fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }), fc.constantFrom('2025-06-01', '2024-01-15'), (steps, otherDate) => {
        const memo: ResolveMemo = {};
        let list = [...drafts];
        expect(resolve(list, '2025-06-01', memo)).toEqual(resolve(list, '2025-06-01'));
        steps.forEach((changes, step) => {
          list = [...list];
          for (const { at, op, from } of changes) {
            const i = at % (list.length + 1);
            const other = drafts[from % drafts.length]!;
            if (op === 'remove') list.splice(i, 1);
            else if (op === 'insert') list.splice(i, 0, other);
            else list.splice(i, 1, { ...other });
          }
          // Every other step also changes the brief's date, which every pass may depend on.
          const briefDate = step % 2 ? otherDate : '2025-06-01';
          expect(resolve(list, briefDate, memo)).toEqual(resolve(list, briefDate));
        });
      }),
      { numRuns: 60 },
    );
  });

  it('hands back the same objects it placed before the first changed draft', () => {
    const memo: ResolveMemo = {};
    const first = resolve(drafts, '2025-06-01', memo);
    const list = [...drafts];
    list.splice(drafts.length - 10, 1);
    const second = resolve(list, '2025-06-01', memo);
    const placedBefore = first.slice(0, first.length - 300).filter((d) => d.placed);
    expect(placedBefore.length).toBeGreaterThan(10);
    for (const d of placedBefore) expect(second).toContain(d);
  });
});
