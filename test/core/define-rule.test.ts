// The rule contract: metadata and doc links for every rule, and a fix from a rule whose metadata is
// not fixable is a programming error that throws.

import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineRule, formatMessage, rules, RULE_DOCS_BASE, type AnalysedBrief } from '../../server/src/core/rules/index';
import { runRules } from '../../server/src/core/rules/run';
import type { Claim } from '../../server/src/core/types';
import { parseBrief } from '../../server/src/core/parse/index';
import { bundledDataset } from './bundled-dataset';

describe('rules', () => {
  it('has the issue’s rules, each with a doc in docs/rules and a URL built from one constant', () => {
    for (const id of ['stale-figure', 'figure-mismatch', 'control-status', 'status-changed', 'status-unknown', 'control-count', 'unsourced-figure', 'inconsistent-figure', 'unknown-directive']) {
      const rule = rules[id]!;
      expect(rule.meta.url).toBe(`${RULE_DOCS_BASE}${id}.md`);
      expect(existsSync(resolve(__dirname, '../../docs/rules', `${id}.md`))).toBe(true);
      for (const message of Object.values(rule.meta.messages)) expect(message).toMatch(/^[^.]+(\.[^ .][^.]*)*\.$/);
    }
  });

  it('throws when a rule that is not fixable reports a fix or a citation, whole-brief or per claim', () => {
    const meta = { description: 'x', defaultSeverity: 'warning', fixable: false, messages: { m: 'M.' }, defaultOptions: {} } as const;
    const source = bundledDataset().files.sources[0]!;
    const briefWide = defineRule({
      id: 'bad-rule',
      meta: { ...meta, scope: 'brief' },
      check(_brief, context) {
        context.report({ messageId: 'm', data: {}, range: { start: 0, end: 1 }, fix: { edits: [] } });
      },
    });
    const perClaim = defineRule({
      id: 'bad-claim-rule',
      meta: { ...meta, scope: 'claim' },
      checkClaim(_input, context) {
        context.report({ messageId: 'm', data: {}, cite: { source, at: 0 } });
      },
    });
    const claim: Claim = { kind: 'mention', minerals: ['gallium'], range: { start: 0, end: 1 }, text: 'x', cited: false, checkedOn: '2025-01-01', verdict: 'unverifiable' };
    const brief: AnalysedBrief = { parsed: parseBrief('x'), text: 'x', asOf: '2025-01-01', claims: [claim], evidence: [{}] };
    const active = (claimRules: unknown[], briefRules: unknown[]) => ({ claim: claimRules, brief: briefRules, key: 'test' }) as unknown as Parameters<typeof runRules>[0];
    expect(() => runRules(active([], [{ rule: briefWide, severity: 'warning', options: {} }]), brief, bundledDataset())).toThrow(/not fixable/);
    expect(() => runRules(active([{ rule: perClaim, severity: 'warning', options: {} }], []), brief, bundledDataset())).toThrow(/not fixable/);
  });

  it('declares every rule per claim or whole-brief, with the check its scope runs', () => {
    for (const rule of Object.values(rules)) {
      expect(['claim', 'brief']).toContain(rule.meta.scope);
      expect(typeof (rule.meta.scope === 'claim' ? (rule as { checkClaim?: unknown }).checkClaim : (rule as { check?: unknown }).check)).toBe('function');
    }
  });
});

describe('formatMessage', () => {
  it.each([
    ['{value} of {mineral}', { value: 63, mineral: 'gallium' }, '63 of gallium'],
    ['{a}{b} and {a}', { a: 'x', b: 'y' }, 'xy and x'],
    ['no placeholders', {}, 'no placeholders'],
    ['{missing} stays, {kept} goes', { kept: 'it' }, '{missing} stays, it goes'],
    ['{ spaced } and {not-a-name} are text', { spaced: 1 }, '{ spaced } and {not-a-name} are text'],
    ['{zero}', { zero: 0 }, '0'],
  ])('fills %j', (template, data, expected) => {
    expect(formatMessage(template, data as Record<string, string | number>)).toBe(expected);
    // Formatting a template again (now split and kept) gives the same text.
    expect(formatMessage(template, data as Record<string, string | number>)).toBe(expected);
  });
});
