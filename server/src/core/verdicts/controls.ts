// Judges a control-status claim on its own date, then looks forward to the as-of date for changes
// and for statuses the dataset cannot know. Only a record that contradicts the claim makes it wrong;
// a mineral the dataset holds no measure for is unverifiable.

import type { Clause, ClauseStatus, ControlType, Dataset, Destination, MineralStatus, StatusChange, StatusValue } from '../dataset/types';
import type { Claim, IsoDate } from '../types';
import type { ClaimDraft } from '../claims/types';
import type { ControlEvidence } from './types';
import { addDays } from '../dataset/dates';

type Outcome = 'true' | 'contradicted' | 'unknown' | 'unjudged' | 'pending';

export function statusFor(status: MineralStatus, destination: Destination): StatusValue {
  if (destination === 'all') return status.status;
  return status.destinations[destination] ?? status.status;
}

/** Clauses about related products, technology or end users do not decide a mineral's status. */
export function setsStatus(clause: ClauseStatus): boolean {
  return clause.role === undefined || clause.role === 'sets-status';
}

/** True when some measure announced by `on` bears on the mineral, so its absence of control is a record. */
function hasRecord(status: MineralStatus, on: IsoDate): boolean {
  return status.clauses.some((c) => setsStatus(c) && c.measure.announced <= on);
}

function pendingClause(status: MineralStatus, type: ControlType | 'none') {
  return status.clauses.find((c) => c.state === 'pending' && c.clause.type === type);
}

function outcome(claimed: ControlType | 'none', destination: Destination, status: MineralStatus, on: IsoDate): Outcome {
  const actual = statusFor(status, destination);
  // A measure announced but not yet in force: the claim describes it, the data cannot say it is wrong.
  if (actual !== claimed && pendingClause(status, claimed)) return 'pending';
  if (actual === 'unknown') return 'unknown';
  if (actual === claimed) return claimed === 'none' && !hasRecord(status, on) ? 'unjudged' : 'true';
  if (actual === 'none' && !hasRecord(status, on)) return 'unjudged';
  return 'contradicted';
}

function relevant(clause: Clause, type: ControlType | 'none', destination: Destination): boolean {
  if (type === 'ban') return clause.type === 'ban' && (destination === 'all' || clause.destination === destination || clause.destination === 'all');
  if (type === 'licensing') return clause.destination === 'all';
  return true;
}

