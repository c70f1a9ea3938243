// The bundled data as shipped: it passes its JSON Schemas and the core's invariants, and the
// invariant checks themselves catch each kind of mistake they exist for.

import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../server/src/core/dataset/index';
import type { DatasetFiles } from '../../server/src/core/dataset/types';
import { loadDataset } from '../../server/src/node/dataset';

const bundledFiles = async (): Promise<DatasetFiles> => JSON.parse(JSON.stringify((await loadDataset([])).dataset.files));

describe('bundled dataset', () => {
  it('passes the JSON Schemas and the invariants', async () => {
    const { errors, dataset } = await loadDataset([]);
    expect(errors).toEqual([]);
    expect(dataset.files.observations.length).toBeGreaterThan(100);
  });

  it('has the minerals, measures and horizon the issue asks for', async () => {
    const { dataset } = await loadDataset([]);
    const wanted = ['samarium', 'gadolinium', 'terbium', 'dysprosium', 'lutetium', 'scandium', 'yttrium', 'gallium', 'germanium', 'antimony', 'graphite', 'tungsten', 'tellurium', 'bismuth', 'indium', 'molybdenum', 'titanium', 'holmium', 'erbium', 'thulium', 'europium', 'ytterbium', 'rare-earths', 'neodymium', 'praseodymium', 'nickel', 'cobalt', 'lithium', 'manganese', 'niobium', 'hafnium', 'superhard-materials'];
    for (const id of wanted) expect(dataset.mineral(id), id).toBeDefined();
    for (const id of ['CM-2023-23', 'CM-2023-39', 'CM-2024-33', 'CM-2024-46', 'CM-2025-10', 'CM-2025-18', 'CM-2025-55', 'CM-2025-56', 'CM-2025-57', 'CM-2025-58', 'CM-2025-61', 'CM-2025-62', 'CM-2025-70', 'CM-2025-72', 'CM-2026-01']) {
      expect(dataset.measure(id), id).toBeDefined();
    }
    expect(dataset.meta.horizon).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(dataset.meta.latestSource! <= dataset.meta.horizon).toBe(true);
  });

  it('names no measure for titanium and no observation for values the research did not find', async () => {
    const { dataset } = await loadDataset([]);
    const titanium = dataset.files.measures.flatMap((m) => m.clauses).filter((c) => c.minerals.includes('titanium') || c.relatedMinerals?.includes('titanium'));
    expect(titanium).toEqual([]);
    expect(dataset.observations({ mineral: 'hafnium', metric: 'net_import_reliance' })).toEqual([]);
  });

  it('keeps disagreeing sources side by side with their scopes', async () => {
    const { dataset } = await loadDataset([]);
    const antimony = dataset.observations({ mineral: 'antimony', metric: 'import_share', partner: 'CN' });
    const usgs = antimony.filter((o) => o.period.label === '2020–23');
    expect(usgs.map((o) => [o.scope, o.value])).toEqual(expect.arrayContaining([['metal and oxide', 63], ['oxide', 76]]));
  });
});

describe('invariants', () => {
  it('reports duplicate ids, unknown references, missing sources, disordered dates and bad qualifiers', async () => {
    const files = await bundledFiles();
    files.observations.push({ ...files.observations[0]!, sources: [] });
    files.observations[1]!.sources = [{ source: 'no-such-source' }];
    files.observations[2]!.mineral = 'unobtainium';
    files.observations[3]!.period = { start: '2024-12-31', end: '2024-01-01', label: 'backwards' };
    files.observations[4]!.value = null;
    files.observations[4]!.qualifier = undefined;
    files.measures[0]!.events.push({ date: '2026-01-01', kind: 'suspended', description: 'x', sources: [{ source: files.sources[0]!.id }] });
    files.minerals[0]!.forms.push('gallium');
    const messages = checkInvariants(files).map((i) => `${i.path}: ${i.message}`);
    const last = files.observations.length - 1;
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^/observations/${last}/id: duplicate id`)),
        `/observations/${last}/sources: a value needs at least one source`,
        '/observations/1/sources/0/source: unknown source "no-such-source"',
        '/observations/2/mineral: unknown mineral "unobtainium"',
        expect.stringMatching(/^\/observations\/3\/period: starts 2024-12-31/),
        expect.stringMatching(/^\/observations\/4\/value: a value may be null only/),
        expect.stringMatching(/^\/measures\/0\/events\/\d+\/until: a suspension needs its last day/),
        expect.stringMatching(/^\/minerals: "gallium" names more than one mineral/),
      ]),
    );
  });
});
