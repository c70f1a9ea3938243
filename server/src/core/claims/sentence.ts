// One sentence prepared for the claim patterns: its text with mineral mentions masked, the mentions
// themselves, and its time expressions. Offsets are block-text offsets throughout.

import type { Range } from '../types';
import { MASK } from './fragments';
import type { Mention } from './lexicon';
import { findTimes, type TimeExpression } from './periods';

export interface Sentence {
  range: Range;
  /** The block text with every mention in this sentence replaced by MASK characters. */
  masked: string;
  mentions: Mention[];
  times: TimeExpression[];
}

export function prepareSentence(text: string, range: Range, blockMentions: readonly Mention[]): Sentence {
  const mentions = blockMentions.filter((m) => m.range.start >= range.start && m.range.end <= range.end);
  let masked = text;
  if (mentions.length > 0) {
    const parts: string[] = [];
    let at = 0;
    for (const m of mentions) {
      parts.push(text.slice(at, m.range.start), MASK.repeat(m.range.end - m.range.start));
      at = m.range.end;
    }
    parts.push(text.slice(at));
    masked = parts.join('');
  }
  return { range, masked, mentions, times: findTimes(text, range.start, range.end) };
}

/** Mentions whose ranges lie inside `span`, in order. */
export function mentionsIn(sentence: Sentence, span: Range): Mention[] {
  return sentence.mentions.filter((m) => m.range.start >= span.start && m.range.end <= span.end);
}

/** Runs a global regex (compiled with the `d` flag) over the sentence's masked text. */
export function* matchIn(sentence: Sentence, re: RegExp): Generator<RegExpExecArray> {
  re.lastIndex = sentence.range.start;
  const end = sentence.range.end;
  const slice = sentence.masked.slice(0, end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice)) !== null) {
    if (m.index < sentence.range.start) break;
    yield m;
    if (m[0].length === 0) re.lastIndex++;
  }
}

const blockingLeads = new Set(['since', 'from', 'until', 'by', 'before', 'after', 'between', 'through', 'over']);

/**
 * The sentence's own date for an event or status claim: the end of its single time expression
 * when that expression places the claim at a time ("in December 2024", "as of April 2025"), not
 * over a span ("since 2023").
 */
export function ownDate(sentence: Sentence): string | undefined {
  if (sentence.times.length !== 1) return undefined;
  const t = sentence.times[0]!;
  if (blockingLeads.has(t.lead)) return undefined;
  if (t.start.slice(0, 4) !== t.end.slice(0, 4) && !t.day) return undefined;
  return t.end;
}

/** True when words before `at` in the sentence make the claim hypothetical or negated. */
export function isHedgedAway(sentence: Sentence, at: number, guard: RegExp): boolean {
  const prefix = sentence.masked.slice(sentence.range.start, at);
  const clauseStart = Math.max(prefix.lastIndexOf(';'), prefix.lastIndexOf(':'));
  return guard.test(prefix.slice(clauseStart + 1)) || /\?\s*$/.test(sentence.masked.slice(sentence.range.start, sentence.range.end));
}
