// Results remembered between starts (node/result-memory.ts), on the built server spawned over
// stdio: a start checks a brief and remembers its result; a later start answers the same brief's
// first pull with it (an early report) and then finds the same by checking, so it asks for nothing
// more. A damaged entry is ignored and rewritten; an entry the check disagrees with is shown only
// until the check is done, and the editor is then asked to pull again; a brief checked as of today
// is answered from memory on that day only, a dated one on any. Then the
// memory itself: what names an entry, what it gives back, and what it keeps.

import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreamMessageReader, StreamMessageWriter, createProtocolConnection, type Diagnostic, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { hashOf } from '../../server/src/node/cache';
import { MAX_ENTRY_CHARS, MAX_REMEMBERED, RESULT_CACHE_ENV, ResultMemory } from '../../server/src/node/result-memory';
import { resolveConfig } from '../../server/src/node/config';
import type { Problem } from '../../server/src/core/types';
import { checkBrief } from '../../server/src/core/check';
import { bundledDataset } from '../core/bundled-dataset';
import { buildServerWithData, repoRoot, TODAY } from './workspace';

interface Report {
  kind: string;
  resultId?: string;
  items: Diagnostic[];
}

const dir = mkdtempSync(join(tmpdir(), 'briefcheck-result-memory-'));
const results = join(dir, 'results');
const brief = readFileSync(join(repoRoot, 'examples/stale-and-mismatched.md'), 'utf8');
const uri = 'file:///brief.md';
const key = (d: Diagnostic) => `${d.code}@${d.range.start.line}:${d.range.start.character}:${d.message}`;

interface Server {
  connection: ProtocolConnection;
  refreshes: number;
  stop(): Promise<void>;
}

async function start(today = TODAY, text = brief): Promise<Server> {
  const child = spawn(process.execPath, [join(dir, 'dist', 'server.js'), '--stdio'], {
    cwd: dir,
    env: { ...process.env, [RESULT_CACHE_ENV]: results, BRIEFCHECK_CODE_CACHE: 'off' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const server: Server = {
    connection,
    refreshes: 0,
    async stop() {
      connection.dispose();
      child.kill();
      if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once('exit', r));
    },
  };
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  connection.onRequest('workspace/diagnostic/refresh', () => {
    server.refreshes++;
    return null;
  });
  connection.listen();
  const capabilities = { workspace: { diagnostics: { refreshSupport: true } }, textDocument: { synchronization: { didSave: true } } };
  await connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities, initializationOptions: { today, debounceMs: 0 } });
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  return server;
}

