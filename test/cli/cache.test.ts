// The --cache file on its own: hits and misses by key, atomic saves, and a corrupt or foreign file
// treated as a cold start with a note instead of a crash.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashOf, openCache, stableStringify } from '../../server/src/node/cache';
import type { BriefResult, Claim } from '../../server/src/core/types';

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
    expect((await openCache(location, () => {})).get('/a.md', 'k')).toEqual(result);
  });
});

describe('a damaged cache', () => {
  const problem = { ruleId: 'unsourced-figure', severity: 'warning', messageId: 'm', message: 'm', range: { start: 0, end: 7 } } as const;
  const stored: BriefResult = { asOf: '2026-11-28', asOfSource: 'today', claims: [], problems: [problem] };

  it.each([
    ['a renamed field', (line: string) => line.replace('"range"', '"rangX"')],
    ['a flipped bit', (line: string) => line.replace('unsourced-figure', 'unsourcud-figure')],
    ['a cut line', (line: string) => line.slice(0, 30)],
    ['a lost tab', (line: string) => line.replace('\t', ' ')],
  ])('misses an entry with %s, notes it once, and rewrites it', async (_name, damage) => {
    const location = join(mkdtempSync(join(tmpdir(), 'briefcheck-cache-')), 'cache');
    const first = await openCache(location, () => {});
    first.set('/a.md', 'k', stored);
    first.set('/b.md', 'k', stored);
    await first.save();
    const [header, a, b] = readFileSync(location, 'utf8').split('\n');
    writeFileSync(location, [header, damage(a!), b, ''].join('\n'));
    const notes: string[] = [];
    const second = await openCache(location, (n) => notes.push(n));
    expect(second.get('/a.md', 'k')).toBeUndefined();
    expect(second.get('/b.md', 'k')).toEqual(stored);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('damaged entries');
    second.set('/a.md', 'k', stored);
    await second.save();
    const healed: string[] = [];
    const third = await openCache(location, (n) => healed.push(n));
    expect(third.get('/a.md', 'k')).toEqual(stored);
    expect(healed).toEqual([]);
  });
});

