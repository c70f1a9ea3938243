// Splits a block's plain text into sentences, without breaking at abbreviations ("No. 18",
// "U.S.", "e.g.") or decimals ("9.7%"). A sentence runs up to the start of the next one, so a
// footnote reference just after a full stop belongs to the sentence it follows.

import type { Range } from '../types';

const abbreviations = /(?:\b(?:No|Nos|Art|Fig|vs|etc|e\.g|i\.e|approx|Inc|Ltd|Co|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Ms|Dr|St|p|pp)|\b[A-Z](?:\.[A-Z])*)\.$/;

const boundary = /[.!?]["”’)\]]*(?=\s+["“(\[]?[A-Z0-9])/g;

export function splitSentences(text: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  boundary.lastIndex = 0;
  for (let m = boundary.exec(text); m !== null; m = boundary.exec(text)) {
    const end = m.index + m[0].length;
    const before = text.slice(Math.max(start, m.index - 12), m.index + 1);
    if (m[0][0] === '.' && abbreviations.test(before)) continue;
    let next = end;
    while (next < text.length && /\s/.test(text[next]!)) next++;
    out.push({ start, end: next });
    start = next;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}
