// A mineral's control status on a date, computed from the measures' clauses and their dated events.
// The rules that matter: a suspended clause sets nothing; once a suspension's end date has passed
// with no later record the clause is "unknown", never silently back in force; a date before the
// coverage is "unknown" too. A date after the last source seen is judged on the last known record
// (a presumption of continuity, reported as "last confirmed"), except for clauses the data itself
// schedules to change in that gap (a suspension's end, an announced effective date): those are
// unknown. Only goods clauses set the status; technology, extraterritorial, end-use and
// related-product clauses are listed beside it.

import { addDays } from './dates';
import type {
  Clause,
  ClauseState,
  ClauseStatus,
  ControlType,
  ControlledCount,
  DatasetMeta,
  IsoDate,
  Measure,
  Mineral,
  MineralStatus,
  StatusChange,
  StatusEvent,
  StatusValue,
} from './types';

type Role = NonNullable<ClauseStatus['role']>;

interface Entry {
  measure: Measure;
  clause: Clause;
  role: Role;
}

/** Which clauses bear on which mineral, built once per dataset. */
export interface StatusIndex {
  meta: DatasetMeta;
  byMineral: Map<string, Entry[]>;
  /** Clauses that cover every dual-use item (e.g. exports to military users). */
  allDualUse: Entry[];
  minerals: readonly Mineral[];
  measures: Map<string, Measure>;
}

const STATE_EVENTS = new Set<StatusEvent['kind']>(['suspended', 'resumed', 'lifted', 'expired']);
const STRENGTH: Record<ControlType, number> = { licensing: 1, ban: 2 };

function roleOf(clause: Clause): Role {
  if (clause.endUse) return 'end-use';
  if (clause.subject === 'technology') return 'technology';
  if (clause.subject === 'extraterritorial') return 'extraterritorial';
  return 'sets-status';
}

export function buildStatusIndex(meta: DatasetMeta, measures: readonly Measure[], minerals: readonly Mineral[]): StatusIndex {
  const byMineral = new Map<string, Entry[]>();
  const allDualUse: Entry[] = [];
  const add = (mineral: string, entry: Entry) => {
    const list = byMineral.get(mineral) ?? [];
    list.push(entry);
    byMineral.set(mineral, list);
  };
  for (const measure of measures) {
    // A measure known only from weak sources is kept for reference and decides nothing.
    if (measure.confidence === 'low') continue;
    for (const clause of measure.clauses) {
      if (clause.allDualUse) allDualUse.push({ measure, clause, role: 'end-use' });
      for (const mineral of clause.minerals) add(mineral, { measure, clause, role: roleOf(clause) });
      for (const mineral of clause.relatedMinerals ?? []) add(mineral, { measure, clause, role: 'related' });
    }
  }
  return { meta, byMineral, allDualUse, minerals, measures: new Map(measures.map((m) => [m.id, m])) };
}

/** The date through which the records are confirmed: the newest source, else the horizon. */
export function lastConfirmed(meta: DatasetMeta): IsoDate {
  return meta.latestSource ?? meta.horizon;
}

