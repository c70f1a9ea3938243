// The --cache file read in place (server/src/node/cache-file.ts): every line found with its place
// and head whatever the lines' lengths against the reading buffer, and entries read from the file
// the run opened even when another run replaces it.
import { closeSync, mkdtempSync, openSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forEachLine, HEAD_BYTES, readAt } from '../../server/src/node/cache-file';
import { openCache } from '../../server/src/node/cache';
import type { BriefResult } from '../../server/src/core/types';

/** Seeded lengths from empty to several buffers long, so lines end on, before and after every boundary. */
function linesOf(seed: number, count: number): string[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const lengths = [0, 1, HEAD_BYTES - 1, HEAD_BYTES, HEAD_BYTES + 1, 2 * HEAD_BYTES, 5 * HEAD_BYTES + 7];
  return Array.from({ length: count }, (_, i) => {
    const length = i < lengths.length ? lengths[i]! : Math.floor(next() ** 3 * 6 * HEAD_BYTES);
    return String.fromCharCode(97 + (i % 26)).repeat(length);
  });
}

function read(text: string, piece: number) {
  const path = join(mkdtempSync(join(tmpdir(), 'briefcheck-lines-')), 'file');
  writeFileSync(path, text);
  const fd = openSync(path, 'r');
  const seen: { at: number; length: number; head: string; whole: string }[] = [];
  try {
    forEachLine(fd, (line) => void seen.push({ at: line.at, length: line.length, head: line.head.toString(), whole: readAt(fd, line.at, line.length).toString() }), piece);
  } finally {
    closeSync(fd);
  }
  return seen;
}

describe('reading the cache file line by line', () => {
  it.each([1, 2, 3])('finds every non-empty line, its place and its head (seed %i)', (seed) => {
    const lines = linesOf(seed, 60);
    for (const trailing of ['\n', '']) {
      const text = lines.join('\n') + trailing;
      const expected: { at: number; length: number }[] = [];
      let at = 0;
      for (const line of lines) {
        if (line.length > 0) expected.push({ at, length: line.length });
        at += line.length + 1;
      }
      const seen = read(text, 2 * HEAD_BYTES);
      expect(seen.map(({ at, length }) => ({ at, length }))).toEqual(expected);
      for (const line of seen) {
        expect(line.whole).toBe(text.slice(line.at, line.at + line.length));
        expect(line.head).toBe(line.whole.slice(0, HEAD_BYTES));
      }
    }
  });

  it('stops when told to', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'briefcheck-lines-')), 'file');
    writeFileSync(path, 'one\ntwo\nthree\n');
    const fd = openSync(path, 'r');
    const seen: string[] = [];
    forEachLine(fd, (line) => {
      seen.push(line.head.toString());
      return seen.length < 2;
    });
    closeSync(fd);
    expect(seen).toEqual(['one', 'two']);
  });

  it('refuses a read past the end of the file', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'briefcheck-lines-')), 'file');
    writeFileSync(path, 'short');
    const fd = openSync(path, 'r');
    expect(() => readAt(fd, 2, 10)).toThrow('the file ended early');
    closeSync(fd);
  });
});

describe('a cache in use', () => {
  const stored = (message: string): BriefResult => ({
    asOf: '2026-11-28',
    asOfSource: 'today',
    claims: [],
    problems: [{ ruleId: 'r', severity: 'info', messageId: 'm', message, range: { start: 0, end: 1 } }],
  });

  /** A cache file in a new folder holding one entry for /a.md under the key k. */
  async function savedCache(message: string): Promise<{ dir: string; location: string }> {
    const dir = mkdtempSync(join(tmpdir(), 'briefcheck-cache-'));
    const location = join(dir, 'cache');
    const first = await openCache(location, () => {});
    first.set('/a.md', 'k', stored(message));
    await first.save();
    return { dir, location };
  }

  it('answers from the file it opened when another run saves over it, and nothing once saved', async () => {
    const { location } = await savedCache('first');
    const reader = await openCache(location, () => {});
    const writer = await openCache(location, () => {});
    writer.set('/a.md', 'k', stored('second'));
    await writer.save();
    expect(reader.get('/a.md', 'k')).toEqual(stored('first'));
    expect((await openCache(location, () => {})).get('/a.md', 'k')).toEqual(stored('second'));
    await reader.save();
    expect(reader.get('/a.md', 'k')).toBeUndefined();
  });

  it('notes a cache file that cannot be read and checks everything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefcheck-cache-'));
    const notes: string[] = [];
    const cache = await openCache(dir, (n) => notes.push(n));
    expect(notes).toEqual([`cannot read the cache ${dir} (EISDIR); checking every file`]);
    expect(cache.get('/a.md', 'k')).toBeUndefined();
    await cache.save();
  });

  it('keeps entries it did not read when saving over a file replaced meanwhile', async () => {
    const { dir, location } = await savedCache('kept');
    const run = await openCache(location, () => {});
    // Another program moves a different file into place while the run goes on.
    writeFileSync(join(dir, 'other'), '{"format":3}\n');
    renameSync(join(dir, 'other'), location);
    run.set('/b.md', 'k', stored('new'));
    await run.save();
    const after = await openCache(location, () => {});
    expect(after.get('/a.md', 'k')).toEqual(stored('kept'));
    expect(after.get('/b.md', 'k')).toEqual(stored('new'));
  });
});
