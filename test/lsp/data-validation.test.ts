// Start-up skips validating bundled data the build already validated (by content hash), and
// validates everything else: bundled files that changed since, and every overlay. The check worker
// reads the validated files for itself, and the server knows that dataset by the same hash.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDataset } from '../../server/src/core/dataset/index';
import { bundledKey, readValidatedBundled } from '../../server/src/node/bundled-data';
import { loadDataset, sharedDatasetKey, validatedDataHash } from '../../server/src/node/dataset';
import { repoRoot } from './workspace';

const dataDir = join(repoRoot, 'data');

describe('bundled data validation at start-up', () => {
  const dir = mkdtempSync(join(tmpdir(), 'briefcheck-data-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('trusts the validated hash of the shipped data and loads the same dataset as a full validation', async () => {
    const hash = await validatedDataHash(dataDir);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const trusted = await loadDataset([], { dataDir, validatedHash: hash });
    const validated = await loadDataset([], { dataDir, validatedHash: 'none' });
    expect(trusted.errors).toEqual([]);
    expect(trusted.dataset.files).toEqual(validated.dataset.files);
  });

  it('validates bundled files whose content differs from the validated ones, and refuses to stamp them', async () => {
    const hash = await validatedDataHash(dataDir);
    const copy = join(dir, 'data');
    cpSync(dataDir, copy, { recursive: true });
    const sources = JSON.parse(readFileSync(join(copy, 'sources.json'), 'utf8'));
    sources.sources[0].pages = 12;
    writeFileSync(join(copy, 'sources.json'), JSON.stringify(sources, null, 2));

    const { errors } = await loadDataset([], { dataDir: copy, validatedHash: hash });
    expect(errors).toEqual([{ file: join(copy, 'sources.json'), path: '/sources/0', message: 'unknown property "pages"' }]);
    expect(await validatedDataHash(copy)).toBeUndefined();
  });

  it('still validates overlays against their schema when the bundled data is trusted', async () => {
    const overlay = join(dir, 'overlay.json');
    writeFileSync(overlay, JSON.stringify({ observations: [{ id: 'x', colour: 'red' }] }));
    const { errors } = await loadDataset([overlay], { dataDir, validatedHash: await validatedDataHash(dataDir) });
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.file === overlay)).toBe(true);
  });

  it('reads the validated files at once for another thread, known by their hash as the loaded dataset is', async () => {
    const hash = (await validatedDataHash(dataDir))!;
    const own = readValidatedBundled(dataDir, hash);
    const loaded = await loadDataset([], { dataDir, validatedHash: hash });
    expect(own?.key).toBe(bundledKey(hash));
    expect(sharedDatasetKey(loaded.dataset)).toBe(own?.key);
    expect(createDataset(own!.files).files).toEqual(loaded.dataset.files);
  });

  it('gives no such key to files that differ from the validated ones, to a dataset with overlays, or from source', async () => {
    const hash = (await validatedDataHash(dataDir))!;
    const copy = join(dir, 'changed');
    cpSync(dataDir, copy, { recursive: true });
    const meta = JSON.parse(readFileSync(join(copy, 'meta.json'), 'utf8'));
    writeFileSync(join(copy, 'meta.json'), JSON.stringify(meta));
    expect(readValidatedBundled(copy, hash)).toBeUndefined();
    expect(sharedDatasetKey((await loadDataset([], { dataDir: copy, validatedHash: hash })).dataset)).toBeUndefined();
    expect(readValidatedBundled(dataDir, undefined)).toBeUndefined();
    expect(sharedDatasetKey((await loadDataset([], { dataDir, validatedHash: 'none' })).dataset)).toBeUndefined();

    const overlay = join(dir, 'added.json');
    const source = { id: 'team-extract', title: 'Our trade data extract', publisher: 'Example analytics team', url: 'https://example.org/trade', published: '2025-03-01', tier: 'authoritative' };
    writeFileSync(overlay, JSON.stringify({ sources: [source] }));
    const withOverlay = await loadDataset([overlay], { dataDir, validatedHash: hash });
    expect(withOverlay.errors).toEqual([]);
    expect(sharedDatasetKey(withOverlay.dataset)).toBeUndefined();
  });
});
