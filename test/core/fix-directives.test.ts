// applyFixes on its own terms (overlaps skipped, identical edits shared, idempotent) and the
// directive comments that switch rules off for a line, a region or a file.

import { describe, expect, it } from 'vitest';
import { checkBrief } from '../../server/src/core/check';
import { applyFixes } from '../../server/src/core/fix';
import { bundledDataset, options } from './bundled-dataset';

describe('applyFixes', () => {
  const text = 'abcdef';
  it('applies non-overlapping fixes and skips overlapping ones', () => {
    const a = { edits: [{ range: { start: 0, end: 2 }, text: 'X' }] };
    const b = { edits: [{ range: { start: 1, end: 3 }, text: 'Y' }] };
    const c = { edits: [{ range: { start: 4, end: 4 }, text: '+' }] };
    const result = applyFixes(text, [a, b, c]);
    expect(result.text).toBe('Xcd+ef');
    expect(result.applied).toEqual([a, c]);
    expect(result.skipped).toEqual([b]);
  });

  it('shares an identical edit between fixes and skips edits outside the text', () => {
    const end = { range: { start: 6, end: 6 }, text: '\n[^x]: X.\n' };
    const result = applyFixes(text, [
      { edits: [{ range: { start: 0, end: 1 }, text: 'A' }, end] },
      { edits: [{ range: { start: 2, end: 3 }, text: 'C' }, end] },
      { edits: [{ range: { start: 9, end: 10 }, text: '?' }] },
    ]);
    expect(result.text).toBe('AbCdef\n[^x]: X.\n');
    expect(result.skipped).toHaveLength(1);
  });
});

describe('directives', () => {
  const wrong = 'China banned exports of tungsten to the United States.';
  const ids = (text: string) => checkBrief(text, bundledDataset(), options('2025-05-01')).problems.map((p) => p.ruleId);

  it('reports the claim without directives', () => expect(ids(wrong)).toEqual(['control-status']));
  it('disable-next-line', () => expect(ids(`<!-- briefcheck-disable-next-line control-status -->\n${wrong}`)).toEqual([]));
  it('disable-next-line skips blank lines', () => expect(ids(`<!-- briefcheck-disable-next-line -->\n\n${wrong}`)).toEqual([]));
  it('disable-next-line for another rule leaves it', () => expect(ids(`<!-- briefcheck-disable-next-line stale-figure -->\n${wrong}`)).toEqual(['control-status']));
  it('disable … enable', () => {
    expect(ids(`<!-- briefcheck-disable control-status -->\n\n${wrong}\n\n<!-- briefcheck-enable control-status -->\n\n${wrong}`)).toEqual(['control-status']);
  });
  it('disable-file', () => expect(ids(`${wrong}\n\n<!-- briefcheck-disable-file -->\n`)).toEqual([]));
  it('reports unknown rule ids', () => expect(ids(`<!-- briefcheck-disable-next-line control-stats -->\n${wrong}`)).toEqual(['unknown-directive', 'control-status']));
});
