// The seeded property suite (a few seconds in every test run): mutated briefs never crash, stall,
// differ between the command line and the editor, or fix differently a second time; and checking
// grows linearly with pathological input. `npm run fuzz` runs the same properties for long.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBrief } from '../../server/src/core/check';
import { bundledDataset } from '../core/bundled-dataset';
import { GROWING, mutatedBrief, seedBriefs } from './mutate';
import { examine, options } from './oracle';

const SEED = Number(process.env.BRIEFCHECK_FUZZ_SEED ?? 20261203);
const dataset = bundledDataset();
const seeds = seedBriefs();

describe('fuzz properties', () => {
  it('mutated briefs: no crash, no stall, command line equals editor, fixes settle', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedBrief(seeds, 800), async (text) => {
        const verdict = await examine(text, dataset, 3);
        expect(verdict.findings).toEqual([]);
      }),
      { seed: SEED, numRuns: 40 },
    );
  }, 60_000);

  it.each(GROWING.map((grow, i) => [i, JSON.stringify(grow(3)), grow] as const))('checking time grows linearly with piece %i, %s', (_i, _name, grow) => {
    const brief = seeds.reduce((a, b) => (b.length < a.length ? b : a));
    const time = (n: number) => {
      const text = `${brief}\n${grow(n)}\n`;
      let best = Infinity;
      for (let k = 0; k < 2; k++) {
        const t0 = performance.now();
        checkBrief(text, dataset, options);
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    time(200); // warm up
    const small = time(400);
    const large = time(3200);
    // Eight times the input: linear is about eight times the time; quadratic would be sixty-four.
    expect(large).toBeLessThan(small * 24 + 250);
  });
});
