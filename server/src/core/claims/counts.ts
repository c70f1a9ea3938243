// Count claims: how many minerals a sentence says are under export control ("export controls on
// 17 critical minerals", "16 minerals are now subject to Chinese export controls").

import { MLIST, notAssertion } from './fragments';
import { actorBefore, isHedgedAway, isQuoted, matchIn, type Sentence } from './sentence';
import type { SentenceClaim } from './types';

const numberWords = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const N = String.raw`(?<n>\d{1,3}|${numberWords.slice(2).join('|')})`;
const MINERALS = String.raw`(?:critical\s+|strategic\s+|key\s+)?(?:minerals|metals|raw\s+materials|elements)`;

const patterns = [
  new RegExp(String.raw`\b(?:export\s+)?controls?\s+(?:on|over|covering)\s+${N}\s+${MINERALS}`, 'dgi'),
  new RegExp(String.raw`\b${N}\s+${MINERALS}\s+(?:are|were|is|now)?\s*(?:now\s+)?(?:under|subject\s+to)\s+(?:Chinese\s+)?export\s+controls?`, 'dgi'),
  new RegExp(String.raw`\b(?:controls|controlled|restricts|restricted)\s+(?:the\s+)?exports?\s+of\s+${N}\s+${MINERALS}`, 'dgi'),
];

function parseCount(text: string): number | undefined {
  const word = numberWords.indexOf(text.toLowerCase());
  if (word >= 0) return word;
  const n = Number(text);
  return Number.isInteger(n) && n > 0 && n < 200 ? n : undefined;
}

// "controls on two minerals, gallium and germanium, came first": a count followed by the list of
// exactly its members counts those, not every mineral under control.
const apposition = new RegExp(String.raw`^\s*(?:,|:|—|–|\(|-)\s*(?:namely\s+|i\.e\.,?\s+)?(?<list>${MLIST})`);

function namesItsMembers(sentence: Sentence, end: number, count: number): boolean {
  const m = apposition.exec(sentence.masked.slice(end, sentence.range.end));
  if (!m?.groups?.['list']) return false;
  const listStart = end + m.index + m[0].length - m.groups['list'].length;
  const named = sentence.mentions.filter((x) => x.range.start >= listStart && x.range.end <= end + m.index + m[0].length);
  return named.length === count;
}

export function extractCounts(sentence: Sentence, date: string | undefined): SentenceClaim[] {
  const out: SentenceClaim[] = [];
  for (const re of patterns) {
    for (const m of matchIn(sentence, re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (out.some((c) => start < c.range.end && c.range.start < end)) continue;
      if (isHedgedAway(sentence, start, notAssertion) || isQuoted(sentence, start)) continue;
      // Only China's controls are counted in the dataset: "the US has export controls on 12…" is not.
      const actor = actorBefore(sentence, start);
      if (actor !== undefined && actor !== 'CN') continue;
      const count = parseCount(m.groups?.['n'] ?? '');
      const span = m.indices?.groups?.['n'];
      if (count === undefined || !span) continue;
      if (namesItsMembers(sentence, end, count)) continue;
      out.push({
        draft: { kind: 'count', minerals: [], count, ...(date ? { date } : {}) },
        range: { start, end },
        mentionRanges: [],
        valueRange: { start: span[0], end: span[1] },
      });
    }
  }
  return out;
}
