// Finds mineral mentions in text using the dataset's surface forms (names, aliases, product forms
// and unambiguous symbols), longest first. Built once per dataset and cached beside it.

import type { Dataset, SurfaceForm } from '../dataset/types';
import type { Range } from '../types';

export interface Mention {
  range: Range;
  mineral: string;
  form: SurfaceForm;
}

export interface Lexicon {
  find(text: string): Mention[];
}

export function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s\\u2010-\\u2011-]+');
}

// A dataset is immutable, so its lexicon can live as long as it does.
const cache = new WeakMap<Dataset, Lexicon>();

export function lexiconFor(dataset: Dataset): Lexicon {
  let lexicon = cache.get(dataset);
  if (!lexicon) {
    lexicon = buildLexicon(dataset.surfaceForms().filter((f) => f.kind !== 'symbol' || !dataset.mineral(f.mineral)?.symbolAmbiguous));
    cache.set(dataset, lexicon);
  }
  return lexicon;
}

/**
 * The matches of `(?<![\p{L}\p{N}])(?:k1|k2|…)(?:e?s)?(?![\p{L}\p{N}])` (flags giu) over a text,
 * for lower-case keys already in priority order, without running that one regular expression: it
 * tries its hundreds of alternatives, behind a look-behind, at every position of the text, and was
 * most of the lexicon's cost. A loop over the text finds the word starts whose first two letters
 * begin some key; there only the keys with that first letter are tried, in the same order, so the
 * matches are the same (a test holds it to the one expression). A word-indexed lexicon, measured
 * earlier, was slower than the one expression.
 */
export function groupedMatcher(keys: readonly string[]): (text: string) => RegExpExecArray[] {
  const firstOf = (key: string) => String.fromCodePoint(key.codePointAt(0)!);
  const firsts = new Map([...new Set(keys.map(firstOf))].map((f) => [f, new RegExp(`^[${escapeInClass(f)}]$`, 'iu')]));
  // Which characters equal some key's first letter ignoring case ("K" and the Kelvin sign equal "k").
  const equalsFirst = (ch: string) => [...firsts.values()].some((re) => re.test(ch));
  const asciiFirst = Array.from({ length: 128 }, (_, c) => equalsFirst(String.fromCharCode(c)));
  const otherFirst = new Map<string, boolean>();
  const isFirst = (text: string, at: number, code: number): boolean => {
    if (code < 128) return asciiFirst[code]!;
    const ch = String.fromCodePoint(text.codePointAt(at)!);
    if (!otherFirst.has(ch)) otherFirst.set(ch, equalsFirst(ch));
    return otherFirst.get(ch)!;
  };
  // The first two letters of keys that start with two plain ASCII letters or digits: an ASCII word
  // start whose two letters begin none of them cannot match (unless a key of its first letter has
  // another second character, or some key starts outside ASCII, where case folding is wider).
  const plain = (k: string) => /^[a-z0-9]{2}/.test(k);
  const lower = (code: number) => (code >= 65 && code <= 90 ? code + 32 : code);
  const pairs = keys.every((k) => k.charCodeAt(0) < 128) ? new Uint8Array(128 * 128) : undefined;
  for (const k of keys) if (pairs && plain(k)) pairs[k.charCodeAt(0) * 128 + k.charCodeAt(1)] = 1;
  const open = new Uint8Array(128);
  for (const k of keys) if (!plain(k) && k.charCodeAt(0) < 128) open[k.charCodeAt(0)] = 1;
  const ruledOut = (text: string, at: number, code: number): boolean => {
    const next = text.charCodeAt(at + 1);
    if (!pairs || !(next < 128)) return false;
    const first = lower(code);
    return !open[first] && !pairs[first * 128 + lower(next)];
  };
  const byLetter = new Map<string, RegExp>();
  const keysFor = (letter: string): RegExp => {
    let re = byLetter.get(letter);
    if (!re) {
      const alternatives = keys.filter((k) => firsts.get(firstOf(k))!.test(letter)).map(escape);
      re = new RegExp(`(?:${alternatives.join('|')})(?:e?s)?(?![\\p{L}\\p{N}])`, 'iuy');
      byLetter.set(letter, re);
    }
    return re;
  };
  return (text) => {
    const out: RegExpExecArray[] = [];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (!isFirst(text, i, code) || (i > 0 && letterOrDigitBefore(text, i)) || (code < 128 && ruledOut(text, i, code))) continue;
      const re = keysFor(String.fromCodePoint(text.codePointAt(i)!));
      re.lastIndex = i;
      const m = re.exec(text);
      if (m) {
        out.push(m);
        // Every key ends in a letter, so the next word start lies past the match.
        i = m.index + m[0].length - 1;
      }
    }
    return out;
  };
}