async function pull(connection: ProtocolConnection, previousResultId?: string): Promise<Report> {
  for (;;) {
    const report = await connection.sendRequest<Report>('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });
    if (report.kind === 'full' || previousResultId) return report;
  }
}

/** Waits until the brief's check is done: a hover is answered from it. */
async function checked(connection: ProtocolConnection): Promise<void> {
  await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
}

const entries = () => readdirSync(results).filter((n) => n.endsWith('.json'));

/** Waits for `condition` (which may throw while files are being replaced). */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 8_000;
  const holds = () => {
    try {
      return condition();
    } catch {
      return false;
    }
  };
  while (!holds()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The one entry's file, header and body. */
function entry(): { file: string; header: { format: number; key: string; sum: string }; body: string } {
  const [name] = entries();
  const file = join(results, name!);
  const raw = readFileSync(file, 'utf8');
  const newline = raw.indexOf('\n');
  return { file, header: JSON.parse(raw.slice(0, newline)), body: raw.slice(newline + 1) };
}

describe('results remembered between starts', () => {
  let checkedItems: string[] = [];

  beforeAll(async () => {
    await buildServerWithData(dir);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a first start checks the brief and remembers its result', async () => {
    const server = await start();
    try {
      const report = await pull(server.connection);
      expect(report.resultId).not.toMatch(/:early$/);
      checkedItems = report.items.map(key);
      expect(checkedItems.length).toBeGreaterThan(0);
      // Shutting down, the server first finishes writing what it remembers.
      await server.connection.sendRequest('shutdown');
      expect(entries().length).toBe(1);
    } finally {
      await server.stop();
    }
  }, 30_000);

  it('a later start answers with the remembered result first, and the check agrees', async () => {
    const server = await start();
    try {
      const report = await pull(server.connection);
      expect(report.resultId).toMatch(/:early$/);
      expect(report.items.map(key)).toEqual(checkedItems);
      // Quick fixes come with their version and edits, as from a check.
      expect(report.items.some((d) => (d.data as { fix?: unknown }).fix)).toBe(true);
      await checked(server.connection);
      await new Promise((r) => setTimeout(r, 100));
      expect(server.refreshes).toBe(0);
      // Pulled again with the early report's id, the check found the same: "unchanged" to an
      // editor that holds the early report, and the same items to one that asks afresh.
      expect((await pull(server.connection, report.resultId)).kind).toBe('unchanged');
      expect((await pull(server.connection)).items.map(key)).toEqual(checkedItems);
    } finally {
      await server.stop();
    }
  }, 30_000);

  it('a damaged entry is not shown, and the check rewrites it', async () => {
    const { file, header, body } = entry();
    writeFileSync(file, `${JSON.stringify(header)}\n${body.replace('"problems":[{', '"problems":[{"x":1,')}`);
    const server = await start();
    try {
      const report = await pull(server.connection);
      expect(report.resultId).not.toMatch(/:early$/);
      expect(report.items.map(key)).toEqual(checkedItems);
      await until(() => entry().body === body, 'the entry to be rewritten');
    } finally {
      await server.stop();
    }
  }, 30_000);

  it('an entry the check disagrees with is shown until the check is done, then replaced', async () => {
    const { file, header, body } = entry();
    const value = JSON.parse(body) as { problems: unknown[] };
    const stale = JSON.stringify({ ...value, problems: value.problems.slice(1) });
    writeFileSync(file, `${JSON.stringify({ ...header, sum: hashOf(stale) })}\n${stale}`);
    const server = await start();
    try {
      const report = await pull(server.connection);
      expect(report.resultId).toMatch(/:early$/);
      expect(report.items.map(key)).toEqual(checkedItems.slice(1));
      await until(() => server.refreshes === 1, 'the server to ask for a pull');
      expect((await pull(server.connection, report.resultId)).items.map(key)).toEqual(checkedItems);
      await until(() => entry().body === body, 'the entry to be rewritten');
    } finally {
      await server.stop();
    }
  }, 30_000);

  it('a dated brief is answered from memory on another day; an undated one only on its day', async () => {
    const later = await start('2030-01-01');
    try {
      const report = await pull(later.connection);
      expect(report.resultId).toMatch(/:early$/);
      expect(report.items.map(key)).toEqual(checkedItems);
    } finally {
      await later.stop();
    }
    const undated = brief.replace(/^---\n[\s\S]*?\n---\n/, '');
    expect(undated).not.toContain('date:');
    const first = await start(TODAY, undated);
    try {
      expect((await pull(first.connection)).resultId).not.toMatch(/:early$/);
      await first.connection.sendRequest('shutdown');
    } finally {
      await first.stop();
    }
    // Its own day first: a start on another day checks the brief and may remember that day's
    // result in place of this one before it is stopped.
    for (const [today, early] of [[TODAY, true], ['2030-01-01', false]] as const) {
      const server = await start(today, undated);
      try {
        expect((await pull(server.connection)).resultId?.endsWith(':early')).toBe(early);
      } finally {
        await server.stop();
      }
    }
  }, 30_000);
});

describe('ResultMemory', () => {
  const options = { config: resolveConfig({}, undefined), today: TODAY };
  const files = { meta: { version: '1' } };
  const result = (problems: Problem[]) => ({ asOf: TODAY, asOfSource: 'today' as const, problems });
  const problem: Problem = { ruleId: 'stale-figure', severity: 'warning', messageId: 'stale', message: 'm', range: { start: 2, end: 5 }, claim: 3 };

  it('names an entry by the build, the dataset, the options but today, and the text', () => {
    const memory = new ResultMemory(join(dir, 'unit-keys'), 'build-1');
    const k = memory.keyOf('text', files, options);
    expect(memory.keyOf('text', { meta: { version: '1' } }, options)).toBe(k);
    expect(memory.keyOf('text.', files, options)).not.toBe(k);
    expect(memory.keyOf('text', { meta: { version: '2' } }, options)).not.toBe(k);
    expect(memory.keyOf('text', files, { ...options, config: { ...options.config, asOf: '2025-01-01' } })).not.toBe(k);
    expect(memory.keyOf('text', files, { ...options, today: '2030-01-01' })).toBe(k);
    expect(new ResultMemory(join(dir, 'unit-keys'), 'build-2').keyOf('text', files, options)).not.toBe(k);
  });

  it('gives back what it stored, without claim indexes, and only for a text its ranges fit', async () => {
    const memory = new ResultMemory(join(dir, 'unit-recall'), 'b');
    const k = memory.keyOf('a brief', files, options);
    await memory.remember(k, result([problem]));
    const { claim: _, ...shown } = problem;
    expect(memory.recall(k, 'a brief', TODAY)).toEqual(result([shown]));
    expect(memory.recall(k, 'abc', TODAY)).toBeUndefined();
    // Refused once, the entry is gone.
    await until(() => readdirSync(join(dir, 'unit-recall')).length === 0, 'the refused entry to be removed');
  });

  it('keeps the most recently stored entries, and removes what an interrupted write left', async () => {
    const folder = join(dir, 'unit-prune');
    const memory = new ResultMemory(folder, 'b');
    await memory.remember(memory.keyOf('first', files, options), result([]));
    const leftover = join(folder, 'x.json.1.abc.tmp');
    writeFileSync(leftover, 'partial');
    utimesSync(leftover, new Date(0), new Date(0));
    for (let i = 0; i < MAX_REMEMBERED + 1; i++) await memory.remember(memory.keyOf(`brief ${i}`, files, options), result([]));
    const names = readdirSync(folder);
    expect(names.length).toBe(MAX_REMEMBERED);
    expect(names).not.toContain('x.json.1.abc.tmp');
    expect(memory.recall(memory.keyOf('first', files, options), 'first', TODAY)).toBeUndefined();
    expect(memory.recall(memory.keyOf(`brief ${MAX_REMEMBERED}`, files, options), `brief ${MAX_REMEMBERED}`, TODAY)).toBeDefined();
  }, 30_000);

  it('rests on a check that reads today only for a brief with no date: dated briefs check the same on any day', () => {
    const dated = readdirSync(join(repoRoot, 'examples')).filter((n) => n.endsWith('.md')).map((n) => readFileSync(join(repoRoot, 'examples', n), 'utf8'));
    const checked = dated.filter((text) => /^---\n[\s\S]*?\b(?:as_of|date):/.test(text));
    expect(checked.length).toBeGreaterThan(0);
    for (const text of checked) {
      const on = (today: string) => checkBrief(text, bundledDataset(), { ...options, today });
      expect(on('2030-01-01')).toEqual(on(TODAY));
    }
  });

  it('does not keep a result larger than MAX_ENTRY_CHARS', async () => {
    const memory = new ResultMemory(join(dir, 'unit-size'), 'b');
    const text = 'x'.repeat(10);
    const large = { ...problem, message: 'm'.repeat(MAX_ENTRY_CHARS) };
    await memory.remember(memory.keyOf(text, files, options), result([large]));
    expect(memory.recall(memory.keyOf(text, files, options), text, TODAY)).toBeUndefined();
    await memory.remember(memory.keyOf(text, files, options), result([problem]));
    expect(memory.recall(memory.keyOf(text, files, options), text, TODAY)).toBeDefined();
  });

  it('gives back a result checked as of today only on that day, one dated by the brief on any', async () => {
    const memory = new ResultMemory(join(dir, 'unit-days'), 'b');
    const undated = memory.keyOf('undated', files, options);
    const dated = memory.keyOf('dated', files, options);
    await memory.remember(undated, result([]));
    await memory.remember(dated, { asOf: '2026-03-01', asOfSource: 'front-matter', problems: [] });
    expect(memory.recall(undated, 'undated', TODAY)).toBeDefined();
    expect(memory.recall(undated, 'undated', '2030-01-01')).toBeUndefined();
    expect(memory.recall(dated, 'dated', '2030-01-01')).toBeDefined();
  });
});
