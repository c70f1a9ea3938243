// The files that make up the bundled dataset and the content hash over them (data and schemas) that
// the build records once they pass validation, so that the editor and the CLI can skip validating
// the very same files again at every start.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
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

const cannotRead = (file: string, e: unknown) => new Error(`briefcheck: bundled dataset: ${file}: cannot read the file: ${(e as Error).message}`);

function textsOf(data: string[], schemas: (string | undefined)[]): DataTexts {
  return {
    data: Object.fromEntries(DATA_FILES.map((n, i) => [n, data[i]!])) as DataTexts['data'],
    schemas: Object.fromEntries(SCHEMA_NAMES.map((n, i) => [n, schemas[i]])) as DataTexts['schemas'],
  };
}

/** Reads the data files (a missing one throws, with its path) and the schema files. */
export async function readDataTexts(dataDir: string): Promise<DataTexts> {
  const read = (file: string) => readFile(file, 'utf8').catch((e: unknown) => Promise.reject(cannotRead(file, e)));
  const [data, schemas] = await Promise.all([
    Promise.all(DATA_FILES.map((n) => read(join(dataDir, `${n}.json`)))),
    Promise.all(SCHEMA_NAMES.map((n) => readFile(join(dataDir, 'schema', `${n}.schema.json`), 'utf8').catch(() => undefined))),
  ]);
  return textsOf(data, schemas);
}

/** readDataTexts, at once: for a thread that has nothing else to do meanwhile. */
export function readDataTextsSync(dataDir: string): DataTexts {
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch (e) {
      throw cannotRead(file, e);
    }
  };
  const schema = (n: string) => {
    try {
      return readFileSync(join(dataDir, 'schema', `${n}.schema.json`), 'utf8');
    } catch {
      return undefined;
    }
  };
  return textsOf(DATA_FILES.map((n) => read(join(dataDir, `${n}.json`))), SCHEMA_NAMES.map(schema));
}

/** SHA-256 over every data and schema file's name and exact text. */
export function dataHash(texts: DataTexts): string {
  const hash = createHash('sha256');
  for (const n of DATA_FILES) hash.update(`data/${n}\0${texts.data[n]}\0`);
  for (const n of SCHEMA_NAMES) hash.update(`schema/${n}\0${texts.schemas[n] ?? '<missing>'}\0`);
  return hash.digest('hex');
}
