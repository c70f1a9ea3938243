// Only a certain reading raises errors and warnings: a figure whose reading is likely or ambiguous
// and disagrees with the record gives an info-level problem. An unread sentence is listed, never a
// problem, whatever a rule says about it. The drafts carry the reading's confidence by hand, as the
// claim reader hands them to checkParsed.

import { describe, expect, it } from 'vitest';
import { checkParsed, extractClaims } from '../../server/src/core/check';
import type { ClaimDraft } from '../../server/src/core/claims/types';
import { parseBrief } from '../../server/src/core/parse/index';
import { defineRule, type AnalysedBrief } from '../../server/src/core/rules/define-rule';
import { runRules } from '../../server/src/core/rules/run';
import type { Claim, CheckOptions, ReadingConfidence } from '../../server/src/core/types';
import { bundledDataset } from './bundled-dataset';

// USGS MCS 2025 gives US net import reliance on antimony as 85% in 2024, so 95% is a mismatch
// (figure-mismatch, an error by default).
const brief = '---\nas_of: 2025-06-01\n---\n# Antimony\n\nThe US net import reliance on antimony was 95% in 2024.\n';
const options: CheckOptions = { config: { rules: {}, data: [], include: [], exclude: [] }, today: '2026-11-28' };

function checkWith(edit: (drafts: ClaimDraft[]) => ClaimDraft[]) {
  const dataset = bundledDataset();
  const parsed = parseBrief(brief);
  return checkParsed(parsed, edit(extractClaims(parsed, dataset)), dataset, options);
}

const withConfidence = (confidence: ReadingConfidence) => (drafts: ClaimDraft[]) => drafts.map((d) => (d.kind === 'figure' ? { ...d, confidence } : d));

describe('reading confidence caps severity', () => {
  it('raises the mismatch as an error when the reading is certain (and when the reader gives no confidence)', () => {
    for (const result of [checkWith(withConfidence('certain')), checkWith((d) => d)]) {
      const mismatch = result.problems.find((p) => p.ruleId === 'figure-mismatch');
      expect(mismatch?.severity).toBe('error');
    }
  });

  it.each(['likely', 'ambiguous'] as const)('raises at most info when the reading is %s', (confidence) => {
    const result = checkWith(withConfidence(confidence));
    const figure = result.claims.findIndex((c) => c.kind === 'figure');
    expect(result.claims[figure]?.verdict).toBe('mismatch');
    const onFigure = result.problems.filter((p) => p.claim === figure);
    expect(onFigure.map((p) => p.ruleId)).toContain('figure-mismatch');
    expect(onFigure.map((p) => p.severity)).toEqual(onFigure.map(() => 'info'));
  });
});

describe('unread sentences', () => {
  const unread: ClaimDraft = {
    kind: 'unread',
    minerals: ['antimony'],
    range: { start: brief.indexOf('The US'), end: brief.lastIndexOf('.') + 1 },
    text: 'The US net import reliance on antimony was 95% in 2024.',
    cited: false,
    why: 'unbound',
    // Everything a figure would carry: a rule that looked only at these fields would misfire.
    metric: 'net_import_reliance',
    value: 95,
  };

  it('never become problems, even when a rule reports on them', () => {
    const meta = { description: 'test rule', defaultSeverity: 'error', fixable: false, messages: { every: 'claim {i}' }, defaultOptions: {} } as const;
    const briefWide = defineRule({
      id: 'reports-every-claim',
      meta: { ...meta, scope: 'brief' },
      check(b, context) {
        b.claims.forEach((_, i) => context.report({ messageId: 'every', claim: i, data: { i } }));
      },
    });
    const perClaim = defineRule({
      id: 'reports-each-claim',
      meta: { ...meta, scope: 'claim' },
      checkClaim({ claim }, context) {
        context.report({ messageId: 'every', data: { i: claim.kind } });
      },
    });
    const claim = (kind: Claim['kind']): Claim => ({ ...unread, kind, checkedOn: '2025-06-01', verdict: 'mismatch' });
    const analysed: AnalysedBrief = { parsed: parseBrief(brief), text: brief, asOf: '2025-06-01', claims: [claim('unread'), claim('figure')], evidence: [{}, {}] };
    const active = { claim: [{ rule: perClaim, severity: 'error' as const, options: {} }], brief: [{ rule: briefWide, severity: 'error' as const, options: {} }], key: 'test' } as unknown as Parameters<typeof runRules>[0];
    const problems = runRules(active, analysed, bundledDataset());
    expect(problems.map((p) => [p.ruleId, p.claim])).toEqual([['reports-each-claim', 1], ['reports-every-claim', 1]]);
  });

  it('are listed with their reason and raise nothing when every rule runs', () => {
    const result = checkWith((drafts) => [...drafts.filter((d) => d.kind === 'mention'), unread]);
    const listed = result.claims.find((c) => c.kind === 'unread');
    expect(listed?.why).toBe('unbound');
    expect(result.problems).toEqual([]);
  });
});
