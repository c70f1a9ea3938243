// Loads the bundled dataset and user overlays from disk for both front ends: validates each file
// against its JSON Schema and the core's invariants, reports every problem with the file and JSON
// path, and still returns the bundled data (plus the overlays that are sound) when an overlay is bad.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { checkInvariants, createDataset, idsOf, mergeFiles, type DataIssue } from '../core/dataset/index';
import type { Dataset, DatasetFiles, Overlay } from '../core/dataset/types';

export interface DataError {
  /** The file the problem is in (as given, for overlays). */
  file: string;
  /** JSON pointer into that file ("/observations/3/value"); empty for the whole file. */
  path: string;
  message: string;
}

export interface LoadDatasetOptions {
  /** The folder holding meta.json and schema/; found from this module's location when absent. */
  dataDir?: string;
  /** Overlay paths are resolved against this folder (default: the process's). */
  cwd?: string;
}

export interface LoadedDataset {
  dataset: Dataset;
  errors: DataError[];
}

const FILES = ['meta', 'sources', 'minerals', 'measures', 'observations'] as const;
type FileName = (typeof FILES)[number];

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

interface Bundled {
  files: DatasetFiles;
  errors: DataError[];
  validators: Record<FileName | 'overlay', ValidateFunction>;
}

const bundledCache = new Map<string, Promise<Bundled>>();

async function readJson(file: string, label: string): Promise<{ value?: unknown; error?: DataError }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return { error: { file: label, path: '', message: `cannot read the file: ${(e as Error).message}` } };
  }
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { error: { file: label, path: '', message: `not valid JSON: ${(e as Error).message}` } };
  }
}

function describe(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') return `unknown property "${String(p.additionalProperty)}"`;
  if (error.keyword === 'enum') return `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  return error.message ?? error.keyword;
}

function schemaErrors(validate: ValidateFunction, value: unknown, file: string): DataError[] {
  if (validate(value)) return [];
  const seen = new Set<string>();
  const out: DataError[] = [];
  for (const error of validate.errors ?? []) {
    const item = { file, path: error.instancePath, message: describe(error) };
    const key = `${item.path}\n${item.message}`;
    if (!seen.has(key)) out.push(item);
    seen.add(key);
  }
  return out;
}

async function compileSchemas(dataDir: string): Promise<Bundled['validators']> {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const names = ['definitions', ...FILES, 'overlay'];
  const schemas = await Promise.all(names.map((n) => readFile(join(dataDir, 'schema', `${n}.schema.json`), 'utf8').then(JSON.parse)));
  schemas.forEach((schema: object) => ajv.addSchema(schema));
  const get = (name: string) => ajv.getSchema((schemas[names.indexOf(name)] as { $id: string }).$id)!;
  return Object.fromEntries([...FILES, 'overlay'].map((n) => [n, get(n)])) as Bundled['validators'];
}

/** Maps an invariant path on the combined files ("/meta/horizon") to the file that holds it. */
function bundledIssue(dataDir: string, issue: DataIssue): DataError {
  const [, first = '', ...rest] = issue.path.split('/');
  const name = (FILES as readonly string[]).includes(first) ? first : 'meta';
  const path = name === 'meta' ? (rest.length ? `/${rest.join('/')}` : '') : issue.path;
  return { file: join(dataDir, `${name}.json`), path, message: issue.message };
}

async function readBundled(dataDir: string): Promise<Bundled> {
  const validators = await compileSchemas(dataDir);
  const errors: DataError[] = [];
  const parts: Partial<Record<FileName, unknown>> = {};
  await Promise.all(
    FILES.map(async (name) => {
      const file = join(dataDir, `${name}.json`);
      const { value, error } = await readJson(file, file);
      if (error) throw new Error(`briefcheck: bundled dataset: ${file}: ${error.message}`);
      errors.push(...schemaErrors(validators[name], value, file));
      parts[name] = value;
    }),
  );
  const { $schema: _schema, ...meta } = parts.meta as DatasetFiles['meta'] & { $schema?: string };
  const list = <K extends Exclude<FileName, 'meta'>>(name: K) => ((parts[name] as Record<K, unknown> | undefined)?.[name] ?? []) as DatasetFiles[K];
  const files: DatasetFiles = { meta, sources: list('sources'), minerals: list('minerals'), measures: list('measures'), observations: list('observations') };
  errors.push(...checkInvariants(files).map((issue) => bundledIssue(dataDir, issue)));
  return { files, errors, validators };
}

async function readOverlay(path: string, cwd: string, bundled: Bundled, accepted: readonly Overlay[]): Promise<{ overlay?: Overlay; errors: DataError[] }> {
  const { value, error } = await readJson(resolve(cwd, path), path);
  if (error) return { errors: [error] };
  const errors = schemaErrors(bundled.validators.overlay, value, path);
  if (errors.length) return { errors };
  const { $schema: _schema, ...overlay } = value as Overlay & { $schema?: string };
  // References may point into the bundled data or into overlays accepted before this one.
  const known = idsOf(mergeFiles(bundled.files, accepted));
  const issues = checkInvariants(overlay, known);
  return issues.length ? { errors: issues.map((i) => ({ file: path, ...i })) } : { overlay, errors: [] };
}

/**
 * The bundled dataset with the given overlays applied. A bad overlay is reported and left out; the
 * bundled data is parsed once per process and data folder.
 */
export async function loadDataset(overlayPaths: readonly string[], options: LoadDatasetOptions = {}): Promise<LoadedDataset> {
  const dataDir = options.dataDir ?? findDataDir();
  let pending = bundledCache.get(dataDir);
  if (!pending) {
    pending = readBundled(dataDir);
    bundledCache.set(dataDir, pending);
    pending.catch(() => bundledCache.delete(dataDir));
  }
  const bundled = await pending;
  const errors = [...bundled.errors];
  const overlays: Overlay[] = [];
  for (const path of overlayPaths) {
    const result = await readOverlay(path, options.cwd ?? process.cwd(), bundled, overlays);
    errors.push(...result.errors);
    if (result.overlay) overlays.push(result.overlay);
  }
  return { dataset: createDataset(bundled.files, overlays), errors };
}

/** One line per error: `file: /json/path: message`. */
export function formatDataError(error: DataError): string {
  return [error.file, error.path, error.message].filter(Boolean).join(': ');
}