function changesFor(dataset: Dataset, minerals: string[], from: IsoDate, to: IsoDate, type: ControlType | 'none', destination: Destination): StatusChange[] {
  if (from >= to) return [];
  const seen = new Set<string>();
  const out: StatusChange[] = [];
  for (const mineral of minerals) {
    for (const change of dataset.changesBetween(mineral, from, to)) {
      if (change.event.kind === 'note' || !relevant(change.clause, type, destination)) continue;
      // A measure announced after the claim's date had no part in the status the claim described.
      if (change.measure.announced > from) continue;
      const key = `${change.measure.id}|${change.event.date}|${change.event.kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(change);
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function judgeControl(draft: ClaimDraft, dataset: Dataset, asOf: IsoDate, on: IsoDate): Pick<Claim, 'verdict' | 'explanation'> & { evidence: ControlEvidence } {
  const control = draft.control as { type: ControlType | 'none'; destination?: Destination; endUse?: boolean };
  if (control.endUse) {
    const evidence: ControlEvidence = { statuses: [], contradicted: [], unjudged: [...draft.minerals], changes: [], unknownOnAsOf: [] };
    return { verdict: 'unverifiable', explanation: 'The claim speaks of some end users only; the dataset judges exports to all users of a destination.', evidence };
  }
  const destination = control.destination ?? 'all';
  const statuses = draft.minerals.map((m) => dataset.statusOn(m, on));
  const outcomes = statuses.map((s) => outcome(control.type, destination, s, on));
  const pick = (o: Outcome) => draft.minerals.filter((_, i) => outcomes[i] === o);
  const contradicted = pick('contradicted');
  const unjudged = pick('unjudged');
  const pending = pick('pending');
  const unknownOnDate = pick('unknown');
  const unknownOnAsOf =
    on === asOf
      ? statuses.filter((s) => statusFor(s, destination) === 'unknown').map((status) => ({ mineral: status.mineral, status }))
      : draft.minerals.map((m) => dataset.statusOn(m, asOf)).filter((s) => statusFor(s, destination) === 'unknown').map((status) => ({ mineral: status.mineral, status }));
  const evidence: ControlEvidence = { statuses, contradicted, unjudged, changes: [], unknownOnAsOf };
  if (contradicted.length > 0) return { verdict: 'wrong', explanation: `The dataset's records contradict the claim for ${contradicted.join(', ')} on ${on}.`, evidence };
  if (unknownOnDate.length > 0) return { verdict: 'unknown', explanation: `The dataset cannot know the status of ${unknownOnDate.join(', ')} on ${on}.`, evidence };
  if (unjudged.length > 0) return { verdict: 'unverifiable', explanation: `The dataset holds no measure for ${unjudged.join(', ')}.`, evidence };
  if (pending.length > 0) {
    evidence.unjudged = [...pending];
    const { measure } = pendingClause(statuses[draft.minerals.indexOf(pending[0]!)]!, control.type)!;
    const due = measure.effective ?? measure.scheduled;
    return { verdict: 'unverifiable', explanation: `${measure.shortName}, announced on ${measure.announced}, was not yet in force on ${on}${due ? ` (due from ${due})` : ''}.`, evidence };
  }
  evidence.changes = changesFor(dataset, draft.minerals, on, asOf, control.type, destination);
  if (evidence.changes.length > 0) return { verdict: 'changed', explanation: `True on ${on}; the status changed by ${asOf}.`, evidence };
  if (unknownOnAsOf.length > 0) return { verdict: 'unknown', explanation: `True on ${on}; unknown on ${asOf}.`, evidence };
  return { verdict: 'verified', explanation: `Agrees with the dataset on ${on}.`, evidence };
}

type Judged = ReturnType<typeof judgeControl>;

/**
 * Judges a control claim on the day its own time makes it true, if any. "In 2025, China banned…"
 * holds if the ban was in force on some day of 2025, so the candidates are the time's last day (never
 * past the as-of date, which a brief cannot speak beyond), the day before each status change inside
 * it, and its first day. A claim whose time starts after the as-of date is a forecast: unverifiable.
 */
export function judgeDatedControl(draft: ClaimDraft, dataset: Dataset, asOf: IsoDate): { on: IsoDate; judged: Judged } {
  const end = draft.control?.date;
  if (!end) return { on: asOf, judged: judgeControl(draft, dataset, asOf, asOf) };
  const from = draft.dateFrom ?? end;
  if (from > asOf) {
    const evidence: ControlEvidence = { statuses: [], contradicted: [], unjudged: [...draft.minerals], changes: [], unknownOnAsOf: [] };
    return { on: asOf, judged: { verdict: 'unverifiable', explanation: `The claim speaks of ${from}, after the as-of date ${asOf}.`, evidence } };
  }
  const last = end < asOf ? end : asOf;
  const changeDays = draft.minerals.flatMap((m) => dataset.changesBetween(m, from, last).map((c) => addDays(c.date, -1)));
  const candidates = [...new Set([last, ...changeDays.sort().reverse(), from])].filter((d) => d >= from && d <= last);
  const tried = candidates.map((on) => ({ on, judged: judgeControl(draft, dataset, asOf, on) }));
  // A day on which the records bear the claim out wins over one they cannot judge, which wins over
  // one that contradicts it; the contradiction is reported on the last day.
  return (
    tried.find((t) => t.judged.verdict !== 'wrong' && t.judged.verdict !== 'unverifiable') ??
    tried.find((t) => t.judged.verdict !== 'wrong') ??
    tried[0]!
  );
}