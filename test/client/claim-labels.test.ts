// The pure helpers behind the Claims view and the status bar: what needs attention sorts first,
// labels are one line, an uncertain reading is marked with its other readings, unread sentences are
// grouped apart and never counted as verdicts, and the status bar names the dataset version and the
// as-of date.

import { describe, expect, it } from 'vitest';
import { claimDescription, claimLabel, claimTooltip, groupClaims, isUncertain, statusText, summary, verdictLook } from '../../client/src/claim-labels';
import type { ClaimItem, ClaimsResult } from '../../server/src/shared/protocol';

const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const claim = (kind: ClaimItem['kind'], verdict: string, text = 'x'): ClaimItem => ({ kind, verdict, text, range, minerals: [], problems: [] });
const result = (claims: ClaimItem[]): ClaimsResult => ({ uri: 'file:///b.md', version: 1, asOf: '2025-04-15', asOfSource: 'front-matter', datasetVersion: '2026.11', claims });

describe('claim labels', () => {
  it('ranks wrong and stale claims before verified ones', () => {
    const order = ['verified', 'stale', 'wrong', 'unverifiable', 'changed'].sort((a, b) => verdictLook(a).rank - verdictLook(b).rank);
    expect(order).toEqual(['wrong', 'stale', 'changed', 'unverifiable', 'verified']);
  });

  it('gives an unknown verdict a neutral look rather than failing', () => {
    expect(verdictLook('brand-new').label).toBe('brand-new');
  });

  it('collapses white space and cuts long claims', () => {
    expect(claimLabel(claim('figure', 'stale', 'China supplied\n  63%   of imports'))).toBe('China supplied 63% of imports');
    expect(claimLabel(claim('figure', 'stale', 'a'.repeat(100)), 10)).toBe(`${'a'.repeat(9)}…`);
  });

  it('keeps mentions apart from checked claims', () => {
    const groups = groupClaims(result([claim('mention', 'verified'), claim('figure', 'stale'), claim('control', 'wrong')]));
    expect(groups.checked.map((c) => c.kind)).toEqual(['figure', 'control']);
    expect(groups.mentions).toHaveLength(1);
  });

  it('summarises verdicts, worst first, and names version and date in the status bar', () => {
    expect(summary(result([claim('figure', 'verified'), claim('figure', 'stale'), claim('figure', 'stale'), claim('mention', 'verified')]))).toBe('2 stale, 1 verified');
    expect(summary(result([claim('mention', 'verified')]))).toBe('no checkable claims');
    expect(statusText(result([]))).toContain('data 2026.11 · as of 2025-04-15');
  });

  it('groups unread sentences apart from checked claims and mentions', () => {
    const groups = groupClaims(result([claim('unread', 'unverifiable'), claim('figure', 'stale'), claim('mention', 'verified')]));
    expect(groups.checked.map((c) => c.kind)).toEqual(['figure']);
    expect(groups.unread.map((c) => c.kind)).toEqual(['unread']);
    expect(groups.mentions).toHaveLength(1);
  });

  it('counts unread sentences apart from the verdicts, in the summary and not in the status bar', () => {
    const unread = { ...claim('unread', 'unverifiable'), why: 'negated' };
    expect(summary(result([claim('figure', 'stale'), unread, unread]))).toBe('1 stale · 2 not read');
    expect(summary(result([unread]))).toBe('no checkable claims · 1 not read');
    expect(statusText(result([unread]))).toBe(statusText(result([])));
  });

  it('marks an uncertain reading and lists its other readings; a certain one shows its verdict alone', () => {
    const likely: ClaimItem = {
      ...claim('figure', 'mismatch', 'It fell to 6%'),
      reading: 'share of US imports from CN, 2024',
      confidence: 'likely',
      alternatives: ['share of US imports from CN, Q1 2025: verified'],
    };
    expect(isUncertain(likely)).toBe(true);
    expect(claimDescription(likely)).toBe('mismatch · likely reading');
    expect(claimTooltip(likely)).toBe('figure · mismatch\n\nRead as: share of US imports from CN, 2024 (likely)\n\nOther readings:\n- share of US imports from CN, Q1 2025: verified');
    const certain: ClaimItem = { ...likely, confidence: 'certain' };
    expect(isUncertain(certain)).toBe(false);
    expect(claimDescription(certain)).toBe('mismatch');
    expect(claimTooltip(certain)).not.toContain('Other readings');
    expect(isUncertain({ ...likely, confidence: undefined } as ClaimItem)).toBe(false);
  });

  it('says why an unread sentence was not read', () => {
    expect(claimTooltip({ ...claim('unread', 'unverifiable'), why: 'quoted' })).toMatch(/^Not read \(quoted\): /);
  });
});
