// Hover cards say how current a status is and show weakly sourced figures only as unconfirmed.

import { describe, expect, it } from 'vitest';
import { mineralCard } from '../../server/src/core/editor/hover-card';
import { renderMineralCard } from '../../server/src/core/editor/render-card';
import { bundledDataset } from '../core/bundled-dataset';

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
});
