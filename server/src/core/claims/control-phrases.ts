// The phrases around a control word that decide what it governs: anaphors ("the three metals",
// "the October package"), clauses that continue a control ("…, and graphite since December"),
// lists, asides, alloys and technologies. read-controls.ts reads claims with them.

import type { Dataset } from '../dataset/types';
import { isGroupMineral } from '../dataset/status';
import type { Mention } from './lexicon';
import { within, type View } from './view';
import type { Range } from '../types';
import { valueOf } from './read-counts';

// Words that refer back to minerals named before: to the minerals themselves ("both metals", "the
// five"), or to a control and so to its minerals ("the ban", "that suspension", "it").
export const mineralAnaphor = /\b(?:all|each|both)\s+of\s+(?:these|them|those)\b|\b(?:the|these|those|all|both|each|such)\s+(?:(?:two|three|four|five|six|seven|eight|nine|ten|twelve)\s+)?(?:metals?|minerals?|elements?|materials|products|items|additions|rare\s+earths|five|four|three|two|six|seven|eight)\b|\b(?:neither|either)\s+(?:metal|mineral|element)\b|\bthe\s+(?:whole\s+|entire\s+)?(?:April|October|December|February|November|new|same|earlier)\s+(?:seven|five|four|three|package|measures?|controls?|rules?|list|additions)\b/i;
export const controlAnaphor = /\b(?:the|its|this|that)\s+(?:US-only\s+|US-specific\s+|outright\s+|export\s+|whole\s+)?(?:ban|controls?|rules?|measures?|regime|requirement|licensing|restrictions?|suspension|pause|package)\b|\b(?:it|they|them)\b/i;
export const anaphor = new RegExp(`${mineralAnaphor.source}|${controlAnaphor.source}`, 'i');

export function specific(mentions: Mention[], dataset: Dataset): Mention[] {
  const individual = mentions.filter((m) => !isGroupMineral(dataset.mineral(m.mineral)));
  return individual.length > 0 ? individual : mentions;
}

// The words left of a continued clause once its minerals are marked "#" and its times "@": "and #
// since @", "# followed on @". Between two marks the gap reads only one way: separators, then
// "and"/"or"/"&", then up to two other words. (Read two ways, with a space that either part could
// take and "and" that could be a word, a run of marks ending in no time backtracked exponentially:
// a fuzz finding, minutes for one sentence of a thousand mentions.)
const continuation = /^[\s,]*(?:and\s+|then\s+|while\s+)?(?:[\w-]+\s+){0,2}#(?:[\s,]*(?:(?:and|or|&)\s*)?(?:(?!(?:and|or)\s)[\w-]+\s+){0,2}#)*\s+(?:(?:only\s+)?(?:(?:since|from|in|on|as\s+of)\s+)?@|(?:followed|came\s+next|was\s+next|joined(?:\s+them)?)(?:\s+(?:(?:on|in|from)\s+)?@)?)[\s.]*$/i;
/** A continued clause is short ("and graphite since December"): longer ones are not tried. */
const MAX_CONTINUATION_MARKS = 24;

/**
 * A clause that names minerals and perhaps a time but no control of its own continues the control
 * before it: "…have needed licences since 2023, and graphite since December", "graphite followed
 * on December 1".
 */
export function continues(view: View, clause: Range): boolean {
  const marks = [...view.mentions.map((m) => ({ range: m.range, mark: '#' })), ...[...view.times, ...view.relatives].map((t) => ({ range: t.range, mark: '@' }))]
    .filter((x) => within(x.range, clause))
    .sort((a, b) => a.range.start - b.range.start);
  if (!marks.length || marks.length > MAX_CONTINUATION_MARKS) return false;
  let residual = '';
  let at = clause.start;
  for (const x of marks) {
    if (x.range.start < at) continue;
    residual += view.text.slice(at, x.range.start) + x.mark;
    at = x.range.end;
  }
  return continuation.test(residual + view.text.slice(at, clause.end));
}

/** "seven kinds of rare earth items": a number counting minerals, for a list that enumerates them. */
export const COUNT_WORDS = /\b(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:[\w-]+\s+){0,5}?(?:rare[-\s]earths?|elements|metals|minerals|items|materials)\b/i;

/** "samarium-cobalt alloys", "neodymium-iron-boron magnets": the second metal names an alloy, not a controlled mineral. */
export function alloyPartner(view: View, m: Mention): boolean {
  return /[A-Za-z]-$/.test(view.text.slice(m.range.start - 2, m.range.start)) && view.mentions.some((o) => o.range.end === m.range.start - 1) && /^(?:-[A-Za-z]+)*\s+(?:alloys?|magnets?|permanent\s+magnets?|targets?)\b/i.test(view.text.slice(m.range.end, m.range.end + 30));
}

