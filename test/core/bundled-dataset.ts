// The bundled dataset from data/, built once per test file with the core's own createDataset.

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createDataset } from '../../server/src/core/dataset/index';
import type { Dataset, DatasetFiles } from '../../server/src/core/dataset/types';
import type { CheckOptions, IsoDate } from '../../server/src/core/types';

const dataDir = resolve(__dirname, '../../data');

function read<T>(name: string, key: string): T {
  const json = JSON.parse(readFileSync(join(dataDir, `${name}.json`), 'utf8')) as Record<string, unknown>;
  return (key in json ? json[key] : json) as T;
}

let cached: Dataset | undefined;

export function bundledDataset(): Dataset {
  if (!cached) {
    const meta = JSON.parse(readFileSync(join(dataDir, 'meta.json'), 'utf8')) as DatasetFiles['meta'];
    const files: DatasetFiles = {
      meta,
      sources: read('sources', 'sources'),
      minerals: read('minerals', 'minerals'),
      measures: read('measures', 'measures'),
      observations: read('observations', 'observations'),
    };
    cached = createDataset(files);
  }
  return cached;
}

export function options(asOfOverride?: IsoDate, today: IsoDate = '2026-11-28'): CheckOptions {
  return { config: { rules: {}, data: [], include: [], exclude: [] }, today, ...(asOfOverride ? { asOfOverride } : {}) };
}
