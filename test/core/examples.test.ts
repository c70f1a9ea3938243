// The example briefs as users meet them: the 2025 memo checked as of its own date and as of
// 2026-11-28, the clean brief, and the brief that shows stale figures, mismatches and directives.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBrief } from '../../server/src/core/check';
import { bundledDataset, options } from './bundled-dataset';

const example = (name: string) => readFileSync(resolve(__dirname, '../../examples', name), 'utf8');
const memo = example('2025-mineral-coercion-memo.md');

describe('2025 mineral-coercion memo', () => {
  it('is checked as of its front-matter date by default, with no warning for claims true then', () => {
    const result = checkBrief(memo, bundledDataset(), options());
    expect(result.asOf).toBe('2025-05-01');
    expect(result.asOfSource).toBe('front-matter');
    expect(result.problems).toEqual([]);
  });

  it('as of 2026-11-28, reports the suspended and now-unknown US ban and nothing false about the table', () => {
    const result = checkBrief(memo, bundledDataset(), options('2026-11-28'));
    expect(result.asOfSource).toBe('override');
    const ban = result.claims.findIndex((c) => c.kind === 'control' && c.control?.type === 'ban');
    expect(result.claims[ban]!.minerals).toEqual(['gallium', 'germanium', 'antimony']);
    const onBan = result.problems.filter((p) => p.claim === ban).map((p) => p.ruleId);
    expect(onBan).toEqual(['status-changed', 'status-unknown']);
    expect(result.problems.find((p) => p.ruleId === 'status-changed')!.message).toContain('2025-11-09');
    expect(result.problems.find((p) => p.ruleId === 'status-unknown')!.message).toContain('2026-11-27');
    expect(result.problems.filter((p) => p.ruleId === 'control-status' || p.ruleId === 'control-count')).toEqual([]);
  });

  it('reads the 17-minerals table as control claims, titanium unverifiable and the count of 17 not wrong', () => {
    const result = checkBrief(memo, bundledDataset(), options('2026-11-28'));
    const rows = result.claims.filter((c) => c.kind === 'control' && c.control?.type === 'licensing');
    expect(rows.flatMap((c) => c.minerals)).toHaveLength(17);
    expect(rows.find((c) => c.minerals.includes('titanium'))!.verdict).toBe('unverifiable');
    expect(rows.filter((c) => !c.minerals.includes('titanium')).every((c) => c.verdict === 'verified')).toBe(true);
    const count = result.claims.find((c) => c.kind === 'count')!;
    expect(count.count).toBe(17);
    expect(count.verdict).toBe('unverifiable');
  });

  it('extracts the trade figures with their own periods and the demand figures with hedges', () => {
    const figures = checkBrief(memo, bundledDataset(), options()).claims.filter((c) => c.kind === 'figure');
    expect(figures.map((c) => [c.minerals[0], c.value, c.unit, c.period?.text ?? null, c.hedge])).toEqual([
      ['antimony', 63, '%', 'January–November 2024', 'exact'],
      ['antimony', 6, '%', 'December 2024–March 2025', 'exact'],
      ['dysprosium', 1200, 't', null, 'about'],
      ['terbium', 340, 't', null, 'about'],
    ]);
    expect(figures.every((c) => c.cited)).toBe(true);
  });
});

describe('other examples', () => {
  it('the clean brief has no problems', () => {
    expect(checkBrief(example('clean-brief.md'), bundledDataset(), options()).problems).toEqual([]);
  });

  it('the stale-and-mismatched brief shows each figure rule, a wrong status, a wrong count and an unknown directive', () => {
    const ids = new Set(checkBrief(example('stale-and-mismatched.md'), bundledDataset(), options()).problems.map((p) => p.ruleId));
    for (const id of ['stale-figure', 'figure-mismatch', 'unsourced-figure', 'inconsistent-figure', 'control-status', 'control-count', 'unknown-directive']) expect(ids).toContain(id);
  });
});
