// Figure claims: a number bound to one mineral and a metric by a clear pattern in one sentence
// ("China supplied 63% of US imports of antimony oxides in January–November 2024"). A number that
// no pattern binds is not a claim. A trailing "but only 6% in <period>" repeats the binding.

import type { Metric } from '../dataset/types';
import type { Range } from '../types';
import { CN, MASK, MIN, notAssertion, percent, readValue, tonnes, US, US_ADJ, US_POSSESSIVE } from './fragments';
import { actorBefore, isHedgedAway, isJointSubject, isQuoted, matchIn, mentionsIn, type Sentence } from './sentence';
import type { SentenceClaim } from './types';

interface FigurePattern {
  metric: Metric;
  unit: '%' | 't';
  reporter: string;
  partner?: string;
  re: RegExp;
  /** The pattern for a repeated figure after the first ("and for terbium about 340 t"). */
  next?: RegExp;
}

const SUPPLIED = String.raw`(?:supplied|supplies|provided|provides|accounted\s+for|accounts\s+for|made\s+up|makes\s+up|was\s+the\s+source\s+of|is\s+the\s+source\s+of)`;
const IMPORTS_OF_MIN = String.raw`(?:(?:all\s+)?${US_ADJ}\s+imports\s+of\s+(?<min>${MIN})|(?:${US_ADJ}\s+)?(?<min2>${MIN})\s+imports)`;
const VERB_TO = String.raw`(?:was|is|were|fell\s+to|rose\s+to|dropped\s+to|stood\s+at|reached|of|:|averaged)`;
const REPEAT_PERCENT = String.raw`^[^;%]{0,60}?(?:,\s*|\s+)(?:but|and|while|falling\s+to|down\s+to|rising\s+to|compared\s+with|versus|vs\.?|then)\s+(?:only\s+|just\s+|to\s+)?${percent('R')}(?=\s+(?:in|for|during|over)\b|\s*\()`;

const patterns: FigurePattern[] = [
  {
    metric: 'import_share', unit: '%', reporter: 'US', partner: 'CN',
    re: new RegExp(String.raw`\b${CN}\s+${SUPPLIED}\s+${percent()}\s+of\s+${IMPORTS_OF_MIN}`, 'dgi'),
    next: new RegExp(REPEAT_PERCENT, 'di'),
  },
  {
    metric: 'import_share', unit: '%', reporter: 'US', partner: 'CN',
    re: new RegExp(String.raw`\b${CN}(?:'s|’s)\s+share\s+of\s+${IMPORTS_OF_MIN}\s+${VERB_TO}\s+${percent()}`, 'dgi'),
    next: new RegExp(REPEAT_PERCENT, 'di'),
  },
  {
    metric: 'import_share', unit: '%', reporter: 'US', partner: 'CN',
    re: new RegExp(String.raw`${percent()}\s+of\s+${IMPORTS_OF_MIN}\s+(?:came|come|comes|originated)\s+from\s+${CN}`, 'dgi'),
  },
  {
    metric: 'net_import_reliance', unit: '%', reporter: 'US',
    re: new RegExp(String.raw`\b${US}\s+(?:is|was|remains|remained|has\s+been|became)\s+${percent()}\s+(?:net\s+)?import[-\s]reliant\s+(?:on|for)\s+(?<min>${MIN})`, 'dgi'),
  },
  {
    metric: 'net_import_reliance', unit: '%', reporter: 'US',
    re: new RegExp(String.raw`\b(?:${US_POSSESSIVE}\s+)?net\s+import\s+reliance\s+(?:on|for)\s+(?<min>${MIN})\s+${VERB_TO}\s+${percent()}`, 'dgi'),
  },
  {
    metric: 'net_import_reliance', unit: '%', reporter: 'US',
    re: new RegExp(String.raw`\b(?:${US_POSSESSIVE}\s+)?(?<min>${MIN})\s+net\s+import\s+reliance\s+${VERB_TO}\s+${percent()}`, 'dgi'),
  },
  {
    metric: 'net_import_reliance', unit: '%', reporter: 'US',
    re: new RegExp(String.raw`\b${US}\s+(?:relies|relied|depends|depended)\s+on\s+(?:net\s+)?imports\s+for\s+${percent()}\s+of\s+its\s+(?<min>${MIN})(?:\s+consumption|\s+supply)?`, 'dgi'),
  },
  {
    metric: 'world_production_share', unit: '%', reporter: 'world', partner: 'CN',
    re: new RegExp(String.raw`\b${CN}\s+(?:accounts\s+for|accounted\s+for|produces|produced|mines|mined|supplies|supplied)\s+${percent()}\s+of\s+(?:the\s+)?(?:world's|world’s|global|world|worldwide)\s+(?<min>${MIN})\s+(?:production|output|supply|mine\s+production)`, 'dgi'),
  },
  {
    metric: 'demand', unit: 't', reporter: 'world',
    re: new RegExp(String.raw`\b(?:global|world|worldwide)\s+demand\s+for\s+(?<min>${MIN})\s+(?:is|was|stands\s+at|stood\s+at|reached|of|totals|totalled|totaled|is\s+estimated\s+at|was\s+estimated\s+at)?\s*${tonnes()}`, 'dgi'),
    next: new RegExp(String.raw`^[^.;]{0,30}?\s*,?\s*(?:and|while)\s+(?:for\s+|that\s+for\s+)?(?<minR>${MIN})\s+(?:(?:is|was|at)\s+)?${tonnes('R')}`, 'di'),
  },
];

