// The lexicon finds mineral names by walking a trie of their case-folded letters rather than with
// one regular expression of every name; these tests hold it to the matches of that one expression,
// on prose and on generated text, for the bundled names and for names an overlay could bring.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escape } from '../../server/src/core/claims/lexicon';
import { nameMatcher, type NameMatch } from '../../server/src/core/claims/name-matcher';
import { bundledDataset } from './bundled-dataset';

const normalise = (text: string) => text.toLowerCase().replace(/[\s\u2010\u2011-]+/g, ' ').trim();
const byLength = (a: string, b: string) => b.length - a.length;
const keys = [...new Set(bundledDataset().surfaceForms().filter((f) => f.kind !== 'symbol' && !f.caseSensitive && f.text.trim().length >= 2).map((f) => normalise(f.text)))].sort(byLength);

const oneExpression = (keys: readonly string[]) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${keys.map(escape).join('|')})(?:e?s)?(?![\\p{L}\\p{N}])`, 'giu');
const expected = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => [m.index, m[0]]);
const found = (ms: NameMatch[]) => ms.map((m) => [m.index, m.text]);

describe('the lexicon matcher', () => {
  const bundled = nameMatcher(keys);
  const bundledRe = oneExpression(keys);

  it('finds what one expression of every name finds', () => {
    const text = 'Gallium, GERMANIUM and rare-earth magnets; Antimony oxides (antimony trioxide) and graphites. Ungallium, gallium2, NdFeB magnets, Kelvin-sign \u212Aobalt and \u017Fcandium, rare\u2010earth\u00a0elements, rare -\n earths.';
    expect(found(bundled(text))).toEqual(expected(bundledRe, text));
    expect(bundled(text).length).toBeGreaterThan(6);
  });

  it('agrees with it on generated text', () => {
    const words = fc.oneof(
      fc.constantFrom(...keys.slice(0, 60), ...keys.map((k) => k.toUpperCase()).slice(0, 20), 'es', 's', 'S', 'ES', '-', ' ', '\u00a0', '\u2010', '\n', ', ', 'x', '2', '\u212A', '\u017F', 'é', '\u{1d400}', '\ud800'),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(fc.property(fc.array(words, { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      expect(found(bundled(text))).toEqual(expected(bundledRe, text));
    }), { numRuns: 1000 });
  });

  it('agrees with it on names outside ASCII, and on names that fold alike', () => {
    const names = ['wolfram', 'tungstène', 'ſtibium', 'kelvin ore', 'σίδηρος', 'ς test', 'rare earth', 'rare', 'ab', 'a b c', '\u{1d400}x'].map(normalise).sort(byLength);
    const matcher = nameMatcher(names);
    const re = oneExpression(names);
    const words = fc.oneof(
      fc.constantFrom(...names, ...names.map((n) => n.toUpperCase()), 'TUNGSTÈNE', 'Stibium', '\u212Aelvin ore', 'ΣΊΔΗΡΟΣ', 'σ test', 'es', 's', ' ', '-', '\u2011', 'é', '\u{1d400}'),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(fc.property(fc.array(words, { maxLength: 20 }), (parts) => {
      const text = parts.join(' ');
      expect(found(matcher(text))).toEqual(expected(re, text));
    }), { numRuns: 1000 });
  });
});
