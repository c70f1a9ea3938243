// figure-mismatch: a figure that differs from the dataset's observation for the same metric, scope
// and period beyond rounding or its stated hedge. The fix puts in the dataset value (the current one
// when a newer observation exists, so a second fix pass has nothing left to do).

import { defineRule } from './define-rule';
import { describeClaimedFigure, describeObservation, describeSources, formatObservedValue } from './describe';
import { figureFix } from './figure-fix';
import { observationRef } from '../verdicts/index';

export default defineRule({
  id: 'figure-mismatch',
  meta: {
    description: 'A figure that differs from the observation for the same metric, scope and period',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      mismatch: '{claimed} does not match {record}, which is {expected} ({source}).',
    },
    defaultOptions: {},
    scope: 'claim',
  },
  checkClaim({ claim, evidence, text }, context) {
    const figure = evidence.figure;
    const matched = figure?.matched;
    if (claim.verdict !== 'mismatch' || !matched) return;
    context.report({
      messageId: 'mismatch',
      record: observationRef(matched),
      data: {
        claimed: describeClaimedFigure(claim, text),
        record: `${describeObservation(context.dataset, matched)} for ${matched.period.label}`,
        expected: formatObservedValue(matched),
        source: describeSources(context.dataset, matched.sources, matched.statedBy),
      },
      ...figureFix(text, claim, figure.current ?? matched, context.dataset),
    });
  },
});
