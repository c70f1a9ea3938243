// Questions and their answers, as explainers write them: "Q: Did China ban gallium exports to the
// United States?" then "A: Yes, from 3 December 2024." (the question's control, asserted by the
// answer, with the answer's date), or "Which other minerals were caught by the US-specific ban?"
// then "Germanium and antimony, plus superhard materials" (the question's control, for the minerals
// the answer lists). A block's question or answer is a frame; resolve.ts pairs them.

import type { Block } from '../parse/types';
import { toSourceRange } from '../parse/text-map';
import type { Range } from '../types';
import type { Mention } from './lexicon';
import { destinationIn, SPAN_LEADS, typeOf } from './control-type';
import { isList, specific } from './control-phrases';
import type { ClaimDraft } from './types';
import type { Dataset } from '../dataset/types';
import { distinctMinerals, readView, within } from './view';

const polar = /^[\s*_]*(?:Q\s*[:.]\s*)?(?:did|does|do|is|are|was|were|has|have|had|will|can|could)\b/i;
const which = /^[\s*_]*(?:Q\s*[:.]\s*)?(?:which|what)\b[^?]*\b(?:minerals?|metals?|materials|elements|products|items)\b/i;
const yes = /^[\s*_]*(?:A\s*[:.]\s*)?(?:\*\*)?yes\b/i;
const answerLead = /^[\s*_]*A\s*[:.]\s*/i;

/** A block that asks about a control ("Did China ban gallium exports to the US?"), as a frame. */
export function questionFrame(block: Block, source: string, mentions: readonly Mention[], dataset: Dataset): ClaimDraft | undefined {
  const text = block.text;
  if (!/\?[\s*_]*$/.test(text) || (!polar.test(text) && !which.test(text))) return undefined;
  const view = readView(text, { start: 0, end: text.length }, mentions);
  const typed = typeOf(view, view.range);
  if (!typed || typed.weak || (typed.type !== 'ban' && typed.type !== 'licensing' && typed.type !== 'suspension')) return undefined;
  const minerals = specific(distinctMinerals(view.mentions), dataset).map((m) => m.mineral);
  const isPolar = polar.test(text);
  if (isPolar && minerals.length === 0) return undefined;
  const range = toSourceRange(block.segments, { start: 0, end: text.length });
  return {
    kind: 'frame',
    frame: { role: 'question', type: typed.type, destination: destinationIn(view, view.range) ?? 'all', polar: isPolar, past: /\b(?:did|was|were|had|has|have)\b/i.test(text) },
    minerals,
    range,
    text: source.slice(range.start, range.end),
    cited: false,
  };
}

/**
 * A block that answers a question: "Yes, from 3 December 2024." (its first sentence, with its date),
 * or a list of minerals ("Germanium and antimony, plus superhard materials; …").
 */
export function answerFrame(block: Block, source: string, mentions: readonly Mention[], first: Range): ClaimDraft | undefined {
  const text = block.text;
  const isYes = yes.test(text);
  const lead = answerLead.exec(text);
  const view = readView(text, first, mentions);
  // The answer's list: the minerals at its start, joined only by commas, "and" and "plus".
  const start = lead ? lead[0].length : 0;
  const end = view.clauses[0]?.end ?? first.end;
  const listed = view.mentions.filter((m) => m.range.start >= start && m.range.end <= end);
  const named = listed.length > 0 && isList(view, { start, end });
  if (!isYes && !named) return undefined;
  const own = view.times.find((t) => within(t.range, first) && !SPAN_LEADS.has(t.lead));
  const span = isYes ? { start, end: Math.max(start + 3, own && own.range.end <= first.end ? own.range.end : start + 3) } : { start, end: listed[listed.length - 1]!.range.end };
  const range = toSourceRange(block.segments, span);
  return {
    kind: 'frame',
    frame: { role: 'answer', yes: isYes },
    minerals: named ? [...new Set(listed.map((m) => m.mineral))] : [],
    range,
    text: source.slice(range.start, range.end),
    mentionRanges: named ? listed.map((m) => toSourceRange(block.segments, m.range)) : [],
    cited: block.citations.length > 0,
    ...(own ? { date: own.end, dateFrom: own.start } : {}),
  };
}