const asciiLetterOrDigit = Array.from({ length: 128 }, (_, c) => /[A-Za-z0-9]/.test(String.fromCharCode(c)));

/** Whether the code point just before `at` is a letter or digit (what `(?<![\p{L}\p{N}])` tests). */
function letterOrDigitBefore(text: string, at: number): boolean {
  const low = text.charCodeAt(at - 1);
  if (low < 128) return asciiLetterOrDigit[low]!;
  const high = at >= 2 ? text.charCodeAt(at - 2) : 0;
  const point = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000 : low;
  return /[\p{L}\p{N}]/u.test(String.fromCodePoint(point));
}

function escapeInClass(ch: string): string {
  return ch.replace(/[\\\]^-]/g, '\\$&');
}

export function buildLexicon(forms: readonly SurfaceForm[]): Lexicon {
  const words = new Map<string, SurfaceForm>();
  const symbols = new Map<string, SurfaceForm>();
  for (const form of forms) {
    if (form.text.trim().length < 2) continue;
    if (form.kind === 'symbol' || form.caseSensitive) {
      if (!symbols.has(form.text)) symbols.set(form.text, form);
    } else {
      const key = form.text.toLowerCase().replace(/[\s\u2010\u2011-]+/g, ' ');
      if (!words.has(key)) words.set(key, form);
    }
  }
  const byLength = (a: string, b: string) => b.length - a.length;
  const symbolAlternatives = [...symbols.keys()].sort(byLength).map(escape);
  const wordMatcher = words.size ? groupedMatcher([...words.keys()].sort(byLength)) : undefined;
  const symbolRe = symbolAlternatives.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${symbolAlternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu')
    : undefined;

  // The same few spellings recur through a brief: each is normalised once (a bounded memory).
  const looked = new Map<string, SurfaceForm | undefined>();
  function lookupWord(matched: string): SurfaceForm | undefined {
    if (looked.has(matched)) return looked.get(matched);
    const key = matched.toLowerCase().replace(/[\s\u2010\u2011-]+/g, ' ');
    const form = words.get(key) ?? words.get(key.replace(/es$/, '')) ?? words.get(key.replace(/s$/, ''));
    if (looked.size >= 10_000) looked.clear();
    looked.set(matched, form);
    return form;
  }

  return {
    find(text) {
      const out: Mention[] = [];
      if (wordMatcher) {
        for (const m of wordMatcher(text)) {
          const form = lookupWord(m[0]);
          if (form) out.push({ range: { start: m.index, end: m.index + m[0].length }, mineral: form.mineral, form });
        }
      }
      if (symbolRe) {
        symbolRe.lastIndex = 0;
        for (let m = symbolRe.exec(text); m !== null; m = symbolRe.exec(text)) {
          const form = symbols.get(m[0]);
          const start = m.index;
          const end = start + m[0].length;
          if (form && !out.some((o) => start < o.range.end && o.range.start < end)) out.push({ range: { start, end }, mineral: form.mineral, form });
        }
      }
      return out.sort((a, b) => a.range.start - b.range.start);
    },
  };
}
