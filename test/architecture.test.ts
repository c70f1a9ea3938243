// Fails when an import crosses a layer boundary (docs/architecture.md): core is pure, node sits on
// core, cli and lsp sit on both but never on each other, and the client uses none of them except
// the dependency-free protocol file in server/src/shared.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..');

function files(dir: string): string[] {
  let out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out = out.concat(files(full));
    else if (/\.ts$/.test(name)) out.push(full);
  }
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push((m[1] ?? m[2] ?? m[3])!);
  }
  return found;
}

function layerOf(file: string): string | undefined {
  const rel = relative(root, file).split('\\').join('/');
  const m = /^server\/src\/(core|node|cli|lsp|web|shared)\//.exec(rel);
  if (m) return m[1];
  if (rel.startsWith('client/src/')) return 'client';
  return undefined;
}

const allowed: Record<string, string[]> = {
  core: ['core'],
  node: ['core', 'node'],
  cli: ['core', 'node', 'cli'],
  lsp: ['core', 'node', 'lsp', 'shared'],
  // The server in a web worker: the language server with browser stand-ins; node only for types.
  web: ['core', 'node', 'lsp', 'web'],
  client: ['client', 'shared'],
  shared: ['shared'],
};

const forbiddenPackages: Record<string, RegExp> = {
  core: /^(node:|vscode|fs$|path$|os$|child_process$|worker_threads$)/,
  // The protocol file is imported by the extension and the server alike, so it imports nothing.
  shared: /./,
  // A web worker has no Node API.
  web: /^(node:|fs$|path$|os$|child_process$|worker_threads$)/,
};

describe('layer boundaries', () => {
  const all = [...files(join(root, 'server/src')), ...files(join(root, 'client/src'))];

  it('finds the layers', () => {
    expect(all.length).toBeGreaterThan(0);
  });

  for (const file of all) {
    const layer = layerOf(file);
    if (!layer) continue;
    it(`${relative(root, file)} imports only what ${layer} may`, () => {
      for (const spec of imports(file)) {
        if (spec.startsWith('.')) {
          const target = resolve(dirname(file), spec);
          const targetLayer = layerOf(target + '.ts');
          if (targetLayer) expect(allowed[layer], `${spec} (${targetLayer})`).toContain(targetLayer);
        } else {
          const forbidden = forbiddenPackages[layer];
          if (forbidden) expect(spec, `${layer} must not import ${spec}`).not.toMatch(forbidden);
          if (layer === 'core') expect(spec).not.toMatch(/^vscode-language/);
          if (layer !== 'client') expect(spec).not.toBe('vscode');
        }
      }
    });
  }
});
