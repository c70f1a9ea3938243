// Configuration discovery as both front ends meet it: walking up from a brief, --config, --rule
// overrides, editor defaults, and errors that name the file and the JSON path.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConfigLoader, type ConfigHost } from '../../server/src/node/config';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'briefcheck-config-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('loadConfigFor', () => {
  it('finds the nearest .briefcheck.json above the brief and resolves data paths against it; "root": true stops there', async () => {
    const root = tree({
      '.briefcheck.json': JSON.stringify({ asOf: '2025-05-01' }),
      'team/.briefcheck.json': JSON.stringify({ root: true, rules: { 'stale-figure': 'error' }, data: ['overlay.json'] }),
      'team/deep/er/brief.md': '# Brief',
      'other/brief.md': '# Brief',
    });
    const loader = createConfigLoader();
    const near = await loader.loadConfigFor(join(root, 'team/deep/er/brief.md'));
    expect(near.errors).toEqual([]);
    expect(near.configFile).toBe(join(root, 'team/.briefcheck.json'));
    expect(near.config.rules['stale-figure']).toEqual({ severity: 'error' });
    expect(near.config.data).toEqual([join(root, 'team/overlay.json')]);
    expect(near.config.asOf).toBeUndefined();
    const far = await loader.loadConfigFor(join(root, 'other/brief.md'));
    expect(far.configFile).toBe(join(root, '.briefcheck.json'));
    expect(far.config.asOf).toBe('2025-05-01');
  });

  it('accepts the object form of a rule setting and lets --rule win over the file', async () => {
    const root = tree({
      '.briefcheck.json': JSON.stringify({ rules: { 'unsourced-figure': { severity: 'error', options: {} } } }),
    });
    const { config, errors } = await createConfigLoader().loadConfigFor(join(root, 'a.md'), {
      rules: { 'unsourced-figure': 'off' },
    });
    expect(errors).toEqual([]);
    expect(config.rules['unsourced-figure']).toEqual({ severity: 'off', options: {} });
  });

  it('uses --config instead of discovery, and says when that file is missing', async () => {
    const root = tree({ 'ci.json': JSON.stringify({ asOf: '2024-12-31' }), '.briefcheck.json': '{}' });
    const loader = createConfigLoader();
    const chosen = await loader.loadConfigFor(join(root, 'a.md'), { configFile: 'ci.json', cwd: root });
    expect(chosen.config.asOf).toBe('2024-12-31');
    const missing = await loader.loadConfigFor(join(root, 'a.md'), { configFile: 'nope.json', cwd: root });
    expect(missing.errors).toEqual([{ file: join(root, 'nope.json'), path: '', message: 'configuration file not found' }]);
  });

  it.each([
    [{ rules: { 'no-such-rule': 'error' } }, '/rules/no-such-rule', 'unknown rule id "no-such-rule"'],
    [{ rules: { 'stale-figure': 'loud' } }, '/rules/stale-figure', 'must be one of "error", "warning", "info", "off"'],
    [{ rules: { 'stale-figure': { severity: 'error', colour: 1 } } }, '/rules/stale-figure/colour', 'unknown key "colour"'],
    [{ asOf: '2025-02-30' }, '/asOf', 'must be a real date written YYYY-MM-DD'],
    [{ data: 'overlay.json' }, '/data', 'must be array'],
    [{ exclude: [3] }, '/exclude/0', 'must be string'],
    [{ colour: 'red' }, '/colour', 'unknown key "colour"'],
  ])('reports %j at its JSON path and never falls back silently', async (value, path, message) => {
    const root = tree({ '.briefcheck.json': JSON.stringify(value) });
    const { errors } = await createConfigLoader().loadConfigFor(join(root, 'a.md'));
    expect(errors).toEqual([{ file: join(root, '.briefcheck.json'), path, message }]);
  });

  it('reports a JSON syntax error with its line and column', async () => {
    const root = tree({ '.briefcheck.json': '{\n  "asOf": "2025-01-01",\n}\n' });
    const { errors } = await createConfigLoader().loadConfigFor(join(root, 'a.md'));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.file).toBe(join(root, '.briefcheck.json'));
    expect(errors[0]!.message).toMatch(/^invalid JSON at line 3, column 1/);
  });

  it('lets editor defaults fill only what no file sets, through an injected file system', async () => {
    const files: Record<string, string> = { '/ws/.briefcheck.json': JSON.stringify({ asOf: '2025-05-01' }) };
    const host: ConfigHost = { readFile: async (path) => files[path] };
    const loader = createConfigLoader(host);
    const { config } = await loader.loadConfigFor('/ws/briefs/a.md', {
      defaults: { asOf: '2020-01-01', rules: { 'stale-figure': 'info' } },
    });
    expect(config.asOf).toBe('2025-05-01');
    expect(config.rules['stale-figure']).toEqual({ severity: 'info' });
    files['/ws/.briefcheck.json'] = JSON.stringify({ asOf: '2026-01-01' });
    expect((await loader.loadConfigFor('/ws/briefs/a.md')).config.asOf).toBe('2025-05-01');
    loader.clear();
    expect((await loader.loadConfigFor('/ws/briefs/a.md')).config.asOf).toBe('2026-01-01');
  });
});
