// The results of briefs the language server checked, kept between its starts, so that a brief
// opened again unchanged (an editor restoring its tabs, a window reloaded) shows its diagnostics
// before the server's first check has finished: that check runs on code not yet compiled, several
// times slower than any later one.
//
// An entry is named by a hash of everything a result depends on: the server's build and the V8 it
// runs on, the dataset's content, the check options (the configuration) and the text. Today's date
// counts only for a brief checked as of today (no date of its own or in the configuration): its
// entry is given back only on the day it was computed. It holds what diagnostics show: the as-of
// date and the problems. A missing, damaged or mismatched entry is no entry (each carries a
// checksum and is validated against the text), and no failure to read or write one is reported:
// the check answers as it always does. The check still runs; the editor keeps what it remembered
// only while the check agrees (lsp/analysis.ts).

import { readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AsOfSource, CheckOptions, IsoDate, Problem } from '../core/types';
import { hashOf, stableStringify } from './cache';
import { userCacheDir } from './cache-dir';
import { shownProblem } from '../core/shown';

/** `off`, or the folder for remembered results (default: `results` in the user's cache folder). */
export const RESULT_CACHE_ENV = 'BRIEFCHECK_RESULT_CACHE';
/** Entries kept; the least recently used go first. */
export const MAX_REMEMBERED = 256;
/**
 * The largest entry kept, in UTF-16 code units of its JSON: a 300-line brief's takes 20–60 K. A
 * longer result is not remembered (a long brief's top is reported first anyway), so the folder
 * stays small.
 */
export const MAX_ENTRY_CHARS = 1_000_000;
const FORMAT = 2;
const STALE_TEMPORARY_MS = 60_000;

/** What a remembered check gives back: what its diagnostics need. */
export interface Remembered {
  asOf: IsoDate;
  asOfSource: AsOfSource;
  problems: Problem[];
}

export class ResultMemory {
  private readonly datasetHashes = new WeakMap<object, string>();
  private readonly writing = new Set<Promise<void>>();

  /** `build` names the code that computes results: a result of other code is never read back. */
  constructor(
    readonly dir: string,
    private readonly build: string,
  ) {}

  /**
   * The entry name for checking `text` against the dataset with `datasetFiles` under `options`,
   * all but today's date, which recall compares with the as-of date of what it finds.
   */
  keyOf(text: string, datasetFiles: object, options: CheckOptions): string {
    const { today: _, ...dateless } = options;
    return hashOf(String(FORMAT), this.build, this.datasetHash(datasetFiles), stableStringify(dateless), text);
  }

  /** The hash of a dataset's content, computed once per dataset (a loaded dataset's, ahead of need). */
  datasetHash(datasetFiles: object): string {
    let data = this.datasetHashes.get(datasetFiles);
    if (!data) this.datasetHashes.set(datasetFiles, (data = hashOf(JSON.stringify(datasetFiles))));
    return data;
  }

