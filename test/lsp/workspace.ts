// Temporary workspace folders for protocol tests: copies of the fixture briefs (and the example
// briefs, once there are any) in a fresh folder under the system's temporary directory.

import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildServer } from '../../scripts/bundle-options.mjs';

export const repoRoot = resolve(__dirname, '..', '..');
export const fixtures = join(__dirname, 'fixtures');
/** The date every protocol test treats as today, so results do not depend on the clock. */
export const TODAY = '2026-11-28';

export function tempWorkspace(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `briefcheck-lsp-${name}-`));
  cpSync(fixtures, dir, { recursive: true });
  return dir;
}

/** The server's bundles built into `dir/dist`, with the bundled data beside them, as the package has it. */
export async function buildServerWithData(dir: string, dataHash?: string): Promise<void> {
  await buildServer(repoRoot, dir, dataHash);
  cpSync(join(repoRoot, 'data'), join(dir, 'data'), { recursive: true });
}

export function removeWorkspace(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function writeConfig(dir: string, config: unknown): string {
  const file = join(dir, '.briefcheck.json');
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

/** Example briefs from examples/, so the server is held to what the project shows users. */
export function exampleBriefs(): string[] {
  const dir = join(repoRoot, 'examples');
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md') && entry.name.toLowerCase() !== 'readme.md') out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}
