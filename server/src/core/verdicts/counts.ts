// Judges a count of controlled minerals against the dataset's count on the claim's date. A count is
// wrong only when the records contradict it: minerals the brief lists but the dataset cannot judge
// (no measure, or status unknown) may make up the difference, and then the count is unverifiable.

import type { Dataset } from '../dataset/types';
import type { Claim, Hedge, IsoDate } from '../types';
import type { ClaimDraft } from '../claims/types';
import { setsStatus } from './controls';
import { isGroupMineral } from '../dataset/status';
import type { CountEvidence } from './types';

export function judgeCount(draft: ClaimDraft, dataset: Dataset, on: IsoDate, listed: string[]): Pick<Claim, 'verdict' | 'explanation' | 'record'> & { evidence: CountEvidence } {
  const count = dataset.controlledCount(on);
  const n = draft.count!;
  // Groups (the rare earths as a whole) and item groups are not minerals the count counts.
  listed = listed.filter((m) => !isGroupMineral(dataset.mineral(m)));
  const known = new Set(count.minerals);
  const unknown = new Set(count.unknown);
  const unjudged = listed.filter((m) => !known.has(m) && (unknown.has(m) || !dataset.statusOn(m, on).clauses.some((c) => setsStatus(c) && c.measure.announced <= on)));
  const evidence: CountEvidence = { count, listed, unjudged };
  const record = { kind: 'count' as const, id: `controlled-count@${on}`, sources: [] };
  if (draft.hedge && draft.hedge !== 'exact') return { ...judgeBound(draft.hedge, n, count.minerals.length, count.unknown.length, on), record, evidence };
  if (n === count.minerals.length) return { verdict: 'verified', explanation: `The dataset counts ${n} controlled minerals on ${on}.`, record, evidence };
  if (n > count.minerals.length) {
    const room = listed.length === n ? unjudged.length : count.unknown.length;
    const listedKnown = listed.length === n ? listed.filter((m) => known.has(m)).length : count.minerals.length;
    if (n - listedKnown <= room) {
      return { verdict: 'unverifiable', explanation: `The dataset knows ${listedKnown} of the ${n} and cannot judge the rest on ${on}.`, record, evidence };
    }
  }
  return { verdict: 'wrong', explanation: `The dataset counts ${count.minerals.length} controlled minerals on ${on}.`, record, evidence };
}

/**
 * A hedged count: "more than a dozen" and "at least 12" are lower bounds, "fewer than 20" and "up to
 * 20" upper bounds, judged against the known count and the minerals whose status is unknown;
 * "about 17" and "nearly 20" are approximations, verified within one (two below for "nearly") and
 * otherwise unverifiable, never wrong.
 */
function judgeBound(hedge: Hedge, n: number, known: number, unknown: number, on: IsoDate): Pick<Claim, 'verdict' | 'explanation'> {
  const counted = `The dataset counts ${known} controlled minerals on ${on}`;
  const [min, max] = hedge === 'over' ? [n + 1, Infinity] : hedge === 'at-least' ? [n, Infinity] : hedge === 'under' ? [0, n - 1] : hedge === 'at-most' ? [0, n] : hedge === 'nearly' ? [n - 2, n] : [n - 1, n + 1];
  if (known >= min && known + unknown <= max) return { verdict: 'verified', explanation: `${counted}.` };
  const approximate = hedge === 'about' || hedge === 'nearly';
  if (approximate || (known <= max && known + unknown >= min)) return { verdict: 'unverifiable', explanation: `${counted}${unknown ? ` and cannot judge ${unknown} more` : ''}; the words give ${approximate ? 'an approximation' : 'a bound'}, not a count.` };
  return { verdict: 'wrong', explanation: `${counted}.` };
}
