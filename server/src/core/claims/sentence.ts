// One sentence prepared for the claim patterns: its text with mineral mentions masked, the mentions
// themselves, and its time expressions. Offsets are block-text offsets throughout.

import type { Range } from '../types';
import { CN, FOREIGN, MASK } from './fragments';
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
  return ownTime(sentence)?.end;
}

/** The time expression behind `ownDate`, whose first day bounds when the claim may hold. */
export function ownTime(sentence: Sentence): TimeExpression | undefined {
  if (sentence.times.length !== 1) return undefined;
  const t = sentence.times[0]!;
  if (blockingLeads.has(t.lead)) return undefined;
  if (t.start.slice(0, 4) !== t.end.slice(0, 4) && !t.day) return undefined;
  return t;
}

/** The words of the sentence's clause before `at` (from the last semicolon or colon). */
function clausePrefix(sentence: Sentence, at: number): string {
  const prefix = sentence.masked.slice(sentence.range.start, at);
  const clauseStart = Math.max(prefix.lastIndexOf(';'), prefix.lastIndexOf(':'));
  return prefix.slice(clauseStart + 1);
}

/** True when words before `at` in the sentence make the claim hypothetical or negated. */
export function isHedgedAway(sentence: Sentence, at: number, guard: RegExp): boolean {
  return guard.test(clausePrefix(sentence, at)) || /\?\s*$/.test(sentence.masked.slice(sentence.range.start, sentence.range.end));
}

const actorRe = new RegExp(String.raw`\b(?:(?<cn>${CN}|Chinese)|(?<us>(?:the\s+)?(?:US|U\.S\.|USA|United\s+States|America|American|Washington))|${FOREIGN})\b`, 'g');

/**
 * The country or bloc named last before `at` in the claim's clause, when the claim's own words name
 * none: "CN", "US", "other", or undefined. "Japan has no export controls on germanium" is about
 * Japan, and "Japan's net import reliance" is not the US figure.
 */
export function actorBefore(sentence: Sentence, at: number): 'CN' | 'US' | 'other' | undefined {
  let last: 'CN' | 'US' | 'other' | undefined;
  for (const m of clausePrefix(sentence, at).matchAll(actorRe)) last = m.groups?.['cn'] ? 'CN' : m.groups?.['us'] ? 'US' : 'other';
  return last;
}

/** True when the subject at `at` is one of several ("The EU and China supplied 90%…"). */
export function isJointSubject(sentence: Sentence, at: number): boolean {
  return /\b(?:and|or|plus|&|together\s+with|along\s+with)\s*$/i.test(clausePrefix(sentence, at));
}

/**
 * True when `at` lies inside quotation marks opened in the sentence: a headline or someone else's
 * words, which the brief reports rather than asserts.
 */
export function isQuoted(sentence: Sentence, at: number): boolean {
  const prefix = sentence.masked.slice(sentence.range.start, at);
  const straight = (prefix.match(/"/g) ?? []).length;
  return straight % 2 === 1 || prefix.lastIndexOf('“') > prefix.lastIndexOf('”');
}