/** "gold-antimony smelting technology", "technology to make rare earth magnets": the control is on a technology. */
export function aboutTechnology(view: View, m: Mention): boolean {
  return /^(?:[\s-]+(?:and\s+)?[\w-]+){0,4}?\s+technolog/i.test(view.text.slice(m.range.end, m.range.end + 60)) || /\btechnolog\w*\s+(?:to|for|used\s+to)\s+(?:\S+\s+){0,3}$/i.test(view.text.slice(Math.max(view.range.start, m.range.start - 50), m.range.start));
}

export const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const namedMeasureRe = new RegExp(String.raw`\b(?:the|its|China['’]s|Beijing['’]s)\s+(?:whole\s+|entire\s+|original\s+)?(?:(\d{1,2})\s+)?(${MONTH_NAMES.join('|')})(?:\s+(\d{1,2}))?(?:,?\s+((?:19|20)\d{2}))?\s+(?:export\s+)?(?:package|measures?|controls|rules|restrictions|curbs|announcements?|ban|additions|list)\b`, 'i');

/** A measure named by the month it was announced ("the October package"), and where the name stands in `text`. */
export function namedMeasure(text: string): { when: { month: number; day?: number; year?: number }; start: number; end: number } | undefined {
  const m = namedMeasureRe.exec(text);
  if (!m) return undefined;
  const day = Number(m[1] ?? m[3] ?? 0) || undefined;
  return { when: { month: MONTH_NAMES.indexOf(m[2]!.toLowerCase()) + 1, ...(day ? { day } : {}), ...(m[4] ? { year: Number(m[4]) } : {}) }, start: m.index, end: m.index + m[0].length };
}

/** The number an anaphor counts ("the three critical minerals", "these five metals"), if any. */
export function countedAnaphor(text: string): number | undefined {
  const m = /\b(?:the|these|those|all|both)\s+(two|three|four|five|six|seven|eight|nine|ten)\s+(?:\w+\s+)?(?:metals|minerals|elements|materials|rare\s+earths)\b/i.exec(text);
  return m ? valueOf(m[1]!) : /\bboth\s+(?:metals|minerals|elements)\b/i.test(text) ? 2 : undefined;
}

/** Whether the clause is nothing but a list of minerals ("samarium, gadolinium and yttrium."). */
export function isList(view: View, clause: Range): boolean {
  let rest = view.text.slice(clause.start, clause.end);
  for (const m of [...view.mentions].reverse()) if (within(m.range, clause)) rest = rest.slice(0, m.range.start - clause.start) + rest.slice(m.range.end - clause.start);
  return /^(?:[\s,;.]|\band\b|\bor\b|\bplus\b|\bboth\b|\bas\s+well\s+as\b|\bnamely\b|\bincluding\b|\bspecifically\b)*$/i.test(rest);
}

/** Asides in the clause set off by paired dashes or brackets that do not hold `at`. */
export function asideAround(view: View, clause: Range, at: number): Range[] {
  const text = view.text.slice(clause.start, clause.end);
  const out: Range[] = [];
  for (const m of text.matchAll(/\s[–—]\s[^–—]*\s[–—]\s|\([^()]*\)/g)) {
    const range = { start: clause.start + m.index, end: clause.start + m.index + m[0].length };
    if (at < range.start || at >= range.end) out.push(range);
  }
  return out;
}

/**
 * Clauses for reading controls: the sentence's clauses, also split after a colon that a new clause
 * follows ("reports that China has 'lifted' the ban are wrong: the ban is suspended") and before a
 * continued clause ("…, and graphite since December").
 */
export function controlClauses(view: View): Range[] {
  const out: Range[] = [];
  for (const clause of view.clauses) {
    const text = view.text.slice(clause.start, clause.end);
    // Continued clauses, from the last back: "…since 2023, graphite since December, and antimony since …".
    let end = clause.end;
    const tails: Range[] = [];
    for (const m of [...text.matchAll(/,\s+/g)].reverse()) {
      const at = clause.start + m.index;
      // A continued clause opens with a mineral within a few words; only then are its times read.
      if (view.mentions.some((m) => m.range.start > at && m.range.start - at < 40 && m.range.end <= end) && continues(view, { start: at, end })) tails.unshift({ start: at, end }), (end = at);
    }
    let start = clause.start;
    for (const m of view.text.slice(clause.start, end).matchAll(/:\s+/g)) {
      const at = clause.start + m.index;
      if (at > start) out.push({ start, end: at });
      start = at + m[0].length;
    }
    if (start < end) out.push({ start, end });
    out.push(...tails);
  }
  return out;
}
