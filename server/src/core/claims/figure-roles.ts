// Who and what a figure is about: the minerals a quantity speaks of (its "of" phrase, the subject, a
// list, "respectively", a counted set, or the context), the country whose share it is, and the
// importer whose imports are meant. read-figures.ts assembles figure claims with these.

import type { FigureMetric, Range } from '../types';
import type { Actor } from './actors';
import type { BlockContext } from './context';
import type { Mention } from './lexicon';
import type { Quantity } from './quantities';
import { distinctMinerals, listAround, within, type View } from './view';

const SET_COUNT = String.raw`(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen|twenty|thirty|forty|fifty)`;
const COUNTED_SET_AFTER = new RegExp(String.raw`^\s*(?:(?:net\s+)?(?:import[-\s]+)?(?:reliant|dependent)\s+)?(?:on\s+imports\s+)?(?:for|of|in)\s+(?:a\s+further\s+|another\s+|the\s+)?${SET_COUNT}\b(?!\s*(?:%|per\s*cent|percent|t\b|tonnes?|tons?|kg))(?:\s+of\s+(?:them|those|these|the\s+\d+))?`, 'i');
const COUNTED_SET_BEFORE = new RegExp(String.raw`\b${SET_COUNT}\s+(?:\S+\s+){0,2}?(?:minerals|commodities|metals|elements|materials)\b(?!\s+(?:including|such\s+as))[^,;]*$`, 'i');

