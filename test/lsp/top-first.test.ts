// A long brief just opened is answered with the problems of its top first (lsp/analysis.ts), when
// the editor pulls again on request. The built server, spawned with its worker and spoken to over
// stdio: the first report holds only problems the whole check has, the server then asks for a
// pull, and the next report is the whole brief's, as the core checks it. A short brief, and an
// editor that cannot pull again on request, get the whole brief's report at once.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreamMessageReader, StreamMessageWriter, createProtocolConnection, type Diagnostic, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkBrief } from '../../server/src/core/check';
import { TOP_MIN_CHARS } from '../../server/src/core/incremental/top';
import { resolveConfig } from '../../server/src/node/config';
import { generateBrief } from '../bench/corpus.mjs';
import { bundledDataset } from '../core/bundled-dataset';
import { buildServerWithData, repoRoot, TODAY } from './workspace';

interface Report {
  kind: string;
  resultId?: string;
  items: Diagnostic[];
}

describe("a long brief's top first", () => {
  const dir = mkdtempSync(join(tmpdir(), 'briefcheck-top-'));
  const servers: Array<{ connection: ProtocolConnection; kill: () => void; refreshes: number }> = [];

  async function start(refreshSupport: boolean) {
    const child = spawn(process.execPath, [join(dir, 'dist', 'server.js'), '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const server = { connection, kill: () => child.kill(), refreshes: 0 };
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onRequest('workspace/diagnostic/refresh', () => {
      server.refreshes++;
      return null;
    });
    connection.listen();
    const workspace = refreshSupport ? { diagnostics: { refreshSupport } } : {};
    await connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: { workspace }, initializationOptions: { today: TODAY, debounceMs: 0 } });
    await connection.sendNotification('initialized', {});
    servers.push(server);
    return server;
  }

  beforeAll(async () => {
    await buildServerWithData(dir);
  }, 60_000);
  afterAll(() => {
    for (const s of servers) {
      s.connection.dispose();
      s.kill();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  async function pull(connection: ProtocolConnection, uri: string, previousResultId?: string): Promise<Report> {
    for (;;) {
      const report = await connection.sendRequest<Report>('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });
      if (report.kind === 'full' || previousResultId) return report;
    }
  }

  const example = readFileSync(join(repoRoot, 'examples/stale-and-mismatched.md'), 'utf8');
  // A generated brief of 3,000 lines (194,000 characters), its footnote definitions at the end.
  const long = generateBrief(1002, 3_000);

  function expected(uri: string, text: string): string[] {
    const doc = TextDocument.create(uri, 'markdown', 1, text);
    return checkBrief(text, bundledDataset(), { config: resolveConfig({}, dir), today: TODAY }).problems.map((p) => `${p.ruleId}@${doc.positionAt(p.range.start).line}:${p.message}`);
  }
  const key = (d: Diagnostic) => `${d.code}@${d.range.start.line}:${d.message}`;

  it('reports the top, asks for a pull, then reports the whole brief', async () => {
    expect(long.length).toBeGreaterThan(TOP_MIN_CHARS);
    const server = await start(true);
    const uri = 'file:///long.md';
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: long } });
    const first = await pull(server.connection, uri);
    const whole = expected(uri, long);
    expect(first.items.length).toBeGreaterThan(0);
    expect(first.items.length).toBeLessThan(whole.length / 2);
    const wholeSet = new Set(whole);
    expect(first.items.map(key).filter((k) => !wholeSet.has(k))).toEqual([]);
    // Only the whole brief's problems carry fixes: the top does not know where the brief ends.
    expect(first.items.some((d) => (d.data as { fix?: unknown }).fix)).toBe(false);

    const second = await pull(server.connection, uri, first.resultId);
    expect(second.kind).toBe('full');
    expect(second.items.map(key)).toEqual(whole);
    expect(server.refreshes).toBe(1);
    // Pulled again with the whole report's id: nothing changed.
    expect((await pull(server.connection, uri, second.resultId)).kind).toBe('unchanged');
  }, 120_000);

  it('reports a short brief whole at once', async () => {
    const server = servers[0] ?? (await start(true));
    const uri = 'file:///short.md';
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: example } });
    const refreshes = server.refreshes;
    expect((await pull(server.connection, uri)).items.map(key)).toEqual(expected(uri, example));
    expect(server.refreshes).toBe(refreshes);
  }, 60_000);

  it('reports a long brief whole at once to an editor that cannot pull again on request', async () => {
    const server = await start(false);
    const uri = 'file:///long.md';
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: long } });
    expect((await pull(server.connection, uri)).items.map(key)).toEqual(expected(uri, long));
    expect(server.refreshes).toBe(0);
  }, 120_000);
});
