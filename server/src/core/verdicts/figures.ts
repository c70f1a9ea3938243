// Judges a figure claim against the dataset's observations of the same mineral, metric, partner and
// scope: verified, mismatch (the same period says otherwise), stale (a newer observation exists by
// the as-of date) or unverifiable. Only an observation that contradicts the figure makes it wrong.

import type { Dataset, Metric, Observation } from '../dataset/types';
import type { Claim, Hedge, IsoDate } from '../types';
import type { ClaimDraft } from '../claims/types';
import type { FigureEvidence } from './types';
import { isDatasetMetric } from '../claims/metrics';

type Agreement = 'agrees' | 'contradicts' | 'undetermined';

function normaliseScope(scope: string | undefined, names: string[]): string {
  if (!scope) return '';
  let s = ` ${scope.toLowerCase().replace(/[-\u2010\u2011,;()]/g, ' ')} `;
  for (const name of names) s = s.split(` ${name.toLowerCase()} `).join(' ');
  return s
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => (w.endsWith('ss') ? w : w.replace(/s$/, '')))
    .join(' ');
}

/** Whether the claimed value, with its hedge and rounding, agrees with an observation. */
export function agreement(value: number, hedge: Hedge, decimals: number, obs: Observation): Agreement {
  // A net exporter: the claim "a net exporter" (at most 0%) agrees, a positive reliance contradicts.
  if (obs.value === null) return obs.qualifier !== 'net-exporter' ? 'undetermined' : value > 0 ? 'contradicts' : value === 0 && hedge === 'at-most' ? 'agrees' : 'undetermined';
  const o = obs.value;
  const tol = 0.5 * 10 ** -decimals + 1e-9;
  if (obs.qualifier === '>' || obs.qualifier === '<') {
    const claimBeyond = obs.qualifier === '>' ? value > o - tol : value < o + tol;
    if (!claimBeyond && (hedge === 'exact' || hedge === 'about')) return 'contradicts';
    return hedge === (obs.qualifier === '>' ? 'over' : 'under') && Math.abs(value - o) <= tol ? 'agrees' : 'undetermined';
  }
  const loose = Math.max(tol, 0.1 * Math.abs(o));
  switch (hedge) {
    case 'exact':
      return Math.abs(value - o) <= (obs.qualifier === '~' ? loose : tol) ? 'agrees' : 'contradicts';
    case 'about':
      return Math.abs(value - o) <= loose ? 'agrees' : 'contradicts';
    case 'nearly':
      return o <= value + tol && value - o <= Math.max(tol, 0.1 * value) ? 'agrees' : 'contradicts';
    case 'over':
    case 'at-least':
      return o >= value - tol ? 'agrees' : 'contradicts';
    case 'under':
    case 'at-most':
      return o <= value + tol ? 'agrees' : 'contradicts';
  }
}

/** Scopes that stand for the whole commodity, which a figure that names no scope speaks of. */
const broadScopes = new Set(['', 'metal and oxide', 'metal', 'compound and metal', 'metal alloy and scrap', 'metal oxide and salt', 'compound', 'natural', 'total']);

/**
 * Whether an observation is firm enough to judge a brief's figure by, or to offer as the current
 * one: quantity-based, not low confidence, with an exact period. The editor uses the same test, so
 * what it inserts is what the rules compare against.
 */
export function usableForChecking(o: Observation): boolean {
  return o.basis !== 'value' && o.confidence !== 'low' && !o.period.approximate;
}

/**
 * Observations of the claim's metric and scope. `anyScope` widens the scope and, because it is only
 * used to hold a report back, also admits low-confidence observations: weak evidence may keep a
 * figure from being called wrong, never make it so.
 */
