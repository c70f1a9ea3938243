// The dataset as the core sees it: createDataset indexes the files (and any overlays) once and
// returns a frozen object that answers the core's questions. It does no I/O: server/src/node loads
// and validates the files; rules receive the Dataset as an argument, never by import.

import { applyEvidence } from './evidence';
import { mergeFiles } from './merge';
import { buildObservationIndex, queryObservations } from './observations';
import { buildStatusIndex, changesBetween, controlledCount, statusOn } from './status';
import { buildSurfaceIndex } from './surface';
import type { Dataset, DatasetFiles, Overlay } from './types';

export { checkInvariants, idsOf, type DataIssue, type KnownIds } from './invariants';
export { mergeFiles } from './merge';
export { bestFirst, confidenceFrom, tierOf } from './evidence';
export { normalizeForm } from './surface';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * `answer` remembered per key: a dataset never changes, so the same question has the same answer.
 * Answers are frozen (a caller that changed one would change it for every later caller), and the
 * memory is dropped when it grows past `limit` keys, so a long editor session stays bounded.
 */
function remembered<A extends unknown[], V>(key: (...args: A) => string, answer: (...args: A) => V, limit = 20_000): (...args: A) => V {
  const answers = new Map<string, V>();
  return (...args) => {
    const k = key(...args);
    let value = answers.get(k);
    if (value === undefined) {
      if (answers.size >= limit) answers.clear();
      value = deepFreeze(answer(...args));
      answers.set(k, value);
    }
    return value;
  };
}

export function createDataset(files: DatasetFiles, overlays: readonly Overlay[] = []): Dataset {
  // A private copy, so freezing it never touches the caller's objects.
  const data = deepFreeze(applyEvidence(JSON.parse(JSON.stringify(mergeFiles(files, overlays))) as DatasetFiles));
  const minerals = new Map(data.minerals.map((m) => [m.id, m]));
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  const measures = new Map(data.measures.map((m) => [m.id, m]));
  const surface = buildSurfaceIndex(data.minerals);
  const status = buildStatusIndex(data.meta, data.measures, data.minerals);
  const observations = buildObservationIndex(data.observations);

  const dataset: Dataset = {
    meta: data.meta,
    files: data,
    mineral: (id) => minerals.get(id),
    source: (id) => sources.get(id),
    measure: (id) => measures.get(id),
    surfaceForms: () => surface.forms,
    resolve: (text) => {
      const id = surface.resolve(text);
      return id === undefined ? undefined : minerals.get(id);
    },
    // Judging asks for the same statuses and counts many times (every claim on the brief's date).
    statusOn: remembered((mineral: string, on: string) => `${mineral}|${on}`, (mineral, on) => statusOn(status, mineral, on)),
    changesBetween: (mineral, after, until) => changesBetween(status, mineral, after, until),
    observations: (query) => queryObservations(observations, query),
    controlledCount: remembered((on: string) => on, (on) => controlledCount(status, on)),
  };
  return Object.freeze(dataset);
}
