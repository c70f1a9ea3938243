// Turns extracted claims into checked claims: each gets the date it is checked at, a verdict, the
// record it was checked against and the evidence the rules report from.

import type { Dataset, MineralStatus, Observation } from '../dataset/types';
import type { ClaimDraft } from '../claims/types';
import type { Alternative, Claim, IsoDate, RecordRef } from '../types';
import { judgeDatedControl, setsStatus, statusFor } from './controls';
import { judgeCount } from './counts';
import { judgeFigure } from './figures';
import { judgeChange } from './changes';
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

/** Draft fields that only reading and judging use; a claim does not carry them. */
// Typed as a record of every draft field a claim lacks, so a new draft field must be listed here.
const READING_ONLY_FIELDS: Record<Exclude<keyof ClaimDraft, keyof Claim> | 'kind', true> = {
  kind: true, date: true, dateFrom: true, decimals: true, relative: true, readings: true, placed: true, mineralsFromBrief: true,
  mineralCount: true, measureOf: true, controlFromBrief: true, periodFromBrief: true, frame: true, inList: true,
};
const READING_ONLY: ReadonlySet<string> = new Set(Object.keys(READING_ONLY_FIELDS));

function finish(draft: ClaimDraft, checkedOn: IsoDate, judged: Judged, evidence: Evidence): Claim {
  const kind = draft.kind;
  // resolve.ts removes every frame before judging.
  if (kind === 'frame') throw new Error('A reading frame reached judging.');
  const confirmed = judged.verdict === 'unverifiable' ? undefined : confirmedThrough(evidence);
  // A copy loop rather than a rest pattern with eleven exclusions: the same keys in the same order, several times faster.
  const claim: Record<string, unknown> = {};
  for (const key in draft) if (!READING_ONLY.has(key)) claim[key] = draft[key as keyof ClaimDraft];
  claim.kind = kind;
  claim.checkedOn = checkedOn;
  claim.verdict = judged.verdict;
  if (judged.record) claim.record = judged.record;
  if (judged.explanation) claim.explanation = judged.explanation;
  if (judged.alternatives?.length) claim.alternatives = judged.alternatives;
  if (confirmed) claim.confirmedThrough = confirmed;
  return claim as unknown as Claim;
}

// Which reading of a figure to report: one the data bears out, then one it cannot judge, and a
// mismatch only when every reading disagrees.
const preference: Record<string, number> = { verified: 0, stale: 1, changed: 2, unknown: 3, unverifiable: 4, mismatch: 5, wrong: 6 };

function judgeControlReadings(draft: ClaimDraft, dataset: Dataset, asOf: IsoDate, listed: string[]): Judgement {
  const first = { ...draft, readings: undefined };
  const primary = judge(first, dataset, asOf, listed);
  // The words' own reading borne out by the data needs no other: the alternatives matter when it is not.
  if (preference[primary.judged.verdict]! <= preference['changed']!) return primary;
  const readings = [first, ...draft.readings!.map((r) => ({ ...draft, control: { ...draft.control!, destination: r.destination ?? 'all' }, readings: undefined }))];
  const judged = readings.map((r, i) => ({ reading: r, judgement: i === 0 ? primary : judge(r, dataset, asOf, listed) }));
  const best = [...judged].sort((a, b) => preference[a.judgement.judged.verdict]! - preference[b.judgement.judged.verdict]!)[0]!;
  const alternatives: Alternative[] = judged
    .filter((j) => j !== best)
    .map((j) => ({ destination: j.reading.control?.destination ?? 'all', verdict: j.judgement.judged.verdict, ...(j.judgement.judged.explanation ? { explanation: j.judgement.judged.explanation } : {}) }));
  return { ...best.judgement, judged: { ...best.judgement.judged, alternatives }, reading: best.reading };
}

