// Quantities in a sentence: percentages in every spelling (63%, 63 per cent, 63-percent, 0.70 of a
// share), fractions in words ("roughly two-thirds", "seven in ten", "a fifth"), masses (1,200 t,
// 1.2 kt, 1,200 MT, 5,200 kg) and money ($40,000 a tonne), each with its hedge and exact ranges.

import type { Hedge, Range } from '../types';

export type QuantityUnit = '%' | 't' | 'USD' | 'lb' | 'kg-per-unit';

export interface Quantity {
  value: number;
  /** Top of a range ("50 to 100 kilograms"). */
  valueMax?: number;
  unit: QuantityUnit;
  hedge: Hedge;
  /** Digits after the decimal point as written (rounding tolerance). */
  decimals: number;
  /** Written in words (a fraction or "seven in ten"): read as approximate. */
  inWords: boolean;
  /** A bare decimal share ("0.70"), read as a percentage only where a share is spoken of. */
  bareShare?: boolean;
  /** The number (or words) alone. */
  numberRange: Range;
  /** Hedge and number together. */
  valueRange: Range;
  /** Number, unit and any per-unit words ("$40,000 a tonne"). */
  range: Range;
}

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const HEDGES: [RegExp, Hedge][] = [
  [/(?:just\s+|a\s+little\s+|slightly\s+)?(?:under|below|less\s+than|fewer\s+than|short\s+of)\s+$/i, 'under'],
  [/(?:nearly|almost|close\s+to|approaching|just\s+shy\s+of)\s+$/i, 'nearly'],
  [/(?:just\s+|a\s+little\s+|slightly\s+|well\s+)?(?:over|above|more\s+than|exceeds?|exceeded|in\s+excess\s+of|upwards\s+of)\s+$/i, 'over'],
  [/at\s+least\s+$/i, 'at-least'],
  [/(?:at\s+most|up\s+to|no\s+more\s+than)\s+$/i, 'at-most'],
  [/(?:about|around|approximately|approx\.|roughly|some|circa|c\.|an\s+estimated|estimated|nearer|near|on\s+the\s+order\s+of|of\s+the\s+order\s+of|~)\s*$/i, 'about'],
];

const fractionWords: Record<string, number> = {
  half: 50, 'one half': 50, 'a half': 50,
  third: 33.3, 'a third': 33.3, 'one third': 33.3, 'two thirds': 66.7,
  quarter: 25, 'a quarter': 25, 'one quarter': 25, 'three quarters': 75,
  fifth: 20, 'a fifth': 20, 'one fifth': 20, 'two fifths': 40, 'three fifths': 60, 'four fifths': 80,
  tenth: 10, 'a tenth': 10, 'one tenth': 10, 'nine tenths': 90, 'eight tenths': 80, 'seven tenths': 70,
};
const smallNumbers: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

const percentRe = new RegExp(String.raw`(?<![\w.,$])(${NUM})(?:\s?%|\s?-?\s?per\s?-?cent\b|\s?-?percent\b|\s?pct\b)`, 'gi');
const fractionRe = /(?<![\w-])(?:(?:one|a|two|three|four|seven|eight|nine)[\s-]+)?(?:half|third|thirds|quarter|quarters|fifth|fifths|tenth|tenths)\b/gi;
const inTenRe = /(?<![\w-])(one|two|three|four|five|six|seven|eight|nine)\s+(?:in|out\s+of)\s+(?:every\s+)?(ten|10)\b/gi;
const massRe = new RegExp(String.raw`(?<![\w.,$])(${NUM})(?:\s*(?:-|to|–)\s*(${NUM}))?\s?(kt\b|kilotonnes?\b|kilotons?\b|(?:metric\s+)?tonnes?\b|(?:metric\s+)?tons?\b|t\b|MT\b|mt\b|kg\b|kilograms?\b|(?:pounds|lbs?)\b)`, 'g');
const moneyRe = new RegExp(String.raw`(?:US)?\$\s?(${NUM})(?:\s?(million|billion|bn|m|k)\b)?`, 'gi');

