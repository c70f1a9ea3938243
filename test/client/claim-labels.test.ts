// The pure helpers behind the Claims view and the status bar: what needs attention sorts first,
// labels are one line, and the status bar names the dataset version and the as-of date.

import { describe, expect, it } from 'vitest';
import { claimLabel, groupClaims, statusText, summary, verdictLook } from '../../client/src/claim-labels';
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
});
