// The lexicon finds mineral names by first letter rather than with one regular expression of every
// name; these tests hold it to the matches of that one expression, on prose and on generated text.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escape, groupedMatcher } from '../../server/src/core/claims/lexicon';
import { bundledDataset } from './bundled-dataset';

const keys = [...new Set(bundledDataset().surfaceForms().filter((f) => f.kind !== 'symbol' && !f.caseSensitive && f.text.trim().length >= 2).map((f) => f.text.toLowerCase().replace(/[\s\u2010\u2011-]+/g, ' ')))].sort((a, b) => b.length - a.length);
const oneExpression = new RegExp(`(?<![\\p{L}\\p{N}])(?:${keys.map(escape).join('|')})(?:e?s)?(?![\\p{L}\\p{N}])`, 'giu');
const grouped = groupedMatcher(keys);
const spans = (ms: Iterable<RegExpExecArray | RegExpMatchArray>) => [...ms].map((m) => [m.index, m[0]]);

describe('the lexicon matcher', () => {
  it('finds what one expression of every name finds', () => {
    const text = 'Gallium, GERMANIUM and rare-earth magnets; Antimony oxides (antimony trioxide) and graphites. Ungallium, gallium2, NdFeB magnets, Kelvin-sign \u212Aobalt and \u017Fcandium.';
    expect(spans(grouped(text))).toEqual(spans(text.matchAll(oneExpression)));
    expect(grouped(text).length).toBeGreaterThan(4);
  });

  it('agrees with it on generated text', () => {
    const words = fc.oneof(fc.constantFrom(...keys.slice(0, 60), ...keys.map((k) => k.toUpperCase()).slice(0, 20), 'es', 's', '-', ' ', ', ', 'x', '2', '\u212A', '\u017F', 'é'), fc.string({ maxLength: 4 }));
    fc.assert(fc.property(fc.array(words, { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      expect(spans(grouped(text))).toEqual(spans(text.matchAll(oneExpression)));
    }), { numRuns: 400 });
  });
});
