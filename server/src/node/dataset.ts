// Loads the bundled dataset and user overlays from disk for both front ends: validates each file
// against its JSON Schema and the core's invariants, reports every problem with the file and JSON
// path, and still returns the bundled data (plus the overlays that are sound) when an overlay is bad.
// Bundled files whose content hash the build recorded as valid skip the schema step (ajv is then
// not even loaded); overlays are always validated.

import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { checkInvariants, createDataset, idsOf, mergeFiles, type DataIssue } from '../core/dataset/index';
import type { Dataset, DatasetFiles, Overlay } from '../core/dataset/types';
import { BUILT_DATA_HASH, bundledKey, filesOf, findDataDir, parseDataTexts } from './bundled-data';
import { DATA_FILES as FILES, dataHash, readDataTexts } from './data-files';
import type { SchemaError, Validators } from './data-schemas';

export { findDataDir } from './bundled-data';

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
  /**
   * The content hash (data-files.ts) of bundled files known to pass their schemas; files with this
   * hash are not validated against the schemas again. Default: the hash the build recorded.
   */
  validatedHash?: string;
}

export interface LoadedDataset {
  dataset: Dataset;
  errors: DataError[];
}

interface Bundled {
  files: DatasetFiles;
  errors: DataError[];
  /** The content hash of the files read. */
  hash: string;
}

const bundledCache = new Map<string, Promise<Bundled>>();
const validatorCache = new Map<string, Promise<Validators>>();

/** The compiled schemas of a data folder, compiled once per process and only when first needed. */
function validatorsFor(dataDir: string): Promise<Validators> {
  let pending = validatorCache.get(dataDir);
  if (!pending) {
    pending = import('./data-schemas').then((m) => m.compileSchemas(dataDir));
    validatorCache.set(dataDir, pending);
    pending.catch(() => validatorCache.delete(dataDir));
  }
  return pending;
}

async function readJson(file: string, label: string): Promise<{ value?: unknown; error?: DataError }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return { error: { file: label, path: '', message: `cannot read the file: ${(e as Error).message}` } };
  }
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (e) {
    return { error: { file: label, path: '', message: `not valid JSON: ${(e as Error).message}` } };
  }
}

const inFile = (file: string) => (e: SchemaError): DataError => ({ file, ...e });

/** Maps an invariant path on the combined files ("/meta/horizon") to the file that holds it. */
function bundledIssue(dataDir: string, issue: DataIssue): DataError {
  const [, first = '', ...rest] = issue.path.split('/');
  const name = (FILES as readonly string[]).includes(first) ? first : 'meta';
  const path = name === 'meta' ? (rest.length ? `/${rest.join('/')}` : '') : issue.path;
  return { file: join(dataDir, `${name}.json`), path, message: issue.message };
}

async function readBundled(dataDir: string, validatedHash: string | undefined): Promise<Bundled> {
  const texts = readDataTexts(dataDir);
  const hash = dataHash(texts);
  const parts = parseDataTexts(dataDir, texts);
  const errors: DataError[] = [];
  if (hash !== validatedHash) {
    const [{ schemaErrors }, validators] = await Promise.all([import('./data-schemas'), validatorsFor(dataDir)]);
    for (const name of FILES) errors.push(...schemaErrors(validators[name], parts[name]).map(inFile(join(dataDir, `${name}.json`))));
  }
  const files = filesOf(parts);
  errors.push(...checkInvariants(files).map((issue) => bundledIssue(dataDir, issue)));
  return { files, errors, hash };
}

async function readOverlay(path: string, cwd: string, dataDir: string, bundled: Bundled, accepted: readonly Overlay[]): Promise<{ overlay?: Overlay; errors: DataError[] }> {
  const { value, error } = await readJson(resolve(cwd, path), path);
  if (error) return { errors: [error] };
  const { schemaErrors } = await import('./data-schemas');
  const errors = schemaErrors((await validatorsFor(dataDir)).overlay, value).map(inFile(path));
  if (errors.length) return { errors };
  const { $schema: _schema, ...overlay } = value as Overlay & { $schema?: string };
  // The horizon is how far the bundled data is known to be complete; an overlay adds records but
  // cannot vouch for everything else up to a later date, nor take back what the data covers.
  const horizon = overlay.meta?.horizon;
  if (horizon !== undefined && horizon !== bundled.files.meta.horizon) {
    return { errors: [{ file: path, path: '/meta/horizon', message: `an overlay cannot move the dataset's horizon (${bundled.files.meta.horizon}) to ${horizon}` }] };
  }
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
  const validatedHash = options.validatedHash ?? BUILT_DATA_HASH;
  const key = `${dataDir}\n${validatedHash ?? ''}`;
  let pending = bundledCache.get(key);
  if (!pending) {
    pending = readBundled(dataDir, validatedHash);
    bundledCache.set(key, pending);
    pending.catch(() => bundledCache.delete(key));
  }
  const bundled = await pending;
  const errors = [...bundled.errors];
  const overlays: Overlay[] = [];
  for (const path of overlayPaths) {
    const result = await readOverlay(path, options.cwd ?? process.cwd(), dataDir, bundled, overlays);
    errors.push(...result.errors);
    if (result.overlay) overlays.push(result.overlay);
  }
  const dataset = createDataset(bundled.files, overlays);
  if (overlays.length === 0 && bundled.hash === validatedHash && bundled.errors.length === 0) shared.set(dataset, bundledKey(bundled.hash));
  return { dataset, errors };
}

const shared = new WeakMap<Dataset, string>();

/**
 * The key of a dataset made of the bundled files alone, as the build validated them, by which any
 * thread may read the same dataset for itself (node/bundled-data.ts); undefined for any other.
 */
export function sharedDatasetKey(dataset: Dataset): string | undefined {
  return shared.get(dataset);
}

/**
 * For the build: the content hash of a data folder's files when they pass their schemas and the
 * invariants (validated here, never trusted), else undefined. Bundles record it as the hash to trust.
 */
export async function validatedDataHash(dataDir: string): Promise<string | undefined> {
  const bundled = await readBundled(dataDir, undefined);
  return bundled.errors.length === 0 ? bundled.hash : undefined;
}

/** One line per error: `file: /json/path: message`. */
export function formatDataError(error: DataError): string {
  return [error.file, error.path, error.message].filter(Boolean).join(': ');
}
