// The labelled reader corpus stays well formed: briefs/ and labels.json are what src/ builds, every
// label's text stands on its line, the fields are valid, and the mix of kinds and negatives holds.

import { describe, expect, it } from 'vitest';
import { checkCorpus, checkLabels, parseAnnotation, tally } from '../../scripts/reader-corpus.mjs';

describe('the reader corpus', () => {
  const { errors, labels } = checkCorpus();

  it('matches its sources, and every label is on its line and well formed', () => {
    expect(errors).toEqual([]);
  });

  it('has enough labels of every kind, and enough that are not assertions', () => {
    const t = tally(labels);
    expect(t.briefs).toBeGreaterThanOrEqual(10);
    expect(t.labels).toBeGreaterThanOrEqual(250);
    expect(t.figure).toBeGreaterThanOrEqual(60);
    expect(t.control).toBeGreaterThanOrEqual(60);
    expect(t.count).toBeGreaterThanOrEqual(10);
    // Quotes, reported claims, speculation, negations and other countries: at least a fifth of the
    // figure, control and count labels.
    expect(t.notAsserted / (t.figure + t.control + t.count)).toBeGreaterThanOrEqual(0.2);
  });
});

describe('the label checker', () => {
  const brief = '---\ndate: 2025-01-01\n---\n\nChina mined 48% of the world\'s antimony in 2023.\n';
  const label = (body: string, line = 5) => ({ line, ...parseAnnotation(body) });

  it('accepts a label whose text is on its line', () => {
    expect(checkLabels('b', brief, [label('f antimony world_production_share 48% period=2023..2023 partner=CN | China mined 48%')])).toEqual([]);
  });

  it('rejects text that is not on the line, a bad period, an unknown metric and a why on an asserted label', () => {
    expect(checkLabels('b', brief, [label('m antimony | antimony', 4)])[0]).toMatch(/not on its line/);
    expect(checkLabels('b', brief, [label('f antimony world_production_share 48% period=2023-24 | China mined')])[0]).toMatch(/bad period/);
    expect(checkLabels('b', brief, [label('f antimony share 48% | China mined')])[0]).toMatch(/unknown metric/);
    expect(checkLabels('b', brief, [{ ...label('c antimony ban why=quote | China mined'), asserted: true }])[0]).toMatch(/asserted must be false/);
  });

  it('rejects a brief without a date in its front matter', () => {
    expect(checkLabels('b', 'No front matter.\n', [])).toEqual(['b: front matter with a date: is missing']);
  });

  it('parses the annotation shorthand into the dev-set label format', () => {
    expect(label('c gallium,germanium ban destination=US date=2024-12-03 negated=true why=negation | banned')).toEqual({
      line: 5, kind: 'control', minerals: ['gallium', 'germanium'], type: 'ban', destination: 'US', date: '2024-12-03',
      negated: true, why: 'negation', asserted: false, text: 'banned',
    });
    expect(label('f terbium exports 12.2t period=2025-10..2025-10 | 12.2 t')).toMatchObject({ kind: 'figure', value: 12.2, unit: 't', asserted: true });
    expect(label('n 7 rare-earths | seven')).toMatchObject({ kind: 'count', value: 7, what: 'rare-earths' });
  });
});
