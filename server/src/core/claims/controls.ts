// Control-status claims: sentences that say how exports of named minerals are controlled ("China
// banned exports of gallium and germanium to the US", "licensing is required for tungsten", "no
// controls on nickel"), and table rows that pair minerals with a control type.

import type { ControlType, Dataset, Destination } from '../dataset/types';
import type { Range } from '../types';
import { CN, FOREIGN, MLIST, notAssertion, US } from './fragments';
import type { Mention } from './lexicon';
import { findTimes } from './periods';
import { actorBefore, ownTime, isHedgedAway, isJointSubject, isQuoted, matchIn, mentionsIn, type Sentence } from './sentence';
import type { SentenceClaim } from './types';

interface ControlPattern {
  type: ControlType | 'none';
  /** Set when the pattern names the destination; otherwise all destinations. */
  destination?: Destination;
  re: RegExp;
  /** How the pattern names who controls: China as subject, a noun phrase ("the ban on…"), or no one. */
  subject: 'china' | 'noun' | 'none';
}

const BAN_VERB = String.raw`(?:banned|bans|has\s+banned|prohibited|prohibits|has\s+prohibited|imposed\s+a\s+ban\s+on|imposes\s+a\s+ban\s+on)`;
const EXPORTS_OF = String.raw`(?:all\s+)?(?:the\s+)?(?:exports?|shipments?|sales?)\s+of\s+`;
const LICENCE = String.raw`(?:export\s+)?licen[cs](?:es?|ing)`;

const patterns: ControlPattern[] = [
  { type: 'ban', destination: 'US', subject: 'china', re: new RegExp(String.raw`\b${CN}\s+${BAN_VERB}\s+(?:${EXPORTS_OF})?(?<list>${MLIST})(?:\s+exports?)?\s+to\s+${US}\b`, 'dgi') },
  { type: 'ban', destination: 'US', subject: 'noun', re: new RegExp(String.raw`\b(?:a|an|the|its|China's|China’s)\s+(?:export\s+)?ban\s+on\s+(?:${EXPORTS_OF})?(?<list>${MLIST})(?:\s+exports?)?\s+to\s+${US}\b`, 'dgi') },
  { type: 'ban', subject: 'china', re: new RegExp(String.raw`\b${CN}\s+${BAN_VERB}\s+(?:${EXPORTS_OF})(?<list>${MLIST})(?!\s+(?:exports?\s+)?to\b)(?=\s*[.;,)]|\s*$)`, 'dgi') },
  { type: 'licensing', subject: 'none', re: new RegExp(String.raw`\b${LICENCE}\s+(?:is|are|was|were|has\s+been|have\s+been|became|remains?)\s+(?:now\s+)?required\s+(?:for|to\s+export)\s+(?:exports?\s+of\s+)?(?<list>${MLIST})`, 'dgi') },
  { type: 'licensing', subject: 'none', re: new RegExp(String.raw`(?<list>${MLIST})\s+(?:exports?\s+)?(?:require|requires|required|need|needs|needed)\s+(?:an?\s+)?${LICENCE}`, 'dgi') },
  { type: 'licensing', subject: 'none', re: new RegExp(String.raw`(?<list>${MLIST})\s+(?:exports?\s+)?(?:is|are|remain|remains|was|were)\s+(?:now\s+|still\s+)?(?:subject\s+to|under)\s+(?:an?\s+)?${LICENCE}`, 'dgi') },
  { type: 'licensing', subject: 'china', re: new RegExp(String.raw`\b${CN}\s+(?:requires|required|imposed|imposes|introduced|introduces)\s+(?:an?\s+)?${LICENCE}(?:\s+requirements?)?\s+(?:for|on)\s+(?:exports?\s+of\s+)?(?<list>${MLIST})`, 'dgi') },
  { type: 'none', subject: 'none', re: new RegExp(String.raw`\b(?:there\s+(?:are|were)\s+)?no\s+(?:Chinese\s+)?(?:export\s+)?(?:controls?|restrictions?)\s+(?:on|for)\s+(?:exports?\s+of\s+)?(?<list>${MLIST})(?!\s+imports?\b)`, 'dgi') },
];