function span(m: RegExpExecArray, name: string): Range | undefined {
  const s = m.indices?.groups?.[name];
  return s ? { start: s[0], end: s[1] } : undefined;
}

const otherValue = /\d(?:[\d,.]*\d)?\s?(?:%|per\s?cent\b|percent\b|t\b|tonnes\b|tons\b)/i;

// Shares by value are a different measure from the shares by quantity the dataset compares against.
const byValue = /\b(?:(?:by|in)\s+(?:(?:dollar|customs|trade|import)\s+)?value\b|in\s+(?:value|dollar)\s+terms\b)/i;

/** The figure's words and what follows them up to the next figure or clause. */
function figureWords(sentence: Sentence, m: RegExpExecArray): string {
  const end = m.index + m[0].length;
  const rest = sentence.masked.slice(end, sentence.range.end);
  const stop = rest.search(/[%;]|\d\s?(?:per\s?cent|percent)\b/);
  return m[0] + (stop < 0 ? rest : rest.slice(0, stop));
}

const startsWithActor = /^(?:the\s+)?(?:US|U\.S\.|USA|United\s+States|America|American|China|Beijing)\b/i;

/**
 * The figure is the US's (or China's share of it) and asserted by the brief: not inside quotation
 * marks, not a joint share ("The EU and China supplied 90%…"), and not another country's figure
 * ("Japan's net import reliance on antimony was 100%").
 */
function isOwnFigure(sentence: Sentence, m: RegExpExecArray): boolean {
  if (isQuoted(sentence, m.index)) return false;
  if (startsWithActor.test(m[0])) return !isJointSubject(sentence, m.index);
  const actor = actorBefore(sentence, m.index);
  return actor === undefined || actor === 'US';
}

/** The period a figure speaks of: the first span-like time after its value, before `limit`. */
function periodAfter(sentence: Sentence, from: number, limit: number, before?: number) {
  const usable = sentence.times.filter((t) => !['since', 'until', 'by', 'before', 'after', 'as of', 'as at'].includes(t.lead));
  const after = usable.find((t) => t.range.start >= from && t.range.start < limit);
  // "63% of US imports of antimony, up from about 50% in 2019": the period belongs to the nearer number.
  if (after && !otherValue.test(sentence.masked.slice(from, after.range.start))) return after;
  if (before === undefined) return undefined;
  const leading = usable.filter((t) => t.range.end <= before);
  const first = leading[0];
  return first && first.range.start - sentence.range.start < 20 ? first : undefined;
}

/** Extends a claim by one character when it opened a bracket that the next character closes. */
function closeBracket(sentence: Sentence, start: number, end: number): number {
  const text = sentence.masked.slice(start, end);
  const open = (text.match(/\(/g) ?? []).length;
  const close = (text.match(/\)/g) ?? []).length;
  return open > close && sentence.masked[end] === ')' && end < sentence.range.end ? end + 1 : end;
}

