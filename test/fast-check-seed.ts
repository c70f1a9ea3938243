// Property tests (fast-check) run with a fixed seed, so `npm test` checks the same cases on every
// run and CI never fails at random on a case no change introduced. A failure prints its seed and
// path, which replay it. To explore other cases, set BRIEFCHECK_FC_SEED to another number, or to
// "random" for a new seed on each run; `npm run fuzz` explores the reader at length.

import fc from 'fast-check';

const chosen = process.env.BRIEFCHECK_FC_SEED;
if (chosen !== 'random') {
  const seed = chosen === undefined ? 1 : Number(chosen);
  if (!Number.isInteger(seed)) throw new Error(`BRIEFCHECK_FC_SEED must be an integer or "random", not "${chosen}"`);
  fc.configureGlobal({ seed });
}