describe('keys', () => {
  it('hash equal values equally whatever their key order, and differ when any part differs', () => {
    expect(stableStringify({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(stableStringify({ a: [{ c: 3, d: 2 }], b: 1 }));
    expect(hashOf('a', 'bc')).not.toBe(hashOf('ab', 'c'));
  });
});

describe('what the cache keeps', () => {
  const claim: Claim = { kind: 'mention', minerals: ['gallium'], range: { start: 0, end: 7 }, text: 'gallium', checkedOn: '2026-11-28', cited: false, verdict: 'verified' };
  const full: BriefResult = {
    asOf: '2025-01-01',
    asOfSource: 'front-matter',
    claims: [claim],
    problems: [
      {
        ruleId: 'stale-figure', severity: 'warning', messageId: 'stale', message: 'm', range: { start: 0, end: 7 },
        fix: { edits: [{ range: { start: 0, end: 7 }, text: 'x' }] }, claim: 0, record: { kind: 'observation', id: 'o1', sources: ['s1'] },
      },
    ],
  };

  it('stores what a check prints, not claims, so a claims run misses and stores them', async () => {
    const location = join(mkdtempSync(join(tmpdir(), 'briefcheck-cache-')), 'cache');
    const first = await openCache(location, () => {});
    first.set('/a.md', 'k', full);
    await first.save();
    // A header line, then the path, the key and the entry on one line.
    const [header, line, end] = readFileSync(location, 'utf8').split('\n');
    expect([JSON.parse(header!), end]).toEqual([{ format: 3 }, '']);
    const [path, key, , json] = line!.split('\t');
    expect([JSON.parse(path!), key]).toEqual(['/a.md', 'k']);
    expect(JSON.parse(json!).claims).toBeUndefined();
    expect(JSON.parse(json!).problems[0]).not.toHaveProperty('record');

    const second = await openCache(location, () => {});
    const { claim: _c, record: _r, ...printed } = full.problems[0]!;
    expect(second.get('/a.md', 'k')).toEqual({ ...full, claims: [], problems: [printed] });
    expect(second.get('/a.md', 'k', true)).toBeUndefined();
    second.set('/a.md', 'k', full, true);
    expect(second.get('/a.md', 'k', true)?.claims).toEqual([claim]);
    expect(second.get('/a.md', 'k')?.claims).toEqual([]);
    await second.save();
  });

  it('reads a cache of the earlier format, which held whole results, as a cold start', async () => {
    const location = join(mkdtempSync(join(tmpdir(), 'briefcheck-cache-')), 'cache');
    writeFileSync(location, JSON.stringify({ format: 1, entries: { '/a.md': { key: 'k', result: full } } }));
    const notes: string[] = [];
    const cache = await openCache(location, (n) => notes.push(n));
    expect(cache.get('/a.md', 'k')).toBeUndefined();
    expect(notes[0]).toContain('written by another version');
  });

  it('keeps paths with tabs, quotes and line breaks apart from the key and the entry', async () => {
    const location = join(mkdtempSync(join(tmpdir(), 'briefcheck-cache-')), 'cache');
    const odd = '/briefs/a\tb "c"\nd.md';
    const first = await openCache(location, () => {});
    first.set(odd, 'k', full);
    first.set('/b.md', 'k2', full, true);
    await first.save();
    const second = await openCache(location, () => {});
    expect(second.get(odd, 'k')?.problems).toHaveLength(1);
    expect(second.get('/b.md', 'k2', true)?.claims).toEqual([claim]);
  });

  it('drops a damaged entry line with one note, and reads a format-2 cache as a cold start', async () => {
    const location = join(mkdtempSync(join(tmpdir(), 'briefcheck-cache-')), 'cache');
    writeFileSync(location, '{"format":3}\n"/a.md"\tk\n');
    const notes: string[] = [];
    const cache = await openCache(location, (n) => notes.push(n));
    expect(cache.get('/a.md', 'k')).toBeUndefined();
    expect(notes).toEqual([`the cache ${location} has damaged entries; their briefs are checked again and the entries rewritten`]);
    writeFileSync(location, '{"format":2}\n');
    const old: string[] = [];
    await openCache(location, (n) => old.push(n));
    expect(old[0]).toContain('written by another version');
  });
});

describe('the cache as bytes', () => {
  const message = 'Le chiffre « 63 % » — 中国 — 😀 diffère';
  const problem = { ruleId: 'figure-mismatch', severity: 'error', messageId: 'm', message, range: { start: 3, end: 9 } } as const;
  const stored: BriefResult = { asOf: '2026-11-28', asOfSource: 'today', claims: [], problems: [problem] };

  it('reads back paths and messages outside ASCII, and keeps an unread entry byte for byte when saving', async () => {
    const location = join(mkdtempSync(join(tmpdir(), 'briefcheck-cache-')), 'cache');
    const first = await openCache(location, () => {});
    first.set('/notes/mémo 中国.md', 'k', stored);
    first.set('/b.md', 'k', stored);
    await first.save();
    const before = readFileSync(location);
    const second = await openCache(location, () => {});
    expect(second.get('/notes/mémo 中国.md', 'k')).toEqual(stored);
    second.set('/c.md', 'k', stored);
    await second.save();
    const after = readFileSync(location);
    // The two old lines are written again as they were read; the new one follows.
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    expect((await openCache(location, () => {})).get('/c.md', 'k')).toEqual(stored);
  });

  it('misses an entry whose bytes were damaged inside a multi-byte character', async () => {
    const location = join(mkdtempSync(join(tmpdir(), 'briefcheck-cache-')), 'cache');
    const first = await openCache(location, () => {});
    first.set('/a.md', 'k', stored);
    await first.save();
    const bytes = readFileSync(location);
    const at = bytes.indexOf(Buffer.from('中'));
    bytes[at + 1] = 0x20; // no longer UTF-8: decodes to a replacement character
    writeFileSync(location, bytes);
    const notes: string[] = [];
    const cache = await openCache(location, (n) => notes.push(n));
    expect(cache.get('/a.md', 'k')).toBeUndefined();
    expect(notes).toHaveLength(1);
  });

  it('writes a cache of several megabytes in pieces that read back whole', async () => {
    const location = join(mkdtempSync(join(tmpdir(), 'briefcheck-cache-')), 'cache');
    const many: BriefResult = { ...stored, problems: Array.from({ length: 400 }, (_, i) => ({ ...problem, range: { start: i, end: i + 5 } })) };
    const first = await openCache(location, () => {});
    for (let i = 0; i < 60; i++) first.set(`/briefs/${i}.md`, `k${i}`, many);
    await first.save();
    expect(readFileSync(location).length).toBeGreaterThan(3 * 1024 * 1024);
    const second = await openCache(location, () => {});
    for (let i = 0; i < 60; i++) expect(second.get(`/briefs/${i}.md`, `k${i}`)).toEqual(many);
    expect(second.misses).toBe(0);
  });
});

describe('the entries a run makes', () => {
  const stored: BriefResult = { asOf: '2026-11-28', asOfSource: 'today', claims: [], problems: [{ ruleId: 'r', severity: 'info', messageId: 'm', message: 'm', range: { start: 0, end: 1 } }] };

  it.each([
    ['in a scratch file', (dir: string) => dir],
    ['in memory when no scratch file can be made', (dir: string) => join(dir, 'missing', 'folder')],
  ])('wait %s, answer before saving, and are all saved', async (_, scratchOf) => {
    const dir = mkdtempSync(join(tmpdir(), 'briefcheck-cache-'));
    const scratch = scratchOf(mkdtempSync(join(tmpdir(), 'briefcheck-cache-tmp-')));
    const location = join(dir, 'cache');
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = scratch;
    try {
      const first = await openCache(location, () => {});
      for (let i = 0; i < 20; i++) first.set(`/b${i}.md`, `k${i}`, stored);
      first.set('/b3.md', 'k3-again', stored);
      expect(first.get('/b7.md', 'k7')).toEqual(stored);
      expect(first.get('/b3.md', 'k3')).toBeUndefined();
      await first.save();
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    if (scratch.endsWith('folder')) expect(() => readdirSync(scratch)).toThrow();
    else expect(readdirSync(scratch)).toEqual([]);
    const second = await openCache(location, () => {});
    for (let i = 0; i < 20; i++) expect(second.get(`/b${i}.md`, i === 3 ? 'k3-again' : `k${i}`)).toEqual(stored);
    expect(second.misses).toBe(0);
  });
});
