// control-count: a count of controlled minerals that the dataset's count on that date contradicts.
// Minerals the brief lists but the dataset cannot judge may make up a difference; then it is silent.

import { defineRule } from './define-rule';
import { setsStatus } from '../verdicts/index';

export default defineRule({
  id: 'control-count',
  meta: {
    description: "A count of controlled minerals that differs from the dataset's count on that date",
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      count: 'The brief counts {claimed} controlled minerals, but {record} on {date} is {expected} ({source}).',
    },
    defaultOptions: {},
    scope: 'claim',
  },
  checkClaim({ claim, evidence }, context) {
    const count = evidence.count;
    if (claim.kind !== 'count' || claim.verdict !== 'wrong' || !count) return;
    const measures = new Set<string>();
    for (const mineral of count.count.minerals) {
      for (const c of context.dataset.statusOn(mineral, count.count.on).clauses) if (c.state === 'in-force' && setsStatus(c)) measures.add(c.measure.shortName);
    }
    context.report({
      messageId: 'count',
      ...(claim.valueRange ? { range: claim.valueRange } : {}),
      ...(claim.record ? { record: claim.record } : {}),
      data: {
        claimed: claim.count ?? 0,
        record: "the dataset's count of minerals under controls in force",
        date: count.count.on,
        expected: count.count.minerals.length,
        source: measures.size ? [...measures].sort().join(', ') : `dataset ${context.dataset.meta.version}`,
      },
    });
  },
});