const OWNER_AFTER = /^\s*of\s+(?:the\s+)?(?:world['’]s\s+|global\s+|world\s+)?([A-Za-z][\w-]*)\s+(?:production|output|supply|mining|refining|reserves)\b/i;
const OWNER_ADJECTIVES = /^(?:world|global|worldwide|US|U\.S|American|Chinese|refined|mined|mine|primary|secondary|total|annual|domestic|smelter|smelted|processed|processing|raw|its|their|current|estimated|known|new)$/i;

/** The minerals a quantity speaks of, and whether they came from context. */
export function readMinerals(view: View, q: Quantity, clause: Range, paired: Map<Quantity, Mention> | undefined, ctx: BlockContext, others: Quantity[]): { mentions: Mention[]; minerals: string[]; fromContext: boolean } | 'unnamed' | undefined {
  // "…100% import reliant for 16 of the 90 commodities", "20 critical minerals had reliance above
  // 50%", "more than 50% for a further 29": a figure about a counted set of unnamed minerals, whose
  // examples ("including gallium") are its only named members.
  const setAfter = COUNTED_SET_AFTER.exec(view.text.slice(q.range.end, Math.min(clause.end, q.range.end + 60)));
  const setBefore = COUNTED_SET_BEFORE.test(view.text.slice(Math.max(clause.start, q.range.start - 120), q.range.start));
  if (setAfter || setBefore) {
    // Members named as examples ("…, including gallium") or placed in the set ("gallium among the 16").
    const examples = view.mentions.filter(
      (m) =>
        within(m.range, clause) &&
        ((m.range.start > q.range.end && /\b(?:including|such\s+as|among\s+them|like|e\.g\.,?)\s+(?:\S+\s+){0,3}$/i.test(view.text.slice(Math.max(clause.start, m.range.start - 30), m.range.start))) ||
          (m.range.end < q.range.start && /^\s+(?:is\s+|are\s+|was\s+|were\s+)?(?:among|one\s+of)\s+(?:the\s+)?/i.test(view.text.slice(m.range.end, m.range.end + 20)))),
    );
    if (!examples.length) return 'unnamed';
    const list = distinctMinerals(listAround(view, view.mentions.indexOf(examples[0]!)));
    return { mentions: list, minerals: list.map((m) => m.mineral), fromContext: false };
  }
  const pair = paired?.get(q);
  if (pair) return { mentions: [pair], minerals: [pair.mineral], fromContext: false };
  // "…and about 90% of global magnesium production": a commodity the dataset does not know owns the
  // figure, not the mineral named before it.
  const owner = OWNER_AFTER.exec(view.text.slice(q.range.end, Math.min(clause.end, q.range.end + 50)));
  if (owner && !OWNER_ADJECTIVES.test(owner[1]!)) {
    const at = q.range.end + owner[0].lastIndexOf(owner[1]!);
    if (!view.mentions.some((m) => m.range.start <= at && m.range.end > at)) return 'unnamed';
  }
  const inClause = view.mentions.filter((m) => within(m.range, clause));
  const next = others.find((o) => o.range.start > q.range.end);
  const after = inClause.filter((m) => m.range.start >= q.range.end && (!next || m.range.start < next.range.start));
  const before = inClause.filter((m) => m.range.end <= q.range.start);
  let chosen: Mention | undefined;
  const firstAfter = after[0];
  const gap = firstAfter ? view.text.slice(q.range.end, firstAfter.range.start) : '';
  if (firstAfter && /^[^;]{0,70}$/.test(gap) && (/^\s*(?:(?:net[-\s]+)?(?:import[-\s]+)?(?:reliant|reliance|dependent|dependence)\s+(?:on\s+imports\s+)?)?(?:of|for|on|in|from)\b/i.test(gap) || gap.trim() === '') && !/\b(?:and|while|with|but|versus|compared)\b/i.test(gap)) chosen = firstAfter;
  else if (before.length > 0) chosen = before[before.length - 1];
  else chosen = firstAfter;
  if (!chosen) {
    const inSentence = view.mentions.filter((m) => m.range.end <= q.range.start);
    chosen = inSentence[inSentence.length - 1];
  }
  if (chosen) {
    const index = view.mentions.indexOf(chosen);
    const list = distinctMinerals(listAround(view, index));
    // A list shares one quantity only when no other quantity sits inside its clause for it.
    const shared = list.length > 1 && !others.some((o) => o !== q && within(o.range, clause));
    const mentions = shared ? list : [chosen];
    return { mentions, minerals: mentions.map((m) => m.mineral), fromContext: false };
  }
  const minerals = ctx.figure?.minerals.length ? ctx.figure.minerals : ctx.minerals;
  return minerals.length ? { mentions: [], minerals: [...minerals], fromContext: true } : undefined;
}

/** "53% and 54% … for gallium and germanium, respectively": quantities and minerals in order. */
export function pairRespectively(view: View, qs: Quantity[]): Map<Quantity, Mention> | undefined {
  const sentence = view.text.slice(view.range.start, view.range.end);
  const percents = qs.filter((q) => q.unit === qs[0]?.unit);
  if (percents.length < 2) return undefined;
  const coordinated = percents.every((q, i) => i === 0 || /^\s*(?:,\s*(?:and\s+)?|and)\s*$/i.test(view.text.slice(percents[i - 1]!.range.end, q.range.start)));
  if (!/\brespectively\b/i.test(sentence) && !coordinated) return undefined;
  const distinct = distinctMinerals(view.mentions);
  for (let i = 0; i < distinct.length; i++) {
    const list = distinctMinerals(listAround(view, view.mentions.indexOf(distinct[i]!)));
    if (list.length === percents.length) return new Map(percents.map((q, k) => [q, list[k]!]));
  }
  return undefined;
}

/** Partners whose share the quantity is: the country just before it, the subject, or "from X". */
export function readPartners(view: View, q: Quantity, clause: Range, metric: FigureMetric): { partners: string[]; actor?: Actor } {
  const actors = view.actors.filter((a) => within(a.range, clause) && a.code !== 'US');
  const text = view.text;
  const destination = (a: Actor) => /\b(?:to|into|for|toward|towards)\s+(?:the\s+)?$/i.test(text.slice(Math.max(clause.start, a.range.start - 12), a.range.start));
  const adjacent = actors.find((a) => a.range.end <= q.range.start && /^\s*[(:,]?\s*(?:at\s+|with\s+)?$/.test(text.slice(a.range.end, q.range.start)));
  if (adjacent) return { partners: [adjacent.code], actor: adjacent };
  const from = actors.find((a) => a.range.start >= q.range.end && (/\bfrom\s+(?:mainland\s+)?(?:the\s+)?$/i.test(text.slice(Math.max(q.range.end, a.range.start - 20), a.range.start)) || (/^\s*$/.test(text.slice(q.range.end, a.range.start)) && /^-?(?:sourced|supplied|origin)/i.test(text.slice(a.range.end, a.range.end + 9)))));
  const subjects = actors.filter((a) => a.range.end <= q.range.start && !destination(a));
  if (subjects.length > 0) {
    const last = subjects[subjects.length - 1]!;
    // "China and South Korea each supplied a fifth": both are partners.
    const prev = subjects[subjects.length - 2];
    if (prev && /^\s+and\s+$/.test(text.slice(prev.range.end, last.range.start)) && /\beach\b/i.test(text.slice(last.range.end, q.range.start))) return { partners: [prev.code, last.code], actor: last };
    if (from && (metric === 'import_share')) return { partners: [from.code], actor: from };
    return { partners: [last.code], actor: last };
  }
  if (from) return { partners: [from.code], actor: from };
  const after = actors.find((a) => a.range.start >= q.range.end && a.code === 'CN' && !destination(a));
  if (after && metric !== 'import_share') return { partners: [after.code], actor: after };
  if (after && /\b(?:from|by|in)\s+(?:\S+\s+){0,2}$/i.test(text.slice(q.range.end, after.range.start))) return { partners: [after.code], actor: after };
  return { partners: [] };
}

/** The importer whose imports a share is of, when not the US ("Japan's rare-earth imports"). */
export function readReporter(view: View, q: Quantity, clause: Range, partners: string[]): string | undefined {
  const text = view.text;
  for (const a of view.actors) {
    if (!within(a.range, clause) || a.code === 'CN' || a.code === 'US' || partners.includes(a.code)) continue;
    const after = text.slice(a.range.end, a.range.end + 40);
    if ((a.form !== 'name' || /^\s*(?:\S+\s+){0,2}(?:imports?|sources?|buys?|purchases?)\b/i.test(after)) && /\bimport|\bsource|\bbuy|\bpurchase/i.test(after)) return a.code;
    if (/^\s+(?:sources?|imports?|imported|buys?|bought|gets?|got|relies|relied)\b/i.test(after)) return a.code;
    if (/\bof\s+$/i.test(text.slice(Math.max(clause.start, a.range.start - 4), a.range.start)) && a.form === 'possessive') return a.code;
  }
  return undefined;
}

/** "The EU and China supplied 90%…": a share held by two countries together. */
export function isJoint(view: View, q: Quantity, clause: Range): boolean {
  const subjects = view.actors.filter((a) => within(a.range, clause) && a.range.end <= q.range.start);
  return subjects.some((a, i) => i > 0 && /^\s*(?:and|&|plus|together\s+with|along\s+with)\s*$/i.test(view.text.slice(subjects[i - 1]!.range.end, a.range.start))) && !/\beach\b/i.test(view.text.slice(clause.start, q.range.start));
}
