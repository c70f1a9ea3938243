// What sits under the cursor, for hovers and code actions: a mineral mention (by its exact range)
// or a checked claim. Mentions win inside a claim, so hovering "antimony" in a figure shows the
// mineral; a sentence the reader could not read is no target, only its minerals are.

import type { Claim, Range } from '../types';

export type Target =
  | { kind: 'mineral'; mineral: string; range: Range; claim: number }
  | { kind: 'claim'; claim: number; range: Range };

function inside(range: Range, offset: number): boolean {
  return range.start <= offset && offset <= range.end;
}

function width(range: Range): number {
  return range.end - range.start;
}

export function targetAt(claims: readonly Claim[], offset: number): Target | undefined {
  let best: Target | undefined;
  claims.forEach((claim, index) => {
    const ranges = claim.mentionRanges ?? (claim.kind === 'mention' ? [claim.range] : []);
    ranges.forEach((range, i) => {
      const mineral = claim.minerals[i] ?? claim.minerals[0];
      if (!mineral || !inside(range, offset)) return;
      if (!best || best.kind !== 'mineral' || width(range) < width(best.range)) best = { kind: 'mineral', mineral, range, claim: index };
    });
  });
  if (best) return best;
  claims.forEach((claim, index) => {
    // An unread sentence has no card of its own; its minerals keep theirs.
    if (claim.kind === 'mention' || claim.kind === 'unread' || !inside(claim.range, offset)) return;
    if (!best || width(claim.range) < width(best.range)) best = { kind: 'claim', claim: index, range: claim.range };
  });
  return best;
}

/** The mention claim whose range holds the offset, for "insert current import share". */
export function mentionAt(claims: readonly Claim[], offset: number): Claim | undefined {
  return claims.find((c) => c.kind === 'mention' && inside(c.range, offset));
}
