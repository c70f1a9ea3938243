// The hover card of a claim says how the claim was read and how sure that reading is; when it is not
// certain, it lists the other readings with their verdicts. An unread sentence is no hover target,
// though its minerals are. Claims are built by hand with the readings the claim reader gives.

import { describe, expect, it } from 'vitest';
import { figureCard, renderFigureCard, targetAt } from '../../server/src/core/editor';
import type { Claim } from '../../server/src/core/types';
import { bundledDataset } from '../core/bundled-dataset';

const base: Pick<Claim, 'minerals' | 'range' | 'cited' | 'checkedOn'> = { minerals: ['antimony'], range: { start: 0, end: 40 }, cited: false, checkedOn: '2025-06-01' };
const figure: Claim = {
  ...base,
  kind: 'figure',
  text: 'That share fell to 6% in 2024',
  metric: 'import_share',
  partner: 'CN',
  value: 6,
  period: { start: '2024-01-01', end: '2024-12-31', text: '2024' },
  verdict: 'mismatch',
  confidence: 'likely',
  alternatives: [{ metric: 'import_share', partner: 'CN', period: { start: '2025-01-01', end: '2025-03-31', text: 'Q1 2025' }, verdict: 'verified' }],
};

describe('hover cards: the reading', () => {
  it('names the reading, its confidence and the other readings when it is not certain', () => {
    const text = renderFigureCard(figureCard(bundledDataset(), figure));
    expect(text).toContain('**Read as:** share of US imports from CN, 2024 (likely)');
    expect(text).toContain('**Other readings:**\n- share of US imports from CN, Q1 2025: verified');
    expect(text.indexOf('**Read as:**')).toBeLessThan(text.indexOf('**Verdict:**'));
  });

  it('lists no other readings when the reading is certain, and calls a claim without a confidence certain', () => {
    const { confidence: _c, ...unmarked } = figure;
    for (const claim of [{ ...figure, confidence: 'certain' as const }, unmarked]) {
      const text = renderFigureCard(figureCard(bundledDataset(), claim));
      expect(text).toContain('(certain)');
      expect(text).not.toContain('Other readings');
    }
  });

  it('reads control and count claims in their own terms', () => {
    const control: Claim = { ...base, kind: 'control', minerals: ['gallium'], text: 'Beijing has paused the gallium ban', control: { type: 'suspension', destination: 'US', date: '2025-11-09' }, verdict: 'verified', confidence: 'ambiguous' };
    expect(renderFigureCard(figureCard(bundledDataset(), control))).toContain('**Read as:** suspension of a control to US, on 2025-11-09 (ambiguous)');
    const count: Claim = { ...base, kind: 'count', minerals: [], text: 'seven rare earths', count: 7, countOf: 'rare-earths', verdict: 'unverifiable' };
    expect(renderFigureCard(figureCard(bundledDataset(), count))).toContain('**Read as:** 7 controlled minerals (the rare earths among them) (certain)');
  });

  it('makes an unread sentence no target, but its mineral one', () => {
    const unread: Claim = { ...base, kind: 'unread', text: 'Antimony may be banned next, some say.', mentionRanges: [{ start: 0, end: 8 }], why: 'speculation', verdict: 'unverifiable' };
    expect(targetAt([unread], 20)).toBeUndefined();
    expect(targetAt([unread], 3)).toMatchObject({ kind: 'mineral', mineral: 'antimony' });
    expect(targetAt([{ ...unread, kind: 'figure' }], 20)).toMatchObject({ kind: 'claim', claim: 0 });
  });
});
