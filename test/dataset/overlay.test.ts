// User overlays: the same schema as the bundled files; they add or replace observations by id, and
// a broken one is reported with its file and JSON path while the bundled data keeps working.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../server/src/node/dataset';

const dir = mkdtempSync(join(tmpdir(), 'briefcheck-overlay-'));
const write = (name: string, value: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
};

const observation = (id: string, value: unknown) => ({
  id,
  metric: 'import_share',
  mineral: 'antimony',
  reporter: 'US',
  partner: 'CN',
  scope: 'oxide',
  period: { start: '2024-01-01', end: '2024-11-30', label: 'January–November 2024' },
  value,
  unit: '%',
  published: '2025-03-01',
  sources: [{ source: 'my-trade-data', locator: 'table 2' }],
});
const source = { id: 'my-trade-data', title: 'Our trade data extract', publisher: 'Example analytics team', url: 'https://example.org/trade', published: '2025-03-01', tier: 'authoritative' };

describe('overlays', () => {
  it('add an observation with its own source', async () => {
    const file = write('add.json', { sources: [source], observations: [observation('my-antimony-oxide-2024', 63)] });
    const { dataset, errors } = await loadDataset([file]);
    expect(errors).toEqual([]);
    const first = dataset.observations({ mineral: 'antimony', metric: 'import_share', scope: 'oxide' })[0];
    expect(first).toMatchObject({ id: 'my-antimony-oxide-2024', value: 63 });
    expect(dataset.source('my-trade-data')?.publisher).toBe('Example analytics team');
  });

  it('override a bundled observation with the same id', async () => {
    const bundled = (await loadDataset([])).dataset.observations({ mineral: 'antimony', metric: 'net_import_reliance' }).find((o) => o.id === 'NIR-MCS2025-antimony')!;
    // The dataset derives `confidence`; an overlay may not state it.
    const { confidence: _derived, ...record } = bundled;
    const file = write('override.json', { observations: [{ ...record, value: 84, sources: [{ source: 'usgs-mcs2025-data-release' }] }] });
    const { dataset, errors } = await loadDataset([file]);
    expect(errors).toEqual([]);
    expect(dataset.files.observations.filter((o) => o.id === 'NIR-MCS2025-antimony').map((o) => o.value)).toEqual([84]);
  });

  it('report a schema error with the file and JSON path, and leave the bundled data working', async () => {
    const file = write('broken.json', { observations: [observation('a', 1), observation('b', 2), observation('c', 3), observation('d', 'sixty')] });
    const { dataset, errors } = await loadDataset([file]);
    expect(errors).toEqual([expect.objectContaining({ file, path: '/observations/3/value' })]);
    expect(dataset.statusOn('gallium', '2025-01-01').destinations).toEqual({ US: 'ban' });
    expect(dataset.files.observations.some((o) => o.id === 'a')).toBe(false);
  });

  it('report a reference that does not resolve', async () => {
    const file = write('dangling.json', { observations: [observation('e', 5)] });
    const { errors } = await loadDataset([file]);
    expect(errors).toEqual([{ file, path: '/observations/0/sources/0/source', message: 'unknown source "my-trade-data"' }]);
  });

  it('report a file that is not JSON, and still apply the good overlays', async () => {
    const bad = write('not-json.json', '{ "observations": [');
    const good = write('good.json', { sources: [source], observations: [observation('f', 6)] });
    const { dataset, errors } = await loadDataset([bad, good]);
    expect(errors).toEqual([expect.objectContaining({ file: bad, path: '', message: expect.stringMatching(/^not valid JSON/) })]);
    expect(dataset.files.observations.some((o) => o.id === 'f')).toBe(true);
  });
});
