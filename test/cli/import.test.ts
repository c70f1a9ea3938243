// `briefcheck data import` end to end, in-process as a user runs it: real USGS and Census layouts in,
// a validated overlay out, and a brief checked with that overlay picks up the imported figures.

import { copyFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Observation, Overlay } from '../../server/src/core/dataset/types';
import { bundledDataset } from '../core/bundled-dataset';
import { runCli, tempTree } from './helpers';

const fixtures = resolve(__dirname, '../fixtures/import');
const fixture = (name: string) => join(fixtures, name);

async function importTo(dir: string, ...args: string[]) {
  const r = await runCli(['data', 'import', ...args, '--out', 'overlay.json'], { cwd: dir });
  const overlay = r.code === 0 ? (JSON.parse(readFileSync(join(dir, 'overlay.json'), 'utf8')) as Overlay) : undefined;
  return { ...r, overlay };
}

const byId = (overlay: Overlay | undefined) => new Map((overlay?.observations ?? []).map((o) => [o.id, o]));

describe('data import usgs-mcs', () => {
  it('reads the real MCS 2025 Figure 2 file, and every bundled value from it matches', async () => {
    const dir = tempTree({});
    const r = await importTo(dir, 'usgs-mcs', fixture('MCS2025_Fig2_Net_Import_Reliance.csv'));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/MCS2025 Figure 2: 64 rows/);
    expect(r.stderr).toMatch(/Not mapped to a mineral \(\d+\): GEMSTONES \(line 17\)/);
    const imported = byId(r.overlay);
    // The bundled Figure 2 values were read from a copy of the release; the official file confirms them.
    const bundled = bundledDataset().files.observations.filter((o) => o.sources.some((s) => s.source === 'usgs-mcs2025-data-release' && /Figure 2/.test(s.locator ?? '')));
    expect(bundled.length).toBeGreaterThan(30);
    const key = (o: Observation) => JSON.stringify([o.metric, o.value, o.qualifier ?? '', o.period.start, o.period.end, o.ranking ?? [], o.scope ?? ''].map(String));
    for (const o of bundled) expect(imported.get(o.id) && key(imported.get(o.id)!), o.id).toBe(key(o));
    expect(imported.get('NIR-MCS2025-gallium')).toMatchObject({ value: 100, scope: 'metal', published: '2025-01-31' });
    expect(r.overlay?.sources?.[0]).toMatchObject({ publisher: 'U.S. Geological Survey', tier: 'primary', url: 'https://doi.org/10.5066/P13XCP3R' });
  });

  it('reads the MCS 2026 Figure 2 layout in Windows-1252 with its flags', async () => {
    const r = await importTo(tempTree({}), 'usgs-mcs', fixture('MCS2026_Fig2_Net_Import_Reliance.csv'));
    expect(r.code).toBe(0);
    const o = byId(r.overlay);
    expect(o.get('NIR-MCS2026-gallium')).toMatchObject({ value: 100, period: { start: '2025-01-01', end: '2025-12-31' }, published: '2026-02-06' });
    expect(o.get('NIR-MCS2026-germanium')).toMatchObject({ value: 50, qualifier: '>' });
    expect(o.get('NIR-MCS2026-tellurium')).toMatchObject({ value: 25, qualifier: '<' });
    expect(o.get('NIR-MCS2026-molybdenum')).toMatchObject({ value: null, qualifier: 'net-exporter' });
    expect(o.get('SRC-MCS2026-gallium')).toMatchObject({ value: 2, ranking: ['JP', 'CN', 'DE', 'CA'], period: { label: '2021–24' } });
    expect(r.stderr).toMatch(/Not mapped to a mineral \(2\): BERYLLIUM \(line 7\); GEMSTONES \(line 8\)/);
  });

  it('reads the MCS 2026 all-commodities layout, decoding Windows-1252', async () => {
    const r = await importTo(tempTree({}), 'usgs-mcs', fixture('MCS2026_Commodities_Data.csv'));
    expect(r.code).toBe(0);
    const o = byId(r.overlay);
    expect(o.get('NIR-MCS2026-antimony-2025')).toMatchObject({ value: 77, period: { label: '2025 (estimated)' } });
    expect(o.get('SRC-MCS2026-antimony-2021-2024')).toMatchObject({ metric: 'import_share', partner: 'CN', value: 58, period: { start: '2021-01-01', end: '2024-12-31', label: '2021–24' } });
    expect([...o.keys()].some((id) => id.includes('gallium'))).toBe(false);
  });

  it('refuses a file in a layout it does not know, naming the layouts it reads', async () => {
    const dir = tempTree({});
    const r = await runCli(['data', 'import', 'usgs-mcs', fixture('not-a-release.csv'), '--out', 'overlay.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unrecognised layout\. Expected the columns of MCS20xx_Fig2_Net_Import_Reliance\.csv .* found: Year, Mineral, Tonnes/);
    expect(() => readFileSync(join(dir, 'overlay.json'))).toThrow();
  });

  it('an imported release changes what a brief is told, with the release cited', async () => {
    const dir = tempTree({ 'brief.md': 'The US was 85% net import-reliant on antimony in 2024.\n', '.briefcheck.json': JSON.stringify({ data: ['overlay.json'] }) });
    const before = await runCli(['--format', 'json', 'brief.md'], { cwd: dir });
    expect(before.stdout).not.toContain('stale-figure');
    copyFileSync(fixture('MCS2026_Fig2_Net_Import_Reliance.csv'), join(dir, 'MCS2026_Fig2_Net_Import_Reliance.csv'));
    expect((await runCli(['data', 'import', 'usgs-mcs', 'MCS2026_Fig2_Net_Import_Reliance.csv', '--out', 'overlay.json'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['data', 'validate', 'overlay.json'], { cwd: dir })).code).toBe(0);
    const after = await runCli(['--format', 'json', 'brief.md'], { cwd: dir });
    const problems = JSON.parse(after.stdout).files[0].problems as { ruleId: string; message: string }[];
    const stale = problems.find((p) => p.ruleId === 'stale-figure');
    expect(stale?.message).toMatch(/77% for 2025 \(estimated\) \(U\.S\. Geological Survey, Mineral Commodity Summaries 2026 Data Release/);
  });
});

describe('data import census', () => {
  it('derives China’s share by quantity for the mapped HS codes over the named months', async () => {
    const r = await importTo(tempTree({}), 'census', fixture('census-imports-hs-2025q1.json'), '--period', '2025-01..2025-03');
    expect(r.code).toBe(0);
    const o = byId(r.overlay);
    // Germanium (HTS 8112.92.60): China 150 kg of 1,000 kg; graphite (2504.10.10): 6,000 t of 15,000 t.
    expect(o.get('CENSUS-2025-01-2025-03-germanium')).toMatchObject({ value: 15, basis: 'quantity', partner: 'CN', period: { start: '2025-01-01', end: '2025-03-31', label: 'January–March 2025' } });
    expect(o.get('CENSUS-2025-01-2025-03-graphite')).toMatchObject({ value: 40 });
    expect(r.overlay?.sources?.[0]).toMatchObject({ publisher: 'U.S. Census Bureau', tier: 'primary', published: '2026-11-28' });
    expect(r.stderr).toMatch(/niobium: HS 8112 also maps to hafnium/);
  });

  it('refuses a period the file does not cover, and a file that is not an API response', async () => {
    const missing = await importTo(tempTree({}), 'census', fixture('census-imports-hs-2025q1.json'), '--period', '2025-03..2025-06');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no rows for 2025-05, 2025-06/);
    const wrong = await importTo(tempTree({}), 'census', fixture('MCS2026_Fig2_Net_Import_Reliance.csv'), '--period', '2025-01..2025-03');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/not JSON/);
    const noPeriod = await runCli(['data', 'import', 'census', fixture('census-imports-hs-2025q1.json')]);
    expect(noPeriod.code).toBe(2);
    expect(noPeriod.stderr).toMatch(/needs --period/);
  });

  it('a brief checked with the imported overlay is judged against the derived share', async () => {
    const dir = tempTree({
      'brief.md': 'China supplied 30% of US imports of germanium in January–March 2025.\n',
      '.briefcheck.json': JSON.stringify({ data: ['overlay.json'] }),
    });
    copyFileSync(fixture('census-imports-hs-2025q1.json'), join(dir, 'census.json'));
    expect((await runCli(['data', 'import', 'census', 'census.json', '--period', '2025-01..2025-03', '--out', 'overlay.json'], { cwd: dir })).code).toBe(0);
    const r = await runCli(['--format', 'json', 'brief.md'], { cwd: dir });
    const mismatch = (JSON.parse(r.stdout).files[0].problems as { ruleId: string; message: string }[]).find((p) => p.ruleId === 'figure-mismatch');
    expect(mismatch?.message).toMatch(/which is 15% \(U\.S\. Census Bureau/);
  });
});
