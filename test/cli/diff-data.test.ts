// `briefcheck diff --data OLD NEW`: the claims of the examples whose verdict a data update changes,
// for an overlay and for a dataset folder that each change one figure.

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempTree } from './helpers';

const observations = () => JSON.parse(readFileSync(join(repoRoot, 'data/observations.json'), 'utf8')) as { observations: { id: string; value: number | null }[] };

function treeWithExamples(): string {
  const dir = tempTree({});
  cpSync(join(repoRoot, 'examples'), join(dir, 'examples'), { recursive: true });
  return dir;
}

describe('diff --data', () => {
  it('lists the claims whose verdict an overlay changing one figure changes, and nothing else', async () => {
    const dir = treeWithExamples();
    const antimony = observations().observations.find((o) => o.id === 'NIR-MCS2025-antimony')!;
    writeFileSync(join(dir, 'fix.json'), JSON.stringify({ observations: [{ ...antimony, value: 58 }] }));
    const r = await runCli(['diff', '--data', 'bundled', 'fix.json', 'examples'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('examples/clean-brief.md\n  7:1  figure  verified (NIR-MCS2025-antimony) → mismatch (NIR-MCS2025-antimony)');
    expect(r.stdout).toContain('examples/stale-and-mismatched.md\n  10:1  figure  mismatch (NIR-MCS2025-antimony) → verified (NIR-MCS2025-antimony)');
    expect(r.stdout).toMatch(/2 claims in 2 of 3 briefs change/);
    const json = JSON.parse((await runCli(['diff', '--data', 'bundled', 'fix.json', 'examples', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.files.flatMap((f: { changes: unknown[] }) => f.changes)).toHaveLength(2);
  });

  it('reads a dataset folder, and reports no change between identical data', async () => {
    const dir = treeWithExamples();
    cpSync(join(repoRoot, 'data'), join(dir, 'new-data'), { recursive: true });
    expect((await runCli(['diff', '--data', 'bundled', 'new-data', 'examples'], { cwd: dir })).stdout).toMatch(/0 claims in 0 of 3 briefs change/);
    // A second folder: the process keeps each data folder it has read.
    cpSync(join(repoRoot, 'data'), join(dir, 'changed-data'), { recursive: true });
    const file = join(dir, 'changed-data/observations.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/("id": "NIR-MCS2025-antimony",[\s\S]*?"value": )85/, '$158'));
    const r = await runCli(['diff', '--data', 'bundled', 'changed-data', 'examples'], { cwd: dir });
    expect(r.stdout).toMatch(/2 claims in 2 of 3 briefs change/);
  });

  it('refuses what is not a dataset, with one clear message', async () => {
    const dir = treeWithExamples();
    const r = await runCli(['diff', '--data', 'bundled', 'missing.json', 'examples'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing\.json is not a usable dataset/);
    expect((await runCli(['diff', 'examples'], { cwd: dir })).stderr).toMatch(/diff needs --data OLD NEW/);
  });
});
