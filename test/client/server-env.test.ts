// The extension starts its server without what only slows its start, and the server still starts
// and checks with that environment (the built server, over stdio).

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOT_FOR_THE_SERVER, SERVER_EXEC_ARGV, serverEnv } from '../../client/src/server-env';

const root = resolve(__dirname, '..', '..');

describe('serverEnv', () => {
  it('keeps the extension host environment, sets the cache folders, drops NODE_EXTRA_CA_CERTS', () => {
    const env = serverEnv({ PATH: '/bin', NODE_EXTRA_CA_CERTS: 'bundle.pem', LANG: 'C' }, 'storage');
    expect(env).toEqual({ PATH: '/bin', LANG: 'C', BRIEFCHECK_CODE_CACHE: join('storage', 'code-cache'), BRIEFCHECK_RESULT_CACHE: join('storage', 'results') });
    expect(NOT_FOR_THE_SERVER).toContain('NODE_EXTRA_CA_CERTS');
  });

  it('leaves chosen cache folders (or "off") as they are', () => {
    expect(serverEnv({ BRIEFCHECK_CODE_CACHE: 'off' }, 'storage').BRIEFCHECK_CODE_CACHE).toBe('off');
    expect(serverEnv({ BRIEFCHECK_RESULT_CACHE: '/r' }, 'storage').BRIEFCHECK_RESULT_CACHE).toBe('/r');
  });

  it('is what the benchmark starts the server with', () => {
    const bench = readFileSync(join(root, 'test/bench/lsp-latency.mjs'), 'utf8');
    // It imports them from client/src/server-env.ts rather than spelling them out again.
    expect(SERVER_EXEC_ARGV.length).toBeGreaterThan(0);
    expect(bench).toContain("from './client/src/server-env'");
    for (const used of ['serverEnv(', '...SERVER_EXEC_ARGV']) expect(bench).toContain(used);
  });

  it('does not change the caller\'s environment', () => {
    const given = { NODE_EXTRA_CA_CERTS: 'bundle.pem' };
    serverEnv(given, 'cache');
    expect(given).toEqual({ NODE_EXTRA_CA_CERTS: 'bundle.pem' });
  });

  it('is an environment, with the Node options, the built server starts and answers in', async () => {
    const env = serverEnv({ ...process.env, NODE_EXTRA_CA_CERTS: join(root, 'no-such-bundle.pem'), BRIEFCHECK_CODE_CACHE: 'off', BRIEFCHECK_RESULT_CACHE: 'off' }, 'storage');
    const child = spawn(process.execPath, [...SERVER_EXEC_ARGV, join(root, 'dist/server.js'), '--stdio'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    await new Promise<void>((done, fail) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('"capabilities"')) done();
      });
      child.on('exit', (code) => fail(new Error(`the server exited with ${code}: ${err}`)));
    });
    child.kill();
    // A missing bundle named by NODE_EXTRA_CA_CERTS makes Node 20 warn on stderr at start: not here.
    expect(err).not.toContain('NODE_EXTRA_CA_CERTS');
  });
});
