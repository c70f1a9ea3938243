// The server over the real protocol: initialize, diagnostics identical to the CLI's JSON output,
// re-checks on settings and configuration-file changes, untitled documents and multi-root
// workspaces each with their own configuration.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { run } from '../../server/src/cli/main';
import type { ClaimsResult } from '../../server/src/shared/protocol';
import { startHarness, type Harness } from './harness';
import { TODAY, exampleBriefs, fixtures, removeWorkspace, repoRoot, tempWorkspace, writeConfig } from './workspace';

interface CliProblem {
  ruleId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

async function cliJson(paths: string[]): Promise<Map<string, CliProblem[]>> {
  let out = '';
  const code = await run(['--format', 'json', ...paths], { stdout: (t) => (out += t), stderr: () => undefined, cwd: repoRoot, env: {}, isTTY: false, today: TODAY });
  expect(code, 'the CLI ran').toBeLessThan(2);
  const report = JSON.parse(out) as { files: Array<{ path: string; problems: CliProblem[] }> };
  return new Map(report.files.map((f) => [f.path, f.problems]));
}

function asCli(d: Diagnostic): string {
  return `${String(d.code)} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.message}`;
}

function fromCli(p: CliProblem): string {
  return `${p.ruleId} ${p.line}:${p.column}-${p.endLine}:${p.endColumn} ${p.message}`;
}

describe('language server: diagnostics', () => {
  let h: Harness;
  let dir: string;

  beforeAll(async () => {
    dir = tempWorkspace('diagnostics');
    h = await startHarness([dir, repoRoot], { today: TODAY });
  });
  afterAll(() => {
    h.dispose();
    removeWorkspace(dir);
  });

  it('announces pull diagnostics, hovers, code actions with fix-all, and inlay hints', async () => {
    const result = h.initializeResult as { capabilities: Record<string, unknown> };
    expect(result.capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: false });
    expect(result.capabilities.hoverProvider).toBe(true);
    expect(result.capabilities.inlayHintProvider).toBe(true);
    expect((result.capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds).toContain('source.fixAll.briefcheck');
  });

  it('reports the same rule ids, ranges and messages as the CLI for every brief', async () => {
    const briefs = [join(dir, 'memo.md'), join(dir, 'inline-links.md'), join(dir, 'explainer.md'), ...exampleBriefs()];
    const cli = await cliJson(briefs);
    let total = 0;
    for (const path of briefs) {
      const doc = await h.open(path, readFileSync(path, 'utf8'));
      const ours = (await h.diagnostics(doc)).map(asCli).sort();
      const expected = findCli(cli, path).map(fromCli).sort();
      expect(ours, path).toEqual(expected);
      total += ours.length;
    }
    expect(total, 'the briefs carry problems to compare').toBeGreaterThan(0);
  });

  it('reads claims across blocks in the editor as the CLI does: an explainer’s answers take their questions’ controls', async () => {
    const path = join(dir, 'explainer.md');
    const doc = await h.open(path, readFileSync(path, 'utf8'));
    const changed = (await h.diagnostics(doc)).filter((d) => d.code === 'status-changed').map((d) => d.range.start.line + 1);
    // "Yes, with effect from 3 December 2024" (line 9) and the list answering "Which minerals…" (line 13).
    expect(changed).toEqual([9, 13]);
  });

  it('marks every diagnostic with its rule, source and a fix rebuilt from data', async () => {
    const path = join(dir, 'memo.md');
    const doc = await h.open(path, readFileSync(path, 'utf8'));
    const diagnostics = await h.diagnostics(doc);
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) {
      expect(d.source).toBe('briefcheck');
      expect(d.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(d.data).toMatchObject({ version: doc.version });
      expect(Object.keys(d.data as object).filter((k) => k !== 'fix')).toEqual(['version']);
    }
  });

  it('checks unsaved edits and untitled documents', async () => {
    const text = readFileSync(join(fixtures, 'memo.md'), 'utf8');
    const untitled = await h.openUntitled('Untitled-1', text);
    const first = await h.diagnostics(untitled);
    expect(first.length).toBeGreaterThan(0);
    await h.change(untitled, '# Nothing to check here\n');
    expect(await h.diagnostics(untitled)).toEqual([]);
  });

  it('re-checks when settings change, and a .briefcheck.json wins over settings', async () => {
    const path = join(dir, 'memo.md');
    const doc = await h.open(path, readFileSync(path, 'utf8'));
    const before = await h.diagnostics(doc);
    const rule = String(before[0]?.code);
    expect(before.length).toBeGreaterThan(0);

    let seen = h.refreshes();
    h.settings.set('', { rules: { [rule]: 'off' } });
    await h.client.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await h.waitForRefresh(seen);
    expect((await h.diagnostics(doc)).filter((d) => d.code === rule)).toEqual([]);

    seen = h.refreshes();
    const file = writeConfig(dir, { rules: { [rule]: 'error' } });
    await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 1 }] });
    await h.waitForRefresh(seen);
    const after = (await h.diagnostics(doc)).filter((d) => d.code === rule);
    expect(after.length).toBe(before.filter((d) => d.code === rule).length);
    expect(after.every((d) => d.severity === 1)).toBe(true);

