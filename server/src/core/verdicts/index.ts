// Turns extracted claims into checked claims: each gets the date it is checked at, a verdict, the
// record it was checked against and the evidence the rules report from.

import type { Dataset, MineralStatus, Observation } from '../dataset/types';
import type { ClaimDraft } from '../claims/types';
import type { Claim, IsoDate, RecordRef } from '../types';
import { judgeDatedControl, setsStatus, statusFor } from './controls';
import { judgeCount } from './counts';
import { judgeFigure } from './figures';
import type { Evidence } from './types';

export type * from './types';
export { agreement } from './figures';
export { setsStatus, statusFor } from './controls';

export function observationRef(obs: Observation): RecordRef {
  return { kind: 'observation', id: obs.id, sources: obs.sources.map((s) => s.source) };
}

function statusRef(status: MineralStatus, destination: string): RecordRef | undefined {
  const wanted = statusFor(status, destination);
  const deciding = status.clauses.filter(setsStatus);
  const clause =
    deciding.find((c) => c.state === 'in-force' && (c.clause.destination === destination || destination === 'all') && c.clause.type === wanted) ??
    deciding.find((c) => c.clause.destination === destination) ??
    deciding[0];
  if (!clause) return undefined;
  return { kind: 'measure', id: clause.measure.id, sources: clause.measure.sources.map((s) => s.source) };
}

/** The date a status or count judged after the last source seen was last confirmed. */
function confirmedThrough(evidence: Evidence): IsoDate | undefined {
  return evidence.count?.count.confirmedThrough ?? evidence.control?.statuses.find((s) => s.confirmedThrough)?.confirmedThrough;
}

function finish(draft: ClaimDraft, checkedOn: IsoDate, judged: Pick<Claim, 'verdict' | 'explanation'> & { record?: RecordRef }, evidence: Evidence): Claim {
  const { date: _date, dateFrom: _dateFrom, decimals: _decimals, ...rest } = draft;
  const confirmed = judged.verdict === 'unverifiable' ? undefined : confirmedThrough(evidence);
  return {
    ...rest,
    checkedOn,
    verdict: judged.verdict,
    ...(judged.record ? { record: judged.record } : {}),
    ...(judged.explanation ? { explanation: judged.explanation } : {}),
    ...(confirmed ? { confirmedThrough: confirmed } : {}),
  };
}

/** The minerals the brief itself says are controlled (for judging counts). */
function listedControlled(drafts: readonly ClaimDraft[]): string[] {
  const out = new Set<string>();
  for (const d of drafts) if (d.kind === 'control' && d.control && d.control.type !== 'none') d.minerals.forEach((m) => out.add(m));
  return [...out];
}

type Judged = Pick<Claim, 'verdict' | 'explanation'> & { record?: RecordRef };

/** What judging decided for one draft: the same for the same draft content, dataset and date. */
interface Judgement {
  checkedOn: IsoDate;
  judged: Judged;
  evidence: Evidence;
}

/**
 * Judgements kept between checks of one document, keyed by the draft each claim was placed from
 * (core/incremental keeps a chunk's drafts while the chunk is unchanged). Judging is pure: a
 * judgement depends on the draft's content, never on its position, and on the dataset, the as-of
 * date and, for counts, the minerals the brief lists as controlled; all of these are checked.
 */
export interface VerdictCache {
  entries: WeakMap<object, { dataset: Dataset; asOf: IsoDate; listed: string; judgement: Judgement }>;
}

export function createVerdictCache(): VerdictCache {
  return { entries: new WeakMap() };
}

/** A cache and, parallel to the drafts, the object each draft's content comes from. */
export interface CachedJudging {
  cache: VerdictCache;
  origins: readonly object[];
}

function judge(draft: ClaimDraft, dataset: Dataset, asOf: IsoDate, listed: string[]): Judgement {
  switch (draft.kind) {
    case 'figure': {
      const judged = judgeFigure(draft, dataset, asOf);
      const obs = judged.evidence.matched ?? judged.evidence.current;
      const record = obs ? observationRef(judged.verdict === 'stale' ? judged.evidence.current! : obs) : undefined;
      return { checkedOn: asOf, judged: { ...judged, ...(record ? { record } : {}) }, evidence: { figure: judged.evidence } };
    }
    case 'control': {
      const { on, judged } = judgeDatedControl(draft, dataset, asOf);
      const change = judged.evidence.changes[0];
      const contradictedIndex = draft.minerals.indexOf(judged.evidence.contradicted[0] ?? '');
      const status = judged.evidence.statuses[contradictedIndex >= 0 ? contradictedIndex : 0];
      const record = change
        ? { kind: 'measure' as const, id: change.measure.id, sources: change.event.sources.map((s) => s.source) }
        : status && judged.verdict !== 'unverifiable'
          ? statusRef(status, draft.control?.destination ?? 'all')
          : undefined;
      return { checkedOn: on, judged: { ...judged, ...(record ? { record } : {}) }, evidence: { control: judged.evidence } };
    }
    case 'count': {
      // A brief cannot count what happened after its own date; its count is read on the earlier day.
      const on = draft.date && draft.date < asOf ? draft.date : asOf;
      const judged = judgeCount(draft, dataset, on, listed);
      return { checkedOn: on, judged, evidence: { count: judged.evidence } };
    }
    default:
      return { checkedOn: asOf, judged: { verdict: 'unverifiable', explanation: 'A mention names a mineral and asserts nothing to check.' }, evidence: {} };
  }
}

export function judgeClaims(drafts: readonly ClaimDraft[], dataset: Dataset, asOf: IsoDate, cached?: CachedJudging): { claims: Claim[]; evidence: Evidence[] } {
  const claims: Claim[] = [];
  const evidence: Evidence[] = [];
  const listed = listedControlled(drafts);
  const listedKey = listed.join('\n');
  drafts.forEach((draft, i) => {
    const origin = cached?.origins[i];
    const hit = origin ? cached!.cache.entries.get(origin) : undefined;
    let judgement: Judgement;
    if (hit && hit.dataset === dataset && hit.asOf === asOf && (draft.kind !== 'count' || hit.listed === listedKey)) {
      judgement = hit.judgement;
    } else {
      judgement = judge(draft, dataset, asOf, listed);
      if (origin) cached!.cache.entries.set(origin, { dataset, asOf, listed: listedKey, judgement });
    }
    claims.push(finish(draft, judgement.checkedOn, judgement.judged, judgement.evidence));
    evidence.push(judgement.evidence);
  });
  return { claims, evidence };
}
