// The scorer's matching rules, on small hand-made labels and claims.

import { describe, expect, it } from 'vitest';
import { matchBrief, samePeriod, scoreClaims, type Label, type ScoredClaim } from '../../scripts/score-claims.mjs';

const claim = (c: Partial<ScoredClaim>): ScoredClaim => ({ kind: 'figure', minerals: ['antimony'], text: '', line: 3, verdict: 'verified', ...c });
const label = (l: Partial<Label>): Label => ({ line: 3, kind: 'figure', mineral: 'antimony', asserted: true, text: '', ...l });

describe('matching a label to a claim', () => {
  it('needs the same kind, a line inside the claim, the mineral and the value', () => {
    const l = label({ metric: 'import_share', value: 63 });
    expect(matchBrief([l], [claim({ value: 63.005 })])).toEqual([0]);
    expect(matchBrief([l], [claim({ value: 63, line: 2, endLine: 4 })])).toEqual([0]);
    expect(matchBrief([l], [claim({ value: 76 })])).toEqual([-1]);
    expect(matchBrief([l], [claim({ value: 63, line: 4 })])).toEqual([-1]);
    expect(matchBrief([l], [claim({ value: 63, minerals: ['gallium'] })])).toEqual([-1]);
    expect(matchBrief([l], [claim({ value: 63, kind: 'count' })])).toEqual([-1]);
  });

  it('lets a control match on any one of its minerals, and a count on its number alone', () => {
    expect(matchBrief([label({ kind: 'control', minerals: ['gallium', 'germanium'], type: 'ban' })], [claim({ kind: 'control', minerals: ['germanium'] })])).toEqual([0]);
    expect(matchBrief([label({ kind: 'count', value: 7 })], [claim({ kind: 'count', minerals: [], count: 7 })])).toEqual([0]);
    expect(matchBrief([label({ kind: 'count', value: 7 })], [claim({ kind: 'count', minerals: [], count: 5 })])).toEqual([-1]);
  });

  it('gives each claim to one label per mineral, the better-agreeing label first', () => {
    const shares = [label({ metric: 'net_import_reliance', value: 50 }), label({ metric: 'import_share', value: 50 })];
    expect(matchBrief(shares, [claim({ metric: 'import_share', value: 50 })])).toEqual([-1, 0]);
  });

  it('compares periods to the month, an open end matching any end', () => {
    expect(samePeriod(label({ period: '2020..2023' }), claim({ period: { start: '2020-01-01', end: '2023-12-31' } }))).toBe(true);
    expect(samePeriod(label({ period: '2025-01..2025-03' }), claim({ period: { start: '2025-01-01', end: '2025-12-31' } }))).toBe(false);
    expect(samePeriod(label({ period: '2026..' }), claim({ period: { start: '2026-01-01', end: '2026-12-31' } }))).toBe(true);
    expect(samePeriod(label({}), claim({ period: { start: '2026-01-01', end: '2026-12-31' } }))).toBeUndefined();
  });
});

describe('the report', () => {
  const labels = {
    b: { claims: [
      label({ metric: 'import_share', value: 63, period: '2020..2023', partner: 'CN' }),
      label({ line: 5, kind: 'control', minerals: ['gallium'], type: 'suspension', destination: 'US' }),
      label({ line: 7, kind: 'control', minerals: ['antimony'], type: 'ban', asserted: false, why: 'quote' }),
      label({ line: 9, kind: 'mention', mineral: 'tungsten' }),
      label({ line: 11, kind: 'figure', mineral: 'antimony', metric: 'price', value: 12 }),
    ] },
  };
  const claims = {
    b: [
      claim({ value: 63, metric: 'import_share', partner: 'CN', period: { start: '2020-01-01', end: '2023-12-31' } }),
      claim({ line: 5, kind: 'control', minerals: ['gallium'], control: { type: 'ban', destination: 'US' }, verdict: 'wrong' }),
      claim({ line: 7, kind: 'control', minerals: ['antimony'], control: { type: 'ban' }, verdict: 'mismatch' }),
      claim({ line: 13, kind: 'count', minerals: [], count: 3, verdict: 'unverifiable' }),
    ],
  };
  const report = scoreClaims(labels, claims);

  it('counts recall per kind and on core and other metrics', () => {
    expect(report.recall.figure).toEqual({ hit: 1, total: 2, rate: 0.5 });
    expect(report.recall.figureCore).toEqual({ hit: 1, total: 1, rate: 1 });
    expect(report.recall.figureOther).toEqual({ hit: 0, total: 1, rate: 0 });
    expect(report.recall.control).toEqual({ hit: 1, total: 1, rate: 1 });
    expect(report.recall.mention).toEqual({ hit: 0, total: 1, rate: 0 });
  });

  it('gives recall per brief over figures, controls and counts', () => {
    expect(report.perBrief).toEqual({ b: { hit: 2, total: 3, rate: 2 / 3 } });
  });

  it('measures agreement on what it matched', () => {
    expect(report.agreement.period).toEqual({ hit: 1, total: 1, rate: 1 });
    expect(report.agreement.controlType).toEqual({ hit: 0, total: 1, rate: 0 });
    expect(report.agreement.destination).toEqual({ hit: 1, total: 1, rate: 1 });
  });

  it('lists harmful verdicts on not-asserted and asserted labels, unlabelled claims and misses', () => {
    expect(report.notAssertedHarmful.map((r) => r.label.line)).toEqual([7]);
    expect(report.assertedHarmful.map((r) => r.label.line)).toEqual([5]);
    expect(report.unlabelled.map((u) => u.claim.line)).toEqual([13]);
    expect(report.misses.map((r) => [r.label.line, r.reason])).toEqual([[9, 'no claim on the line'], [11, 'no claim on the line']]);
  });

  it('judges count scopes only once claims carry one', () => {
    expect(report.agreement.countScope).toEqual({ hit: 0, total: 0, rate: null });
    const scoped = scoreClaims({ b: { claims: [label({ kind: 'count', value: 7, what: 'rare-earths' })] } }, { b: [claim({ kind: 'count', minerals: [], count: 7, countOf: 'total' })] });
    expect(scoped.agreement.countScope).toEqual({ hit: 0, total: 1, rate: 0 });
  });

  it('counts the not-asserted labels whose line is listed as unread', () => {
    const unread = scoreClaims(labels, { b: [...claims.b, claim({ line: 7, kind: 'unread', minerals: ['antimony'] })] });
    expect(unread.notAssertedListedUnread).toEqual({ hit: 1, total: 1, rate: 1 });
    expect(unread.unread).toBe(1);
  });

  it('keeps a known false claim read as wrong apart from the false alarms', () => {
    const known = scoreClaims(
      { b: { claims: [label({ line: 5, kind: 'control', minerals: ['yttrium'], type: 'ban', destination: 'US', correct: false })] } },
      { b: [claim({ line: 5, kind: 'control', minerals: ['yttrium'], control: { type: 'ban', destination: 'US' }, verdict: 'wrong' })] },
    );
    expect(known.assertedHarmful).toEqual([]);
    expect(known.knownFalseFlagged).toEqual({ hit: 1, total: 1, rate: 1 });
  });

  it('counts every label of a brief with no output as missed', () => {
    expect(scoreClaims(labels, {}).recall.figure).toEqual({ hit: 0, total: 2, rate: 0 });
  });
});
