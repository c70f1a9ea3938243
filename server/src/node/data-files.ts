// The files that make up the bundled dataset and the content hash over them (data and schemas) that
// the build records once they pass validation, so that the editor and the CLI can skip validating
// the very same files again at every start.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The dataset files, each with a schema of the same name in the data folder's schema/. */
export const DATA_FILES = ['meta', 'sources', 'minerals', 'measures', 'observations'] as const;
export type DataFileName = (typeof DATA_FILES)[number];

/** Every schema file, by name: the data files', the overlay's and their shared definitions. */
export const SCHEMA_NAMES = ['definitions', ...DATA_FILES, 'overlay'] as const;

export interface DataTexts {
  data: Record<DataFileName, string>;
  /** Undefined for a schema file that cannot be read. */
  schemas: Record<(typeof SCHEMA_NAMES)[number], string | undefined>;
}

/**
 * Reads the data files (a missing one throws, with its path) and the schema files, at once: a dozen
 * small files, read by the server's threads before their first check and by the command line
 * before its first brief.
 */
export function readDataTexts(dataDir: string): DataTexts {
  const read = (file: string): string => {
    try {
      return readFileSync(file, 'utf8');
    } catch (e) {
      throw new Error(`briefcheck: bundled dataset: ${file}: cannot read the file: ${(e as Error).message}`);
    }
  };
  const schema = (name: string): string | undefined => {
    try {
      return readFileSync(join(dataDir, 'schema', `${name}.schema.json`), 'utf8');
    } catch {
      return undefined;
    }
  };
  return {
    data: Object.fromEntries(DATA_FILES.map((n) => [n, read(join(dataDir, `${n}.json`))])) as DataTexts['data'],
    schemas: Object.fromEntries(SCHEMA_NAMES.map((n) => [n, schema(n)])) as DataTexts['schemas'],
  };
}

/** SHA-256 over every data and schema file's name and exact text. */
export function dataHash(texts: DataTexts): string {
  const hash = createHash('sha256');
  for (const n of DATA_FILES) hash.update(`data/${n}\0${texts.data[n]}\0`);
  for (const n of SCHEMA_NAMES) hash.update(`schema/${n}\0${texts.schemas[n] ?? '<missing>'}\0`);
  return hash.digest('hex');
}
