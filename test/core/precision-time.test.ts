// Precision of time: a control claim is judged on a day its own time allows, never after the brief's
// date, and status-changed / status-unknown fire only for claims true on their day.

import { describe, expect, it } from 'vitest';
import { checkBrief } from '../../server/src/core/check';
import { bundledDataset, options } from './bundled-dataset';

const check = (text: string, asOf: string) => checkBrief(text, bundledDataset(), options(asOf));
const controls = (text: string, asOf: string) => check(text, asOf).claims.filter((c) => c.kind === 'control');
// The per-brief data-age notice is about the data, not the claim's time; it has its own tests.
const rules = (text: string, asOf: string) => check(text, asOf).problems.map((p) => p.ruleId).filter((id) => id !== 'data-age');

describe('a claim in the brief’s own past', () => {
  const ban = 'China bans exports of gallium to the US.';

  it('is verified on a 2025-05-01 brief, with nothing to report', () => {
    expect(controls(ban, '2025-05-01')).toEqual([expect.objectContaining({ verdict: 'verified', checkedOn: '2025-05-01', record: expect.objectContaining({ id: 'CM-2024-46' }) })]);
    expect(rules(ban, '2025-05-01')).toEqual([]);
  });

  it('an undated claim is read on the as-of date: status-unknown after the suspension ends, never status-changed', () => {
    expect(rules(ban, '2026-11-28')).toEqual(['status-unknown']);
  });

  it('while suspended it is wrong when undated, but right when dated before the suspension', () => {
    expect(rules(ban, '2026-01-15')).toEqual(['control-status']);
    expect(rules('In December 2024, China banned exports of gallium to the US.', '2026-01-15')).toEqual(['status-changed']);
  });
});

describe('a claim over a period holds if it held on some day of it', () => {
  const text = 'In 2025, China banned exports of antimony to the United States.';

  it('is judged no later than the brief’s date', () => {
    expect(controls(text, '2025-05-01')).toEqual([expect.objectContaining({ verdict: 'verified', checkedOn: '2025-05-01' })]);
    expect(rules(text, '2025-05-01')).toEqual([]);
  });

  it('is true on the last day before the suspension, and the change is reported', () => {
    expect(controls(text, '2026-11-28')).toEqual([expect.objectContaining({ verdict: 'changed', checkedOn: '2025-11-08' })]);
    expect(rules(text, '2026-11-28')).toEqual(['status-changed', 'status-unknown']);
  });

  it('is still wrong when no day of the period bears it out', () => {
    // Neither reading (a ban to all destinations, or to the US) held on any day of 2024.
    expect(controls('In 2024, China banned exports of graphite.', '2026-01-15')).toEqual([expect.objectContaining({ verdict: 'wrong', checkedOn: '2024-12-31' })]);
  });

  it('is unverifiable, not wrong, when part of the period precedes any record', () => {
    // Tungsten's older state-trading regime is outside the dataset's coverage until No. 10/2025.
    expect(controls('In 2025, China banned exports of tungsten to the United States.', '2026-01-15')).toEqual([expect.objectContaining({ verdict: 'unverifiable' })]);
  });
});

describe('a claim about a time after the brief’s date', () => {
  it('is a forecast the dataset cannot judge as of the brief', () => {
    const text = 'China imposed licensing requirements on holmium in October 2025.';
    expect(controls(text, '2025-05-01')).toEqual([expect.objectContaining({ verdict: 'unverifiable' })]);
    expect(rules(text, '2025-05-01')).toEqual([]);
  });
});
