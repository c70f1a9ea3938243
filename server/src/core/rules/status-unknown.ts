// status-unknown: a control claim whose status the dataset cannot know on the as-of date, because
// the records schedule a change (a suspension's end, an effective date) that no later record
// confirms, or because the date is before the data begins.

import type { Dataset } from '../dataset/types';
import type { Claim, IsoDate } from '../types';
import type { ControlEvidence } from '../verdicts/types';
import { defineRule } from './define-rule';
import { measureName, mineralList } from './describe';
import { claimedWords, clauseSource, explainingClause } from './control-words';

/**
 * The claim (which names its minerals), the minerals whose status is unknown only when they are
 * some of the claim's, why, and the record that leaves the status open (none before the data begins).
 */
function describe(claim: Claim, control: ControlEvidence, asOf: IsoDate, dataset: Dataset) {
  const first = control.unknownOnAsOf[0]!;
  const clause = explainingClause(first.status, claim.control?.destination ?? 'all');
  const reason = first.status.note ?? 'no record covers that date';
  const unknown = control.unknownOnAsOf.map((u) => u.mineral);
  const some = claim.minerals.some((m) => !unknown.includes(m));
  const data = {
    claimed: claimedWords(claim, dataset),
    asOf,
    scope: some ? ` for ${mineralList(dataset, unknown)}` : '',
    reason: reason.replace(/\.$/, '').replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase()),
  };
  if (!clause) return { messageId: 'noRecord' as const, data };
  return {
    messageId: 'unknown' as const,
    record: { kind: 'measure' as const, id: clause.measure.id, sources: clause.measure.sources.map((s) => s.source) },
    data: { ...data, record: measureName(clause.measure), source: clauseSource(dataset, clause) },
  };
}

export default defineRule({
  id: 'status-unknown',
  meta: {
    description: 'A status that the dataset cannot know on the as-of date',
    defaultSeverity: 'info',
    fixable: false,
    messages: {
      unknown: 'Whether {claimed} holds on {asOf} cannot be known{scope}: {reason}; the last record is {record} ({source}).',
      noRecord: 'Whether {claimed} holds on {asOf} cannot be known{scope}: {reason}.',
    },
    defaultOptions: {},
    scope: 'claim',
  },
  checkClaim({ claim, evidence, asOf }, context) {
    const control = evidence.control;
    if (claim.kind !== 'control' || !control || control.unknownOnAsOf.length === 0) return;
    context.report(describe(claim, control, asOf, context.dataset));
  },
});
