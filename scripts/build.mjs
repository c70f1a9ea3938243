// One esbuild script for every bundle: the extension client, the language server and the CLI.
// `tsc` only type-checks (npm run typecheck); this file only bundles.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { bundleOptions, cliBundles, serverBundles } from './bundle-options.mjs';
import { webBundleOptions, webShims } from './web-shims.mjs';

const watch = process.argv.includes('--watch');
const common = bundleOptions;

const bundles = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The language server: small entries that run the bundles beside them with V8's code cache
  // (server/src/node/code-cache.ts). It checks documents on a worker thread (server/src/lsp/checker.ts).
  ...serverBundles,
  // The command line: a small entry that runs its bundle with V8's code cache, and the bundle its
  // worker threads load (server/src/cli/parallel.ts).
  ...cliBundles,
];

// The web extension (the manifest's `browser`) and its language server in a web worker.
const webBundles = [
  { ...webBundleOptions, entryPoints: ['client/src/web-extension.ts'], outfile: 'dist/web/extension.js', format: 'cjs', external: ['vscode'] },
  { ...webBundleOptions, entryPoints: ['server/src/web/server-main.ts'], outfile: 'dist/web/server.js', format: 'iife', plugins: [webShims], conditions: ['worker'], inject: ['server/src/web/shims/process.ts'] },
];

/**
 * The bundled data's content hash when it passes its schemas and invariants, checked with the
 * loader's own code: bundles that carry it skip validating the same files at every start.
 */
async function validatedDataHash() {
  const built = await esbuild.build({ ...common, entryPoints: ['server/src/node/dataset.ts'], write: false, sourcemap: false, banner: {}, define: {} });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', '__filename', '__dirname', built.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url), resolve('scripts/build.mjs'), resolve('scripts'));
  const hash = await module.exports.validatedDataHash(resolve('data'));
  if (!hash) console.warn('build: data/ does not pass its schemas or invariants; the bundles will validate it at every start.');
  return hash;
}

const dataHash = await validatedDataHash();
for (const b of bundles.filter((b) => b.outfile !== 'dist/extension.js')) b.define = { ...common.define, ...(dataHash ? { __BRIEFCHECK_DATA_HASH__: JSON.stringify(dataHash) } : {}) };

if (watch) {
  for (const b of bundles) (await esbuild.context({ ...common, ...b })).watch();
  for (const b of webBundles) (await esbuild.context(b)).watch();
} else {
  await Promise.all([...bundles.map((b) => esbuild.build({ ...common, ...b })), ...webBundles.map((b) => esbuild.build(b))]);
}
