// The --cache file: check results keyed by a hash of the brief's content, the effective
// configuration, the dataset, the as-of inputs and the briefcheck version, so an unchanged brief is
// not checked again. A missing or corrupt cache is a cold start, never a failure. It stores only
// what a cached run prints (the as-of date and the problems; claims only for the claims worklist),
// so a large cache stays small to read and to hold.

import { createHash, randomBytes } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { BriefResult, Problem } from '../core/types';

export const DEFAULT_CACHE_FILE = '.briefcheckcache';
// Format 1 stored whole results, claims included; such a file is read as a cold start.
const CACHE_FORMAT = 2;

interface Entry {
  key: string;
  asOf: BriefResult['asOf'];
  asOfSource: BriefResult['asOfSource'];
  problems: Problem[];
  /** Present only when the result was stored for a run that prints claims. */
  claims?: BriefResult['claims'];
}

interface CacheFile {
  format: number;
  entries: Record<string, Entry>;
}

/** A problem as the command line uses it: the claim index and dataset record are not printed. */
function printed(p: Problem): Problem {
  return { ruleId: p.ruleId, severity: p.severity, messageId: p.messageId, message: p.message, range: p.range, ...(p.fix ? { fix: p.fix } : {}) };
}

/** JSON with object keys sorted, so equal values always hash equally. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function hashOf(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

export interface ResultCache {
  /**
   * The stored result for `file` under `key`. Its problems carry no `claim` or `record`, and its
   * claims are empty unless `withClaims`, which misses when the entry was stored without them.
   */
  get(file: string, key: string, withClaims?: boolean): BriefResult | undefined;
  /** Stores a result; its claims only when `withClaims`. */
  set(file: string, key: string, result: BriefResult, withClaims?: boolean): void;
  /** Writes the cache if anything changed; entries for files not seen this run are kept. */
  save(): Promise<void>;
  readonly hits: number;
  readonly misses: number;
}

/**
 * Opens the cache at `location`. `note` receives one sentence when an existing file is ignored
 * (corrupt, or written by another format).
 */
export async function openCache(location: string, note: (message: string) => void): Promise<ResultCache> {
  let data: CacheFile = { format: CACHE_FORMAT, entries: {} };
  const text = await readFile(location, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') note(`cannot read the cache ${location} (${error.code ?? error.message}); checking every file`);
    return undefined;
  });
  if (text !== undefined) {
    try {
      const parsed = JSON.parse(text) as CacheFile;
      if (parsed && parsed.format === CACHE_FORMAT && parsed.entries && typeof parsed.entries === 'object') data = parsed;
      else note(`ignoring the cache ${location}: written by another version; checking every file`);
    } catch {
      note(`ignoring the cache ${location}: it is corrupt; checking every file`);
    }
  }
  let dirty = false;
  let hits = 0;
  let misses = 0;
  return {
    get(file, key, withClaims = false) {
      const entry = data.entries[file];
      if (entry && entry.key === key && (!withClaims || entry.claims)) {
        hits++;
        return { asOf: entry.asOf, asOfSource: entry.asOfSource, claims: withClaims ? entry.claims! : [], problems: entry.problems };
      }
      misses++;
      return undefined;
    },
    set(file, key, result, withClaims = false) {
      const entry: Entry = { key, asOf: result.asOf, asOfSource: result.asOfSource, problems: result.problems.map(printed) };
      if (withClaims) entry.claims = result.claims;
      data.entries[file] = entry;
      dirty = true;
    },
    async save() {
      if (!dirty) return;
      const temp = join(dirname(location), `.${basename(location)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      try {
        await writeFile(temp, JSON.stringify(data));
        await rename(temp, location);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        note(`cannot write the cache ${location} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      }
    },
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
  };
}
