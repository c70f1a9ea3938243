// The top of a long brief, checked before the whole of it so that an editor opening the brief shows
// the problems on its first screens within a fraction of the time the whole check takes. The top
// is the brief's first chunks plus every later chunk that can change how they read (a definition
// of a footnote or link label, a briefcheck directive); its problems are reported only where they
// are certain to be the whole brief's too. test/incremental/top.test.ts holds this to the full check.

import { guardText, LIMITS_RULE } from '../limits';
import type { BriefResult, Problem } from '../types';
import { chunkStarts } from './chunks';

/** Briefs shorter than this are checked whole at once: their full check is quick enough. */
export const TOP_MIN_CHARS = 100_000;
/** About how much of a long brief the top covers: many screens of text. */
export const TOP_CHARS = 30_000;

export interface TopOfBrief {
  /** The text to check: the first chunks, then the later chunks that may change how they read. */
  text: string;
  /** Problems that end at or before this offset (the same in the brief and in `text`) may be reported. */
  cut: number;
}

// A line that may define a footnote or link label, or a comment that may hold a directive.
const MAY_CHANGE_TOP = /^ {0,3}\[[^\]\n]*\]:|briefcheck-/m;

/**
 * The top of `text` to check first, or undefined when that would not be much less than the whole.
 * A chunk reads alone, except that what ends open at its end joins it to the next one, and what
 * follows it decides how its last container closes: the last chunk taken from the top is read but
 * none of its problems are reported.
 */
export function topOfBrief(brief: string, chars = TOP_CHARS): TopOfBrief | undefined {
  // Past the limits the whole check reads nothing, so neither may the top (same offsets).
  const { text } = guardText(brief);
  const starts = chunkStarts(text);
  const end = starts.findIndex((s) => s >= chars);
  if (end < 2) return undefined;
  const parts = [text.slice(0, starts[end])];
  let length = parts[0]!.length;
  for (let i = end; i < starts.length; i++) {
    const chunk = text.slice(starts[i], starts[i + 1] ?? text.length);
    if (!MAY_CHANGE_TOP.test(chunk)) continue;
    parts.push(chunk);
    length += chunk.length;
    if (length > text.length / 2) return undefined;
  }
  return { text: parts.join(''), cut: starts[end - 1]! };
}

/**
 * The problems of the top's check that the whole brief's check also has: those that end by the
 * cut, without their fixes (a fix may add a footnote at the brief's end, which the top does not
 * know), none on a count of controlled minerals (judged against every mineral the brief lists)
 * and no notice of the limits (which counts the places past them in the whole brief).
 */
export function topProblems(result: BriefResult, cut: number): Problem[] {
  return result.problems.flatMap((problem) => {
    if (problem.range.end > cut || problem.ruleId === LIMITS_RULE) return [];
    const claim = problem.claim === undefined ? undefined : result.claims[problem.claim];
    if (claim && (claim.kind === 'count' || claim.range.end > cut)) return [];
    const { fix: _fix, ...kept } = problem;
    return [kept];
  });
}
