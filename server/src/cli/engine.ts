// Runs the core over the briefs a command names: finds and reads them, loads each one's
// configuration and dataset once, consults the cache, applies --fix, and turns every bad input
// into one message on stderr (which makes the run exit 2) instead of a stack trace.

import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { checkBrief } from '../core/check';
import { applyFixes } from '../core/fix';
import type { Dataset } from '../core/dataset/types';
import type { BriefResult, CheckOptions, IsoDate, ResolvedConfig } from '../core/types';
import { hashOf, openCache, stableStringify, DEFAULT_CACHE_FILE, type ResultCache } from '../node/cache';
import { CONFIG_FILE_NAME, createConfigLoader, formatConfigError, type LoadedConfig } from '../node/config';
import { loadDataset } from '../node/dataset';
import { expandPatterns, readBrief, writeFileAtomic, WriteRefused } from '../node/files';
import type { CliOptions } from './args';
import type { CliIo } from './io';
import { createProgress } from './progress';
import { lineIndex } from '../core/lines';
import { positionOf, type FileResult } from './results';
import { inShard } from './shard';
import { createChecker, inOrder, readAhead, workerCount, type Checker } from './parallel';

export interface EngineOutcome {
  /** True when some input, configuration or dataset could not be used: exit code 2. */
  failed: boolean;
  /** Briefs checked (each was handed to the caller's `onFile`). */
  files: number;
}

/** Receives each brief's result in input order, as soon as its turn comes. */
export type FileSink = (file: FileResult) => void;

interface Input {
  path: string;
  absolutePath: string;
  read: () => Promise<{ text: string; bom: boolean } | { error: string }>;
}

const toPosix = (p: string) => p.split(sep).join('/');

