// A long brief's claims stay on the check thread (lsp/document-checker): the built server, spawned
// with its worker and spoken to over stdio, must answer hovers, inlay hints and the Claims view on
// such a brief exactly as the core reads it, and a short brief's from the claims sent with its result.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreamMessageReader, StreamMessageWriter, createProtocolConnection, type Diagnostic, type Hover, type InlayHint, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkBrief } from '../../server/src/core/check';
import { currentFigureHints } from '../../server/src/core/editor';
import { resolveConfig } from '../../server/src/node/config';
import { INLINE_CLAIMS } from '../../server/src/lsp/document-checker';
import type { ClaimsResult } from '../../server/src/shared/protocol';
import { bundledDataset } from '../core/bundled-dataset';
import { buildServerWithData, repoRoot, TODAY } from './workspace';

describe('claims held by the check worker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'briefcheck-claims-'));
  let connection: ProtocolConnection;
  let kill: () => void;
  beforeAll(async () => {
    await buildServerWithData(dir);
    const child = spawn(process.execPath, [join(dir, 'dist', 'server.js'), '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] });
    kill = () => child.kill();
    connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.listen();
    await connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: { textDocument: { inlayHint: {} } }, initializationOptions: { today: TODAY, debounceMs: 0 } });
    await connection.sendNotification('initialized', {});
  }, 60_000);
  afterAll(() => {
    connection?.dispose();
    kill?.();
    rmSync(dir, { recursive: true, force: true });
  });

  async function check(uri: string, text: string) {
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    for (;;) {
      const report = await connection.sendRequest<{ kind: string }>('textDocument/diagnostic', { textDocument: { uri } });
      if (report.kind === 'full') break;
    }
    return checkBrief(text, bundledDataset(), { config: resolveConfig({}, dir), today: TODAY });
  }

  const example = readFileSync(join(repoRoot, 'examples/stale-and-mismatched.md'), 'utf8');
  const body = example.slice(example.indexOf('---', 3) + 4);
  const cases = [
    ['a long brief', 'file:///long.md', example + body.repeat(Math.floor(250_000 / body.length))],
    ['a short brief', 'file:///short.md', example],
  ] as const;

  it('keeps diagnostics equal to the core\'s through edits of a long brief (problems sent as changes)', async () => {
    const [, , start] = cases[0];
    const uri = 'file:///edited.md';
    await check(uri, start);
    let text = start;
    let version = 1;
    const at = (offset: number) => TextDocument.create(uri, 'markdown', version, text).positionAt(offset);
    const firstFigure = text.indexOf('%');
    // Typing and deleting inside a figure, adding a paragraph with a figure, removing a line, near the start and the end.
    const edits: Array<[number, number, string]> = [
      [firstFigure - 1, firstFigure - 1, '1'],
      [firstFigure - 1, firstFigure, ''],
      [Math.floor(text.length / 2), Math.floor(text.length / 2), '\n\nChina supplied 91% of US gallium imports in 2024.\n\n'],
      [text.length - 200, text.length - 200, 'x'],
      [text.indexOf('\n', 100) + 1, text.indexOf('\n', text.indexOf('\n', 100) + 1) + 1, ''],
    ];
    for (const [from, to, insert] of edits) {
      const range = { start: at(from), end: at(to) };
      text = text.slice(0, from) + insert + text.slice(to);
      version++;
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: insert }] });
      let items: Diagnostic[] = [];
      for (;;) {
        const report = await connection.sendRequest<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
        if (report.kind === 'full') {
          items = report.items;
          break;
        }
      }
      const expected = checkBrief(text, bundledDataset(), { config: resolveConfig({}, dir), today: TODAY });
      const doc = TextDocument.create(uri, 'markdown', version, text);
      expect(items.map((d) => `${d.code}@${doc.offsetAt(d.range.start)}-${doc.offsetAt(d.range.end)}:${d.message}`)).toEqual(
        expected.problems.map((p) => `${p.ruleId}@${p.range.start}-${p.range.end}:${p.message}`),
      );
    }
  }, 120_000);

  it.each(cases)('answers on %s as the core reads it', async (_name, uri, text) => {
    const expected = await check(uri, text);
    const doc = TextDocument.create(uri, 'markdown', 1, text);
    if (uri.includes('long')) expect(expected.claims.length).toBeGreaterThan(INLINE_CLAIMS);
    else expect(expected.claims.length).toBeLessThanOrEqual(INLINE_CLAIMS);

    const claims = await connection.sendRequest<ClaimsResult>('briefcheck/claims', { uri });
    expect(claims.claims.map((c) => `${c.kind}:${c.verdict}:${c.text}:${c.problems.join(',')}`)).toEqual(
      expected.claims.map((c, i) => `${c.kind}:${c.verdict}:${c.text}:${expected.problems.filter((p) => p.claim === i).map((p) => p.ruleId).join(',')}`),
    );

    // The last mention of a mineral: far into the long brief, past what any short brief holds.
    const mention = expected.claims.filter((c) => c.kind === 'mention').at(-1)!;
    const hover = await connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: doc.positionAt(mention.range.start + 1) });
    expect(JSON.stringify(hover?.contents)).toContain(bundledDataset().mineral(mention.minerals[0]!)!.name);

    // Inlay hints over the last third of the long brief, the whole short one: exactly the core's hints there.
    const range = { start: doc.positionAt(uri.includes('long') ? Math.floor((text.length * 2) / 3) : 0), end: doc.positionAt(text.length) };
    const hints = await connection.sendRequest<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range });
    const from = doc.offsetAt(range.start);
    const wanted = currentFigureHints(bundledDataset(), expected.claims, expected.asOf).filter((h) => h.offset >= from);
    expect(wanted.length).toBeGreaterThan(0);
    expect(hints.map((h) => `${doc.offsetAt(h.position)}:${h.label}`)).toEqual(wanted.map((h) => `${h.offset}:${h.label}`));
  }, 60_000);
});
