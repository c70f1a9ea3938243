// status-unknown: a control claim whose status the dataset cannot know on the as-of date, because
// the date is past the dataset's horizon or past a suspension's end with no later record.

import { defineRule } from './define-rule';
import { mineralList } from './describe';
import { claimedWords, clauseRecord, explainingClause } from './control-words';

export default defineRule({
  id: 'status-unknown',
  meta: {
    description: 'A status that the dataset cannot know on the as-of date',
    defaultSeverity: 'info',
    fixable: false,
    messages: {
      unknown: 'The status behind {claimed} cannot be known on {asOf} for {minerals}: {reason}; last record {record} ({source}).',
    },
    defaultOptions: {},
  },
  check(brief, context) {
    brief.claims.forEach((claim, index) => {
      const control = brief.evidence[index]?.control;
      if (claim.kind !== 'control' || !control || control.unknownOnAsOf.length === 0) return;
      const first = control.unknownOnAsOf[0]!;
      const clause = explainingClause(first.status, claim.control?.destination ?? 'all');
      const horizon = context.dataset.meta.horizon;
      const reason = first.status.note ?? (brief.asOf > horizon ? `the dataset is complete only through ${horizon}` : 'no record covers that date');
      context.report({
        messageId: 'unknown',
        claim: index,
        ...(clause ? { record: { kind: 'measure' as const, id: clause.measure.id, sources: clause.measure.sources.map((s) => s.source) } } : {}),
        data: {
          claimed: claimedWords(claim, context.dataset),
          asOf: brief.asOf,
          minerals: mineralList(context.dataset, control.unknownOnAsOf.map((u) => u.mineral)),
          reason: reason.replace(/\.$/, '').replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase()),
          ...clauseRecord(context.dataset, clause),
        },
      });
    });
  },
});
