// Judges a claim that a control was suspended, lifted or proposed. The dataset records suspensions
// and lifts as dated events on a measure's clauses, so such a claim is verified when a clause for
// each mineral (and the named destination) is in that state on the claim's date. Anything else is
// unverifiable: the dataset does not record proposals, and an absent event does not prove a claim
// wrong. A verified suspension whose end the data schedules before the as-of date has changed.

import type { ClauseState, Dataset, StatusChange } from '../dataset/types';
import type { Claim, IsoDate } from '../types';
import type { ClaimDraft } from '../claims/types';
import type { ControlEvidence } from './types';

const stateOf: Record<string, ClauseState> = { suspension: 'suspended', lifted: 'lifted' };

export function judgeChange(draft: ClaimDraft, dataset: Dataset, asOf: IsoDate): { on: IsoDate; judged: Pick<Claim, 'verdict' | 'explanation'> & { evidence: ControlEvidence } } {
  const control = draft.control!;
  const destination = control.destination ?? 'all';
  const on = control.date && control.date < asOf ? control.date : asOf;
  const statuses = draft.minerals.map((m) => dataset.statusOn(m, on));
  const evidence: ControlEvidence = { statuses, contradicted: [], unjudged: [], changes: [], unknownOnAsOf: [] };
  const wanted = stateOf[control.type];
  if (!wanted) {
    evidence.unjudged = [...draft.minerals];
    return { on, judged: { verdict: 'unverifiable', explanation: `The dataset does not record ${control.type} measures.`, evidence } };
  }
  const matching = statuses.map((s) => s.clauses.find((c) => c.state === wanted && (destination === 'all' || c.clause.destination === destination)));
  evidence.unjudged = draft.minerals.filter((_, i) => !matching[i]);
  if (evidence.unjudged.length > 0) {
    return { on, judged: { verdict: 'unverifiable', explanation: `The dataset records no ${control.type} for ${evidence.unjudged.join(', ')} on ${on}.`, evidence } };
  }
  const seen = new Set<string>();
  draft.minerals.forEach((mineral, i) => {
    const clause = matching[i]!;
    for (const change of dataset.changesBetween(mineral, on, asOf)) {
      if (change.measure.id !== clause.measure.id || change.clause.id !== clause.clause.id || change.event.kind === 'note') continue;
      const key = `${change.measure.id}|${change.event.date}|${change.event.kind}`;
      if (!seen.has(key)) (seen.add(key), evidence.changes.push(change));
    }
  });
  evidence.changes.sort((a: StatusChange, b: StatusChange) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (evidence.changes.length > 0) return { on, judged: { verdict: 'changed', explanation: `True on ${on}; the status changed by ${asOf}.`, evidence } };
  return { on, judged: { verdict: 'verified', explanation: `Agrees with the dataset on ${on}.`, evidence } };
}
