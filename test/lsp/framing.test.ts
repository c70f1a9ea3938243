// The server over stdio, spoken to in raw bytes (fuzz findings): a framing error makes it say why on
// stderr and exit non-zero, so the client restarts it, instead of staying alive and deaf; a request
// whose params are not an object is answered -32602 (invalid params), not -32603.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFramingWatcher } from '../../server/src/lsp/framing';
import { buildServerWithData, repoRoot } from './workspace';

const frame = (message: unknown) => {
  const body = Buffer.from(JSON.stringify(message));
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
};

const initialize = frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });

interface Running {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

describe('the server over stdio', () => {
  const dir = mkdtempSync(join(tmpdir(), 'briefcheck-framing-'));
  const server = join(dir, 'dist', 'server.js');
  beforeAll(async () => {
    await buildServerWithData(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  let last: Running | undefined;
  function start(): Running {
    const child = spawn(process.execPath, [server, '--stdio'], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    last = { child, stdout: () => out, stderr: () => err, exited };
    return last;
  }

  async function until(condition: () => boolean, ms = 10_000): Promise<void> {
    const end = Date.now() + ms;
    while (!condition()) {
      if (Date.now() > end) throw new Error(`timed out; the server printed:\n${last?.stdout()}\n${last?.stderr()}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it.each([
    ['a length that is not a number', Buffer.from('Content-Length: abc\r\n\r\n{}')],
    ['a negative length', Buffer.from('Content-Length: -5\r\n\r\n{}')],
    ['an oversized length', Buffer.from('Content-Length: 99999999999\r\n\r\n{}')],
    ['an LF-only header', Buffer.from('Content-Length: 2\n\n{}')],
    ['binary bytes', Buffer.from([0x00, 0xff, 0xfe, 0x13, 0x37, 0x0d, 0x0a, 0x0d, 0x0a])],
  ])('exits non-zero with a message on stderr after %s', async (_name, bad) => {
    const s = start();
    try {
      s.child.stdin.write(initialize);
      await until(() => s.stdout().includes('"id":1'));
      s.child.stdin.write(bad);
      const code = await Promise.race([s.exited, new Promise<string>((r) => setTimeout(() => r('still running'), 10_000))]);
      expect(code).toBe(3);
      expect(s.stderr()).toContain("cannot read the client's messages");
    } finally {
      s.child.kill();
    }
  });

  it('answers requests whose params are null or not an object with -32602', async () => {
    const s = start();
    try {
      s.child.stdin.write(initialize);
      await until(() => s.stdout().includes('"id":1'));
      s.child.stdin.write(frame({ jsonrpc: '2.0', method: 'initialized', params: {} }));
      const methods = ['textDocument/hover', 'textDocument/codeAction', 'textDocument/inlayHint', 'textDocument/diagnostic', 'briefcheck/claims'];
      methods.forEach((method, i) => s.child.stdin.write(frame({ jsonrpc: '2.0', id: 10 + i, method, params: null })));
      s.child.stdin.write(frame({ jsonrpc: '2.0', id: 20, method: 'textDocument/hover', params: 'nonsense' }));
      await until(() => s.stdout().includes('"id":20'));
      for (const id of [10, 11, 12, 13, 14, 20]) expect(s.stdout().replace(/Content-Length[^{]*/g, "\n"), `request ${id}`).toMatch(new RegExp(`"id":${id},"error":\\{"code":-32602`));
      // Still listening afterwards.
      s.child.stdin.write(frame({ jsonrpc: '2.0', id: 30, method: 'shutdown', params: null }));
      await until(() => s.stdout().includes('"id":30'));
    } finally {
      s.child.kill();
    }
  });
});

describe('the server with its check worker', () => {
  it('answers a hover on one document while it is still checking a large other one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefcheck-worker-'));
    try {
      await buildServerWithData(dir);
      const child = spawn(process.execPath, [join(dir, 'dist', 'server.js'), '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
      let out = '';
      const order: number[] = [];
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        for (const m of d.toString().matchAll(/"id":(\d+),"(?:result|error)"/g)) order.push(Number(m[1]));
      });
      try {
        const send = (m: unknown) => child.stdin.write(frame({ jsonrpc: '2.0', ...(m as object) }));
        send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {}, initializationOptions: { today: '2026-11-28', debounceMs: 0 } } });
        send({ method: 'initialized', params: {} });
        const brief = readFileSync(join(repoRoot, 'examples/stale-and-mismatched.md'), 'utf8');
        const small = 'file:///small.md';
        const large = 'file:///large.md';
        send({ method: 'textDocument/didOpen', params: { textDocument: { uri: small, languageId: 'markdown', version: 1, text: brief } } });
        send({ id: 2, method: 'textDocument/diagnostic', params: { textDocument: { uri: small } } });
        const end = Date.now() + 30_000;
        while (!order.includes(2) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
        const body = brief.slice(brief.indexOf('---', 3) + 4);
        send({ method: 'textDocument/didOpen', params: { textDocument: { uri: large, languageId: 'markdown', version: 1, text: body.repeat(Math.floor(290_000 / body.length)) } } });
        send({ id: 3, method: 'textDocument/diagnostic', params: { textDocument: { uri: large } } });
        send({ id: 4, method: 'textDocument/hover', params: { textDocument: { uri: small }, position: { line: 6, character: 30 } } });
        while (!(order.includes(3) && order.includes(4)) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
        expect(order.indexOf(4), out.slice(0, 500)).toBeGreaterThan(-1);
        expect(order.indexOf(4)).toBeLessThan(order.indexOf(3));
      } finally {
        child.kill();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the framing watcher', () => {
  it('follows well-formed messages split anywhere, and names the first broken one', () => {
    const reasons: string[] = [];
    const watcher = createFramingWatcher((r) => reasons.push(r));
    const good = Buffer.concat([frame({ a: 1 }), frame({ b: 'two' }), frame({})]);
    for (let i = 0; i < good.length; i += 3) watcher.push(good.subarray(i, i + 3));
    expect(reasons).toEqual([]);
    watcher.push(Buffer.from('Content-Type: x\r\n\r\n'));
    expect(reasons).toEqual(['a message header has no Content-Length']);
  });
});
