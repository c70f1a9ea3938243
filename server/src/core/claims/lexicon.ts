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
 * for keys already in priority order, without running that one regular expression: with hundreds of
 * keys it is too large for V8 to compile and is interpreted at every position of the text. A small
 * expression finds the word starts whose first letter begins some key; there only the keys with
 * that first letter are tried, in the same order, so the matches are the same (and a word-indexed
 * lexicon, measured too, was slower).
 */
export function groupedMatcher(keys: readonly string[]): (text: string) => RegExpExecArray[] {
  const firstOf = (key: string) => String.fromCodePoint(key.codePointAt(0)!);
  const firsts = new Map([...new Set(keys.map(firstOf))].map((f) => [f, new RegExp(`^[${escapeInClass(f)}]$`, 'iu')]));
  const starts = new RegExp(`(?<![\\p{L}\\p{N}])[${[...firsts.keys()].map(escapeInClass).join('')}]`, 'giu');
  // The keys a word starting with a given letter may begin with (ignoring case, so "K" and the Kelvin sign find "k…").
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
    starts.lastIndex = 0;
    let s: RegExpExecArray | null;
    while ((s = starts.exec(text)) !== null) {
      const re = keysFor(s[0]);
      re.lastIndex = s.index;
      const m = re.exec(text);
      if (m) {
        out.push(m);
        starts.lastIndex = m.index + m[0].length;
      }
    }
    return out;
  };
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

  function lookupWord(matched: string): SurfaceForm | undefined {
    const key = matched.toLowerCase().replace(/[\s\u2010\u2011-]+/g, ' ');
    return words.get(key) ?? words.get(key.replace(/es$/, '')) ?? words.get(key.replace(/s$/, ''));
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
        for (const m of text.matchAll(symbolRe)) {
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
