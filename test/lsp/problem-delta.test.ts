// Problems sent as a change against the last ones (lsp/problem-delta.ts): whatever the two lists,
// applying the delta gives exactly the new list; after a typical edit it sends only the problems
// the edit touched.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../server/src/core/types';
import { applyProblemDelta, diffProblems } from '../../server/src/lsp/problem-delta';

const range = fc.record({ start: fc.nat(500), end: fc.nat(500) });
const problem: fc.Arbitrary<Problem> = fc.record(
  {
    ruleId: fc.constantFrom('stale-figure', 'status-unknown', 'unsourced-figure'),
    severity: fc.constantFrom('error', 'warning', 'info'),
    messageId: fc.constantFrom('a', 'b'),
    message: fc.constantFrom('The figure is stale.', 'Unknown.', 'No source.'),
    range,
    fix: fc.record({ edits: fc.array(fc.record({ range, text: fc.constantFrom('', '63%', 'x') }), { maxLength: 2 }) }),
    claim: fc.nat(40),
    record: fc.record({ kind: fc.constantFrom('observation', 'measure', 'count'), id: fc.constantFrom('o1', 'm2'), sources: fc.array(fc.constantFrom('s1', 's2'), { maxLength: 2 }) }),
  },
  { requiredKeys: ['ruleId', 'severity', 'messageId', 'message', 'range'] },
) as fc.Arbitrary<Problem>;

const moved = (p: Problem, shift: number, claimShift: number): Problem => ({
  ...p,
  range: { start: p.range.start + shift, end: p.range.end + shift },
  ...(p.fix ? { fix: { edits: p.fix.edits.map((e) => ({ ...e, range: { start: e.range.start + shift, end: e.range.end + shift } })) } } : {}),
  ...(p.claim !== undefined ? { claim: p.claim + claimShift } : {}),
});

describe('problem deltas', () => {
  it('rebuild exactly the new problems from any two lists', () => {
    fc.assert(
      fc.property(fc.array(problem, { maxLength: 12 }), fc.array(problem, { maxLength: 12 }), fc.integer({ min: -5, max: 5 }), fc.integer({ min: -2, max: 2 }), (last, next, shift, claimShift) => {
        expect(applyProblemDelta(last, diffProblems(last, next, shift, claimShift))).toEqual(next);
      }),
      { numRuns: 2_000 },
    );
  });

  it('after an edit, carry only what lies between the problems before it and the moved ones after it', () => {
    fc.assert(
      fc.property(fc.array(problem, { minLength: 4, maxLength: 30 }), fc.nat(), fc.array(problem, { maxLength: 3 }), fc.integer({ min: -5, max: 5 }), fc.integer({ min: -2, max: 2 }), (last, at, middle, shift, claimShift) => {
        const cut = at % last.length;
        const next = [...last.slice(0, cut), ...middle, ...last.slice(cut + 1).map((p) => moved(p, shift, claimShift))];
        const delta = diffProblems(last, next, shift, claimShift);
        expect(applyProblemDelta(last, delta)).toEqual(next);
        const sent = delta.parts.flatMap((part) => ('add' in part ? part.add : []));
        expect(sent.length).toBeLessThanOrEqual(middle.length);
      }),
      { numRuns: 1_000 },
    );
  });

  it('keeps no problem with a field it does not know how to move', () => {
    const p = { ruleId: 'r', severity: 'info', messageId: 'm', message: 'x', range: { start: 1, end: 2 } } as Problem;
    const odd = { ...p, extra: 1 } as Problem;
    expect(diffProblems([odd], [odd], 0, 0).parts).toEqual([{ add: [odd] }]);
    expect(diffProblems([p], [p], 0, 0).parts).toEqual([{ keep: 0, count: 1, moved: false }]);
  });

  it('refuses a delta made against a longer list than it is applied to', () => {
    expect(() => applyProblemDelta([], { shift: 0, claimShift: 0, parts: [{ keep: 0, count: 1, moved: false }] })).toThrow(/up to 1 of 0/);
  });
});
