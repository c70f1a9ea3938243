// Hover cards say how current a status is and show weakly sourced figures only as unconfirmed.

import { describe, expect, it } from 'vitest';
import { checkBrief } from '../../server/src/core/check';
import { figureCard, mineralCard } from '../../server/src/core/editor/hover-card';
import { renderFigureCard, renderMineralCard } from '../../server/src/core/editor/render-card';
import { bundledDataset, options } from '../core/bundled-dataset';

describe('mineral hover card', () => {
  const latest = bundledDataset().meta.latestSource!;

  it('after the newest source, the status says when it was last confirmed', () => {
    const card = mineralCard(bundledDataset(), 'gallium', '2026-12-03', '2026-12-03')!;
    expect(card.confirmedThrough).toBe(latest);
    expect(renderMineralCard(card)).toContain(`**Controls on 2026-12-03:** licensing (all destinations); unknown for US — last confirmed ${latest}`);
    expect(mineralCard(bundledDataset(), 'gallium', '2026-01-15', '2026-12-03')!.confirmedThrough).toBeUndefined();
  });

  it('shows a weakly sourced share as unconfirmed, never as the checked figure', () => {
    // Germanium's only China share with a period (54%, 2018–21) rests on weak sources.
    const card = mineralCard(bundledDataset(), 'germanium', '2026-12-03', '2026-12-03')!;
    expect(card.chinaImportShare).toBeUndefined();
    expect(card.unconfirmedChinaImportShare?.value).toBe('54%');
    expect(renderMineralCard(card)).toMatch(/China's share of US imports, unconfirmed \(weak sources only; not used for checking\):\*\* 54%/);
  });

  it('a figure judged against nothing shows a weakly sourced record of it as unconfirmed', () => {
    const text = 'China supplied 54% of US imports of germanium in 2018–21.\n';
    const claim = checkBrief(text, bundledDataset(), options('2026-06-01')).claims.find((c) => c.kind === 'figure')!;
    expect(claim.verdict).toBe('unverifiable');
    const card = figureCard(bundledDataset(), claim);
    expect(card.unconfirmed?.value).toBe('54%');
    expect(renderFigureCard(card)).toMatch(/\*\*Unconfirmed \(weak sources only; not used for checking\):\*\* 54% \(2018–21/);
  });
});
