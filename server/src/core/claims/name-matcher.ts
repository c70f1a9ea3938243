// Finds the lexicon's names in text: the matches of one expression of every name,
//   (?<![\p{L}\p{N}])(?:k1|k2|…)(?:e?s)?(?![\p{L}\p{N}])   (flags giu; a space in a key matching
//   any run of spaces and hyphens, as lexicon.ts's escape writes it)
// without compiling or running that expression. The keys go into a trie of case-folded characters,
// walked from each word start; of the keys that end along the walk, the longest whose plural ending
// and following character fit wins, as the expression's first fitting alternative would. Matching
// compiled case-insensitive Unicode expressions of the names cost a server's first check about a
// fifth of its time; the walk needs none of them. A test holds it to the one expression.

export interface NameMatch {
  index: number;
  /** The matched text, the name with its plural ending if any. */
  text: string;
}

interface TrieNode {
  /** Children by the index of a case-folded character (see foldIndex). */
  next: (TrieNode | undefined)[];
  /** The child for a run of spaces and hyphens. */
  gap?: TrieNode;
  /** Some key ends here. */
  end: boolean;
}

const node = (): TrieNode => ({ next: [], end: false });

const UNKNOWN = -2;
const NONE = -1;

/**
 * A matcher for lower-case keys with single spaces between words, none at either end. Keys in
 * priority order (longest first) give the expression's matches; among keys of equal length that
 * fold alike, the trie keeps one, as the expression finds the first.
 */
export function nameMatcher(keys: readonly string[]): (text: string) => NameMatch[] {
  const alphabet = [...new Set(keys.flatMap((k) => [...k]).filter((ch) => ch !== ' '))];
  // Which of the alphabet a character equals ignoring case, as the expression's `iu` flags compare
  // ("K" and the Kelvin sign both equal "k"): the first group that matches it.
  const classify = alphabet.length ? new RegExp(`^(?:${alphabet.map((ch) => `(${escapeChar(ch)})`).join('|')})$`, 'iu') : undefined;
  const groupOf = (ch: string): number => {
    const m = classify?.exec(ch);
    return m ? m.indexOf(ch, 1) - 1 : NONE;
  };
  // The index of the first alphabet character in each one's class, so keys and text fold alike.
  const representative = alphabet.map((ch) => groupOf(ch));
  const asciiFold = new Int16Array(128).fill(UNKNOWN);
  const otherFold = new Map<number, number>();
  const foldIndex = (code: number): number => {
    if (code < 128) {
      let index = asciiFold[code]!;
      if (index === UNKNOWN) asciiFold[code] = index = fold(String.fromCharCode(code));
      return index;
    }
    let index = otherFold.get(code);
    if (index === undefined) otherFold.set(code, (index = fold(String.fromCodePoint(code))));
    return index;
  };
  const fold = (ch: string): number => {
    const group = groupOf(ch);
    return group === NONE ? NONE : representative[group]!;
  };

  const root = node();
  for (const key of keys) {
    let at = root;
    for (const ch of key) {
      if (ch === ' ') at = at.gap ??= node();
      else {
        const index = foldIndex(ch.codePointAt(0)!);
        at = at.next[index] ??= node();
      }
    }
    at.end = true;
  }

  /** The match starting at `start`, if any. */
  const matchAt = (text: string, start: number, ends: number[]): NameMatch | undefined => {
    ends.length = 0;
    let at: TrieNode | undefined = root;
    let i = start;
    while (i < text.length) {
      const code = text.codePointAt(i)!;
      if (at.gap && isGap(code)) {
        do i += width(code);
        while (i < text.length && isGap(text.codePointAt(i)!));
        at = at.gap;
      } else {
        const index = foldIndex(code);
        at = index === NONE ? undefined : at.next[index];
        if (!at) break;
        i += width(code);
      }
      if (at.end) ends.push(i);
    }
    // Longest key first; then, as `(?:e?s)?` tries them, "es", "s" and no ending.
    for (let k = ends.length - 1; k >= 0; k--) {
      const end = ends[k]!;
      const ending = isE(text.charCodeAt(end)) && isS(text.charCodeAt(end + 1)) && !letterOrDigitAt(text, end + 2) ? 2
        : isS(text.charCodeAt(end)) && !letterOrDigitAt(text, end + 1) ? 1
        : !letterOrDigitAt(text, end) ? 0 : NONE;
      if (ending !== NONE) return { index: start, text: text.slice(start, end + ending) };
    }
    return undefined;
  };

  return (text) => {
    const out: NameMatch[] = [];
    const ends: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      // Cheap tests first: most characters start no key.
      const index = code < 128 ? foldIndex(code) : foldIndex(text.codePointAt(i)!);
      if (index === NONE || !root.next[index] || (i > 0 && letterOrDigitBefore(text, i))) continue;
      const m = matchAt(text, i, ends);
      if (m) {
        out.push(m);
        // Every key ends in a letter, so the next word start lies past the match.
        i = m.index + m.text.length - 1;
      }
    }
    return out;
  };
}

const width = (code: number) => (code > 0xffff ? 2 : 1);
const isE = (code: number) => code === 0x65 || code === 0x45;
// "ſ" (long s) folds to "s".
const isS = (code: number) => code === 0x73 || code === 0x53 || code === 0x17f;

const asciiGap = Array.from({ length: 128 }, (_, c) => /[\s\u2010\u2011-]/.test(String.fromCharCode(c)));
const isGap = (code: number) => (code < 128 ? asciiGap[code]! : /[\s\u2010\u2011]/u.test(String.fromCodePoint(code)));

const asciiLetterOrDigit = Array.from({ length: 128 }, (_, c) => /[A-Za-z0-9]/.test(String.fromCharCode(c)));
const isLetterOrDigit = (code: number) => (code < 128 ? asciiLetterOrDigit[code]! : /[\p{L}\p{N}]/u.test(String.fromCodePoint(code)));

/** Whether a letter or digit starts at `at` (what `(?![\p{L}\p{N}])` tests there). */
function letterOrDigitAt(text: string, at: number): boolean {
  return at < text.length && isLetterOrDigit(text.codePointAt(at)!);
}

/** Whether the code point just before `at` is a letter or digit (what `(?<![\p{L}\p{N}])` tests). */
function letterOrDigitBefore(text: string, at: number): boolean {
  const low = text.charCodeAt(at - 1);
  if (low < 128) return asciiLetterOrDigit[low]!;
  const high = at >= 2 ? text.charCodeAt(at - 2) : 0;
  const point = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000 : low;
  return isLetterOrDigit(point);
}

function escapeChar(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