function judgeReadings(draft: ClaimDraft, dataset: Dataset, asOf: IsoDate): Judgement {
  const readings = [draft, ...(draft.readings ?? []).map((r) => ({ ...draft, ...r, readings: undefined }))];
  const judged = readings.map((r) => ({ reading: r, judgement: judgeFigureDraft(r, dataset, asOf) }));
  const best = [...judged].sort((a, b) => preference[a.judgement.judged.verdict]! - preference[b.judgement.judged.verdict]!)[0]!;
  const alternatives: Alternative[] = judged
    .filter((j) => j !== best)
    .map((j) => ({
      ...(j.reading.metric ? { metric: j.reading.metric } : {}),
      ...(j.reading.partner ? { partner: j.reading.partner } : {}),
      ...(j.reading.reporter ? { reporter: j.reading.reporter } : {}),
      ...(j.reading.period ? { period: { start: j.reading.period.start, end: j.reading.period.end, text: j.reading.period.text } } : {}),
      verdict: j.judgement.judged.verdict,
      ...(j.judgement.judged.explanation ? { explanation: j.judgement.judged.explanation } : {}),
    }));
  return { ...best.judgement, judged: { ...best.judgement.judged, alternatives }, reading: best.reading };
}

/** The minerals the brief itself says are controlled (for judging counts). */
function listedControlled(drafts: readonly ClaimDraft[]): string[] {
  const out = new Set<string>();
  for (const d of drafts) if (d.kind === 'control' && d.control && d.control.type !== 'none') d.minerals.forEach((m) => out.add(m));
  return [...out];
}

const countWords: Record<string, string> = {
  'rare-earths': 'the rare earths among them',
  added: 'the minerals one measure added',
  'banned-to-US': 'the minerals banned to one destination',
  subset: 'a subset of them',
};

type Judged = Pick<Claim, 'verdict' | 'explanation'> & { record?: RecordRef; alternatives?: Alternative[] };

/** What judging decided for one draft: the same for the same draft content, dataset and date. */
interface Judgement {
  checkedOn: IsoDate;
  judged: Judged;
  evidence: Evidence;
  /** The reading judged, when the draft had several (its metric, partner and period are reported). */
  reading?: ClaimDraft;
}

function judgeFigureDraft(draft: ClaimDraft, dataset: Dataset, asOf: IsoDate): Judgement {
  const judged = judgeFigure(draft, dataset, asOf);
  const obs = judged.evidence.matched ?? judged.evidence.current;
  const record = obs ? observationRef(judged.verdict === 'stale' ? judged.evidence.current! : obs) : undefined;
  return { checkedOn: asOf, judged: { ...judged, ...(record ? { record } : {}) }, evidence: { figure: judged.evidence } };
}

/**
 * What judging keeps between checks for one draft as a chunk of the brief reads it (core/incremental
 * holds one per draft of each chunk it keeps, so it goes with the chunk). Judging is pure: a
 * judgement depends on the draft's content, never on its position, and on the dataset, the as-of
 * date and, for counts, the minerals the brief lists as controlled; all of these are checked.
 */
export interface JudgingSlot {
  /** The draft where the chunk read it; the drafts judged with this slot are it, moved. */
  readonly draft: ClaimDraft;
  judged?: SlotEntry;
}

interface SlotEntry {
  dataset: Dataset;
  asOf: IsoDate;
  listed: string;
  judgement: Judgement;
  /**
   * The claim last finished from this judgement, and how far its draft stood from the slot's. A
   * claim is the same for the same draft content and judgement, so it is handed back again while
   * its draft has not moved, and moved with its draft otherwise: finishing it again would allocate
   * a new claim for every claim of a long brief on every keystroke.
   */
  claim?: { by: number; claim: Claim };
}

/**
 * Parallel to the drafts, the slot of the draft each one is: that draft, or a copy of it moved by a
 * number of offsets (core/incremental's shiftDraft), never otherwise changed.
 */
export interface CachedJudging {
  slots: readonly (JudgingSlot | undefined)[];
  /**
   * The last run's drafts and what it returned, kept here by the caller: while the dataset, the
   * date and the listed minerals hold, the claims of the drafts before the first one that is not
   * the same object as the last run's are the last run's.
   */
  last: { value?: { dataset: Dataset; asOf: IsoDate; listed: string; drafts: readonly ClaimDraft[]; claims: Claim[]; evidence: Evidence[] } };
}