function build(p: FigurePattern, sentence: Sentence, claimStart: number, minRange: Range, m: RegExpExecArray, suffix: string, limit: number, leadingAllowed: boolean): SentenceClaim | undefined {
  const value = readValue(m, suffix);
  if (!value) return undefined;
  const mention = mentionsIn(sentence, minRange);
  if (mention.length !== 1) return undefined;
  const time = periodAfter(sentence, value.valueRange.end, limit, leadingAllowed ? claimStart : undefined);
  const end = closeBracket(sentence, claimStart, Math.max(value.valueRange.end, m.index + m[0].length, time && time.range.start >= value.valueRange.end ? time.range.end : 0));
  const scope = mention[0]!.form.kind === 'form' ? mention[0]!.form.text : undefined;
  return {
    draft: {
      kind: 'figure',
      minerals: [mention[0]!.mineral],
      metric: p.metric,
      reporter: p.reporter,
      ...(p.partner ? { partner: p.partner } : {}),
      ...(scope ? { scope } : {}),
      value: value.value,
      decimals: value.decimals,
      hedge: value.fraction && value.hedge === 'exact' ? 'about' : value.hedge,
      unit: p.unit,
      ...(time ? { period: { start: time.start, end: time.end, range: time.range } } : {}),
    },
    range: { start: claimStart, end },
    mentionRanges: [mention[0]!.range],
    valueRange: value.numberRange,
    ...(value.valueRange.start !== value.numberRange.start ? { hedgeRange: value.valueRange } : {}),
  };
}

export function extractFigures(sentence: Sentence): SentenceClaim[] {
  const out: SentenceClaim[] = [];
  for (const p of patterns) {
    for (const m of matchIn(sentence, p.re)) {
      if (out.some((c) => m.index < c.range.end && c.range.start < m.index + m[0].length)) continue;
      if (isHedgedAway(sentence, m.index, notAssertion) || !isOwnFigure(sentence, m)) continue;
      const minRange = span(m, 'min') ?? span(m, 'min2');
      if (!minRange) continue;
      const matchEnd = m.index + m[0].length;
      let repeat: RegExpExecArray | null = null;
      if (p.next) {
        p.next.lastIndex = 0;
        repeat = p.next.exec(sentence.masked.slice(matchEnd, sentence.range.end));
      }
      const shifted = repeat ? shift(repeat, matchEnd) : undefined;
      const repeatStart = shifted ? (span(shifted, 'minR')?.start ?? readValue(shifted, 'R')?.valueRange.start ?? sentence.range.end) : sentence.range.end;
      const first = build(p, sentence, m.index, minRange, m, '', repeatStart, true);
      if (!first) continue;
      if (byValue.test(figureWords(sentence, m))) continue;
      first.range.end = Math.min(first.range.end, repeatStart);
      out.push(first);
      if (!shifted) continue;
      const repeatMin = span(shifted, 'minR') ?? minRange;
      // "…, versus 20% for tungsten in 2024": a repeated value followed by another mineral is that mineral's.
      if (repeatMin === minRange && namesAnotherMineral(sentence, shifted)) continue;
      const secondStart = repeatMin === minRange ? (readValue(shifted, 'R')?.valueRange.start ?? shifted.index) : repeatMin.start;
      const second = build(p, sentence, secondStart, repeatMin, shifted, 'R', sentence.range.end, false);
      if (second) {
        if (repeatMin === minRange) second.mentionRanges = [];
        if (repeatMin === minRange && first.draft.scope) second.draft.scope = first.draft.scope;
        out.push(second);
      }
    }
  }
  return out;
}

function namesAnotherMineral(sentence: Sentence, repeat: RegExpExecArray): boolean {
  const at = readValue(repeat, 'R')?.valueRange.end;
  if (at === undefined) return false;
  const next = sentence.times.find((t) => t.range.start >= at);
  return sentence.masked.slice(at, next ? next.range.start : Math.min(sentence.range.end, at + 40)).includes(MASK);
}

/** Moves a match found in a slice to absolute offsets. */
function shift(m: RegExpExecArray, by: number): RegExpExecArray {
  const moved = Object.assign([...m], m) as unknown as RegExpExecArray;
  moved.index = m.index + by;
  if (m.indices) {
    const indices = m.indices.map((r) => (r ? ([r[0] + by, r[1] + by] as [number, number]) : r)) as RegExpIndicesArray;
    if (m.indices.groups) {
      indices.groups = Object.fromEntries(
        Object.entries(m.indices.groups).map(([k, r]) => [k, r ? ([r[0] + by, r[1] + by] as [number, number]) : r]),
      ) as RegExpIndicesArray['groups'];
    }
    moved.indices = indices;
  }
  return moved;
}