  /**
   * The result remembered under `key` for `text` checked on `today`, if there is a sound one: a
   * result checked as of the day it was computed is given back on that day only.
   */
  recall(key: string, text: string, today: IsoDate): Remembered | undefined {
    const file = this.file(key);
    let raw: string;
    try {
      raw = readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    const entry = parseEntry(raw, key, text.length);
    if (!entry) {
      void rm(file, { force: true }).catch(() => {});
      return undefined;
    }
    if (entry.asOfSource === 'today' && entry.asOf !== today) return undefined;
    // The most recently used entries are the last to be pruned.
    const now = new Date();
    void utimes(file, now, now).catch(() => {});
    return entry;
  }

  /** Stores `result` under `key` (written whole or not at all), then prunes the oldest entries. */
  remember(key: string, result: Remembered): Promise<void> {
    const done = this.write(key, result).finally(() => this.writing.delete(done));
    this.writing.add(done);
    return done;
  }

  /** Settles when every write begun so far has (a server shutting down waits for it). */
  async flush(): Promise<void> {
    await Promise.all(this.writing);
  }

  private async write(key: string, result: Remembered): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      const body = JSON.stringify({ asOf: result.asOf, asOfSource: result.asOfSource, problems: result.problems.map(shownProblem) });
      if (body.length > MAX_ENTRY_CHARS) return;
      const temporary = `${this.file(key)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await writeFile(temporary, `${JSON.stringify({ format: FORMAT, key, sum: hashOf(body) })}\n${body}`, { mode: 0o600 });
      await rename(temporary, this.file(key));
      await this.prune();
    } catch {
      // Not remembered this time.
    }
  }

  private file(key: string): string {
    return join(this.dir, `${key}.json`);
  }

  private async prune(): Promise<void> {
    const all = await readdir(this.dir);
    // A server that exited while writing leaves its temporary file behind.
    const old = Date.now() - STALE_TEMPORARY_MS;
    await Promise.all(all.filter((n) => n.endsWith('.tmp')).map(async (n) => ((await stat(join(this.dir, n)).catch(() => undefined))?.mtimeMs ?? Infinity) < old && rm(join(this.dir, n), { force: true })));
    const names = all.filter((n) => n.endsWith('.json'));
    if (names.length <= MAX_REMEMBERED) return;
    const aged = await Promise.all(names.map(async (n) => ({ n, t: (await stat(join(this.dir, n)).catch(() => undefined))?.mtimeMs ?? 0 })));
    aged.sort((a, b) => a.t - b.t);
    await Promise.all(aged.slice(0, names.length - MAX_REMEMBERED).map(({ n }) => rm(join(this.dir, n), { force: true })));
  }
}

/**
 * The server's result memory: in the folder BRIEFCHECK_RESULT_CACHE names or the user's cache
 * folder, for the code in `script` (its size and time name the build). None when turned off or
 * when the script cannot be read.
 */
export function openResultMemory(script: string, env: Record<string, string | undefined> = process.env): ResultMemory | undefined {
  const dir = userCacheDir(RESULT_CACHE_ENV, 'results', env);
  if (!dir) return undefined;
  try {
    const { size, mtimeMs } = statSync(script);
    return new ResultMemory(dir, `${size}-${Math.trunc(mtimeMs)}-${process.versions.v8}`);
  } catch {
    return undefined;
  }
}

const SEVERITIES = new Set(['error', 'warning', 'info']);
const AS_OF_SOURCES = new Set(['override', 'front-matter', 'config', 'today']);

function parseEntry(raw: string, key: string, length: number): Remembered | undefined {
  const newline = raw.indexOf('\n');
  if (newline < 0) return undefined;
  try {
    const header = JSON.parse(raw.slice(0, newline)) as { format?: unknown; key?: unknown; sum?: unknown };
    const body = raw.slice(newline + 1);
    if (header.format !== FORMAT || header.key !== key || header.sum !== hashOf(body)) return undefined;
    const value = JSON.parse(body) as Partial<Remembered>;
    if (typeof value.asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value.asOf)) return undefined;
    if (!AS_OF_SOURCES.has(value.asOfSource as string) || !Array.isArray(value.problems)) return undefined;
    return value.problems.every((p) => validProblem(p, length)) ? (value as Remembered) : undefined;
  } catch {
    return undefined;
  }
}

function validRange(r: unknown, length: number): boolean {
  const { start, end } = (r ?? {}) as { start?: unknown; end?: unknown };
  return Number.isInteger(start) && Number.isInteger(end) && 0 <= (start as number) && (start as number) <= (end as number) && (end as number) <= length;
}

function validProblem(value: unknown, length: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Partial<Problem>;
  if (typeof p.ruleId !== 'string' || typeof p.messageId !== 'string' || typeof p.message !== 'string') return false;
  if (!SEVERITIES.has(p.severity as string) || !validRange(p.range, length)) return false;
  if (p.fix === undefined) return true;
  return Array.isArray(p.fix?.edits) && p.fix.edits.every((e) => validRange(e?.range, length) && typeof e.text === 'string');
}
