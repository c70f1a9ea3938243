// The dataset for the web server: the bundled files, compiled into the bundle (they were validated
// when the bundle was built, scripts/build.mjs). Overlays name files on a local file system, which
// a web worker does not have, so each one is reported instead of read.

import { createDataset } from '../core/dataset/index';
import type { DatasetFiles } from '../core/dataset/types';
import measures from '../../../data/measures.json';
import meta from '../../../data/meta.json';
import minerals from '../../../data/minerals.json';
import observations from '../../../data/observations.json';
import sources from '../../../data/sources.json';
import type { DataError, LoadedDataset } from '../node/dataset';

const { $schema: _schema, ...metaFields } = meta as typeof meta & { $schema?: string };
const files = {
  meta: metaFields,
  sources: sources.sources,
  minerals: minerals.minerals,
  measures: measures.measures,
  observations: observations.observations,
} as unknown as DatasetFiles;

export async function loadDataset(overlayPaths: readonly string[]): Promise<LoadedDataset> {
  const errors: DataError[] = overlayPaths.map((file) => ({ file, path: '', message: 'overlays are read from a local file system, which the web extension does not have; not applied' }));
  return { dataset: createDataset(files, []), errors };
}

export function formatDataError(error: DataError): string {
  return [error.file, error.path, error.message].filter(Boolean).join(': ');
}
