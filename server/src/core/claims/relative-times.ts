// Times a sentence gives relative to the brief's own date: "last year", "this year", "in April",
// "since last August", "from August 1". They are found while reading a block (which does not know
// the brief's date) and placed on the calendar once the date is known (see resolve.ts).

import type { IsoDate, Range } from '../types';
import { lastDay, monthEnd, pad } from './periods';

export interface RelativeTime {
  range: Range;
  /** Whole calendar year `offset` years from the brief's; or a month (and day) at or before its date. */
  kind: 'year' | 'month';
  offset?: number;
  month?: number;
  day?: number;
  /** The word that introduces it ("in", "since"), lower-cased, or "". */
  lead: string;
  /** "over the year": a year's span up to the brief's date, the year before in its first two months. */
  span?: boolean;
  /** "January–September", "from January to November" with no year: the last month of the range. */
  monthEnd?: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

const yearRe = /\b(last|this|the\s+previous|the\s+past|the\s+current)\s+year\b/gi;
// "over the year", "during the year": the brief's own year (a year in review).
const theYearRe = /\b(over|during|across|throughout)\s+the\s+year\b/gi;
// A month with no year after it: "in April", "since last August", "from August 1", "on 8 November".
const monthRe = new RegExp(`\\b(?:(in|since|from|on|by|until|through|during|as\\s+of|effective|before|after)\\s+)?(?:(last|this)\\s+)?(?:(\\d{1,2})\\s+)?${MONTH}(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?)?\\b(?![\\s,]*(?:19|20)\\d{2})(?!\\s*[–-]\\s*${MONTH})`, 'g');

const monthRangeRe = new RegExp(`(?:\\b(in|from|between|during|for|over)\\s+)?\\b${MONTH}\\s*(?:[–-]|\\s+(?:to|through|and|until)\\s+)${MONTH}\\b(?![\\s,]*(?:19|20)\\d{2})`, 'gi');

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.toLowerCase().slice(0, 3)) + 1;
}

export function findRelativeTimes(text: string, from: number, to: number): RelativeTime[] {
  const out: RelativeTime[] = [];
  const slice = text.slice(0, to);
  yearRe.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = yearRe.exec(slice)) !== null) {
    const which = m[1]!.toLowerCase().replace(/\s+/g, ' ');
    const lead = /\b(in|since|over|during|from)\s+$/i.exec(text.slice(Math.max(from, m.index - 8), m.index))?.[1]?.toLowerCase() ?? '';
    out.push({ range: { start: m.index, end: m.index + m[0].length }, kind: 'year', offset: which === 'this' || which === 'the current' ? 0 : -1, lead });
  }
  theYearRe.lastIndex = from;
  while ((m = theYearRe.exec(slice)) !== null) out.push({ range: { start: m.index, end: m.index + m[0].length }, kind: 'year', offset: 0, lead: m[1]!.toLowerCase(), span: true });
  // "January-September", "from January to November", "between March and May" with no year after.
  monthRangeRe.lastIndex = from;
  const ranges: Range[] = [];
  while ((m = monthRangeRe.exec(slice)) !== null) {
    const first = monthIndex(m[2]!);
    const last = monthIndex(m[3]!);
    if (first >= last || !/^[A-Z]/.test(m[2]!) || !/^[A-Z]/.test(m[3]!)) continue;
    const range = { start: m.index + (m[0].length - m[0].trimStart().length), end: m.index + m[0].length };
    ranges.push(range);
    out.push({ range, kind: 'month', month: first, monthEnd: last, lead: (m[1] ?? '').toLowerCase() });
  }
  monthRe.lastIndex = from;
  while ((m = monthRe.exec(slice)) !== null) {
    const name = m[4]!;
    // "May" is also a verb: only as a month after a lead word or with a day.
    if (/^may$/i.test(name) && !m[1] && !m[3] && !m[5]) continue;
    // Month abbreviations that are ordinary words ("Mar", "Jun") need a capital.
    if (!/^[A-Z]/.test(name)) continue;
    if (ranges.some((r) => m!.index < r.end && r.start < m!.index + m![0].length)) continue;
    const day = Number(m[3] ?? m[5] ?? 0) || undefined;
    if (day !== undefined && (day < 1 || day > 31)) continue;
    out.push({ range: { start: m.index, end: m.index + m[0].length }, kind: 'month', month: monthIndex(name), ...(day ? { day } : {}), lead: (m[1] ?? '').toLowerCase().replace(/\s+/g, ' '), ...(m[2]?.toLowerCase() === 'last' ? { offset: -1 } : {}) });
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}


/** The calendar time a relative expression names, seen from the brief's date. */
export function placeRelative(t: Pick<RelativeTime, 'kind' | 'offset' | 'month' | 'day' | 'lead' | 'span' | 'monthEnd'>, briefDate: IsoDate): { start: IsoDate; end: IsoDate; day: boolean } {
  const year = Number(briefDate.slice(0, 4));
  if (t.kind === 'year') {
    const y = year + (t.offset ?? -1) - (t.span && Number(briefDate.slice(5, 7)) <= 2 ? 1 : 0);
    return { start: `${y}-01-01`, end: `${y}-12-31`, day: false };
  }
  const briefMonth = Number(briefDate.slice(5, 7));
  const briefDay = Number(briefDate.slice(8, 10));
  const m = t.month!;
  if (t.monthEnd) {
    // The latest such range that has ended (or is ending) by the brief's date.
    const y = t.monthEnd <= briefMonth ? year : year - 1;
    return { start: `${y}-${pad(m)}-01`, end: monthEnd(y, t.monthEnd), day: false };
  }
  // The latest such month at or before the brief's date ("last August" is the one before that).
  let y = m < briefMonth || (m === briefMonth && (t.day ?? 1) <= briefDay) ? year : year - 1;
  if (t.offset === -1 && y === year && m === briefMonth) y -= 1;
  // "from August 1", "effective 8 November": a start date may lie ahead; take the nearer occurrence.
  if (t.offset === undefined && ['from', 'effective', 'until', 'by', 'on'].includes(t.lead) && y < year) {
    const ahead = (m - briefMonth + 12) % 12;
    const behind = (briefMonth - m + 12) % 12;
    if (ahead < behind) y = year;
  }
  if (t.day) {
    const d = Math.min(t.day, lastDay(y, m));
    const iso = `${y}-${pad(m)}-${pad(d)}`;
    return { start: iso, end: iso, day: true };
  }
  return { start: `${y}-${pad(m)}-01`, end: monthEnd(y, m), day: false };
}
