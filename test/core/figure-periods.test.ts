// The period a figure is read with when its words give it indirectly: a price quoted with no time
// (the brief's month), a change measured against a year earlier (the current period, not the year
// before), "over the year" in a year-in-review written early in the next year, a record's time that
// is not the figure's, and a parallel figure that shares the time before it.

import { describe, expect, it } from 'vitest';
import { checkBrief } from '../../server/src/core/check';
import { bundledDataset, options } from './bundled-dataset';

const figures = (text: string, asOf: string) => checkBrief(text, bundledDataset(), options(asOf)).claims.filter((c) => c.kind === 'figure');
const periodOf = (text: string, asOf: string, i = 0) => {
  const p = figures(text, asOf)[i]?.period;
  return p && `${p.start}..${p.end}`;
};

describe('periods read indirectly', () => {
  it('a price with no time is the market in the month of the brief', () => {
    expect(periodOf('Bismuth ingot was quoted near $12 a pound in Rotterdam.', '2025-07-18')).toBe('2025-07-01..2025-07-31');
  });

  it('a time after "down from a record" is the record’s', () => {
    expect(periodOf('Tungsten concentrate held near $300 per unit, down from a record reached in March.', '2025-07-18')).toBe('2025-07-01..2025-07-31');
  });

  it('a change against a year earlier keeps the current period', () => {
    const text = 'China exported 1,000 t of antimony in 2024, 20% fewer than a year earlier.';
    expect(periodOf(text, '2025-03-01', 1)).toBe('2024-01-01..2024-12-31');
  });

  it('a value "a year earlier" takes the year before', () => {
    const text = 'Indium imports from China made up 30% of the US total in 2023, against 40% a year earlier.';
    expect(periodOf(text, '2025-03-01', 1)).toBe('2022-01-01..2022-12-31');
  });

  it('"over the year" in a review written in January is the year just ended', () => {
    expect(periodOf('Chinese exports of terbium fell 30% over the year.', '2026-01-05')).toBe('2025-01-01..2025-12-31');
    expect(periodOf('Chinese exports of terbium fell 30% over the year.', '2025-09-05')).toBe('2025-01-01..2025-12-31');
  });

  it('a month range with no year is the latest such range by the brief’s date', () => {
    expect(periodOf('In January-September, China supplied 19% of US imports of germanium.', '2024-12-05')).toBe('2024-01-01..2024-09-30');
    expect(periodOf('From October to December, China supplied 19% of US imports of germanium.', '2025-03-01')).toBe('2024-10-01..2024-12-31');
  });

  it('a time that a change is compared with is not its period', () => {
    expect(periodOf('Chinese exports of antimony products in October 2024 dropped by 97% compared to September.', '2024-12-03')).toBe('2024-10-01..2024-10-31');
  });

  it('"falling 5% from September to 5,473 t" keeps the period named before it, and is a change', () => {
    const [change] = figures('Chinese rare-earth exports dipped in October 2025, falling 5.2% from September to 5,473 metric tons.', '2025-11-20');
    expect(change).toMatchObject({ metric: 'export_change', value: 5.2 });
    expect(`${change!.period!.start}..${change!.period!.end}`).toBe('2025-10-01..2025-10-31');
  });

  it('a parallel figure after "against" shares the time before it', () => {
    const text = 'Customs data show holmium exports to Korea of 900 kg in June 2025, against 1,100 kg to the United States.';
    expect(periodOf(text, '2025-09-01', 1)).toBe('2025-06-01..2025-06-30');
  });
});

describe('figures about a counted set of minerals', () => {
  const read = (text: string) => figures(text, '2026-02-10').map((c) => [c.minerals.join(','), c.metric, c.value]);

  it('a figure for "N of them" binds only the members named as examples', () => {
    expect(read('Of 50 critical minerals on the federal list, the US relies 100% on imports for 12 of them, including gallium and indium, and more than 50% for a further 29.')).toEqual([
      ['gallium', 'net_import_reliance', 100],
      ['indium', 'net_import_reliance', 100],
    ]);
  });

  it('a figure whose subject is "20 critical minerals" takes no minerals from the sentence before', () => {
    expect(read('Gallium and indium were fully import reliant. Another 20 critical minerals had net import reliance above 50% in 2025.').map((r) => r[2])).toEqual([100, 100]);
  });

  it('a mineral placed "among the 16" takes the set’s figure', () => {
    expect(read('The survey lists gallium among the 16 commodities for which the US relied on imports for 100% of supply in 2025.')).toEqual([['gallium', 'net_import_reliance', 100]]);
  });

  it('a time after a figure introduced by ", with" is that figure’s', () => {
    const [reliance] = figures('The U.S. is 100% import-reliant for yttrium, with China responsible for 94% of U.S. imports of the metal from 2018 to 2021.', '2026-02-10');
    expect(reliance!.period).toBeUndefined();
  });

  it('a share of a commodity the dataset does not know is not the mineral named before it', () => {
    expect(read('China controls more than 80% of the world’s supply of tungsten and about 90% of global magnesium production.').map((r) => r[2])).toEqual([80]);
  });
});

describe('reliance written in words', () => {
  const read = (text: string) => figures(text, '2025-06-01').map((c) => [c.minerals.join(','), c.metric, c.value, c.hedge]);

  it('"a net exporter" is a reliance of at most nothing, judged against the data', () => {
    expect(read('The United States was a net exporter of gallium in 2024.')).toEqual([['gallium', 'net_import_reliance', 0, 'at-most']]);
    expect(figures('The United States was a net exporter of gallium in 2024.', '2025-06-01')[0]!.verdict).toBe('mismatch');
  });

  it('"imports all of its gallium and more than half of its germanium" gives two reliances', () => {
    expect(read('America imports all of its gallium and more than half of its germanium.')).toEqual([
      ['gallium', 'net_import_reliance', 100, 'exact'],
      ['germanium', 'net_import_reliance', 50, 'over'],
    ]);
  });

  it('"imports half of its germanium from China" stays a share of imports', () => {
    expect(read('The US imports half of its germanium from China.')[0]![1]).toBe('import_share');
  });
});
