// The bundled data folder and its files as the build validated them. The language server's check
// worker reads and indexes them itself while the server loads (lsp/check-worker.ts), so its first
// check need not index the copy the server sends. It knows them by their content hash, as the
// server does (node/dataset.ts), so the two threads agree on which dataset a check is made against
// without comparing its records.

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DatasetFiles } from '../core/dataset/types';
import { DATA_FILES, dataHash, readDataTexts, type DataFileName, type DataTexts } from './data-files';

/** Set by scripts/build.mjs: the hash of the bundled data it validated; absent when run from source. */
declare const __BRIEFCHECK_DATA_HASH__: string | undefined;
export const BUILT_DATA_HASH = typeof __BRIEFCHECK_DATA_HASH__ === 'string' ? __BRIEFCHECK_DATA_HASH__ : undefined;

/** The bundled data folder: the nearest folder named data/ with a meta.json, walking up from here. */
export function findDataDir(from: string = __dirname): string {
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, 'data');
    if (existsSync(join(candidate, 'meta.json')) && existsSync(join(candidate, 'schema'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`briefcheck: cannot find the bundled data folder (data/meta.json) above ${from}`);
    dir = parent;
  }
}

/** Each data file's JSON, parsed; one that is not JSON throws, with its path. */
export function parseDataTexts(dataDir: string, texts: DataTexts): Record<DataFileName, unknown> {
  const parts: Partial<Record<DataFileName, unknown>> = {};
  for (const name of DATA_FILES) {
    try {
      parts[name] = JSON.parse(texts.data[name]);
    } catch (e) {
      throw new Error(`briefcheck: bundled dataset: ${join(dataDir, `${name}.json`)}: not valid JSON: ${(e as Error).message}`);
    }
  }
  return parts as Record<DataFileName, unknown>;
}

/** The dataset's files from the parsed data files (each file holds one list, named as the file). */
export function filesOf(parts: Record<DataFileName, unknown>): DatasetFiles {
  const { $schema: _schema, ...meta } = parts.meta as DatasetFiles['meta'] & { $schema?: string };
  const list = <K extends Exclude<DataFileName, 'meta'>>(name: K) => ((parts[name] as Record<K, unknown> | undefined)?.[name] ?? []) as DatasetFiles[K];
  return { meta, sources: list('sources'), minerals: list('minerals'), measures: list('measures'), observations: list('observations') };
}

/** What a dataset made of the bundled files alone is known by, in both threads: their content hash. */
export const bundledKey = (hash: string): string => `bundled:${hash}`;

/**
 * The bundled files, when they are the very files the build validated (their content hash is the
 * one it recorded), with their key; undefined when they are not, or when run from source.
 */
export function readValidatedBundled(dataDir = findDataDir(), validatedHash = BUILT_DATA_HASH): { key: string; files: DatasetFiles } | undefined {
  if (!validatedHash) return undefined;
  const texts = readDataTexts(dataDir);
  const hash = dataHash(texts);
  return hash === validatedHash ? { key: bundledKey(hash), files: filesOf(parseDataTexts(dataDir, texts)) } : undefined;
}
