// Finds time expressions in a sentence: periods ("2020–23", "in 2024", "January–November 2024",
// "December 2024–March 2025", "January 2024 to November 2024") and dates ("as of April 2025",
// "on 3 December 2024"), each with its range, first and last day.

import type { IsoDate, Range } from '../types';

export interface TimeExpression {
  range: Range;
  start: IsoDate;
  end: IsoDate;
  /** The word that introduces it ("in", "since", "as of"), lower-cased, or "". */
  lead: string;
  /** True when the expression names one day. */
  day: boolean;
}

const monthNames = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const YEAR = '(?:19|20)\\d{2}';
const DASH = '\\s*(?:–|—|-|to|through|until)\\s*';

function month(name: string): number {
  const key = name.toLowerCase().replace(/\.$/, '').slice(0, 3);
  return monthNames.findIndex((m) => m.startsWith(key)) + 1;
}

/** Two digits: a month or day in an ISO date. */
export function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function lastDay(year: number, m: number): number {
  return new Date(Date.UTC(year, m, 0)).getUTCDate();
}

function monthStart(year: number, m: number): IsoDate {
  return `${year}-${pad(m)}-01`;
}

export function monthEnd(year: number, m: number): IsoDate {
  return `${year}-${pad(m)}-${pad(lastDay(year, m))}`;
}

function shortYear(first: number, tail: string): number {
  if (tail.length === 4) return Number(tail);
  const century = Math.floor(first / 100) * 100;
  const y = century + Number(tail);
  return y < first ? y + 100 : y;
}

type Parser = (m: RegExpExecArray) => { start: IsoDate; end: IsoDate; day?: boolean } | undefined;

const ordinals: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };
const monthCounts: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };

// Words a pattern cannot match without, tested once per sentence before the pattern is run.
const hasMonth = new RegExp(MONTH, 'i');
const hasBetween = /between/i;

