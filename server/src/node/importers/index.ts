// Runs an importer on a file from disk and checks what it made: the overlay is written to a
// temporary file and loaded like any user overlay (schemas and invariants), so an importer can never
// hand the user an overlay that `briefcheck data validate` would refuse.

import { readFile, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Dataset } from '../../core/dataset/types';
import { loadDataset, type DataError } from '../dataset';
import { importCensus, type CensusOptions } from './census';
import { decodeText, ImportError, type ImportResult } from './common';
import { importUsgsMcs, type UsgsOptions } from './usgs-mcs';

export { ImportError, type ImportResult } from './common';

export type ImportKind = 'usgs-mcs' | 'census';

export type ImportOptions = { published?: string; url?: string } & Partial<Pick<CensusOptions, 'from' | 'to' | 'query'>> & { retrieved: string };

export async function importFile(kind: ImportKind, path: string, dataset: Dataset, options: ImportOptions): Promise<ImportResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new ImportError(`cannot read the file: ${(error as Error).message}`);
  }
  const text = decodeText(bytes);
  const fileName = basename(path);
  if (kind === 'usgs-mcs') {
    const usgs: UsgsOptions = { fileName, ...(options.published ? { published: options.published } : {}), ...(options.url ? { url: options.url } : {}) };
    return importUsgsMcs(text, dataset, usgs);
  }
  if (!options.from || !options.to) throw new ImportError('census needs the period to derive, as --period YYYY-MM..YYYY-MM');
  return importCensus(text, dataset, { fileName, from: options.from, to: options.to, retrieved: options.published ?? options.retrieved, ...(options.query ? { query: options.query } : {}) });
}

/** The overlay as a file's text, with its schema reference. */
export function overlayText(result: ImportResult): string {
  return `${JSON.stringify({ $schema: 'https://briefcheck.dev/schema/v1/overlay.schema.json', ...result.overlay }, null, 2)}\n`;
}

/** The problems `briefcheck data validate` would report for this overlay text (none when it is sound). */
export async function validateOverlayText(text: string): Promise<DataError[]> {
  const temp = join(tmpdir(), `briefcheck-import-${process.pid}-${randomBytes(4).toString('hex')}.json`);
  await writeFile(temp, text);
  try {
    return (await loadDataset([temp])).errors.filter((e) => e.file === temp).map((e) => ({ ...e, file: 'imported overlay' }));
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
