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

function escape(text: string): string {
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
      const key = form.text.toLowerCase().replace(/[\s\u2010\u2011-]+/g, ' ');
      if (!words.has(key)) words.set(key, form);
    }
  }
  const byLength = (a: string, b: string) => b.length - a.length;
  const wordAlternatives = [...words.keys()].sort(byLength).map(escape);
  const symbolAlternatives = [...symbols.keys()].sort(byLength).map(escape);
  const wordRe = wordAlternatives.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${wordAlternatives.join('|')})(?:e?s)?(?![\\p{L}\\p{N}])`, 'giu')
    : undefined;
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
      if (wordRe) {
        for (const m of text.matchAll(wordRe)) {
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
