// inconsistent-figure: the same mineral, metric, scope and period cited with different values in one
// brief. The later figure is reported and names the earlier one.

import { defineRule } from './define-rule';
import { describeClaimedFigure } from './describe';
import type { Claim } from '../types';
import { lineIndex } from '../lines';
import { CORE_METRICS } from '../claims/metrics';

function key(claim: Claim): string | undefined {
  if (claim.kind !== 'figure' || !claim.period || claim.value === undefined || !CORE_METRICS.has(claim.metric!)) return undefined;
  // One template rather than an array joined: this runs over every figure of a brief at every check.
  return `${claim.minerals[0] ?? ''}|${claim.metric}|${claim.partner ?? ''}|${claim.reporter ?? ''}|${(claim.scope ?? '').toLowerCase()}|${claim.period.start}|${claim.period.end}`;
}


export default defineRule({
  id: 'inconsistent-figure',
  meta: {
    description: 'The same mineral, metric and period cited with different values in one brief',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      inconsistent: '{claimed} differs from {earlier} given for the same figure on line {line} of this brief.',
    },
    defaultOptions: {},
    scope: 'brief',
  },
  check(brief, context) {
    const first = new Map<string, Claim>();
    const lineOf = lineIndex(brief.text);
    brief.claims.forEach((claim, index) => {
      const k = key(claim);
      if (!k) return;
      const earlier = first.get(k);
      if (!earlier) {
        first.set(k, claim);
        return;
      }
      if (earlier.value === claim.value && earlier.hedge === claim.hedge) return;
      context.report({
        messageId: 'inconsistent',
        claim: index,
        data: { claimed: describeClaimedFigure(claim, brief.text), earlier: describeClaimedFigure(earlier, brief.text), line: lineOf(earlier.range.start).line },
      });
    });
  },
});
