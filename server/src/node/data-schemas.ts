// JSON Schema validation of dataset files with ajv. Loaded only when something must be validated:
// user overlays, or bundled files that differ from the ones the build validated (dataset.ts), so
// the editor does not compile schemas at every start.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { DATA_FILES, SCHEMA_NAMES, type DataFileName } from './data-files';

export type Validators = Record<DataFileName | 'overlay', ValidateFunction>;

export interface SchemaError {
  /** JSON pointer into the file ("/observations/3/value"). */
  path: string;
  message: string;
}

function describe(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties' && p.additionalProperty === 'confidence' && /^\/observations\/\d+$/.test(error.instancePath)) {
    return 'unknown property "confidence": an observation\'s confidence is derived from its sources\' tiers (use "maxConfidence" to lower it)';
  }
  if (error.keyword === 'additionalProperties') return `unknown property "${String(p.additionalProperty)}"`;
  if (error.keyword === 'enum') return `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  return error.message ?? error.keyword;
}

/** The distinct problems `validate` finds in `value`, in ajv's order. */
export function schemaErrors(validate: ValidateFunction, value: unknown): SchemaError[] {
  if (validate(value)) return [];
  const seen = new Set<string>();
  const out: SchemaError[] = [];
  for (const error of validate.errors ?? []) {
    const item = { path: error.instancePath, message: describe(error) };
    const key = `${item.path}\n${item.message}`;
    if (!seen.has(key)) out.push(item);
    seen.add(key);
  }
  return out;
}

export async function compileSchemas(dataDir: string): Promise<Validators> {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const schemas = await Promise.all(SCHEMA_NAMES.map((n) => readFile(join(dataDir, 'schema', `${n}.schema.json`), 'utf8').then(JSON.parse)));
  schemas.forEach((schema: object) => ajv.addSchema(schema));
  const get = (name: string) => ajv.getSchema((schemas[SCHEMA_NAMES.indexOf(name as (typeof SCHEMA_NAMES)[number])] as { $id: string }).$id)!;
  return Object.fromEntries([...DATA_FILES, 'overlay'].map((n) => [n, get(n)])) as Validators;
}
