// The environment the desktop extension starts its language server with: the extension host's,
// with the server's code cache folder, less what only slows the server's start.

/**
 * Node 20 reads the certificate bundle NODE_EXTRA_CA_CERTS names while it starts, before any code
 * runs (about 90 ms for a system bundle of some 150 certificates); later Node versions read it on a
 * first TLS connection. The server opens no connection at all, so it is started without it.
 */
export const NOT_FOR_THE_SERVER = ['NODE_EXTRA_CA_CERTS'] as const;

/** `env` for the server: its code cache in `codeCacheDir` unless BRIEFCHECK_CODE_CACHE chooses, and nothing in NOT_FOR_THE_SERVER. */
export function serverEnv(env: NodeJS.ProcessEnv, codeCacheDir: string): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env, BRIEFCHECK_CODE_CACHE: env.BRIEFCHECK_CODE_CACHE ?? codeCacheDir };
  for (const name of NOT_FOR_THE_SERVER) delete out[name];
  return out;
}
