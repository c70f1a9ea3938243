// The server bundle stands alone: built the way the extension ships it (its bundles in dist/ beside
// data/, no node_modules), spawned as its own process and spoken to over stdio with JSON-RPC.
// Nothing it needs is fetched: it answers with only the packaged files present.

import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { StreamMessageReader, StreamMessageWriter, createProtocolConnection, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { buildServerWithData, fixtures, TODAY } from './workspace';

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
});
