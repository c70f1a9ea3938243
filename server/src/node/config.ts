// Configuration discovery shared by the CLI and the language server: the `.briefcheck.json` files
// above a brief, nearest first up to one marked "root": true, each validated against
// schemas/briefcheck.schema.json, then merged with flags and editor settings. The file system is injected (ConfigHost) so the editor can serve unsaved buffers.

import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, parse, resolve } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import stripJsonComments from 'strip-json-comments';
import type { IsoDate, ResolvedConfig, RuleSetting, Severity } from '../core/types';
import { compileConfigValidator } from './config-validator';

export const CONFIG_FILE_NAME = '.briefcheck.json';

/** What a `.briefcheck.json` holds, as written. */
export interface ConfigInput {
  /** Files in folders above do not apply (ESLint's and markdownlint's `root`). */
  root?: boolean;
  asOf?: IsoDate;
  rules?: Record<string, Severity | Partial<RuleSetting>>;
  data?: string[];
  include?: string[];
  exclude?: string[];
  parser?: 'lezer' | 'remark';
}

/** A problem with a configuration file; `path` is a JSON pointer ("/rules/stale-figure"), "" for the whole file. */
export interface ConfigError {
  file: string;
  path: string;
  message: string;
}

export interface ConfigOverrides {
  /** Use this file instead of discovery (the CLI's --config), relative to the working folder. */
  configFile?: string;
  /** The CLI's --rule flags: they win over any file. */
  rules?: Record<string, Severity>;
  /** Editor settings: they only fill what no file sets. */
  defaults?: ConfigInput;
  /** Folder that a relative configFile is resolved against. */
  cwd?: string;
  /** The CLI's --parser: wins over any file. */
  parser?: 'lezer' | 'remark';
}

export interface LoadedConfig {
  config: ResolvedConfig;
  /** The nearest configuration file. */
  configFile?: string;
  /** The folder `include` and `exclude` are relative to: that of the file that set them. */
  filesBase?: string;
  errors: ConfigError[];
}

/** The file system as configuration discovery needs it. */
export interface ConfigHost {
  /** The file's text; undefined when nothing exists at the path; throws when it exists but cannot be read. */
  readFile(path: string): Promise<string | undefined>;
}

export const nodeConfigHost: ConfigHost = {
  async readFile(path) {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw error;
    }
  },
};

interface ParsedFile {
  file: string;
  input: ConfigInput;
  errors: ConfigError[];
}

let validator: ValidateFunction | undefined;
function validate(value: unknown): ErrorObject[] {
  validator ??= compileConfigValidator();
  return validator(value) ? [] : [...(validator.errors ?? [])];
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** One readable error per real problem: the if/then/else wrappers of the schema add noise. */
function toConfigErrors(file: string, errors: ErrorObject[]): ConfigError[] {
  const out: ConfigError[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    let path = e.instancePath;
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'additionalProperties') {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      path = `${path}/${escapePointer(key)}`;
      message = path.startsWith('/rules/') && path.split('/').length === 3 ? `unknown rule id "${key}"` : `unknown key "${key}"`;
    } else if (e.keyword === 'enum') {
      message = `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    } else if (e.keyword === 'format' && path === '/asOf') {
      message = 'must be a real date written YYYY-MM-DD';
    }
    const key = `${path}\0${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ file, path, message });
  }
  return collapseUnknownRules(file, out);
}

/** Unknown rule ids as one error, however many there are: one line on stderr, one message in the editor. */
function collapseUnknownRules(file: string, errors: ConfigError[]): ConfigError[] {
  const unknown = errors.filter((e) => e.message.startsWith('unknown rule id "'));
  if (unknown.length < 2) return errors;
  const ids = unknown.map((e) => e.message.slice('unknown rule id '.length));
  const shown = ids.slice(0, 5).join(', ');
  const more = ids.length > 5 ? ` and ${(ids.length - 5).toLocaleString('en-US')} more` : '';
  const first = errors.indexOf(unknown[0]!);
  const rest = errors.filter((e) => !unknown.includes(e));
  rest.splice(first, 0, { file, path: '/rules', message: `${ids.length.toLocaleString('en-US')} unknown rule ids: ${shown}${more}` });
  return rest;
}

function jsonSyntaxError(file: string, text: string, error: unknown): ConfigError {
  const raw = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(raw);
  if (!position) return { file, path: '', message: `invalid JSON: ${raw}` };
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return { file, path: '', message: `invalid JSON at line ${line}, column ${column}: ${raw.replace(/ in JSON at position \d+.*$/, '')}` };
}

export function parseConfigText(file: string, text: string): ParsedFile {
  let value: unknown;
  try {
    // Comments become whitespace, so JSON error positions still point into the text as written.
    value = JSON.parse(stripJsonComments(text.replace(/^\uFEFF/, '')));
  } catch (error) {
    return { file, input: {}, errors: [jsonSyntaxError(file, text, error)] };
  }
  const errors = toConfigErrors(file, validate(value));
  return { file, input: errors.length ? {} : (value as ConfigInput), errors };
}

function normaliseRule(value: Severity | Partial<RuleSetting>): Partial<RuleSetting> {
  return typeof value === 'string' ? { severity: value } : { ...value };
}

