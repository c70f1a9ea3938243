// "Insert current import share" and the current-figure hints offer the figure the rules would judge by: never a low-confidence
// or value-based observation, even when one is newer.

import { describe, expect, it } from 'vitest';
import { checkBrief } from '../../server/src/core/check';
import { applyFixes } from '../../server/src/core/fix';
import { currentFigureHints, importShareEdits } from '../../server/src/core/editor';
import { bundledDataset, options } from '../core/bundled-dataset';

function insertAfterFirstMention(text: string, asOf: string): string | undefined {
  const dataset = bundledDataset();
  const result = checkBrief(text, dataset, options(asOf));
  const mention = result.claims.find((c) => c.kind === 'mention');
  const edits = mention ? importShareEdits(text, result.claims, mention, dataset, result.asOf) : undefined;
  return edits ? applyFixes(text, [{ edits }]).text : undefined;
}

describe('importShareEdits', () => {
  it('never inserts a figure that rests on weak sources only', () => {
    // Germanium's 2018–21 share (54%) is known only from Visual Capitalist and a trade-press summary
    // of a USITC briefing: weak sources, so there is nothing to insert.
    expect(insertAfterFirstMention('Germanium matters for fibre optics.\n', '2026-11-28')).toBeUndefined();
  });

  it('uses the brief’s footnote style when it has footnotes', () => {
    const out = insertAfterFirstMention('Antimony goes into munitions.[^a]\n\n[^a]: A note.\n', '2026-11-28');
    expect(out).toMatch(/^Antimony \(China supplied 63% of US imports of antimony \(metal and oxide\) in 2020–23\)\[\^[^\]]+\] goes/);
  });

  it('inserts a figure that briefcheck itself reads and verifies', () => {
    const out = insertAfterFirstMention('Antimony goes into munitions.[^a]\n\n[^a]: A note.\n', '2026-11-28')!;
    const figures = checkBrief(out, bundledDataset(), options('2026-11-28')).claims.filter((c) => c.kind === 'figure');
    expect(figures.map((c) => [c.value, c.verdict])).toEqual([[63, 'verified']]);
  });
});

describe('currentFigureHints', () => {
  it('places the hint after the figure and its unit, not inside it', () => {
    const text = 'China supplied 74% of US imports of rare earths (2018–21).\n';
    const result = checkBrief(text, bundledDataset(), options('2026-11-28'));
    const [hint] = currentFigureHints(bundledDataset(), result.claims, result.asOf);
    expect(hint).toBeDefined();
    expect(text.slice(0, hint!.offset)).toBe('China supplied 74%');
    expect(hint!.label).toMatch(/^→ 70% \(2020–23\)$/);
  });
});