function judge(draft: ClaimDraft, dataset: Dataset, asOf: IsoDate, listed: string[]): Judgement {
  switch (draft.kind) {
    case 'figure':
      return draft.readings?.length ? judgeReadings(draft, dataset, asOf) : judgeFigureDraft(draft, dataset, asOf);
    case 'unread':
      return { checkedOn: asOf, judged: { verdict: 'unverifiable', explanation: `Not read as a claim (${draft.why ?? 'unbound'}).` }, evidence: {} };
    case 'control': {
      if (draft.readings?.length) return judgeControlReadings(draft, dataset, asOf, listed);
      const type = draft.control?.type;
      const { on, judged } = type === 'suspension' || type === 'lifted' || type === 'proposed' ? judgeChange(draft, dataset, asOf) : judgeDatedControl(draft, dataset, asOf);
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
      if (draft.countOf && draft.countOf !== 'total') {
        return { checkedOn: on, judged: { verdict: 'unverifiable', explanation: `The dataset totals every controlled mineral; it does not count ${countWords[draft.countOf]}.` }, evidence: {} };
      }
      const judged = judgeCount(draft, dataset, on, listed);
      return { checkedOn: on, judged, evidence: { count: judged.evidence } };
    }
    default:
      return { checkedOn: asOf, judged: { verdict: 'unverifiable', explanation: 'A mention names a mineral and asserts nothing to check.' }, evidence: {} };
  }
}

function finishJudged(draft: ClaimDraft, judgement: Judgement): Claim {
  const chosen = judgement.reading;
  const reading = chosen
    ? { ...draft, ...(chosen.metric ? { metric: chosen.metric } : {}), ...(chosen.partner ? { partner: chosen.partner } : {}), ...(chosen.control ? { control: chosen.control } : {}) }
    : draft;
  return finish(reading, judgement.checkedOn, judgement.judged, judgement.evidence);
}

/**
 * `claim`, finished from a copy of `draft` that stood elsewhere, moved to where `draft` stands. A
 * claim's source ranges are its draft's own objects (finish copies them, and the chosen reading
 * replaces none), so the moved draft's are taken as they are; its keys keep their order.
 */
function movedClaim(claim: Claim, draft: ClaimDraft): Claim {
  const moved: Claim = { ...claim, range: draft.range };
  if (claim.mentionRanges) moved.mentionRanges = draft.mentionRanges!;
  if (claim.valueRange) moved.valueRange = draft.valueRange!;
  if (claim.hedgeRange) moved.hedgeRange = draft.hedgeRange!;
  if (claim.period) moved.period = draft.period!;
  return moved;
}

/** The claim of `draft`, which stands `by` offsets from the draft of the slot `entry` is kept in. */
function claimFrom(entry: SlotEntry, draft: ClaimDraft, by: number): Claim {
  const last = entry.claim;
  if (last?.by === by) return last.claim;
  const claim = last ? movedClaim(last.claim, draft) : finishJudged(draft, entry.judgement);
  // Updated in place: half a long brief's claims move at each keystroke.
  if (last) {
    last.by = by;
    last.claim = claim;
  } else entry.claim = { by, claim };
  return claim;
}

export function judgeClaims(drafts: readonly ClaimDraft[], dataset: Dataset, asOf: IsoDate, cached?: CachedJudging): { claims: Claim[]; evidence: Evidence[] } {
  let claims: Claim[] = [];
  let evidence: Evidence[] = [];
  const listed = listedControlled(drafts);
  const listedKey = listed.join('\n');
  let from = 0;
  const last = cached?.last.value;
  if (last && last.dataset === dataset && last.asOf === asOf && last.listed === listedKey) {
    while (from < drafts.length && from < last.drafts.length && drafts[from] === last.drafts[from]) from++;
    claims = last.claims.slice(0, from);
    evidence = last.evidence.slice(0, from);
  }
  for (let i = from; i < drafts.length; i++) {
    const draft = drafts[i]!;
    // A draft placed by the brief's date (relative times) depends on more than its own words.
    const slot = draft.placed ? undefined : cached?.slots[i];
    let entry = slot?.judged;
    if (!entry || entry.dataset !== dataset || entry.asOf !== asOf || (draft.kind === 'count' && entry.listed !== listedKey)) {
      entry = { dataset, asOf, listed: listedKey, judgement: judge(draft, dataset, asOf, listed) };
      if (slot) slot.judged = entry;
    }
    const { judgement } = entry;
    claims.push(slot ? claimFrom(entry, draft, draft.range.start - slot.draft.range.start) : finishJudged(draft, judgement));
    evidence.push(judgement.evidence);
  }
  if (cached) cached.last.value = { dataset, asOf, listed: listedKey, drafts, claims, evidence };
  return { claims, evidence };
}