/** The hedge written just before `at` ("more than", "nearly", "about"), and where it starts. */
export function hedgeBefore(text: string, at: number, floor: number): { hedge: Hedge; start: number } {
  const before = text.slice(Math.max(floor, at - 40), at);
  for (const [re, hedge] of HEDGES) {
    const m = re.exec(before);
    if (m) return { hedge, start: at - m[0].length };
  }
  return { hedge: 'exact', start: at };
}

function decimalsOf(num: string): number {
  const i = num.indexOf('.');
  return i < 0 ? 0 : num.length - i - 1;
}

const toNumber = (num: string) => Number(num.replace(/,/g, ''));

/** True when the number at `start` is part of a date, an instrument number or a code, not a quantity. */
function isLabelNumber(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  if (/\b(?:No|Nos|Section|Art|Article|Annex|HS|Chapter|Figure|Table|Fig)\.?\s*$/i.test(before)) return true;
  if (/[/]\s*$/.test(before) || /^\s*\/\s*\d/.test(text.slice(end, end + 4))) return true;
  return false;
}

function push(out: Quantity[], q: Quantity): void {
  if (out.some((o) => q.range.start < o.range.end && o.range.start < q.range.end)) return;
  out.push(q);
}

/** Every quantity in `text` between `from` and `to`, in order. */
export function findQuantities(text: string, from: number, to: number): Quantity[] {
  const slice = text.slice(0, to);
  const out: Quantity[] = [];
  // Each kind of quantity needs a character or word that most sentences lack: test for it first.
  const part = text.slice(from, to);
  const digits = /\d/.test(part);
  const scan = (re: RegExp, each: (m: RegExpExecArray) => void, needs = true) => {
    if (!needs) return;
    re.lastIndex = from;
    let m: RegExpExecArray | null;
    while ((m = re.exec(slice)) !== null) each(m);
  };
  scan(moneyRe, (m) => {
    const start = m.index;
    let end = start + m[0].length;
    const per = /^\s*(?:\/\s*(?:t|kg|lb|tonne|ton|mt)\b|(?:a|per|each)\s+(?:metric\s+)?(?:tonne|ton|kg|kilogram|pound|lb)\b)/i.exec(text.slice(end, to));
    if (per) end += per[0].length;
    const scale = { million: 1e6, m: 1e6, billion: 1e9, bn: 1e9, k: 1e3 }[(m[2] ?? '').toLowerCase()] ?? 1;
    const h = hedgeBefore(text, start, from);
    push(out, { value: toNumber(m[1]!) * scale, unit: 'USD', hedge: h.hedge, decimals: decimalsOf(m[1]!), inWords: false, numberRange: { start: start + m[0].indexOf(m[1]!), end: start + m[0].indexOf(m[1]!) + m[1]!.length }, valueRange: { start: h.start, end: start + m[0].indexOf(m[1]!) + m[1]!.length }, range: { start: h.start, end } });
  }, digits && part.includes('$'));
  scan(percentRe, (m) => {
    const start = m.index;
    const num = m[1]!;
    if (isLabelNumber(text, start, start + num.length)) return;
    const h = hedgeBefore(text, start, from);
    const end = start + m[0].length;
    push(out, { value: toNumber(num), unit: '%', hedge: h.hedge, decimals: decimalsOf(num), inWords: false, numberRange: { start, end: start + num.length }, valueRange: { start: h.start, end: start + num.length }, range: { start: h.start, end } });
  }, digits);
  scan(massRe, (m) => {
    const start = m.index;
    const num = m[1]!;
    const unitWord = m[3]!;
    if (isLabelNumber(text, start, start + num.length)) return;
    // "t" alone only straight after the number ("340 t", "340t"), never "3 tonnes" mistaken for a year.
    if (unitWord === 't' && /\d\s?t$/.test(m[0]) === false) return;
    const lower = unitWord.toLowerCase();
    const factor = lower.startsWith('k') && lower !== 'kg' && !lower.startsWith('kilogram') ? 1000 : lower === 'kg' || lower.startsWith('kilogram') ? 0.001 : 1;
    const unit: QuantityUnit = /^(?:pounds|lbs?)$/.test(lower) ? 'lb' : 't';
    const h = hedgeBefore(text, start, from);
    const end = start + m[0].length;
    const value = toNumber(num) * (unit === 'lb' ? 1 : factor);
    const q: Quantity = { value: Math.round(value * 1e6) / 1e6, unit, hedge: h.hedge, decimals: Math.max(0, decimalsOf(num) - Math.round(Math.log10(factor))), inWords: false, numberRange: { start, end: start + num.length }, valueRange: { start: h.start, end: start + num.length }, range: { start: h.start, end } };
    if (m[2]) q.valueMax = Math.round(toNumber(m[2]) * (unit === 'lb' ? 1 : factor) * 1e6) / 1e6;
    push(out, q);
  }, digits);
  scan(inTenRe, (m) => {
    const start = m.index;
    const h = hedgeBefore(text, start, from);
    const end = start + m[0].length;
    push(out, { value: (smallNumbers[m[1]!.toLowerCase()] ?? 0) * 10, unit: '%', hedge: h.hedge === 'exact' ? 'about' : h.hedge, decimals: 0, inWords: true, numberRange: { start, end }, valueRange: { start: h.start, end }, range: { start: h.start, end } });
  }, /ten|10/i.test(part));
  scan(fractionRe, (m) => {
    const words = m[0].toLowerCase().replace(/[\s-]+/g, ' ');
    const key = words.replace(/s$/, '').replace(/^(two|three|four|seven|eight|nine) (third|quarter|fifth|tenth)$/, '$1 $2s');
    const value = fractionWords[key] ?? fractionWords[words];
    if (value === undefined) return;
    const start = m.index;
    // "a third of" / "half of" / "two-thirds": a share; "the first half of 2025" is a time.
    const after = text.slice(start + m[0].length, start + m[0].length + 12);
    const before = text.slice(Math.max(from, start - 12), start);
    if (/\b(?:first|second|last|latter|former)\s+$/i.test(before) || /^\s+(?:of\s+)?(?:the\s+)?(?:year|century|decade)\b/i.test(after)) return;
    if (/^(?:half|third|quarter|fifth|tenth)$/.test(words) && !/^\s+(?:of|the|a|its|their|all|US|U\.S\.|American|world|global)\b/i.test(after) && !/\b(?:a|one|about|nearly|roughly|almost|over|under|some|just|than|at)\s+$/i.test(before)) return;
    const h = hedgeBefore(text, start, from);
    const end = start + m[0].length;
    push(out, { value, unit: '%', hedge: h.hedge === 'exact' ? 'about' : h.hedge, decimals: 1, inWords: true, numberRange: { start, end }, valueRange: { start: h.start, end }, range: { start: h.start, end } });
  }, /half|third|quarter|fifth|tenth/i.test(part));
  // A bare decimal share ("recorded as 0.70"): the figure reader keeps it only beside share words.
  scan(/(?<![\w.,$])0\.\d{1,3}(?![\d%])/g, (m) => {
    const start = m.index;
    const end = start + m[0].length;
    if (/^\s*(?:per\s?cent|percent|t\b|tonnes?|kg|mm|nm|micron)/i.test(text.slice(end, end + 9))) return;
    const h = hedgeBefore(text, start, from);
    push(out, { value: Math.round(Number(m[0]) * 1000) / 10, unit: '%', hedge: h.hedge, decimals: Math.max(0, decimalsOf(m[0]) - 2), inWords: false, bareShare: true, numberRange: { start, end }, valueRange: { start: h.start, end }, range: { start: h.start, end } });
  }, part.includes('0.'));
  return out.sort((a, b) => a.range.start - b.range.start);
}
