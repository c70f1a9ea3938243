// `briefcheck data ...` run in-process, as a user meets it: output, JSON shapes and exit codes.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDataCommand } from '../../server/src/cli/data-command';
import type { CliIo } from '../../server/src/cli/io';

const dir = mkdtempSync(join(tmpdir(), 'briefcheck-data-command-'));

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: dir, env: {}, isTTY: false, today: '2026-11-28' };
  const code = await runDataCommand(args, io);
  return { code, stdout, stderr };
}

describe('briefcheck data', () => {
  it('validate: the bundled data is valid', async () => {
    const r = await run('validate');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/is valid/);
  });

  it('validate: a broken overlay names the file and JSON path and exits 2', async () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ observations: [{ id: 'x' }] }));
    const r = await run('validate', 'bad.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.json: \/observations\/0: must have required property 'metric'/);
  });

  it('info --format json gives version, horizon and counts', async () => {
    const r = await run('info', '--format', 'json');
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(info).toMatchObject({ version: expect.any(String), horizon: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(Object.keys(info.counts).sort()).toEqual(['measures', 'minerals', 'observations', 'sources']);
    expect(info.counts.minerals).toBeGreaterThanOrEqual(32);
  });

  it('info prints a readable summary', async () => {
    const r = await run('info');
    expect(r.stdout).toMatch(/^briefcheck dataset \d+\.\d+\.\d+\nlast source seen: \d{4}-\d{2}-\d{2} .*\nhorizon: \d{4}-\d{2}-\d{2} /);
    expect(r.stdout).toMatch(/tiers: \d+ primary, \d+ authoritative, \d+ weak sources/);
  });

  it('status --format json answers with the measures that make the status', async () => {
    const r = await run('status', 'gallium', '--on', '2025-01-01', '--format', 'json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ mineral: 'gallium', on: '2025-01-01', status: 'licensing', destinations: { US: 'ban' } });
    expect(s.measures.map((m: { id: string }) => m.id)).toEqual(expect.arrayContaining(['CM-2023-23', 'CM-2024-46']));
    expect(s.measures[0]).toHaveProperty('instrument');
  });

  it('status resolves aliases and defaults to today', async () => {
    const r = await run('status', 'Ga');
    expect(r.stdout).toMatch(/^gallium on 2026-11-28: licensing; US: unknown/);
    expect(r.stdout).toMatch(/no later record/);
  });

  it('figures lists observations with their sources', async () => {
    const r = await run('figures', 'antimony', '--metric', 'import_share', '--on', '2025-06-01', '--format', 'json');
    expect(r.code).toBe(0);
    const f = JSON.parse(r.stdout);
    const oxide = f.figures.find((o: { scope?: string; partner?: string }) => o.scope === 'oxide' && o.partner === 'CN');
    expect(oxide).toMatchObject({ value: 76, period: { label: '2020–23' } });
    expect(oxide.sources[0]).toMatchObject({ title: expect.any(String), url: expect.stringMatching(/^https?:/) });
    expect(f.figures.every((o: { published: string }) => o.published <= '2025-06-01')).toBe(true);
  });

  it('exits 2 on usage errors', async () => {
    expect((await run('status')).code).toBe(2);
    expect((await run('status', 'unobtainium')).code).toBe(2);
    expect((await run('status', 'gallium', '--on', '2025-13-01')).code).toBe(2);
    expect((await run('figures', 'gallium', '--metric', 'vibes')).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
  });
});
