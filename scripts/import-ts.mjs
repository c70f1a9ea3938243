// Imports TypeScript sources from a script without a build step: esbuild bundles a small entry
// module in memory and it is imported as a data: URL. Used by the generators (npm run generate).
import * as esbuild from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles `entry` (TypeScript, paths relative to the repository root) and imports the result. */
export async function importTs(entry) {
  const result = await esbuild.build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'warning',
    // Bundled packages that use require() need it in an ES module.
    banner: { js: `import { createRequire as __cr } from 'node:module'; const require = __cr(${JSON.stringify(join(root, 'package.json'))});` },
  });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
}
