// The environment the desktop extension starts its language server with: the extension host's,
// with the server's cache folders in the extension's storage, less what only slows the server's start.

import { join } from 'node:path';

/**
 * Node 20 reads the certificate bundle NODE_EXTRA_CA_CERTS names while it starts, before any code
 * runs (about 90 ms for a system bundle of some 150 certificates); later Node versions read it on a
 * first TLS connection. The server opens no connection at all, so it is started without it.
 */
export const NOT_FOR_THE_SERVER = ['NODE_EXTRA_CA_CERTS'] as const;

/**
 * `env` for the server: its code cache (node/code-cache.ts) and remembered results
 * (node/result-memory.ts) in folders of `storageDir`, unless BRIEFCHECK_CODE_CACHE or
 * BRIEFCHECK_RESULT_CACHE chooses, and nothing in NOT_FOR_THE_SERVER.
 */
export function serverEnv(env: NodeJS.ProcessEnv, storageDir: string): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {
    ...env,
    BRIEFCHECK_CODE_CACHE: env.BRIEFCHECK_CODE_CACHE ?? join(storageDir, 'code-cache'),
    BRIEFCHECK_RESULT_CACHE: env.BRIEFCHECK_RESULT_CACHE ?? join(storageDir, 'results'),
  };
  for (const name of NOT_FOR_THE_SERVER) delete out[name];
  return out;
}

/**
 * Node options for the server: a small young generation (two 4 MB semi-spaces instead of V8's 16
 * MB). The server's main thread holds little (the open texts, their problems) and mostly waits; the
 * check worker, which makes most of the garbage, is started with V8's default
 * (server/src/lsp/prestart.ts). With fifty open briefs the server's memory fell by about 10 MiB.
 */
export const SERVER_EXEC_ARGV = ['--max-semi-space-size=4'] as const;
