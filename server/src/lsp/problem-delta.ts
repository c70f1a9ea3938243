// A check's problems as a change against the last ones the check worker sent for the document.
// After a keystroke most problems are what they were: those before the edit unchanged, those after
// it moved by the length the edit added (and their claim indexes by the claims it added). Sending
// runs of kept problems and only the others as they are spares copying and reading back every
// problem of a long brief at each keystroke (2,700 problems, 1 MB, on a 20,000-line brief). Pure:
// no Node API, no protocol.

import type { Fix, Problem, Range, RecordRef } from '../core/types';

/** A run of problems kept from the last list (moved, or as they were), or problems sent as they are. */
export type DeltaPart = { keep: number; count: number; moved: boolean } | { add: Problem[] };

export interface ProblemDelta {
  /** What the text's length changed by: the offset change of kept problems marked moved. */
  shift: number;
  /** What the number of claims changed by: their claim-index change. */
  claimShift: number;
  /** The new list, in order. */
  parts: DeltaPart[];
}

interface Move {
  shift: number;
  claimShift: number;
}

const sameRange = (a: Range, b: Range, m: Move) => a.start + m.shift === b.start && a.end + m.shift === b.end;
const sameFix = (a: Fix, b: Fix, m: Move) =>
  a.edits.length === b.edits.length && a.edits.every((e, i) => e.text === b.edits[i]!.text && sameRange(e.range, b.edits[i]!.range, m));
const sameRecord = (a: RecordRef, b: RecordRef) =>
  a.kind === b.kind && a.id === b.id && a.sources.length === b.sources.length && a.sources.every((s, i) => s === b.sources[i]);

/**
 * Every field of Problem, each with whether `same` compares it as moving with the text: a field
 * added to Problem must be added here (or the build fails) and to `same`.
 */
const FIELDS: { [K in keyof Problem]-?: 'moves' | 'kept' } = {
  ruleId: 'kept',
  severity: 'kept',
  messageId: 'kept',
  message: 'kept',
  range: 'moves',
  fix: 'moves',
  claim: 'moves',
  record: 'kept',
};

/** Anything Problem does not declare is not known to move: such a problem is never kept. */
function declaredOnly(p: Problem): boolean {
  for (const key in p) if (!(key in FIELDS)) return false;
  return true;
}

/**
 * Whether `next` is `last` moved by `m`, field by field (a field either lacks must be lacking in
 * both). The range first: it tells most problems apart at once, before any message is compared.
 */
function same(last: Problem, next: Problem, m: Move): boolean {
  return (
    sameRange(last.range, next.range, m) &&
    last.ruleId === next.ruleId &&
    last.severity === next.severity &&
    last.messageId === next.messageId &&
    last.message === next.message &&
    (last.claim === undefined ? next.claim === undefined : next.claim !== undefined && last.claim + m.claimShift === next.claim) &&
    (last.fix === undefined ? next.fix === undefined : next.fix !== undefined && sameFix(last.fix, next.fix, m)) &&
    (last.record === undefined ? next.record === undefined : next.record !== undefined && sameRecord(last.record, next.record)) &&
    declaredOnly(last) &&
    declaredOnly(next)
  );
}

const moveRange = (r: Range, shift: number): Range => ({ start: r.start + shift, end: r.end + shift });

function moved(p: Problem, m: Move): Problem {
  if (m.shift === 0 && m.claimShift === 0) return p;
  return {
    ...p,
    range: moveRange(p.range, m.shift),
    ...(p.fix ? { fix: { edits: p.fix.edits.map((e) => ({ ...e, range: moveRange(e.range, m.shift) })) } } : {}),
    ...(p.claim !== undefined ? { claim: p.claim + m.claimShift } : {}),
  };
}

/** How far ahead in the last list a problem is looked for before it is sent as it is. */
const LOOKAHEAD = 8;

/**
 * `next` as a change against `last`, given what the text's length and the claim count changed by.
 * Each new problem is matched with the next unmatched old one, as it was or moved, looking a few
 * problems ahead (an edit removes a few); what matches nothing is sent as it is. Whatever the lists,
 * applying the delta gives `next`: a match is a check of every field, never a guess.
 */
export function diffProblems(last: readonly Problem[], next: readonly Problem[], shift: number, claimShift: number): ProblemDelta {
  const moves = [
    { moved: false, m: { shift: 0, claimShift: 0 } },
    { moved: true, m: { shift, claimShift } },
  ];
  const parts: DeltaPart[] = [];
  const keep = (index: number, moved: boolean) => {
    const run = parts[parts.length - 1];
    if (run && 'keep' in run && run.moved === moved && run.keep + run.count === index) run.count++;
    else parts.push({ keep: index, count: 1, moved });
  };
  let i = 0;
  for (const problem of next) {
    let found = false;
    for (let k = i; k < Math.min(last.length, i + LOOKAHEAD) && !found; k++) {
      for (const { moved, m } of moves) {
        if (same(last[k]!, problem, m)) {
          keep(k, moved);
          i = k + 1;
          found = true;
          break;
        }
      }
    }
    if (found) continue;
    const run = parts[parts.length - 1];
    if (run && 'add' in run) run.add.push(problem);
    else parts.push({ add: [problem] });
  }
  return { shift, claimShift, parts };
}

/** The problems a delta describes, from the list it was made against. */
export function applyProblemDelta(last: readonly Problem[], delta: ProblemDelta): Problem[] {
  const move = { shift: delta.shift, claimShift: delta.claimShift };
  const out: Problem[] = [];
  for (const part of delta.parts) {
    if ('add' in part) {
      out.push(...part.add);
      continue;
    }
    if (part.keep + part.count > last.length) throw new Error(`briefcheck: a problem delta keeps problems up to ${part.keep + part.count} of ${last.length}`);
    for (let k = part.keep; k < part.keep + part.count; k++) out.push(part.moved ? moved(last[k]!, move) : last[k]!);
  }
  return out;
}
