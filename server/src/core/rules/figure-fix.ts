// Builds the fix that puts a current figure into a brief: the value (and its period) replaced on
// the original text, then a citation of the observation's source, which the check places in the
// brief's own style once the whole brief is known (rules/citations.ts).

import type { Dataset, Observation, Source } from '../dataset/types';
import type { Claim, Fix, TextEdit } from '../types';
import type { Citation } from './define-rule';
import { formatObservedValue } from './describe';

/** The best source of an observation that the dataset can name (the dataset lists them best first). */
export function sourceOf(dataset: Dataset, obs: Observation): Source | undefined {
  for (const ref of obs.sources) {
    const source = dataset.source(ref.source);
    if (source) return source;
  }
  return undefined;
}

/** Replaces a figure's value and period with the observation's, and cites the observation. */
export function figureFix(text: string, claim: Claim, obs: Observation, dataset: Dataset): { fix: Fix; cite?: Citation } | undefined {
  const valueRange = claim.hedgeRange ?? claim.valueRange;
  if (!valueRange || obs.value === null) return undefined;
  const written = text.slice(valueRange.start, valueRange.end);
  const value = formatObservedValue(obs, false) + (claim.unit === '%' && !/\d/.test(written) ? '%' : '');
  const edits: TextEdit[] = [{ range: valueRange, text: value }];
  let citeAt = claim.range.end;
  if (claim.period?.range) {
    const samePeriod = claim.period.start === obs.period.start && claim.period.end === obs.period.end;
    if (!samePeriod) edits.push({ range: claim.period.range, text: obs.period.label });
    citeAt = Math.max(citeAt, claim.period.range.end);
  } else {
    edits.push({ range: { start: citeAt, end: citeAt }, text: ` (${obs.period.label})` });
  }
  const source = sourceOf(dataset, obs);
  return { fix: { edits }, ...(source ? { cite: { source, at: citeAt, ...(obs.statedBy ? { statedBy: obs.statedBy } : {}) } } : {}) };
}
