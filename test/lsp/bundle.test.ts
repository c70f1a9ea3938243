// The server bundle stands alone: built the way the extension ships it (its bundles in dist/ beside
// data/, no node_modules), spawned as its own process and spoken to over stdio with JSON-RPC.
// Nothing it needs is fetched: it answers with only the packaged files present. Its check worker
// reads the bundled dataset for itself, so a check against it needs no files sent.

import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { StreamMessageReader, StreamMessageWriter, createProtocolConnection, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { bundledKey } from '../../server/src/node/bundled-data';
import { resolveConfig } from '../../server/src/node/config';
import { validatedDataHash } from '../../server/src/node/dataset';
import type { CheckReply, CheckRequest } from '../../server/src/lsp/document-checker';
import { buildServerWithData, fixtures, repoRoot, TODAY } from './workspace';

describe('the packaged server bundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'briefcheck-bundle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts from a folder holding only its bundles in dist/ and data/, and checks a brief', async () => {
    await buildServerWithData(dir);
    cpSync(join(fixtures, 'memo.md'), join(dir, 'memo.md'));

    const child = spawn(process.execPath, [join(dir, 'dist', 'server.js'), '--stdio'], { cwd: dir, env: { PATH: process.env.PATH ?? '', BRIEFCHECK_CODE_CACHE: join(dir, 'code-cache'), BRIEFCHECK_RESULT_CACHE: 'off' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const logs: string[] = [];
    connection.onNotification('window/logMessage', (...args: unknown[]) => {
      logs.push((args[0] as { message: string }).message);
    });
    connection.listen();
    try {
      const uri = pathToFileURL(join(dir, 'memo.md')).href;
      await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, initializationOptions: { today: TODAY, debounceMs: 0 } });
      await connection.sendNotification('initialized', {});
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(join(dir, 'memo.md'), 'utf8') } });
      const report = await connection.sendRequest<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
      expect(report.items.length, `${stderr}\n${logs.join('\n')}`).toBeGreaterThan(0);
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
    } finally {
      connection.dispose();
      child.kill();
    }
  });

  it('has a check worker that holds the bundled dataset, known by its hash, before any file is sent to it', async () => {
    const hash = (await validatedDataHash(join(repoRoot, 'data')))!;
    await buildServerWithData(dir, hash);
    const worker = new Worker(join(dir, 'dist', 'server-worker.js'), { env: { BRIEFCHECK_CODE_CACHE: 'off' } });
    const ask = (request: CheckRequest) => new Promise<CheckReply>((resolve) => {
      worker.once('message', resolve);
      worker.postMessage(request);
    });
    try {
      const text = readFileSync(join(fixtures, 'memo.md'), 'utf8');
      const options = { config: resolveConfig({}, dir), today: TODAY };
      const bundled = await ask({ type: 'check', id: 1, uri: 'file:///memo.md', text, options, datasetKey: bundledKey(hash) });
      expect('result' in bundled && bundled.problems).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: expect.any(String) })]));
      const unknown = await ask({ type: 'check', id: 2, uri: 'file:///other.md', text, options, datasetKey: bundledKey('0'.repeat(64)) });
      expect(unknown).toMatchObject({ id: 2, error: expect.stringMatching(/was never sent/) });
    } finally {
      await worker.terminate();
    }
  });
});
