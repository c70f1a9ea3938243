// Hedged counts of controlled minerals: a lower bound ("more than a dozen"), an upper bound ("fewer
// than 20") or an approximation ("about 17") is judged as what it says, never as an exact count.

import { describe, expect, it } from 'vitest';
import { checkBrief } from '../../server/src/core/check';
import { bundledDataset, options } from './bundled-dataset';

const countOf = (text: string, asOf: string) => checkBrief(text, bundledDataset(), options(asOf)).claims.find((c) => c.kind === 'count')!;

describe('hedged counts', () => {
  it.each([
    ['China now restricts exports of more than a dozen critical minerals.', 'over', 'verified'],
    ['China now restricts exports of at least 30 critical minerals.', 'at-least', 'wrong'],
    ['China now restricts exports of fewer than ten critical minerals.', 'under', 'wrong'],
    ['China now restricts exports of up to 40 critical minerals.', 'at-most', 'verified'],
    ['China now restricts exports of nearly 30 critical minerals.', 'nearly', 'unverifiable'],
  ])('%s', (text, hedge, verdict) => {
    const claim = countOf(text, '2025-12-15');
    expect(claim).toMatchObject({ hedge, verdict });
    expect(claim.text.startsWith(text.match(/(more than|at least|fewer than|up to|nearly)/)![1]!)).toBe(true);
  });

  it('an exact count the data contradicts is still wrong', () => {
    expect(countOf('China now restricts exports of 30 critical minerals.', '2025-12-15').verdict).toBe('wrong');
  });
});

describe('counts of rare earths', () => {
  it('"the number of controlled elements to 12 out of the 17 rare-earth metals" counts rare earths, not every mineral', () => {
    const claims = checkBrief('The new rules add five rare earths, bringing the total number of controlled elements to 12 out of the 17 rare-earth metals.', bundledDataset(), options('2025-10-10')).claims;
    const claim = claims.find((c) => c.kind === 'count' && c.count === 12)!;
    expect(claim).toMatchObject({ count: 12, countOf: 'rare-earths' });
    expect(claim.verdict).not.toBe('wrong');
  });
});

describe('counts around another', () => {
  it('"…today, up from two in August 2023" is a second count, dated', () => {
    const claims = checkBrief('Sixteen minerals are under Chinese export licensing today, up from two in August 2023.', bundledDataset(), options('2025-06-01')).claims.filter((c) => c.kind === 'count');
    expect(claims.map((c) => [c.count, c.countOf, c.verdict])).toEqual([
      [16, 'total', 'verified'],
      [2, 'total', 'verified'],
    ]);
    expect(claims[1]!.checkedOn).toBe('2023-08-31');
  });

  it('"None of the five metals has been banned" still counts five', () => {
    expect(countOf('None of the five metals has been banned outright.', '2025-06-01')).toMatchObject({ count: 5 });
  });
});
