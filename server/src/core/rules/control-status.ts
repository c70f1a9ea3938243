// control-status: a control-status claim that the dataset's records contradict on the claim's date
// (a ban that was licensing, a mineral not controlled then, the wrong destination). A mineral the
// dataset holds no measure for is unverifiable, never wrong.

import { defineRule } from './define-rule';
import { mineralName } from './describe';
import { claimedWords, clauseRecord, explainingClause, statusWords } from './control-words';
import { statusFor } from '../verdicts/index';

export default defineRule({
  id: 'control-status',
  meta: {
    description: 'A control-status claim that is wrong on its date',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      wrong: 'The brief claims {claimed}, but on {date} {mineral} was under {actual} per {record} ({source}).',
    },
    defaultOptions: {},
    scope: 'claim',
  },
  checkClaim({ claim, evidence }, context) {
    const control = evidence.control;
    if (claim.verdict !== 'wrong' || claim.kind !== 'control' || !control) return;
    const destination = claim.control?.destination ?? 'all';
    for (const mineral of control.contradicted) {
      const status = control.statuses[claim.minerals.indexOf(mineral)];
      if (!status) continue;
      const clause = explainingClause(status, destination);
      context.report({
        messageId: 'wrong',
        ...(clause ? { record: { kind: 'measure' as const, id: clause.measure.id, sources: clause.measure.sources.map((s) => s.source) } } : {}),
        data: {
          claimed: claimedWords(claim, context.dataset),
          date: claim.checkedOn,
          mineral: mineralName(context.dataset, mineral),
          actual: statusWords(statusFor(status, destination), destination),
          ...clauseRecord(context.dataset, clause),
        },
      });
    }
  },
});
