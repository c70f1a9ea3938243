// The --cache file: check results keyed by a hash of the brief's content, the effective
// configuration, the dataset, the as-of inputs and the briefcheck version, so an unchanged brief is
// not checked again. A missing or corrupt cache is a cold start, never a failure: each entry carries
// a checksum and is validated before use, a damaged entry is checked again and rewritten, and a file
// that cannot be read as a cache is discarded with one note. It stores only
// what a cached run prints (the as-of date and the problems; claims only for the claims worklist),
// one line per brief, and reads an entry's JSON text from the file only when a run asks for it
// (node/cache-file.ts), so a large cache stays small to read and to hold.

import { createHash, randomBytes } from 'node:crypto';
import { openSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { BriefResult, Problem } from '../core/types';
import { closeQuietly, forEachLine, readAt, type Line } from './cache-file';
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
   * Writes the cache if anything changed (entries for files not seen this run are kept), and ends
   * this object's use: it releases the files it holds and answers nothing more (open the cache
   * again). Call it once a run is done, changed or not.
   */
  save(): Promise<void>;
  readonly hits: number;
  readonly misses: number;
}

interface Stored {
  key: string;
  sum: string;
  /**
   * Where the entry's JSON text (UTF-8 bytes) is, parsed only when a run asks for it: in the cache
   * file read, in the scratch file for an entry made by this run, or in memory when the scratch
   * file could not be written. The text is not held as strings: those made the heap, and its
   * garbage-collection headroom, grow with the cache.
   */
  json: Buffer | Place;
}

interface Place extends Spilled {
  in: 'cache' | 'spill';
}

const checksum = (json: Buffer) => createHash('sha256').update(json).digest('hex').slice(0, 16);
const TAB = 9;

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
 * The entries of the open cache file `fd` and how many lines were damaged, or why it cannot be
 * used. Only each line's head is decoded here, and each entry when a run asks for it.
 */
function readEntries(fd: number): { entries: Map<string, Stored>; damaged: number } | 'corrupt' | 'foreign' {
  let header: 'corrupt' | 'foreign' | 'ok' | undefined;
  const entries = new Map<string, Stored>();
  let damaged = 0;
  forEachLine(fd, (line) => {
    if (header === undefined) {
      header = headerOf(line);
      return header === 'ok';
    }
    const stored = readLine(line);
    // A damaged line is dropped: its brief is checked again and its entry rewritten.
    if (stored) entries.set(stored.file, stored.stored);
    else damaged++;
  });
  if (header === undefined || header === 'corrupt') return 'corrupt';
  if (header === 'foreign') return 'foreign';
  return { entries, damaged };
}

function headerOf(line: Line): 'corrupt' | 'foreign' | 'ok' {
  if (line.length > line.head.length) return 'corrupt';
  let header: unknown;
  try {
    header = JSON.parse(line.head.toString('utf8'));
  } catch {
    return 'corrupt';
  }
  return header && typeof header === 'object' && (header as { format?: unknown }).format === CACHE_FORMAT ? 'ok' : 'foreign';
}

/** One line's four tab-separated fields (path as a JSON string, key, checksum, entry), or undefined when it is damaged. */
function readLine({ at, length, head }: Line): { file: string; stored: Stored } | undefined {
  const a = head.indexOf(TAB);
  const b = a === -1 ? -1 : head.indexOf(TAB, a + 1);
  const c = b === -1 ? -1 : head.indexOf(TAB, b + 1);
  if (c === -1) return undefined;
  let file: unknown;
  try {
    file = JSON.parse(head.toString('utf8', 0, a));
  } catch {
    return undefined;
  }
  if (typeof file !== 'string') return undefined;
  const json: Place = { in: 'cache', at: at + c + 1, length: length - c - 1 };
  return { file, stored: { key: head.toString('latin1', a + 1, b), sum: head.toString('latin1', b + 1, c), json } };
}

/** Writes the cache file to `path` in pieces of about a megabyte, never as one string of every entry. */
async function writeEntries(path: string, entries: Map<string, Stored>, bytesOf: (stored: Stored) => Buffer): Promise<void> {
  const handle = await open(path, 'w');
  try {
    let batch: Buffer[] = [Buffer.from(`${JSON.stringify({ format: CACHE_FORMAT })}\n`)];
    let size = 0;
    for (const [file, stored] of entries) {
      const json = bytesOf(stored);
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

/** The cache file at `location` opened for reading, or undefined when there is none or it cannot be read. */
function openFile(location: string, note: (message: string) => void): number | undefined {
  try {
    return openSync(location, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') note(`cannot read the cache ${location} (${code ?? (error as Error).message}); checking every file`);
    return undefined;
  }
}

/**
 * Opens the cache at `location`. `note` receives one sentence when an existing file is ignored
 * (corrupt, or written by another format). The file stays open until `save`.
 */
export async function openCache(location: string, note: (message: string) => void): Promise<ResultCache> {
  let entries = new Map<string, Stored>();
  let fd = openFile(location, note);
  let dirty = false;
  let warned = false;
  const damagedEntry = () => {
    dirty = true;
    if (warned) return;
    warned = true;
    note(`the cache ${location} has damaged entries; their briefs are checked again and the entries rewritten`);
  };
  if (fd !== undefined) {
    let read: ReturnType<typeof readEntries> | 'unreadable';
    try {
      read = readEntries(fd);
    } catch (error) {
      note(`cannot read the cache ${location} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); checking every file`);
      read = 'unreadable';
    }
    if (read === 'corrupt') note(`ignoring the cache ${location}: it is corrupt; checking every file`);
    else if (read === 'foreign') note(`ignoring the cache ${location}: written by another version; checking every file`);
    if (typeof read === 'string') {
      closeQuietly(fd);
      fd = undefined;
    } else {
      entries = read.entries;
      if (read.damaged > 0) damagedEntry();
    }
  }
  let hits = 0;
  let misses = 0;
  const spill = new Spill();
  // Entries are read into one buffer, grown as needed: each is parsed before the next is read.
  let scratch = Buffer.allocUnsafe(64 * 1024);
  const bytesOf = (stored: Stored, reuse = false): Buffer => {
    const { json } = stored;
    if (Buffer.isBuffer(json)) return json;
    if (json.in === 'spill') return spill.get(json);
    if (!reuse) return readAt(fd!, json.at, json.length);
    if (scratch.length < json.length) scratch = Buffer.allocUnsafe(Math.max(json.length, 2 * scratch.length));
    return readAt(fd!, json.at, json.length, scratch);
  };
  const lookup = (file: string, key: string, withClaims: boolean): BriefResult | undefined => {
    const stored = entries.get(file);
    if (!stored || stored.key !== key) return undefined;
    let entry: unknown;
    try {
      const json = bytesOf(stored, true);
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
      const spilled = spill.put(json);
      entries.set(file, { key, sum: checksum(json), json: spilled ? { in: 'spill', ...spilled } : json });
      dirty = true;
    },
    async save() {
      if (dirty) {
        const temp = join(dirname(location), `.${basename(location)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
        try {
          await writeEntries(temp, entries, bytesOf);
          // Released before the rename, which some systems refuse over an open file.
          release();
          await rename(temp, location);
        } catch (error) {
          await unlink(temp).catch(() => undefined);
          note(`cannot write the cache ${location} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
        }
      }
      release();
    },
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
  };
  /** Closes the cache file and the scratch file: nothing is answered afterwards. */
  function release() {
    if (fd !== undefined) closeQuietly(fd);
    fd = undefined;
    entries = new Map();
    spill.remove();
  }
}
