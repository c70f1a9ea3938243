// The status questions from issue 2, answered by the bundled data exactly as the research says,
// plus counts, resolving names and the order of observations.

import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../server/src/core/dataset/types';
import { loadDataset } from '../../server/src/node/dataset';

let dataset: Dataset;
beforeAll(async () => {
  dataset = (await loadDataset([])).dataset;
});

describe('statusOn', () => {
  const table: [mineral: string, on: string, status: string, destinations: Record<string, string>][] = [
    ['gallium', '2024-06-01', 'licensing', {}],
    ['gallium', '2025-01-01', 'licensing', { US: 'ban' }],
    ['gallium', '2025-12-01', 'licensing', { US: 'licensing' }],
    ['gallium', '2026-11-28', 'licensing', { US: 'unknown' }],
    ['dysprosium', '2025-03-01', 'none', {}],
    ['dysprosium', '2025-05-01', 'licensing', {}],
    ['holmium', '2025-12-01', 'none', {}],
    ['holmium', '2026-11-28', 'unknown', {}],
    ['nickel', '2023-08-01', 'none', {}],
    ['nickel', '2025-11-08', 'none', {}],
    ['nickel', '2026-11-28', 'none', {}],
    ['titanium', '2025-06-30', 'none', {}],
  ];
  it.each(table)('%s on %s is %s', (mineral, on, status, destinations) => {
    const s = dataset.statusOn(mineral, on);
    expect(s.status).toBe(status);
    expect(s.destinations).toEqual(destinations);
  });

  it('says why: the US ban is suspended, then its suspension ended with no later record', () => {
    expect(dataset.statusOn('gallium', '2025-12-01').note).toMatch(/No\. 46\/2024 clause 2 is suspended by No\. 72\/2025 until 2026-11-27/);
    expect(dataset.statusOn('gallium', '2026-11-28').note).toMatch(/ended on 2026-11-27 and the dataset has no later record/);
    expect(dataset.statusOn('holmium', '2025-12-01').note).toMatch(/never took effect/);
    expect(dataset.statusOn('holmium', '2026-11-28').note).toMatch(/ended on 2026-11-10/);
  });

  it('lists the measures that make the status, including the unsuspended US-military ban', () => {
    const s = dataset.statusOn('gallium', '2025-12-01');
    const states = Object.fromEntries(s.clauses.map((c) => [c.clause.id, c.state]));
    expect(states).toMatchObject({ 'CM-2023-23.1': 'in-force', 'CM-2024-46.2a': 'suspended', 'CM-2024-46.1': 'in-force' });
  });

  it('after the newest source, keeps the last known record and says when it was last confirmed', () => {
    const after = dataset.statusOn('gallium', '2027-01-01');
    expect(after.status).toBe('licensing');
    expect(after.confirmedThrough).toBe(dataset.meta.latestSource);
    expect(after.destinations['US']).toBe('unknown');
    expect(dataset.statusOn('gallium', dataset.meta.latestSource!).confirmedThrough).toBeUndefined();
  });

  it('is unknown before the coverage', () => {
    expect(dataset.statusOn('graphite', '2020-01-01').status).toBe('unknown');
  });

  it('reports the changes between two dates, including the end of a suspension', () => {
    const changes = dataset.changesBetween('gallium', '2024-06-01', '2026-11-28').map((c) => [c.date, c.event.kind]);
    expect(changes).toEqual([['2024-12-03', 'note'], ['2025-11-09', 'suspended'], ['2026-11-28', 'note']]);
  });
});

describe('controlledCount', () => {
  it('counts 16 minerals by mid-2025, never titanium, and no item groups', () => {
    const count = dataset.controlledCount('2025-07-01');
    expect(count.minerals).toHaveLength(16);
    expect(count.minerals).not.toContain('titanium');
    expect(count.minerals).not.toContain('superhard-materials');
    expect(count.minerals).not.toContain('rare-earths');
  });
  it('counts what was controlled on earlier dates', () => {
    expect([...dataset.controlledCount('2023-09-01').minerals].sort()).toEqual(['gallium', 'germanium']);
  });
  it('puts the October 2025 rare earths under unknown once their suspension has ended', () => {
    const count = dataset.controlledCount('2026-11-28');
    expect(count.minerals).toHaveLength(16);
    expect([...count.unknown].sort()).toEqual(['erbium', 'europium', 'holmium', 'thulium', 'ytterbium']);
  });
});

describe('resolve', () => {
  it.each([
    ['gallium', 'gallium'], ['Gallium', 'gallium'], ['wolfram', 'tungsten'], ['Columbium', 'niobium'], ['antimony trioxide', 'antimony'],
    ['antimony oxides', 'antimony'], ['unwrought gallium', 'gallium'], ['germanium dioxide', 'germanium'], ['NdFeB magnets', 'neodymium'],
    ['rare earth elements', 'rare-earths'], ['rare-earth elements', 'rare-earths'], ['REEs', 'rare-earths'], ['superhard materials', 'superhard-materials'],
    ['Ga', 'gallium'], ['Dy', 'dysprosium'], ['GaN', 'gallium'],
  ])('%s names %s', (text, id) => {
    expect(dataset.resolve(text)?.id).toBe(id);
  });
  it.each(['In', 'Mo', 'Y', 'Sc', 'Ti', 'W', 'Te', 'Bi', 'Sb', 'Li', 'Co', 'C', 'ga', 'gan', 'ree', 'unobtainium'])('%s names nothing', (text) => {
    expect(dataset.resolve(text)).toBeUndefined();
  });
  it('offers surface forms longest first, with no ambiguous symbol among them', () => {
    const forms = dataset.surfaceForms();
    for (let i = 1; i < forms.length; i++) expect(forms[i - 1]!.text.length).toBeGreaterThanOrEqual(forms[i]!.text.length);
    expect(forms.filter((f) => f.kind === 'symbol').map((f) => f.text)).not.toContain('In');
  });
});

describe('observations', () => {
  it('returns the newest period first and respects the as-of publication date', () => {
    const all = dataset.observations({ mineral: 'rare-earths', metric: 'net_import_reliance' });
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.period.end >= all[i]!.period.end).toBe(true);
    expect(all[0]!.period.end).toBe('2025-12-31');
    const early = dataset.observations({ mineral: 'rare-earths', metric: 'net_import_reliance', asOf: '2025-06-01' });
    expect(early[0]).toMatchObject({ id: 'NIR-MCS2025-rare-earths', value: 80 });
    expect(early.every((o) => o.published <= '2025-06-01')).toBe(true);
  });
  it('keeps USGS qualifiers such as >50 and net exporter', () => {
    expect(dataset.observations({ mineral: 'tungsten', metric: 'net_import_reliance', asOf: '2025-06-01' })[0]).toMatchObject({ value: 50, qualifier: '>' });
    expect(dataset.observations({ mineral: 'molybdenum', metric: 'net_import_reliance' })[0]).toMatchObject({ value: null, qualifier: 'net-exporter' });
  });
  it('is frozen', () => {
    expect(Object.isFrozen(dataset.files.observations[0])).toBe(true);
    expect(() => (dataset.files.observations as unknown as unknown[]).push({})).toThrow();
  });
});
