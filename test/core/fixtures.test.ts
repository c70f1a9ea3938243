// Fixture briefs with snapshots of their problems and of their fixed text, plus the invariants of
// fixing: the fixed text has no fixable problem left, and a second fix pass changes nothing.

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBrief } from '../../server/src/core/check';
import { applyFixes } from '../../server/src/core/fix';
import type { BriefResult } from '../../server/src/core/types';
import { bundledDataset, options } from './bundled-dataset';

const dir = resolve(__dirname, '../fixtures');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.md'));

function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

function render(text: string, result: BriefResult): string {
  return result.problems.map((p) => `${lineCol(text, p.range.start)} ${p.severity} ${p.ruleId}${p.fix ? ' (fixable)' : ''}: ${p.message}`).join('\n') + '\n';
}

function fixAll(text: string): string {
  const result = checkBrief(text, bundledDataset(), options());
  return applyFixes(text, result.problems.flatMap((p) => (p.fix ? [p.fix] : []))).text;
}

describe('fixtures', () => {
  it('finds fixture briefs', () => expect(fixtures.length).toBeGreaterThanOrEqual(3));

  for (const name of fixtures) {
    describe(name, () => {
      const text = readFileSync(join(dir, name), 'utf8');

      it('reports the problems in the snapshot', async () => {
        await expect(render(text, checkBrief(text, bundledDataset(), options()))).toMatchFileSnapshot(`../fixtures/snapshots/${name}.problems.txt`);
      });

      it('fixes to the text in the snapshot', async () => {
        await expect(fixAll(text)).toMatchFileSnapshot(`../fixtures/snapshots/${name}.fixed.txt`);
      });

      it('leaves no fixable problem, and a second fix pass changes nothing', () => {
        const once = fixAll(text);
        expect(checkBrief(once, bundledDataset(), options()).problems.filter((p) => p.fix)).toEqual([]);
        expect(fixAll(once)).toBe(once);
      });
    });
  }
});
