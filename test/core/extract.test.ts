// Extraction precision: sentences that must produce the claims they state, and sentences that must
// produce no claim beyond mentions and unread sentences, because a wrong warning costs the user's
// trust. Figures of metrics the dataset does not measure (prices, import changes) are read, listed
// and never judged.

import { describe, expect, it } from 'vitest';
import { checkBrief } from '../../server/src/core/check';
import { bundledDataset, options } from './bundled-dataset';

const resultOf = (text: string) => checkBrief(text, bundledDataset(), options('2025-05-01'));
const claimsOf = (text: string) => resultOf(text).claims.filter((c) => c.kind !== 'mention' && c.kind !== 'unread');

describe('claims that are extracted', () => {
  it.each([
    ['China supplied nearly two-thirds of US imports of antimony in 2020–23.', { kind: 'figure', value: 66.7, hedge: 'nearly' }],
    ['China’s share of US imports of gallium was 53% in 2018–21.', { kind: 'figure', metric: 'import_share', value: 53 }],
    ['US net import reliance on gallium was 100% in 2024.', { kind: 'figure', metric: 'net_import_reliance', value: 100 }],
    ['China accounts for 99% of global gallium production.', { kind: 'figure', metric: 'world_production_share', value: 99 }],
    ['Global demand for terbium was about 340 tonnes in 2024.', { kind: 'figure', metric: 'demand', unit: 't', value: 340 }],
    ['Tungsten and bismuth exports require an export licence.', { kind: 'control', minerals: ['tungsten', 'bismuth'] }],
    ['There are no export controls on nickel.', { kind: 'control', control: { type: 'none', destination: 'all' } }],
    ['As of April 2025, China bans exports of antimony to the US.', { kind: 'control', control: { type: 'ban', destination: 'US', date: '2025-04-30' } }],
    ['China imposed export controls on 17 critical minerals.', { kind: 'count', count: 17 }],
  ])('%s', (text, expected) => {
    expect(claimsOf(text)).toEqual([expect.objectContaining(expected)]);
  });

  it('binds a period written as "January 2024 to November 2024"', () => {
    expect(claimsOf('China supplied 63% of US imports of antimony from January 2024 to November 2024.')[0]!.period).toMatchObject({ start: '2024-01-01', end: '2024-11-30' });
  });

  it('keeps the closing bracket of a period written in brackets', () => {
    const [claim] = claimsOf('China supplied 63% of US imports of antimony oxides (January–November 2024).');
    expect(claim!.text).toBe('China supplied 63% of US imports of antimony oxides (January–November 2024)');
  });
});

describe('figures of metrics the dataset does not measure', () => {
  it.each([
    ['Antimony prices rose 200% in 2024.', 'price_change'],
    ['Gallium arsenide wafers worth 63% more were imported in 2022.', 'import_change'],
  ])('%s is read as %s, unverifiable, and raises no problem', (text, metric) => {
    const result = resultOf(text);
    expect(result.claims.filter((c) => c.kind === 'figure').map((c) => [c.metric, c.verdict])).toEqual([[metric, 'unverifiable']]);
    expect(result.problems).toEqual([]);
  });
});

describe('sentences that must produce no claim', () => {
  it.each([
    'China may ban exports of gallium to the US next year.',
    'It is not true that China banned exports of tungsten to the US.',
    'Would China ban exports of germanium to the US?',
    'China could restrict 30% of world gallium supply.',
    'The report covers gallium, germanium and 12 other minerals.',
    'US demand amounts to 9.7% of Chinese exports of the controlled minerals.',
    '`China banned exports of gallium to the US` is quoted code.',
    'See https://example.org/China-banned-exports-of-gallium-to-the-US for details.',
    'China threatened to ban exports of antimony to the US.',
  ])('%s', (text) => {
    expect(claimsOf(text)).toEqual([]);
  });
});
