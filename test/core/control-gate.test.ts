// `anyControlWord` (core/claims/cues.ts) is the cheap test that decides whether a sentence is read
// for controls at all; the cue tables say what the reader then finds. The gate is kept by hand
// beside the tables, so a cue added to a table but not to the gate would silently never be read.
// On every brief the project holds (examples, the reader's corpus, the test fixtures), each sentence
// in which a control or status-change cue is found must pass the gate.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anyControlWord, findChangeCues, findControlCues } from '../../server/src/core/claims/cues';

const root = join(__dirname, '..', '..');
const folders = ['examples', 'test/reader/corpus/briefs', 'test/lsp/fixtures', 'test/fixtures'];

function briefs(): string[] {
  const out: string[] = [];
  for (const folder of folders) {
    let names: string[];
    try {
      names = readdirSync(join(root, folder), { recursive: true }) as string[];
    } catch {
      continue;
    }
    for (const name of names) if (name.endsWith('.md')) out.push(readFileSync(join(root, folder, name), 'utf8'));
  }
  return out;
}

// Additions ("extended": add, place, impose…) only say more about a control another word names.
const GATED_CHANGES = new Set(['suspension', 'lifted', 'resumed', 'proposed']);

describe('the control gate', () => {
  it('lets through every sentence in which a control or status-change cue is found', () => {
    const texts = briefs();
    expect(texts.length).toBeGreaterThan(20);
    const missed: string[] = [];
    let cued = 0;
    for (const text of texts) {
      for (const sentence of text.split(/(?<=[.!?])\s+|\n\s*\n/)) {
        const cues = [...findControlCues(sentence, 0, sentence.length), ...findChangeCues(sentence, 0, sentence.length).filter((c) => GATED_CHANGES.has(c.kind))];
        if (cues.length === 0) continue;
        cued++;
        if (!anyControlWord.test(sentence)) missed.push(`${cues.map((c) => sentence.slice(c.range.start, c.range.end)).join(', ')}: ${sentence.slice(0, 120)}`);
      }
    }
    expect(cued).toBeGreaterThan(150);
    expect(missed).toEqual([]);
  });
});
