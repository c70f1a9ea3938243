// Observations by mineral, newest period first, so "the current figure as of a date" is the first
// match published on or before that date.

import type { IsoDate, Observation, ObservationQuery } from './types';

function newestFirst(a: Observation, b: Observation): number {
  return (
    compare(b.period.end, a.period.end) ||
    compare(b.period.start, a.period.start) ||
    compare(b.published, a.published) ||
    compare(a.id, b.id)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type ObservationIndex = Map<string, readonly Observation[]>;

export function buildObservationIndex(observations: readonly Observation[]): ObservationIndex {
  const byMineral = new Map<string, Observation[]>();
  for (const o of observations) {
    const list = byMineral.get(o.mineral) ?? [];
    list.push(o);
    byMineral.set(o.mineral, list);
  }
  for (const list of byMineral.values()) list.sort(newestFirst);
  return byMineral;
}

const sameText = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

export function queryObservations(index: ObservationIndex, query: ObservationQuery): readonly Observation[] {
  const asOf: IsoDate | undefined = query.asOf;
  return (index.get(query.mineral) ?? []).filter(
    (o) =>
      (query.metric === undefined || o.metric === query.metric) &&
      (query.partner === undefined || sameText(o.partner, query.partner)) &&
      (query.scope === undefined || sameText(o.scope, query.scope)) &&
      (asOf === undefined || o.published <= asOf),
  );
}
