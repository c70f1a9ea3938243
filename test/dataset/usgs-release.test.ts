// The bundled values taken from the USGS MCS 2025 data release were read from a copy of its CSV
// files; here they are checked against the official Table 5 file (Figure 2 is checked by the
// importer's test), which is what lets the release count as a primary source.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { countryCode, mapCommodity } from '../../server/src/node/importers/common';
import { bundledDataset } from '../core/bundled-dataset';

const table5 = parse(readFileSync(resolve(__dirname, '../fixtures/import/MCS2025_T5_Critical_Minerals_Salient.csv'), 'utf8'), {
  columns: true,
  skip_empty_lines: true,
  trim: true,
}) as Record<string, string>[];

describe('MCS 2025 Table 5', () => {
  const dataset = bundledDataset();
  const rows = new Map(table5.map((r) => [mapCommodity(dataset, r['Critical_mineral']!.replace(/\s*\(.*\)$/, ''))?.mineral, r]));
  const fromTable5 = dataset.files.observations.filter((o) => o.sources.some((s) => s.source === 'usgs-mcs2025-data-release' && /Table 5/.test(s.locator ?? '')));

  it('every bundled value read from it equals the official file', () => {
    expect(fromTable5.length).toBeGreaterThanOrEqual(15);
    for (const o of fromTable5) {
      const row = rows.get(o.mineral);
      expect(row, o.id).toBeDefined();
      if (o.metric === 'world_production_share') {
        expect([countryCode(row!['Leading_source_country']!), Number(row!['Leading_source_precent_world'])], o.id).toEqual([o.partner, o.value]);
      } else if (o.metric === 'demand') {
        expect(Number(row!['Apparent_Consumption']), o.id).toBe(o.value);
      } else {
        throw new Error(`${o.id}: no check for ${o.metric}`);
      }
    }
  });
});
