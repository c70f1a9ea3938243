// ESLint-style rule tables: each case is a brief checked against the bundled dataset with only the
// rule under test switched on; invalid cases list the message ids expected and, for fixable rules,
// the text after applying every fix.

import { describe, expect, it } from 'vitest';
import { checkBrief } from '../../server/src/core/check';
import { applyFixes } from '../../server/src/core/fix';
import { rules } from '../../server/src/core/rules/index';
import type { CheckOptions, IsoDate, RuleSetting } from '../../server/src/core/types';
import { bundledDataset } from './bundled-dataset';

export interface ValidCase {
  code: string;
  asOf?: IsoDate;
  name?: string;
}

export interface InvalidCase extends ValidCase {
  errors: { messageId: string; includes?: string[]; excludes?: string[] }[];
  /** Text after applying all fixes; null when the rule must offer no fix. */
  output?: string | null;
}

export function onlyRule(ruleId: string, asOf?: IsoDate, ruleOptions?: Record<string, unknown>): CheckOptions {
  const settings: Record<string, Partial<RuleSetting>> = {};
  for (const id of Object.keys(rules)) settings[id] = { severity: id === ruleId ? rules[id]!.meta.defaultSeverity : 'off' };
  if (ruleOptions) settings[ruleId] = { ...settings[ruleId], options: ruleOptions };
  return { config: { rules: settings, data: [], include: [], exclude: [] }, today: '2026-11-28', ...(asOf ? { asOfOverride: asOf } : {}) };
}

export function ruleTable(ruleId: string, table: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(ruleId, () => {
    for (const c of table.valid) {
      it(`valid: ${c.name ?? c.code.slice(0, 70)}`, () => {
        const result = checkBrief(c.code, bundledDataset(), onlyRule(ruleId, c.asOf));
        expect(result.problems.map((p) => p.message)).toEqual([]);
      });
    }
    for (const c of table.invalid) {
      it(`invalid: ${c.name ?? c.code.slice(0, 70)}`, () => {
        const result = checkBrief(c.code, bundledDataset(), onlyRule(ruleId, c.asOf));
        expect(result.problems.map((p) => p.messageId)).toEqual(c.errors.map((e) => e.messageId));
        result.problems.forEach((p, i) => {
          expect(p.ruleId).toBe(ruleId);
          expect(p.message).toMatch(/\.$/);
          for (const words of c.errors[i]?.includes ?? []) expect(p.message).toContain(words);
          for (const words of c.errors[i]?.excludes ?? []) expect(p.message).not.toContain(words);
        });
        if (c.output === null) expect(result.problems.every((p) => !p.fix)).toBe(true);
        if (typeof c.output === 'string') {
          const fixes = result.problems.flatMap((p) => (p.fix ? [p.fix] : []));
          expect(applyFixes(c.code, fixes).text).toBe(c.output);
        }
      });
    }
  });
}
