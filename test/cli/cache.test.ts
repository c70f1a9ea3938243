// The --cache file on its own: hits and misses by key, atomic saves, and a corrupt or foreign file
// treated as a cold start with a note instead of a crash.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashOf, openCache, stableStringify } from '../../server/src/node/cache';
import type { BriefResult } from '../../server/src/core/types';

const result: BriefResult = { asOf: '2026-11-28', asOfSource: 'today', claims: [], problems: [] };

describe('openCache', () => {
  it('returns a stored result only for the same key, across runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefcheck-cache-'));
    const location = join(dir, '.briefcheckcache');
    const first = await openCache(location, () => {});
    expect(first.get('/a.md', 'k1')).toBeUndefined();
    first.set('/a.md', 'k1', result);
    await first.save();
    expect(readdirSync(dir)).toEqual(['.briefcheckcache']);
    const notes: string[] = [];
    const second = await openCache(location, (n) => notes.push(n));
    expect(second.get('/a.md', 'k1')).toEqual(result);
    expect(second.get('/a.md', 'k2')).toBeUndefined();
    expect([second.hits, second.misses]).toEqual([1, 1]);
    expect(notes).toEqual([]);
  });

  it.each([
    ['corrupt', '{"format": 1, "entr', 'it is corrupt'],
    ['foreign', JSON.stringify({ format: 99, entries: {} }), 'written by another version'],
  ])('ignores a %s cache file with a note and still saves a good one', async (_, text, note) => {
    const dir = mkdtempSync(join(tmpdir(), 'briefcheck-cache-'));
    const location = join(dir, 'cache.json');
    writeFileSync(location, text);
    const notes: string[] = [];
    const cache = await openCache(location, (n) => notes.push(n));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(note);
    cache.set('/a.md', 'k', result);
    await cache.save();
    expect(JSON.parse(readFileSync(location, 'utf8')).entries['/a.md'].key).toBe('k');
  });
});

describe('keys', () => {
  it('hash equal values equally whatever their key order, and differ when any part differs', () => {
    expect(stableStringify({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(stableStringify({ a: [{ c: 3, d: 2 }], b: 1 }));
    expect(hashOf('a', 'bc')).not.toBe(hashOf('ab', 'c'));
  });
});
