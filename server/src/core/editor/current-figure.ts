// The dataset's current figure beside a stale one: for each stale or mismatched figure claim, the
// newest observation of the same metric and scope published by the brief's date. The editor shows
// it as an inlay hint so the reader sees the gap without hovering.

import type { Claim, IsoDate } from '../types';
import type { Dataset, Observation } from '../dataset/types';
import { formatValue } from './format';
import { isDatasetMetric } from '../claims/metrics';
import { usableForChecking } from '../verdicts/figures';

export interface CurrentFigureHint {
  /** Where the hint goes: right after the figure's number. */
  offset: number;
  label: string;
  tooltip: string;
}

export function currentObservation(dataset: Dataset, claim: Claim, asOf: string): Observation | undefined {
  const mineral = claim.minerals[0];
  if (claim.kind !== 'figure' || !mineral || !isDatasetMetric(claim.metric)) return undefined;
  const found = dataset.observations({
    mineral,
    metric: claim.metric,
    ...(claim.partner ? { partner: claim.partner } : {}),
    ...(claim.scope ? { scope: claim.scope } : {}),
    asOf,
  });
  return found.find(usableForChecking);
}

/** The offset just after the figure's number and its unit ("63%", "340 t"), where a hint reads naturally. */
function afterUnit(claim: Claim): number {
  const end = (claim.valueRange ?? claim.range).end;
  const unit = /^(?:\s?%|\s?per ?cent\b|\s(?:t|tonnes|tons|metric tons)\b)/.exec(claim.text.slice(end - claim.range.start));
  return end + (unit ? unit[0].length : 0);
}

export function currentFigureHints(dataset: Dataset, claims: readonly Claim[], asOf: IsoDate): CurrentFigureHint[] {
  const hints: CurrentFigureHint[] = [];
  for (const claim of claims) {
    if (claim.verdict !== 'stale' && claim.verdict !== 'mismatch') continue;
    const current = currentObservation(dataset, claim, asOf);
    if (!current) continue;
    const source = current.sources[0] ? dataset.source(current.sources[0].source) : undefined;
    hints.push({
      offset: afterUnit(claim),
      label: `→ ${formatValue(current)} (${current.period.label})`,
      tooltip: `The dataset's figure as of ${asOf}: ${formatValue(current)} for ${current.period.label}${source ? `, ${source.title}` : ''}.`,
    });
  }
  return hints;
}