// Only events backed by primary or authoritative sources change a status; weak-only events are
// kept in the data for reference (confidence "low").
function eventsFor(measure: Measure, clause: Clause): StatusEvent[] {
  return measure.events
    .filter((e) => (!e.clauses || e.clauses.includes(clause.id)) && e.confidence !== 'low')
    .slice()
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The clause's state on a date, or undefined when the measure was not yet announced. */
export function clauseState(measure: Measure, clause: Clause, on: IsoDate): { state: ClauseState; event?: StatusEvent } | undefined {
  if (measure.announced > on) return undefined;
  const last = eventsFor(measure, clause)
    .filter((e) => e.date <= on && STATE_EVENTS.has(e.kind))
    .at(-1);
  if (last?.kind === 'lifted') return { state: 'lifted', event: last };
  if (last?.kind === 'expired') return { state: 'expired', event: last };
  if (last?.kind === 'suspended') {
    // Past the suspension's last day with no later record, nobody knows whether it was extended.
    return { state: !last.until || on <= last.until ? 'suspended' : 'unknown', event: last };
  }
  const effective = clause.effective !== undefined ? clause.effective : measure.effective;
  if (effective === null) {
    const scheduled = clause.scheduled ?? measure.scheduled;
    return { state: scheduled && on < scheduled ? 'pending' : 'never-effective' };
  }
  return { state: on < effective ? 'pending' : 'in-force' };
}

/** The first date after `after` and up to `on` on which the records schedule a change to the clause. */
function scheduledChange(measure: Measure, clause: Clause, after: IsoDate, on: IsoDate): IsoDate | undefined {
  const within = (d: IsoDate | null | undefined): d is IsoDate => !!d && d > after && d <= on;
  const dates: IsoDate[] = [];
  const effective = clause.effective !== undefined ? clause.effective : measure.effective;
  if (within(effective)) dates.push(effective);
  const scheduled = clause.scheduled ?? measure.scheduled;
  if (effective === null && within(scheduled)) dates.push(scheduled);
  for (const e of eventsFor(measure, clause)) {
    if (STATE_EVENTS.has(e.kind) && within(e.date)) dates.push(e.date);
    if (e.kind === 'suspended' && e.until && within(addDays(e.until, 1))) dates.push(addDays(e.until, 1));
  }
  return dates.sort()[0];
}

function combine(clauses: readonly ClauseStatus[]): StatusValue {
  let known = 0;
  let unknown = 0;
  for (const c of clauses) {
    const strength = STRENGTH[c.clause.type];
    if (c.state === 'in-force') known = Math.max(known, strength);
    if (c.state === 'unknown') unknown = Math.max(unknown, strength);
  }
  // An unknown clause matters only if it could make the control stricter than what is known.
  if (unknown > known) return 'unknown';
  return known === 2 ? 'ban' : known === 1 ? 'licensing' : 'none';
}

function listClauses(index: StatusIndex, mineral: string, on: IsoDate): ClauseStatus[] {
  const out: ClauseStatus[] = [];
  const direct = index.byMineral.get(mineral) ?? [];
  for (const { measure, clause, role } of direct) {
    const state = clauseState(measure, clause, on);
    if (state) out.push({ measure, clause, role, ...state });
  }
  // A ban on all dual-use items to some end users reaches a mineral only while it is a dual-use item.
  const isDualUse = out.some((c) => {
    const effective = c.clause.effective !== undefined ? c.clause.effective : c.measure.effective;
    return c.role === 'sets-status' && effective !== null && effective <= on && c.state !== 'lifted' && c.state !== 'expired';
  });
  if (isDualUse) {
    for (const { measure, clause, role } of index.allDualUse) {
      const state = clauseState(measure, clause, on);
      if (state) out.push({ measure, clause, role, ...state });
    }
  }
  return out;
}

function clauseName(c: ClauseStatus): string {
  if (c.measure.clauses.length < 2) return c.measure.shortName;
  // Clause ids are "<measure id>.<number>", with a letter when one clause is split by mineral.
  const number = c.clause.id.startsWith(`${c.measure.id}.`) ? c.clause.id.slice(c.measure.id.length + 1).replace(/[a-z]$/, '') : c.clause.id;
  return `${c.measure.shortName} clause ${number}`;
}

function noteFor(index: StatusIndex, clauses: readonly ClauseStatus[], setting: readonly ClauseStatus[], gap?: Map<ClauseStatus, IsoDate>): string | undefined {
  const parts: string[] = [];
  for (const c of setting) {
    const scheduled = gap?.get(c);
    if (c.state === 'unknown' && scheduled) {
      parts.push(`${clauseName(c)} was due to change on ${scheduled}, after the last source seen (${lastConfirmed(index.meta)})`);
    } else if (c.state === 'unknown' && c.event?.until) {
      parts.push(`the suspension of ${clauseName(c)} ended on ${c.event.until} and the dataset has no later record`);
    }
  }
  for (const c of setting) {
    if (c.state === 'suspended') {
      const by = c.event?.by ? ` by ${index.measures.get(c.event.by)?.shortName ?? c.event.by}` : '';
      const effective = c.clause.effective !== undefined ? c.clause.effective : c.measure.effective;
      const never = effective === null ? '; it never took effect' : '';
      parts.push(`${clauseName(c)} is suspended${by}${c.event?.until ? ` until ${c.event.until}` : ''}${never}`);
    }
  }
  for (const c of setting) {
    if (c.state === 'pending') {
      const date = c.clause.effective ?? c.measure.effective ?? c.clause.scheduled ?? c.measure.scheduled;
      if (date) parts.push(`${clauseName(c)} takes effect on ${date}`);
    }
  }
  if (!parts.length && clauses.some((c) => c.role === 'related' && c.state !== 'lifted')) {
    parts.push('listed measures control products containing this mineral, not the mineral itself');
  }
  if (!parts.length) return undefined;
  const sentence = parts.join('; ');
  return `${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`;
}

export function statusOn(index: StatusIndex, mineral: string, on: IsoDate): MineralStatus {
  const { coverage } = index.meta;
  if (on < coverage.measuresFrom) {
    const clauses = listClauses(index, mineral, on).map((c) => ({ ...c, state: 'unknown' as const }));
    const destinations: Record<string, StatusValue> = {};
    for (const c of clauses) if (c.role === 'sets-status' && c.clause.destination !== 'all') destinations[c.clause.destination] = 'unknown';
    return { mineral, on, status: 'unknown', destinations, clauses, note: `The date is before the dataset's coverage, which starts on ${coverage.measuresFrom}.` };
  }
  const confirmed = lastConfirmed(index.meta);
  const gap = new Map<ClauseStatus, IsoDate>();
  const clauses = listClauses(index, mineral, on).map((c) => {
    const scheduled = on > confirmed && c.state !== 'unknown' ? scheduledChange(c.measure, c.clause, confirmed, on) : undefined;
    if (!scheduled) return c;
    const unknown: ClauseStatus = { ...c, state: 'unknown' };
    gap.set(unknown, scheduled);
    return unknown;
  });
  const setting = clauses.filter((c) => c.role === 'sets-status');
  const general = setting.filter((c) => c.clause.destination === 'all');
  const status = combine(general);
  const destinations: Record<string, StatusValue> = {};
  for (const destination of new Set(setting.map((c) => c.clause.destination))) {
    if (destination === 'all') continue;
    destinations[destination] = status === 'unknown' ? 'unknown' : combine(setting.filter((c) => c.clause.destination === destination || c.clause.destination === 'all'));
  }
  const note = noteFor(index, clauses, setting, gap);
  const continuity = on > confirmed ? { confirmedThrough: confirmed } : {};
  return { mineral, on, status, destinations, clauses, ...(note ? { note } : {}), ...continuity };
}

/** Dated changes to the clauses that set a mineral's status, with after < date <= until. */
export function changesBetween(index: StatusIndex, mineral: string, after: IsoDate, until: IsoDate): StatusChange[] {
  const out: StatusChange[] = [];
  const within = (date: IsoDate) => date > after && date <= until;
  for (const { measure, clause, role } of index.byMineral.get(mineral) ?? []) {
    if (role !== 'sets-status') continue;
    const effective = clause.effective !== undefined ? clause.effective : measure.effective;
    if (effective && within(effective)) {
      const description = `${measure.shortName} took effect: ${clause.type}${clause.destination === 'all' ? '' : ` for ${clause.destination}`}.`;
      out.push({ date: effective, measure, clause, event: { date: effective, kind: 'note', description, sources: measure.sources } });
    }
    for (const event of eventsFor(measure, clause)) {
      if (event.kind === 'note') continue;
      if (within(event.date)) out.push({ date: event.date, measure, clause, event });
      // The day after a suspension ends is a change too: from suspended to unknown.
      if (event.kind === 'suspended' && event.until) {
        const ended = addDays(event.until, 1);
        if (within(ended)) {
          const description = `The suspension of ${measure.shortName} ended on ${event.until}; the dataset has no later record.`;
          out.push({ date: ended, measure, clause, event: { date: ended, kind: 'note', description, sources: event.sources } });
        }
      }
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const NOT_COUNTED = new Set<Mineral['group']>(['rare-earths', 'item-group']);

/** True for a group (the rare earths as a whole) or an item group: not a mineral a count counts. */
export function isGroupMineral(mineral: Pick<Mineral, 'group'> | undefined): boolean {
  return mineral !== undefined && NOT_COUNTED.has(mineral.group);
}

export function controlledCount(index: StatusIndex, on: IsoDate): ControlledCount {
  const minerals: string[] = [];
  const unknown: string[] = [];
  for (const mineral of index.minerals) {
    if (isGroupMineral(mineral)) continue;
    const s = statusOn(index, mineral.id, on);
    const values = [s.status, ...Object.values(s.destinations)];
    if (values.some((v) => v === 'licensing' || v === 'ban')) minerals.push(mineral.id);
    else if (values.includes('unknown')) unknown.push(mineral.id);
  }
  const confirmed = lastConfirmed(index.meta);
  return { on, minerals, unknown, ...(on > confirmed ? { confirmedThrough: confirmed } : {}) };
}