    seen = h.refreshes();
    h.settings.delete('');
    writeConfig(dir, {});
    await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 2 }] });
    await h.waitForRefresh(seen);
  });

  it('re-checks when a dataset overlay in use changes, and watches it', async () => {
    const overlay = join(dir, 'team.briefcheck-overlay.json');
    writeFileSync(overlay, JSON.stringify({ meta: { version: '9.9.1' } }));
    writeConfig(dir, { data: ['team.briefcheck-overlay.json'] });
    let seen = h.refreshes();
    await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, '.briefcheck.json')).href, type: 2 }] });
    await h.waitForRefresh(seen);
    const path = join(dir, 'memo.md');
    const doc = await h.open(path, readFileSync(path, 'utf8'));
    expect((await h.client.sendRequest<ClaimsResult>('briefcheck/claims', { uri: doc.uri })).datasetVersion, h.shown.join('\n')).toBe('9.9.1');

    writeFileSync(overlay, JSON.stringify({ meta: { version: '9.9.2' } }));
    seen = h.refreshes();
    await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(overlay).href, type: 2 }] });
    await h.waitForRefresh(seen);
    expect((await h.client.sendRequest<ClaimsResult>('briefcheck/claims', { uri: doc.uri })).datasetVersion).toBe('9.9.2');
    const watched = h.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles');
    expect(JSON.stringify(watched.at(-1)?.registerOptions)).toContain('team.briefcheck-overlay.json');

    writeFileSync(overlay, JSON.stringify({ meta: { version: 'not a version' } }));
    seen = h.refreshes();
    await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(overlay).href, type: 2 }] });
    await h.waitForRefresh(seen);
    await h.client.sendRequest('briefcheck/claims', { uri: doc.uri });
    expect(h.shown.some((m) => m.includes('team.briefcheck-overlay.json') && m.includes('/meta/version'))).toBe(true);

    seen = h.refreshes();
    writeConfig(dir, {});
    await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, '.briefcheck.json')).href, type: 2 }] });
    await h.waitForRefresh(seen);
  });

  it('watches configuration files', () => {
    const watched = h.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles');
    expect(JSON.stringify(watched.at(-1)?.registerOptions)).toContain('.briefcheck.json');
  });

  it('gives each folder of a multi-root workspace its own configuration', async () => {
    const a = tempWorkspace('root-a');
    const b = tempWorkspace('root-b');
    writeConfig(a, { asOf: '2024-01-01' });
    writeConfig(b, { asOf: '2025-12-31' });
    const multi = await startHarness([a, b], { today: TODAY });
    try {
      const text = readFileSync(join(fixtures, 'inline-links.md'), 'utf8');
      const docA = await multi.open(join(a, 'inline-links.md'), text);
      const docB = await multi.open(join(b, 'inline-links.md'), text);
      const claimsA = await multi.client.sendRequest<ClaimsResult>('briefcheck/claims', { uri: docA.uri });
      const claimsB = await multi.client.sendRequest<ClaimsResult>('briefcheck/claims', { uri: docB.uri });
      expect(claimsA.asOf).toBe('2024-01-01');
      expect(claimsB.asOf).toBe('2025-12-31');
      expect(claimsA.asOfSource).toBe('config');
    } finally {
      multi.dispose();
      removeWorkspace(a);
      removeWorkspace(b);
    }
  });
});

function findCli(cli: Map<string, CliProblem[]>, path: string): CliProblem[] {
  for (const [key, problems] of cli) if (key === path || path.endsWith(`/${key}`) || join(repoRoot, key) === path) return problems;
  throw new Error(`the CLI did not report on ${path}`);
}
