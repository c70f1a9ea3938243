// The benchmark corpus must be the same bytes on every run and machine, so peers and briefcheck
// are always compared on identical input, and it must look like the briefs the tool is built for.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateBrief, generateCorpus } from './corpus.mjs';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function corpus(seed: number): { dir: string; sha256: string; texts: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'briefcheck-corpus-'));
  made.push(dir);
  const { sha256 } = generateCorpus({ dir, files: 12, lines: 120, seed });
  const texts: string[] = [];
  for (const batch of readdirSync(dir).filter((n) => n.startsWith('batch-')).sort()) {
    for (const name of readdirSync(join(dir, batch)).sort()) texts.push(readFileSync(join(dir, batch, name), 'utf8'));
  }
  return { dir, sha256, texts };
}

describe('benchmark corpus', () => {
  it('is byte-identical for the same seed and differs for another', () => {
    const a = corpus(42);
    const b = corpus(42);
    const c = corpus(43);
    expect(b.texts).toEqual(a.texts);
    expect(b.sha256).toBe(a.sha256);
    expect(c.sha256).not.toBe(a.sha256);
  });

  it('writes briefs of exactly the asked number of lines', () => {
    for (const text of corpus(7).texts) {
      expect(text.endsWith('\n')).toBe(true);
      expect(text.split('\n')).toHaveLength(121);
    }
    expect(generateBrief(99, 2000).split('\n')).toHaveLength(2001);
  });

  it('holds the constructs real briefs use', () => {
    const all = Array.from({ length: 40 }, (_, i) => generateBrief(i + 1, 300)).join('\n');
    expect(all).toMatch(/^---\n(?:.*\n)*?(?:as_of|date): \d{4}-\d{2}-\d{2}\n/m);
    expect(all).toMatch(/^\| Mineral \| Control \|/m);
    expect(all).toMatch(/^\[\^\d+\]: /m);
    expect(all).toMatch(/\]\(https:\/\/[^)]+\)/);
    expect(all).toMatch(/<abbr title=/);
    expect(all).toMatch(/^```json$/m);
    expect(all).toMatch(/China supplied \d+% of US imports of /);
    expect(all).toMatch(/China bans exports of \w+/);
  });
});
