// `npm run fuzz`: bundles the campaign (TypeScript, like the tests) with esbuild and runs it.
// Usage: npm run fuzz -- [--runs N] [--seed S] [--out DIR]
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outfile = join(root, '.cache', 'fuzz-build', 'campaign.cjs');
mkdirSync(dirname(outfile), { recursive: true });
await esbuild.build({
  entryPoints: [join(root, 'test/fuzz/campaign.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  // __dirname in the sources must be their own folders, which find the seed briefs and data/.
  plugins: [
    {
      name: 'dirname',
      setup(build) {
        build.onLoad({ filter: /\.ts$/ }, async (args) => {
          const { readFile } = await import('node:fs/promises');
          const source = await readFile(args.path, 'utf8');
          return { contents: source.replaceAll('__dirname', JSON.stringify(dirname(args.path))), loader: 'ts' };
        });
      },
    },
  ],
});
const ran = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(ran.status ?? 1);
