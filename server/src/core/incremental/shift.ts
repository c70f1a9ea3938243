// Moves what a chunk's parse and extraction produced by a fixed number of source offsets, so a
// chunk read once can be placed wherever it now stands in the brief. Plain-text offsets (inside a
// block's text) never move; only offsets into the source do. Cached values are never mutated.

import type { ClaimDraft } from '../claims/types';
import type { Block, FootnoteDefinition, HtmlComment } from '../parse/types';
import type { Range } from '../types';

const range = (r: Range, by: number): Range => ({ start: r.start + by, end: r.end + by });

export function shiftBlock(block: Block, by: number): Block {
  if (by === 0) return block;
  return {
    ...block,
    range: range(block.range, by),
    segments: block.segments.map((s) => ({ ...s, sourceStart: s.sourceStart + by })),
  };
}

export function shiftFootnote(footnote: FootnoteDefinition, by: number): FootnoteDefinition {
  return by === 0 ? footnote : { ...footnote, range: range(footnote.range, by) };
}

export function shiftComment(comment: HtmlComment, by: number): HtmlComment {
  return by === 0 ? comment : { ...comment, range: range(comment.range, by) };
}

/** Every source range a claim draft carries; a new range field must be added here (tests fail otherwise). */
export function shiftDraft(draft: ClaimDraft, by: number): ClaimDraft {
  if (by === 0) return draft;
  const moved: ClaimDraft = { ...draft, range: range(draft.range, by) };
  if (draft.mentionRanges) moved.mentionRanges = draft.mentionRanges.map((r) => range(r, by));
  if (draft.valueRange) moved.valueRange = range(draft.valueRange, by);
  if (draft.hedgeRange) moved.hedgeRange = range(draft.hedgeRange, by);
  if (draft.period?.range) moved.period = { ...draft.period, range: range(draft.period.range, by) };
  if (draft.relative) moved.relative = { ...draft.relative, range: range(draft.relative.range, by) };
  if (draft.readings?.some((r) => r.period?.range)) moved.readings = draft.readings.map((r) => (r.period?.range ? { ...r, period: { ...r.period, range: range(r.period.range, by) } } : r));
  return moved;
}