// The "no controls" pattern contains its own negation, so only modality and reported speech void it.
const noneGuard = /\b(?:would|could|may|might|if|whether|unless|claim(?:s|ed)?\s+that|alleg(?:e|es|ed|edly|ing)|wrongly|falsely|mistakenly|incorrectly)\b/i;

// A destination anywhere after the list ("…and antimony, to the United States only, in…") means the
// ban is not on all exports, even when the words are not where the pattern expects them.
const toSomeone = new RegExp(String.raw`\b(?:to|for)\s+${FOREIGN}\b|\bto\s+(?:the\s+)?[A-Z][a-z]+`);

// A noun phrase about a ban that its sentence says was suspended, lifted or ended, or that follows
// "the suspension of", names the ban without asserting that it is in force on the sentence's date.
const changeBefore = /\b(?:suspension|suspending|lifting|lift|end|ending|removal|expiry|expiration|repeal|relaxation|easing|pause|pausing|reversal)\s+of\s+$/i;
const changeAfter = /\b(?:suspend\w*|lift\w*|ended|ends|expir\w*|paus\w*|remov\w*|repeal\w*|relax\w*|revok\w*|halt\w*|scrap\w*|rescind\w*|dropped|returns?|reinstat\w*|resum\w*|eased)\b/i;

function assertsBan(sentence: Sentence, start: number, end: number): boolean {
  return !changeBefore.test(sentence.masked.slice(sentence.range.start, start)) && !changeAfter.test(sentence.masked.slice(end, sentence.range.end));
}

/**
 * China's controls are the only ones the dataset records: a claim whose subject is another country
 * ("Japan has no export controls on germanium") or a group ("The EU and China…") is not checked.
 */
function aboutChina(p: ControlPattern, sentence: Sentence, start: number): boolean {
  if (p.subject === 'china') return !isJointSubject(sentence, start);
  const actor = actorBefore(sentence, start);
  return actor === undefined || actor === 'CN';
}

/** Drops group-level mentions (rare earths) when the same list names individual minerals. */
function specific(mentions: Mention[], dataset: Dataset): Mention[] {
  const isGroup = (m: Mention) => {
    const group = dataset.mineral(m.mineral)?.group;
    return group === 'rare-earths' || group === 'item-group';
  };
  const individual = mentions.filter((m) => !isGroup(m));
  return individual.length > 0 ? individual : mentions;
}

function unique(mentions: Mention[]): Mention[] {
  const seen = new Set<string>();
  return mentions.filter((m) => (seen.has(m.mineral) ? false : (seen.add(m.mineral), true)));
}

export function extractControls(sentence: Sentence, dataset: Dataset, date: string | undefined): SentenceClaim[] {
  const out: SentenceClaim[] = [];
  const time = ownTime(sentence);
  for (const p of patterns) {
    for (const m of matchIn(sentence, p.re)) {
      const start = m.index;
      const end = m.index + m[0].length;
      if (out.some((c) => start < c.range.end && c.range.start < end)) continue;
      const prefixGuard = p.type === 'none' ? noneGuard : notAssertion;
      if (isHedgedAway(sentence, start, prefixGuard) || isQuoted(sentence, start)) continue;
      const listSpan = m.indices?.groups?.['list'];
      if (!listSpan) continue;
      if (!aboutChina(p, sentence, start)) continue;
      if (p.subject === 'noun' && !assertsBan(sentence, start, end)) continue;
      if (p.type === 'ban' && !p.destination && toSomeone.test(sentence.masked.slice(listSpan[1], sentence.range.end))) continue;
      const mentions = unique(specific(mentionsIn(sentence, { start: listSpan[0], end: listSpan[1] }), dataset));
      if (mentions.length === 0) continue;
      out.push({
        draft: {
          kind: 'control',
          minerals: mentions.map((x) => x.mineral),
          control: { type: p.type, destination: p.destination ?? 'all', ...(date ? { date } : {}) },
          ...(date && time ? { dateFrom: time.start } : {}),
        },
        range: { start, end },
        mentionRanges: mentions.map((x) => x.range),
      });
    }
  }
  return out;
}

