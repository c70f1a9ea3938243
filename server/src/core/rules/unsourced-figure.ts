// unsourced-figure: a figure claim whose sentence carries no citation (footnote reference or link).
// When the dataset verifies the figure, the fix cites the observation in the brief's own style.

import { defineRule } from './define-rule';
import { describeClaimedFigure, describeObservation, describeSources } from './describe';
import { sourceOf } from './figure-fix';
import { observationRef } from '../verdicts/index';
import { CORE_METRICS } from '../claims/metrics';

export default defineRule({
  id: 'unsourced-figure',
  meta: {
    description: 'A figure claim with no citation (footnote or link) in its sentence',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      unsourced: '{claimed} has no citation in its sentence.',
      unsourcedKnown: '{claimed} has no citation in its sentence; it agrees with {record} ({source}).',
    },
    defaultOptions: {},
    scope: 'claim',
  },
  checkClaim({ claim, evidence, text }, context) {
    if (claim.kind !== 'figure' || claim.cited || !CORE_METRICS.has(claim.metric!) || (claim.reporter && claim.reporter !== 'US' && claim.reporter !== 'world')) return;
    const matched = claim.verdict === 'verified' ? evidence.figure?.matched : undefined;
    const source = matched ? sourceOf(context.dataset, matched) : undefined;
    const claimed = describeClaimedFigure(claim, text);
    if (!matched || !source) {
      // A figure the dataset cannot check either: worth a note, not a warning the data cannot back.
      context.report({ messageId: 'unsourced', data: { claimed }, atMostInfo: claim.verdict === 'unverifiable' });
      return;
    }
    context.report({
      messageId: 'unsourcedKnown',
      record: observationRef(matched),
      data: { claimed, record: `${describeObservation(context.dataset, matched)} for ${matched.period.label}`, source: describeSources(context.dataset, matched.sources, matched.statedBy) },
      cite: { source, at: Math.max(claim.range.end, claim.period?.range?.end ?? 0), ...(matched.statedBy ? { statedBy: matched.statedBy } : {}) },
    });
  },
});