function candidates(draft: ClaimDraft, dataset: Dataset, asOf: IsoDate, anyScope = false): Observation[] {
  const mineral = draft.minerals[0]!;
  const names = [mineral, ...(dataset.mineral(mineral)?.aliases ?? []), dataset.mineral(mineral)?.name ?? mineral];
  const scope = normaliseScope(draft.scope, names);
  return dataset
    .observations({ mineral, metric: draft.metric as Metric, ...(draft.partner ? { partner: draft.partner } : {}), asOf })
    .filter(
      (o) =>
        (o.partner ?? '') === (draft.partner ?? '') &&
        (!draft.reporter || !o.reporter || o.reporter.toLowerCase() === draft.reporter.toLowerCase()) &&
        o.unit === draft.unit &&
        (anyScope ? o.basis !== 'value' && !o.period.approximate : usableForChecking(o)) &&
        o.published <= asOf &&
        (anyScope || (scope === '' ? broadScopes.has(normaliseScope(o.scope, names)) : normaliseScope(o.scope, names) === scope)),
    );
}

export function judgeFigure(draft: ClaimDraft, dataset: Dataset, asOf: IsoDate): Pick<Claim, 'verdict' | 'explanation'> & { evidence: FigureEvidence } {
  if (!isDatasetMetric(draft.metric)) {
    return { verdict: 'unverifiable', explanation: `The dataset holds no observations of ${(draft.metric ?? 'this metric').replace(/_/g, ' ')}.`, evidence: {} };
  }
  const found = candidates(draft, dataset, asOf);
  const value = draft.value!;
  const hedge = draft.hedge ?? 'exact';
  const decimals = draft.decimals ?? 0;
  const latest = found[0];
  if (!latest) return { verdict: 'unverifiable', explanation: 'The dataset holds no observation of this metric and scope.', evidence: {} };
  const period = draft.period;
  if (period) {
    const samePeriod = found.filter((o) => o.period.start === period.start && o.period.end === period.end);
    const agreeing = samePeriod.find((o) => agreement(value, hedge, decimals, o) === 'agrees');
    const contradicting = samePeriod.find((o) => agreement(value, hedge, decimals, o) === 'contradicts');
    const newer = found.find((o) => o.period.end > period.end);
    const agreesInOtherScope = () =>
      !draft.scope && candidates(draft, dataset, asOf, true).some((o) => o.period.start === period.start && o.period.end === period.end && agreement(value, hedge, decimals, o) === 'agrees');
    if (!agreeing && contradicting && agreesInOtherScope()) {
      return { verdict: 'unverifiable', explanation: 'The figure names no scope and agrees with an observation for a narrower scope.', evidence: {} };
    }
    if (!agreeing && contradicting) {
      return {
        verdict: 'mismatch',
        explanation: `The observation for ${contradicting.period.label} gives ${contradicting.value ?? 'net exporter'}.`,
        evidence: { matched: contradicting, ...(newer ? { current: newer } : {}) },
      };
    }
    if (newer) {
      return { verdict: 'stale', explanation: `A newer observation covers ${newer.period.label}.`, evidence: { ...(agreeing ? { matched: agreeing } : {}), current: newer } };
    }
    if (agreeing) return { verdict: 'verified', explanation: `Agrees with the observation for ${agreeing.period.label}.`, evidence: { matched: agreeing, current: agreeing } };
    return { verdict: 'unverifiable', explanation: 'The dataset holds no observation for this period.', evidence: {} };
  }
  const latestAgreement = agreement(value, hedge, decimals, latest);
  if (latestAgreement === 'agrees') return { verdict: 'verified', explanation: `Agrees with the latest observation (${latest.period.label}).`, evidence: { matched: latest, current: latest } };
  const older = found.slice(1).find((o) => agreement(value, hedge, decimals, o) === 'agrees');
  if (older && older.period.end < latest.period.end) {
    return { verdict: 'stale', explanation: `Matches ${older.period.label}; a newer observation covers ${latest.period.label}.`, evidence: { matched: older, current: latest } };
  }
  return { verdict: 'unverifiable', explanation: 'The figure gives no period and matches no observation.', evidence: {} };
}
