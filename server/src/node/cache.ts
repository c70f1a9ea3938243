// The --cache file: check results keyed by a hash of the brief's content, the effective
// configuration, the dataset, the as-of inputs and the briefcheck version, so an unchanged brief is
// not checked again. A missing or corrupt cache is a cold start, never a failure: each entry carries
// a checksum and is validated before use, a damaged entry is checked again and rewritten, and a file
// that cannot be read as a cache is discarded with one note. It stores only
// what a cached run prints (the as-of date and the problems; claims only for the claims worklist),
// one line per brief, and holds each entry as the bytes of its JSON text (outside the JavaScript
// heap) until a run asks for it, so a large cache stays small to read and to hold.

import { createHash, randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { BriefResult, Problem } from '../core/types';
import { Spill, type Spilled } from './cache-spill';
import { shownProblem } from '../core/shown';

export const DEFAULT_CACHE_FILE = '.briefcheckcache';
// Format 1 was one JSON document of whole results, claims included; format 2 had no checksums.
// Both are read as a cold start.
const CACHE_FORMAT = 3;

/**
 * One brief's entry. The file is a header line `{"format":3}`, then one line per brief: the file's
 * path as a JSON string, a tab, the key, a tab, the checksum of the entry's JSON text, a tab, and
 * this entry as JSON. JSON text holds no raw tab or line break, so the separators are unambiguous.
 */
interface Entry {
  asOf: BriefResult['asOf'];
  asOfSource: BriefResult['asOfSource'];
  problems: Problem[];
  /** Present only when the result was stored for a run that prints claims. */
  claims?: BriefResult['claims'];
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
  /**
   * Writes the cache if anything changed; entries for files not seen this run are kept. Entries
   * stored by this run are then no longer answered by this object (open the cache again).
   */
  save(): Promise<void>;
  readonly hits: number;
  readonly misses: number;
}

interface Stored {
  key: string;
  sum: string;
  /**
   * The entry's JSON text as UTF-8 bytes (a slice of the file read), parsed only when a run asks
   * for it; or, for an entry made by this run, where the spill holds those bytes. Bytes live
   * outside the JavaScript heap and are held once; the same text as strings made the heap, and its
   * garbage-collection headroom, grow with it.
   */
  json: Buffer | Spilled;
}

const bytesOf = (stored: Stored, spill: Spill) => (Buffer.isBuffer(stored.json) ? stored.json : spill.get(stored.json));

const checksum = (json: Buffer) => createHash('sha256').update(json).digest('hex').slice(0, 16);
const TAB = 9;
const NEWLINE = 10;

const SEVERITIES = new Set(['error', 'warning', 'info']);
const AS_OF_SOURCES = new Set(['override', 'front-matter', 'config', 'today']);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isRange = (v: unknown) => isObject(v) && Number.isSafeInteger(v.start) && Number.isSafeInteger(v.end) && (v.start as number) >= 0 && (v.start as number) <= (v.end as number);
const isFix = (v: unknown) => isObject(v) && Array.isArray(v.edits) && v.edits.every((e) => isObject(e) && isRange(e.range) && typeof e.text === 'string');
const isProblem = (v: unknown) =>
  isObject(v) && typeof v.ruleId === 'string' && SEVERITIES.has(v.severity as string) && typeof v.messageId === 'string' && typeof v.message === 'string' && isRange(v.range) && (v.fix === undefined || isFix(v.fix));
const isClaim = (v: unknown) => isObject(v) && typeof v.kind === 'string' && Array.isArray(v.minerals) && isRange(v.range) && typeof v.text === 'string' && typeof v.verdict === 'string';

/** True when `v` has the shape of an entry (the claims too when `withClaims`). */
function isEntry(v: unknown, withClaims: boolean): v is Entry {
  return (
    isObject(v) &&
    typeof v.asOf === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(v.asOf) &&
    AS_OF_SOURCES.has(v.asOfSource as string) &&
    Array.isArray(v.problems) &&
    v.problems.every(isProblem) &&
    (!withClaims || (Array.isArray(v.claims) && v.claims.every(isClaim)))
  );
}

/**
 * The entries of a cache file's bytes and how many lines were damaged, or why it cannot be used.
 * Lines are cut out of the bytes without decoding them: only each path is decoded here, and each
 * entry when a run asks for it.
 */
function readEntries(bytes: Buffer): { entries: Map<string, Stored>; damaged: number } | 'corrupt' | 'foreign' {
  const newline = bytes.indexOf(NEWLINE);
  let header: unknown;
  try {
    header = JSON.parse(bytes.toString('utf8', 0, newline === -1 ? bytes.length : newline));
  } catch {
    return 'corrupt';
  }
  if (!header || typeof header !== 'object' || (header as { format?: unknown }).format !== CACHE_FORMAT) return 'foreign';
  const entries = new Map<string, Stored>();
  let damaged = 0;
  if (newline === -1) return { entries, damaged };
  for (let at = newline + 1; at < bytes.length; ) {
    const end = lineEnd(bytes, at);
    if (end > at) {
      const stored = readLine(bytes, at, end);
      // A damaged line is dropped: its brief is checked again and its entry rewritten.
      if (stored) entries.set(stored.file, stored.stored);
      else damaged++;
    }
    at = end + 1;
  }
  return { entries, damaged };
}

function lineEnd(bytes: Buffer, from: number): number {
  const end = bytes.indexOf(NEWLINE, from);
  return end === -1 ? bytes.length : end;
}

/** One line's four tab-separated fields (path as a JSON string, key, checksum, entry), or undefined when it is damaged. */
function readLine(bytes: Buffer, start: number, end: number): { file: string; stored: Stored } | undefined {
  const tabs: number[] = [];
  for (let at = start; tabs.length < 3; ) {
    const tab = bytes.indexOf(TAB, at);
    if (tab === -1 || tab >= end) return undefined;
    tabs.push(tab);
    at = tab + 1;
  }
  const [a, b, c] = tabs as [number, number, number];
  let file: unknown;
  try {
    file = JSON.parse(bytes.toString('utf8', start, a));
  } catch {
    return undefined;
  }
  if (typeof file !== 'string') return undefined;
  return { file, stored: { key: bytes.toString('latin1', a + 1, b), sum: bytes.toString('latin1', b + 1, c), json: bytes.subarray(c + 1, end) } };
}

/** Writes the cache file to `path` in pieces of about a megabyte, never as one string of every entry. */
async function writeEntries(path: string, entries: Map<string, Stored>, spill: Spill): Promise<void> {
  const handle = await open(path, 'w');
  try {
    let batch: Buffer[] = [Buffer.from(`${JSON.stringify({ format: CACHE_FORMAT })}\n`)];
    let size = 0;
    for (const [file, stored] of entries) {
      const json = bytesOf(stored, spill);
      batch.push(Buffer.from(`${JSON.stringify(file)}\t${stored.key}\t${stored.sum}\t`), json, NEWLINE_BYTE);
      size += json.length;
      if (size >= 1 << 20) {
        await handle.writeFile(Buffer.concat(batch));
        batch = [];
        size = 0;
      }
    }
    await handle.writeFile(Buffer.concat(batch));
  } finally {
    await handle.close();
  }
}

const NEWLINE_BYTE = Buffer.from('\n');

/**
 * Opens the cache at `location`. `note` receives one sentence when an existing file is ignored
 * (corrupt, or written by another format).
 */
export async function openCache(location: string, note: (message: string) => void): Promise<ResultCache> {
  let entries = new Map<string, Stored>();
  const bytes = await readFile(location).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') note(`cannot read the cache ${location} (${error.code ?? error.message}); checking every file`);
    return undefined;
  });
  let dirty = false;
  let warned = false;
  const damagedEntry = () => {
    dirty = true;
    if (warned) return;
    warned = true;
    note(`the cache ${location} has damaged entries; their briefs are checked again and the entries rewritten`);
  };
  if (bytes !== undefined) {
    const read = readEntries(bytes);
    if (read === 'corrupt') note(`ignoring the cache ${location}: it is corrupt; checking every file`);
    else if (read === 'foreign') note(`ignoring the cache ${location}: written by another version; checking every file`);
    else {
      entries = read.entries;
      if (read.damaged > 0) damagedEntry();
    }
  }
  let hits = 0;
  let misses = 0;
  const spill = new Spill();
  const lookup = (file: string, key: string, withClaims: boolean): BriefResult | undefined => {
    const stored = entries.get(file);
    if (!stored || stored.key !== key) return undefined;
    let entry: unknown;
    try {
      const json = bytesOf(stored, spill);
      entry = stored.sum === checksum(json) ? JSON.parse(json.toString('utf8')) : undefined;
    } catch {
      entry = undefined;
    }
    if (!isEntry(entry, false)) {
      entries.delete(file);
      damagedEntry();
      return undefined;
    }
    if (withClaims && entry.claims === undefined) return undefined; // stored by a run that printed no claims
    if (withClaims && !isEntry(entry, true)) {
      entries.delete(file);
      damagedEntry();
      return undefined;
    }
    return { asOf: entry.asOf, asOfSource: entry.asOfSource, claims: withClaims ? entry.claims! : [], problems: entry.problems };
  };
  return {
    get(file, key, withClaims = false) {
      const result = lookup(file, key, withClaims);
      if (result) hits++;
      else misses++;
      return result;
    },
    set(file, key, result, withClaims = false) {
      const entry: Entry = { asOf: result.asOf, asOfSource: result.asOfSource, problems: result.problems.map(shownProblem) };
      if (withClaims) entry.claims = result.claims;
      const json = Buffer.from(JSON.stringify(entry));
      entries.set(file, { key, sum: checksum(json), json: spill.put(json) ?? json });
      dirty = true;
    },
    async save() {
      if (!dirty) return;
      const temp = join(dirname(location), `.${basename(location)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      try {
        await writeEntries(temp, entries, spill);
        await rename(temp, location);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        note(`cannot write the cache ${location} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      }
      // The run's own entries are in the file now (or could not be written): the scratch file goes.
      for (const [file, stored] of entries) if (!Buffer.isBuffer(stored.json)) entries.delete(file);
      spill.remove();
    },
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
  };
}