const controlHeader = /control|status|measure|regime|restriction|treatment/i;

// A cell that qualifies its control type (suspended, proposed, for military end users, technology
// only…) does not state the mineral's status; a header that does ("Proposed measure") voids the table.
const qualifiedCell = /\b(?:suspend\w*|lift\w*|paus\w*|expir\w*|ended|propos\w*|plann\w*|threat\w*|rumou?r\w*|possible|potential|pending|scheduled|announced|military|end[-\s]?users?|entit(?:y|ies)|technolog\w*|partial|some|certain)\b|\?/i;
const hypotheticalHeader = /\b(?:propos\w*|plann\w*|possible|potential|threat\w*|scenario|option|expected|forecast|candidate)\b/i;
const foreignCell = new RegExp(String.raw`^\s*${FOREIGN}\s*$`, 'i');

function controlTypeOf(cell: string): { type: ControlType | 'none'; destination: Destination } | undefined {
  const text = cell.trim();
  if (qualifiedCell.test(text)) return undefined;
  const toUs = /\b(?:to|for)\s+(?:the\s+)?(?:US|U\.S\.|USA|United\s+States)\b/i.test(text) || /\(US(?:\s+only)?\)/i.test(text);
  if (/^(?:none|no\s+(?:export\s+)?controls?|not\s+controlled|uncontrolled)\b/i.test(text)) return { type: 'none', destination: 'all' };
  if (/\b(?:ban(?:ned)?|prohibit(?:ed|ion)?|embargo)\b/i.test(text) && !/licen[cs]/i.test(text)) return { type: 'ban', destination: toUs ? 'US' : 'all' };
  if (/^(?:export\s+)?(?:licen[cs](?:e|es|ing)|dual[-\s]use\s+licen[cs]ing)\b/i.test(text) && !/\bban\b/i.test(text)) return { type: 'licensing', destination: toUs ? 'US' : 'all' };
  return undefined;
}

/**
 * A table row is a control claim when the table has a control-type column, exactly one cell of the
 * row names a control type, and other cells name minerals.
 */
export function extractTableRow(text: string, cells: readonly Range[], header: readonly string[], mentions: readonly Mention[], dataset: Dataset): SentenceClaim[] {
  if (!header.some((h) => controlHeader.test(h)) || header.some((h) => hypotheticalHeader.test(h))) return [];
  // A row about another country's controls ("| Japan | Ban | gallium |") is not about China's.
  if (cells.some((cell) => foreignCell.test(text.slice(cell.start, cell.end)))) return [];
  const typed = cells
    .map((cell, i) => ({ i, cell, type: controlHeader.test(header[i] ?? '') ? controlTypeOf(text.slice(cell.start, cell.end)) : undefined }))
    .filter((c) => c.type);
  if (typed.length !== 1) return [];
  const control = typed[0]!;
  const date = headerDate(header[control.i] ?? '');
  const inOtherCells = mentions.filter((m) => cells.some((cell, i) => i !== control.i && m.range.start >= cell.start && m.range.end <= cell.end));
  const minerals = unique(specific(inOtherCells, dataset));
  if (minerals.length === 0) return [];
  const first = cells[0]!;
  const last = cells[cells.length - 1]!;
  return [
    {
      draft: { kind: 'control', minerals: minerals.map((m) => m.mineral), control: { type: control.type!.type, destination: control.type!.destination, ...(date ? { date: date.date } : {}) },
        ...(date ? { dateFrom: date.from } : {}),
      },
      range: { start: first.start, end: last.end },
      mentionRanges: minerals.map((m) => m.range),
    },
  ];
}

/**
 * The time a control column speaks of ("Status in December 2024"), as the claim's date and first
 * day; a column with no time, or a span ("Status since 2023"), is read on the as-of date.
 */
function headerDate(header: string): { date: string; from: string } | undefined {
  const times = findTimes(header);
  const t = times.length === 1 ? times[0]! : undefined;
  if (!t || ['since', 'from', 'until', 'by', 'before', 'after', 'between', 'through', 'over'].includes(t.lead)) return undefined;
  return { date: t.end, from: t.start };
}