/** Merges editor defaults, the file, and flags (in rising precedence) into a ResolvedConfig. */
export function resolveConfig(input: ConfigInput, baseDir: string | undefined, overrides: ConfigOverrides = {}): ResolvedConfig {
  const defaults = overrides.defaults ?? {};
  const rules: Record<string, Partial<RuleSetting>> = {};
  for (const [id, value] of Object.entries(defaults.rules ?? {})) rules[id] = normaliseRule(value);
  for (const [id, value] of Object.entries(input.rules ?? {})) rules[id] = normaliseRule(value);
  for (const [id, severity] of Object.entries(overrides.rules ?? {})) rules[id] = { ...rules[id], severity };
  const base = baseDir ?? overrides.cwd ?? process.cwd();
  const config: ResolvedConfig = {
    rules,
    data: (input.data ?? defaults.data ?? []).map((p) => (isAbsolute(p) ? p : resolve(base, p))),
    include: input.include ?? defaults.include ?? [],
    exclude: input.exclude ?? defaults.exclude ?? [],
  };
  const asOf = input.asOf ?? defaults.asOf;
  if (asOf) config.asOf = asOf;
  const parser = overrides.parser ?? input.parser ?? defaults.parser;
  if (parser) config.parser = parser;
  return config;
}

/** A loader with its own per-folder cache; call clear() when a configuration file changes. */
export function createConfigLoader(host: ConfigHost = nodeConfigHost) {
  const files = new Map<string, Promise<ParsedFile | undefined>>();
  const governing = new Map<string, Promise<ParsedFile | undefined>>();

  function readConfigFile(file: string): Promise<ParsedFile | undefined> {
    let pending = files.get(file);
    if (!pending) {
      pending = host.readFile(file).then(
        (text) => (text === undefined ? undefined : parseConfigText(file, text)),
        (error: unknown) => ({ file, input: {}, errors: [{ file, path: '', message: `cannot read: ${(error as Error).message}` }] }),
      );
      files.set(file, pending);
    }
    return pending;
  }

  /** The nearest configuration file at or above dir, stopping at the file-system root. */
  function configForDir(dir: string): Promise<ParsedFile | undefined> {
    let pending = governing.get(dir);
    if (!pending) {
      pending = readConfigFile(join(dir, CONFIG_FILE_NAME)).then((found) => {
        if (found) return found;
        const parent = dirname(dir);
        return parent === dir || dir === parse(dir).root ? undefined : configForDir(parent);
      });
      governing.set(dir, pending);
    }
    return pending;
  }

  /** The files that apply in dir: the nearest, then those above it, up to one marked "root": true. */
  async function chainForDir(dir: string): Promise<ParsedFile[]> {
    const chain: ParsedFile[] = [];
    for (let found = await configForDir(dir); found; ) {
      chain.push(found);
      const parent = dirname(dirname(found.file));
      if (found.input.root || found.errors.length || parent === dirname(found.file)) break;
      found = await configForDir(parent);
    }
    return chain;
  }

  async function loadConfigFor(filePath: string, overrides: ConfigOverrides = {}): Promise<LoadedConfig> {
    let chain: ParsedFile[];
    const errors: ConfigError[] = [];
    if (overrides.configFile) {
      const file = resolve(overrides.cwd ?? process.cwd(), overrides.configFile);
      const found = await readConfigFile(file);
      if (!found) errors.push({ file, path: '', message: 'configuration file not found' });
      chain = found ? [found] : [];
    } else {
      chain = await chainForDir(dirname(resolve(filePath)));
    }
    for (const file of chain) errors.push(...file.errors);
    const nearest = chain[0];
    if (!nearest) return { config: resolveConfig({}, undefined, overrides), errors };
    const { input, filesBase } = mergeChain(chain);
    const config = resolveConfig(input, dirname(nearest.file), overrides);
    return { config, configFile: nearest.file, ...(filesBase ? { filesBase } : {}), errors };
  }

  return {
    loadConfigFor,
    clear(): void {
      files.clear();
      governing.clear();
    },
  };
}

/**
 * One input from a chain of files (nearest first): nearer settings win, rules merge by id, overlays
 * add up (each resolved against its own file's folder), and include and exclude come together from
 * the nearest file that sets either, relative to that file.
 */
function mergeChain(chain: readonly ParsedFile[]): { input: ConfigInput; filesBase?: string } {
  const input: ConfigInput = {};
  let filesBase: string | undefined;
  for (const { file, input: own } of [...chain].reverse()) {
    const dir = dirname(file);
    if (own.asOf) input.asOf = own.asOf;
    if (own.rules) input.rules = { ...input.rules, ...own.rules };
    if (own.data) input.data = [...(input.data ?? []), ...own.data.map((p) => (isAbsolute(p) ? p : resolve(dir, p)))];
    if (own.include || own.exclude) {
      filesBase = dir;
      delete input.include;
      delete input.exclude;
      if (own.include) input.include = own.include;
      if (own.exclude) input.exclude = own.exclude;
    }
  }
  return filesBase ? { input, filesBase } : { input };
}

const defaultLoader = createConfigLoader();

/** The configuration for one brief, found by walking up from it (or from --config). */
export function loadConfigFor(filePath: string, overrides?: ConfigOverrides): Promise<LoadedConfig> {
  return defaultLoader.loadConfigFor(filePath, overrides);
}

export function formatConfigError(error: ConfigError): string {
  return error.path ? `${error.file}: ${error.path}: ${error.message}` : `${error.file}: ${error.message}`;
}
