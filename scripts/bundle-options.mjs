// The esbuild options every bundle shares, used by scripts/build.mjs and by the tests that build a
// bundle of their own, so a test runs what the build ships.
import { configValidatorPlugin } from './config-validator.mjs';

/** The language server's bundles (entries and what they run), as the build makes them and tests rebuild them. */
export const serverBundles = [
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/lsp/serve.ts'], outfile: 'dist/server-main.js' },
  { entryPoints: ['server/src/lsp/worker-main.ts'], outfile: 'dist/server-worker.js' },
  { entryPoints: ['server/src/lsp/check-worker.ts'], outfile: 'dist/server-worker-main.js' },
];

/** The command line's bundles: its entry, what it runs, and its worker threads' bundle (loaded from beside it). */
export const cliBundles = [
  { entryPoints: ['server/src/cli/entry.ts'], outfile: 'dist/cli.js' },
  { entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/cli-main.js' },
  { entryPoints: ['server/src/cli/parallel-worker.ts'], outfile: 'dist/cli-worker.js' },
];

export const bundleOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  mainFields: ['module', 'main'],
  // ESM dependencies (tinyglobby's fdir) call createRequire(import.meta.url), which is empty in a
  // CommonJS bundle; give them the bundle's own URL instead.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  // The configuration's validator, compiled at build time (scripts/config-validator.mjs).
  plugins: [configValidatorPlugin],
};

/**
 * Builds the language server's bundles into `dir`/dist, as the build does (for tests that run a
 * built server), with `dataHash` as the validated data's hash when given (else they validate it).
 */
export async function buildServer(repoRoot, dir, dataHash) {
  const { build } = await import('esbuild');
  const define = { ...bundleOptions.define, ...(dataHash ? { __BRIEFCHECK_DATA_HASH__: JSON.stringify(dataHash) } : {}) };
  await Promise.all(serverBundles.map((b) => build({ ...bundleOptions, define, entryPoints: b.entryPoints.map((e) => `${repoRoot}/${e}`), outfile: `${dir}/${b.outfile}`, sourcemap: false, logLevel: 'silent' })));
}
