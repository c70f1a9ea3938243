// Finds mineral mentions in text using the dataset's surface forms (names, aliases, product forms
// and unambiguous symbols), longest first. Built once per dataset and cached beside it.

import type { Dataset, SurfaceForm } from '../dataset/types';
import type { Range } from '../types';
import { nameMatcher } from './name-matcher';

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

export function buildLexicon(forms: readonly SurfaceForm[]): Lexicon {
  const words = new Map<string, SurfaceForm>();
  const symbols = new Map<string, SurfaceForm>();
  for (const form of forms) {
    if (form.text.trim().length < 2) continue;
    if (form.kind === 'symbol' || form.caseSensitive) {
      if (!symbols.has(form.text)) symbols.set(form.text, form);
    } else {
      const key = form.text.toLowerCase().replace(/[\s\u2010\u2011-]+/g, ' ').trim();
      if (!words.has(key)) words.set(key, form);
    }
  }
  const byLength = (a: string, b: string) => b.length - a.length;
  const symbolAlternatives = [...symbols.keys()].sort(byLength).map(escape);
  const wordMatcher = words.size ? nameMatcher([...words.keys()].sort(byLength)) : undefined;
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
          const form = lookupWord(m.text);
          if (form) out.push({ range: { start: m.index, end: m.index + m.text.length }, mineral: form.mineral, form });
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