const patterns: { re: RegExp; parse: Parser; needs?: RegExp }[] = [
  {
    // Q1 2025, Q3-2024, 1Q25
    re: new RegExp(`\\bQ([1-4])\\s*[-/]?\\s*(${YEAR})\\b`, 'gi'),
    needs: /q[1-4]/i,
    parse: (m) => quarter(Number(m[2]), Number(m[1])),
  },
  {
    // the first quarter of 2025, the second half of 2024
    re: new RegExp(`\\b(first|second|third|fourth|1st|2nd|3rd|4th)\\s+(quarter|half)\\s+(?:of\\s+)?(${YEAR})\\b`, 'gi'),
    needs: /quarter|half/i,
    parse: (m) => {
      const n = ordinals[m[1]!.toLowerCase()]!;
      const y = Number(m[3]);
      if (m[2]!.toLowerCase() === 'quarter') return quarter(y, n);
      return n <= 2 ? { start: monthStart(y, n === 1 ? 1 : 7), end: monthEnd(y, n === 1 ? 6 : 12) } : undefined;
    },
  },
  {
    // H1 2025
    re: new RegExp(`\\bH([12])\\s*(${YEAR})\\b`, 'g'),
    needs: /H[12]/,
    parse: (m) => ({ start: monthStart(Number(m[2]), m[1] === '1' ? 1 : 7), end: monthEnd(Number(m[2]), m[1] === '1' ? 6 : 12) }),
  },
  {
    // the first 11 months of 2024, the first eleven months of 2024
    re: new RegExp(`\\bfirst\\s+(\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\s+months\\s+of\\s+(${YEAR})\\b`, 'gi'),
    needs: /months/i,
    parse: (m) => {
      const n = /\d/.test(m[1]!) ? Number(m[1]) : monthCounts[m[1]!.toLowerCase()]!;
      return n >= 1 && n <= 12 ? { start: monthStart(Number(m[2]), 1), end: monthEnd(Number(m[2]), n) } : undefined;
    },
  },
  {
    // between December 2024 and April 2025
    re: new RegExp(`\\bbetween\\s+(${MONTH})\\s+(${YEAR})\\s+and\\s+(${MONTH})\\s+(${YEAR})`, 'gi'),
    needs: hasBetween,
    parse: (m) => ({ start: monthStart(Number(m[2]), month(m[1]!)), end: monthEnd(Number(m[4]), month(m[3]!)) }),
  },
  {
    // between January and November 2024
    re: new RegExp(`\\bbetween\\s+(${MONTH})\\s+and\\s+(${MONTH})\\s+(${YEAR})`, 'gi'),
    needs: hasBetween,
    parse: (m) => {
      const y = Number(m[3]);
      const a = month(m[1]!);
      const b = month(m[2]!);
      return a <= b ? { start: monthStart(y, a), end: monthEnd(y, b) } : undefined;
    },
  },
  {
    // between 2020 and 2023
    re: new RegExp(`\\bbetween\\s+(${YEAR})\\s+and\\s+(${YEAR})\\b`, 'gi'),
    needs: hasBetween,
    parse: (m) => (Number(m[2]) > Number(m[1]) ? { start: `${m[1]}-01-01`, end: `${m[2]}-12-31` } : undefined),
  },
  {
    // December 2024–March 2025; January 2024 to November 2024
    re: new RegExp(`(${MONTH})\\s+(${YEAR})${DASH}(${MONTH})\\s+(${YEAR})`, 'gi'),
    needs: hasMonth,
    parse: (m) => ({ start: monthStart(Number(m[2]), month(m[1]!)), end: monthEnd(Number(m[4]), month(m[3]!)) }),
  },
  {
    // January–November 2024
    re: new RegExp(`(${MONTH})${DASH}(${MONTH})\\s+(${YEAR})`, 'gi'),
    needs: hasMonth,
    parse: (m) => {
      const y = Number(m[3]);
      const a = month(m[1]!);
      const b = month(m[2]!);
      return a <= b ? { start: monthStart(y, a), end: monthEnd(y, b) } : undefined;
    },
  },
  {
    // 3 December 2024
    re: new RegExp(`\\b(\\d{1,2})\\s+(${MONTH})\\s+(${YEAR})`, 'gi'),
    needs: hasMonth,
    parse: (m) => dayOf(Number(m[3]), month(m[2]!), Number(m[1])),
  },
  {
    // December 3, 2024
    re: new RegExp(`(${MONTH})\\s+(\\d{1,2}),\\s*(${YEAR})`, 'gi'),
    needs: hasMonth,
    parse: (m) => dayOf(Number(m[3]), month(m[1]!), Number(m[2])),
  },
  {
    // 2024-12-03
    re: /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/g,
    parse: (m) => dayOf(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    // April 2025
    re: new RegExp(`(${MONTH})\\s+(${YEAR})`, 'gi'),
    needs: hasMonth,
    parse: (m) => ({ start: monthStart(Number(m[2]), month(m[1]!)), end: monthEnd(Number(m[2]), month(m[1]!)) }),
  },
  {
    // 2020–23, 2020-2023, 2020 to 2023
    re: new RegExp(`\\b(${YEAR})${DASH}((?:19|20)?\\d{2})\\b`, 'g'),
    parse: (m) => {
      const a = Number(m[1]);
      const b = shortYear(a, m[2]!);
      return b > a && b - a < 30 ? { start: `${a}-01-01`, end: `${b}-12-31` } : undefined;
    },
  },
  {
    // 2024
    re: new RegExp(`\\b(${YEAR})\\b`, 'g'),
    parse: (m) => ({ start: `${m[1]}-01-01`, end: `${m[1]}-12-31` }),
  },
];

function quarter(y: number, q: number): { start: IsoDate; end: IsoDate } {
  return { start: monthStart(y, q * 3 - 2), end: monthEnd(y, q * 3) };
}

function dayOf(y: number, m: number, d: number): { start: IsoDate; end: IsoDate; day: boolean } | undefined {
  if (m < 1 || m > 12 || d < 1 || d > lastDay(y, m)) return undefined;
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  return { start: iso, end: iso, day: true };
}

/**
 * A date that names a thing rather than the time a claim speaks of: an instrument ("Announcement No.
 * 33 of 2024", "No. 18/2025") or a noun it qualifies ("a 2024 CSIS report", "the December 2024
 * ban"). Binding it as a figure's period or a claim's date would check the claim at the wrong time.
 */
function isAttributive(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  if (/\bNos?\.?\s*\d+(?:\s*(?:,|and)\s*\d+)*\s+of\s+(?:the\s+)?$/i.test(before) || /\d\s*\/\s*$/.test(before)) return true;
  const determiner = /\b(?:a|an|the|its|their|this|that|these|those|China's|China’s|Beijing's|Beijing’s)\s+$/i.test(before);
  const after = text.slice(end, end + 30);
  return determiner && /^\s+[A-Za-z]/.test(after) && !/^\s+(?:period|average|years?|months?|window|span|timeframe|figures?|shares?|levels?|values?|estimates?|data|rates?|numbers?|reliance)\b/i.test(after);
}

const anyYear = new RegExp(YEAR);

const leadWords = /(?:\b(as of|as at|since|from|between|until|by|before|after|in|on|during|for|through|over)\s+(?:the\s+)?(?:(?:mid|early|late|end\s+of|start\s+of)[-\s]+)?)$/i;

/** Every time expression in `text` between `from` and `to`, leftmost-longest, in order. */
export function findTimes(text: string, from = 0, to = text.length): TimeExpression[] {
  const slice = text.slice(from, to);
  const found: TimeExpression[] = [];
  // Every pattern holds a year: most sentences have none and need no further reading.
  if (!anyYear.test(slice)) return found;
  const taken: Range[] = [];
  const tested = new Map<RegExp, boolean>();
  for (const { re, parse, needs } of patterns) {
    if (needs) {
      if (!tested.has(needs)) tested.set(needs, needs.test(slice));
      if (!tested.get(needs)) continue;
    }
    re.lastIndex = 0;
    // An exec loop rather than matchAll, which copies the expression on every call.
    for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
      const start = from + m.index;
      const end = start + m[0].length;
      if (taken.some((r) => start < r.end && r.start < end)) continue;
      // Part of a longer number ("12,024", "2024.5") or a percentage ("2025%"): not a time.
      if ((start > 0 && /[\d,.]/.test(text[start - 1]!)) || (end < text.length && /[\d%]/.test(text[end]!))) continue;
      const parsed = parse(m);
      if (!parsed) continue;
      taken.push({ start, end });
      if (isAttributive(text, start, end)) continue;
      const lead = leadWords.exec(text.slice(Math.max(0, start - 24), start));
      found.push({ range: { start, end }, start: parsed.start, end: parsed.end, lead: lead ? lead[1]!.toLowerCase() : '', day: parsed.day ?? false });
    }
  }
  return found.sort((a, b) => a.range.start - b.range.start);
}
