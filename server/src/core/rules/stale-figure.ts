// stale-figure: a figure for which the dataset holds a newer observation of the same metric and scope,
// published by the brief's as-of date. The fix puts in the current value, its period and a citation.

import { defineRule } from './define-rule';
import { describeClaimedFigure, describeObservation, describeSources, formatObservedValue } from './describe';
import { figureFix } from './figure-fix';
import { observationRef } from '../verdicts/index';

export default defineRule({
  id: 'stale-figure',
  meta: {
    description: 'A figure for which the dataset holds a newer observation of the same metric and scope',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      stale: '{claimed} is stale: {record} is {current} for {currentPeriod} ({source}).',
    },
    defaultOptions: { minYearsNewer: 0 },
    scope: 'claim',
  },
  checkClaim({ claim, evidence, text }, context) {
    const minYears = Number(context.options.minYearsNewer) || 0;
    const current = evidence.figure?.current;
    if (claim.verdict !== 'stale' || !current) return;
    const claimedEnd = claim.period?.end ?? evidence.figure?.matched?.period.end;
    if (claimedEnd && Number(current.period.end.slice(0, 4)) - Number(claimedEnd.slice(0, 4)) < minYears) return;
    context.report({
      messageId: 'stale',
      record: observationRef(current),
      data: {
        claimed: describeClaimedFigure(claim, text),
        record: `the newer observation of ${describeObservation(context.dataset, current)}`,
        current: formatObservedValue(current),
        currentPeriod: current.period.label,
        source: describeSources(context.dataset, current.sources, current.statedBy),
      },
      ...figureFix(text, claim, current, context.dataset),
    });
  },
});
