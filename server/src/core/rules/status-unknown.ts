// status-unknown: a control claim whose status the dataset cannot know on the as-of date, because
// the records schedule a change (a suspension's end, an effective date) that no later record confirms.

import type { Dataset } from '../dataset/types';
import type { Claim, IsoDate } from '../types';
import type { ControlEvidence } from '../verdicts/types';
import { defineRule } from './define-rule';
import { mineralList } from './describe';
import { claimedWords, clauseRecord, explainingClause } from './control-words';

function describe(claim: Claim, control: ControlEvidence, asOf: IsoDate, dataset: Dataset) {
  const first = control.unknownOnAsOf[0]!;
  const clause = explainingClause(first.status, claim.control?.destination ?? 'all');
  const reason = first.status.note ?? 'no record covers that date';
  return {
    ...(clause ? { record: { kind: 'measure' as const, id: clause.measure.id, sources: clause.measure.sources.map((s) => s.source) } } : {}),
    data: {
      claimed: claimedWords(claim, dataset),
      asOf,
      minerals: mineralList(dataset, control.unknownOnAsOf.map((u) => u.mineral)),
      reason: reason.replace(/\.$/, '').replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase()),
      ...clauseRecord(dataset, clause),
    },
  };
}

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
    scope: 'claim',
  },
  checkClaim({ claim, evidence, asOf }, context) {
    const control = evidence.control;
    if (claim.kind !== 'control' || !control || control.unknownOnAsOf.length === 0) return;
    context.report({ messageId: 'unknown', ...describe(claim, control, asOf, context.dataset) });
  },
});