/** The local calendar date, which is what "today" means to the person running the check. */
export function localToday(now = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Checks every brief the options name and hands each result to `onFile` in input order; nothing is
 * kept here, so a caller that writes each result out as it comes holds one brief at a time.
 */
export async function runEngine(options: CliOptions, io: CliIo, version: string, today: IsoDate, onFile: FileSink): Promise<EngineOutcome> {
  let failed = false;
  const fail = (message: string) => {
    failed = true;
    io.stderr(`briefcheck: ${message}\n`);
  };
  const loader = createConfigLoader();
  const overrides = { rules: options.rules, cwd: io.cwd, ...(options.config ? { configFile: options.config } : {}), ...(options.parser ? { parser: options.parser } : {}) };
  const reportedConfigs = new Set<string>();
  // A brief's configuration depends only on its folder (and the run's overrides): briefs of one
  // folder share one resolved configuration, which also keeps the cache key's options text made once.
  const byFolder = new Map<string, Promise<LoadedConfig>>();
  const configFor = async (file: string): Promise<LoadedConfig | undefined> => {
    const folder = dirname(resolve(file));
    let pending = byFolder.get(folder);
    if (!pending) byFolder.set(folder, (pending = loader.loadConfigFor(file, overrides)));
    const loaded = await pending;
    if (loaded.errors.length === 0) return loaded;
    const key = loaded.configFile ?? loaded.errors[0]!.file;
    if (!reportedConfigs.has(key)) {
      reportedConfigs.add(key);
      for (const error of loaded.errors) fail(`invalid configuration: ${formatConfigError(error)}`);
    }
    return undefined;
  };

  const inputs = await gatherInputs(options, io, configFor, fail);
  const datasets = new Map<string, Promise<{ dataset?: Dataset; hash: string }>>();
  const datasetFor = (config: ResolvedConfig) => {
    const key = JSON.stringify(config.data);
    let pending = datasets.get(key);
    if (!pending) {
      pending = Promise.resolve(loadDataset(config.data)).then(({ dataset, errors }) => {
        if (errors.length) {
          for (const error of errors) fail(`dataset error: ${describeError(error)}`);
          return { hash: '' };
        }
        return { dataset, hash: hashOf(stableStringify(dataset.files)) };
      });
      datasets.set(key, pending);
    }
    return pending;
  };

  const cache = options.cache
    ? await openCache(resolve(io.cwd, options.cacheLocation ?? DEFAULT_CACHE_FILE), (note) => io.stderr(`briefcheck: ${note}\n`))
    : undefined;
  const progress = createProgress(io, inputs.length);
  let files = 0;
  const withClaims = options.command === 'claims';
  // Checks run on a worker pool while reading, configuration and output stay here, in input order.
  const checker = createChecker(checkBrief, workerCount(io.env, inputs.length), undefined, withClaims);
  const start = async (input: Input, i: number) => {
    progress.update(i, input.path);
    const loaded = await configFor(input.absolutePath);
    if (!loaded) return undefined;
    const { dataset, hash } = await datasetFor(loaded.config);
    if (!dataset) return undefined;
    const read = await input.read();
    if ('error' in read) {
      fail(`${input.path}: ${read.error}`);
      return undefined;
    }
    if (read.text.trim() === '') io.stderr(`briefcheck: ${input.path}: empty file, nothing to check\n`);
    const check = (text: string) =>
      checkCached(text, dataset, checkOptions(loaded.config, options.asOf, today), input.absolutePath, cache, [version, hash], checker, withClaims);
    const result = check(read.text);
    // A failed check is reported when its turn comes in finish; until then it is not unhandled.
    result.catch(() => undefined);
    return { read, check, result };
  };
  const finish = async (started: Awaited<ReturnType<typeof start>>, input: Input) => {
    if (!started) return;
    const { read, check } = started;
    let text = read.text;
    let result = await started.result;
    let fixedCount = 0;
    if (options.fix) {
      const fixed = await fixUntilSettled(text, result, check);
      if (!fixed.settled) {
        fail(`${input.path}: its fixes do not settle (a second pass would change it again); left unchanged. Please report this brief.`);
        return;
      }
      if (fixed.text !== text) {
        try {
          await writeFileAtomic(input.absolutePath, fixed.text, read.bom);
        } catch (error) {
          fail(`${input.path}: ${describeWriteError(error)}; left unchanged`);
          return;
        }
        text = fixed.text;
        result = fixed.result;
        fixedCount = fixed.applied;
      }
    }
    files++;
    onFile(toFileResult(input, text, result, fixedCount, options.quiet, withClaims));
  };
  try {
    await inOrder(inputs, readAhead(checker), start, finish);
  } finally {
    await checker.close();
  }
  progress.done();
  await cache?.save();
  if (io.env.BRIEFCHECK_DEBUG) {
    const threads = checker.started;
    io.stderr(`briefcheck: checked ${files} brief${files === 1 ? '' : 's'}, ${cache?.hits ?? 0} from the cache, ${threads} worker thread${threads === 1 ? '' : 's'} started\n`);
  }
  return { failed, files };
}

/** Fix passes before giving up, as ESLint does: each pass may uncover what the previous one made fixable. */
export const MAX_FIX_PASSES = 10;

/**
 * Applies fixes and checks again until nothing changes (at most MAX_FIX_PASSES passes). `settled`
 * is false when the fixes of the last result would still change the text: such output is not
 * written, because running --fix again would change it again.
 */
export async function fixUntilSettled(
  text: string,
  result: BriefResult,
  check: (text: string) => Promise<BriefResult>,
): Promise<{ text: string; result: BriefResult; applied: number; settled: boolean }> {
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const outcome = applyFixes(text, result.problems.flatMap((p) => (p.fix ? [p.fix] : [])));
    if (outcome.text === text) return { text, result, applied, settled: true };
    applied += countOf(outcome.applied);
    text = outcome.text;
    result = await check(text);
  }
  const settled = applyFixes(text, result.problems.flatMap((p) => (p.fix ? [p.fix] : []))).text === text;
  return { text, result, applied, settled };
}

