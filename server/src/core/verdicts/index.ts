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

function finish(draft: ClaimDraft, checkedOn: IsoDate, judged: Pick<Claim, 'verdict' | 'explanation'> & { record?: RecordRef }): Claim {
  const { date: _date, dateFrom: _dateFrom, decimals: _decimals, ...rest } = draft;
  return { ...rest, checkedOn, verdict: judged.verdict, ...(judged.record ? { record: judged.record } : {}), ...(judged.explanation ? { explanation: judged.explanation } : {}) };
}

/** The minerals the brief itself says are controlled (for judging counts). */
function listedControlled(drafts: readonly ClaimDraft[]): string[] {
  const out = new Set<string>();
  for (const d of drafts) if (d.kind === 'control' && d.control && d.control.type !== 'none') d.minerals.forEach((m) => out.add(m));
  return [...out];
}

export function judgeClaims(drafts: readonly ClaimDraft[], dataset: Dataset, asOf: IsoDate): { claims: Claim[]; evidence: Evidence[] } {
  const claims: Claim[] = [];
  const evidence: Evidence[] = [];
  const listed = listedControlled(drafts);
  for (const draft of drafts) {
    switch (draft.kind) {
      case 'figure': {
        const judged = judgeFigure(draft, dataset, asOf);
        const obs = judged.evidence.matched ?? judged.evidence.current;
        claims.push(finish(draft, asOf, { ...judged, ...(obs ? { record: observationRef(judged.verdict === 'stale' ? judged.evidence.current! : obs) } : {}) }));
        evidence.push({ figure: judged.evidence });
        break;
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
        claims.push(finish(draft, on, { ...judged, ...(record ? { record } : {}) }));
        evidence.push({ control: judged.evidence });
        break;
      }
      case 'count': {
        // A brief cannot count what happened after its own date; its count is read on the earlier day.
        const on = draft.date && draft.date < asOf ? draft.date : asOf;
        const judged = judgeCount(draft, dataset, on, listed);
        claims.push(finish(draft, on, judged));
        evidence.push({ count: judged.evidence });
        break;
      }
      default:
        claims.push(finish(draft, asOf, { verdict: 'unverifiable', explanation: 'A mention names a mineral and asserts nothing to check.' }));
        evidence.push({});
    }
  }
  return { claims, evidence };
}
