// status-changed: a control claim that was true on its date but whose status changed before the
// as-of date (a ban later suspended), so a 2025 memo is not wrong yet the reader learns what changed.

import { defineRule } from './define-rule';
import { describeSources, mineralList, measureName } from './describe';
import { claimedWords } from './control-words';

export default defineRule({
  id: 'status-changed',
  meta: {
    description: 'A claim true on its date whose status changed before the as-of date',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      changed: 'The claim of {claimed} held on {date}, but on {changeDate} {measure} was {change} for {minerals} by {by} ({source}).',
    },
    defaultOptions: {},
    scope: 'claim',
  },
  checkClaim({ claim, evidence }, context) {
    const control = evidence.control;
    if (claim.kind !== 'control' || !control || control.changes.length === 0) return;
    for (const change of control.changes) {
      const by = change.event.by ? context.dataset.measure(change.event.by) : undefined;
      const until = change.event.until ? ` until ${change.event.until}` : '';
      const affected = claim.minerals.filter((m) => change.clause.minerals.includes(m));
      context.report({
        messageId: 'changed',
        record: { kind: 'measure', id: (by ?? change.measure).id, sources: change.event.sources.map((s) => s.source) },
        data: {
          claimed: claimedWords(claim, context.dataset),
          date: claim.checkedOn,
          changeDate: change.date,
          measure: measureName(change.measure),
          change: `${change.event.kind}${until}`,
          minerals: mineralList(context.dataset, affected.length ? affected : claim.minerals),
          by: (by && measureName(by)) ?? measureName(change.measure),
          source: describeSources(context.dataset, change.event.sources.length ? change.event.sources : change.measure.sources),
        },
      });
    }
  },
});