function describeWriteError(error: unknown): string {
  if (error instanceof WriteRefused) return error.message;
  return `cannot write the fixed file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
}

function countOf(applied: unknown): number {
  return Array.isArray(applied) ? applied.length : typeof applied === 'number' ? applied : 0;
}

function describeError(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object') {
    const e = error as { file?: string; path?: string; message?: string };
    return [e.file, e.path, e.message ?? JSON.stringify(error)].filter(Boolean).join(': ');
  }
  return String(error);
}

function checkOptions(config: ResolvedConfig, asOf: IsoDate | undefined, today: IsoDate): CheckOptions {
  return asOf ? { config, today, asOfOverride: asOf } : { config, today };
}

// A run makes one options object per brief from a handful of configurations: each configuration's
// canonical text is made once, not once per brief.
const optionsKeys = new WeakMap<ResolvedConfig, Map<string, string>>();
function optionsKey(options: CheckOptions): string {
  let byDates = optionsKeys.get(options.config);
  if (!byDates) optionsKeys.set(options.config, (byDates = new Map()));
  const { config: _config, ...dates } = options;
  const rest = JSON.stringify(dates);
  let key = byDates.get(rest);
  if (key === undefined) byDates.set(rest, (key = stableStringify(options)));
  return key;
}

async function checkCached(
  text: string,
  dataset: Dataset,
  options: CheckOptions,
  file: string,
  cache: ResultCache | undefined,
  salt: string[],
  checker: Checker,
  withClaims: boolean,
): Promise<BriefResult> {
  // The dataset's hash (salt[1]) names it for the workers, which are sent its files only once.
  if (!cache) return checker.check(text, dataset, salt[1]!, options);
  const key = hashOf(...salt, optionsKey(options), text);
  const hit = cache.get(file, key, withClaims);
  if (hit) return hit;
  const result = await checker.check(text, dataset, salt[1]!, options);
  cache.set(file, key, result, withClaims);
  return result;
}

function toFileResult(input: Input, text: string, result: BriefResult, fixed: number, quiet: boolean, withClaims: boolean): FileResult {
  const at = lineIndex(text);
  const problems = result.problems
    .filter((p) => !quiet || p.severity === 'error')
    .map((p) => ({
      ruleId: p.ruleId,
      severity: p.severity,
      messageId: p.messageId,
      message: p.message,
      range: p.range,
      ...positionOf(p.range, at),
      ...(p.fix ? { fix: p.fix } : {}),
    }))
    .sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : 1));
  return {
    path: input.path,
    absolutePath: input.absolutePath,
    asOf: result.asOf,
    asOfSource: result.asOfSource,
    problems,
    // Only the claims worklist prints claims; holding every brief's claims until the end of a large
    // run would cost more memory than everything else together.
    claims: withClaims ? result.claims.map((claim) => ({ claim, ...positionOf(claim.range, at) })) : [],
    fixed,
  };
}

async function gatherInputs(
  options: CliOptions,
  io: CliIo,
  configFor: (file: string) => Promise<LoadedConfig | undefined>,
  fail: (message: string) => void,
): Promise<Input[]> {
  if (options.stdin) {
    const name = options.stdinFilename ?? '<stdin>';
    const absolutePath = resolve(io.cwd, options.stdinFilename ?? 'stdin.md');
    return [
      {
        path: options.stdinFilename ? displayPath(io.cwd, absolutePath) : name,
        absolutePath,
        read: async () => {
          if (!io.stdin) return { error: 'no standard input is available' };
          const input = await io.stdin();
          // One byte-order mark is the encoding's, as when a file is read; the brief starts after it.
          const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
          return text.includes('\0') ? { error: 'looks like binary data (it contains NUL bytes)' } : { text, bom: false };
        },
      },
    ];
  }
  // The configuration beside the working folder decides include/exclude for discovery.
  const base = await configFor(join(io.cwd, CONFIG_FILE_NAME));
  const found = await expandPatterns(options.patterns, io.cwd, {
    include: base?.config.include ?? [],
    exclude: base?.config.exclude ?? [],
    baseDir: base?.filesBase ?? (base?.configFile ? join(base.configFile, '..') : io.cwd),
    respectIgnoreOnNamedFiles: options.respectIgnoreOnNamedFiles,
  });
  if (options.errorOnUnmatchedPattern) {
    for (const pattern of found.unmatched) fail(`no briefs match "${pattern}" (--no-error-on-unmatched-pattern skips it)`);
  }
  const files = found.files
    .map((absolutePath) => ({ absolutePath, path: displayPath(io.cwd, absolutePath) }))
    .filter((f) => !options.shard || inShard(f.path, options.shard));
  return files.map((f) => ({
    ...f,
    read: async () => {
      const read = await readBrief(f.absolutePath);
      return read.ok ? { text: read.text, bom: read.bom } : { error: read.message };
    },
  }));
}

function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return toPosix(rel.startsWith('..') || isAbsolute(rel) ? file : rel);
}
