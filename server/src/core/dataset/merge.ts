// Applies overlays to the bundled files: records are matched by id, so an overlay adds new records
// and replaces bundled ones with the same id; later overlays win over earlier ones.

import type { DatasetFiles, Overlay } from './types';

function mergeById<T extends { id: string }>(base: readonly T[], additions: readonly (readonly T[] | undefined)[]): T[] {
  const byId = new Map<string, T>();
  for (const record of base) byId.set(record.id, record);
  for (const list of additions) for (const record of list ?? []) byId.set(record.id, record);
  return [...byId.values()];
}

export function mergeFiles(files: DatasetFiles, overlays: readonly Overlay[]): DatasetFiles {
  if (!overlays.length) return files;
  let meta = files.meta;
  for (const overlay of overlays) {
    if (overlay.meta) meta = { ...meta, ...overlay.meta, coverage: { ...meta.coverage, ...overlay.meta.coverage } };
  }
  return {
    meta,
    sources: mergeById(files.sources, overlays.map((o) => o.sources)),
    minerals: mergeById(files.minerals, overlays.map((o) => o.minerals)),
    measures: mergeById(files.measures, overlays.map((o) => o.measures)),
    observations: mergeById(files.observations, overlays.map((o) => o.observations)),
  };
}
