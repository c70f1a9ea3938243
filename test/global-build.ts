// Builds the bundles once before any test file runs: the tests that spawn the built command, pack
// the npm package or package the extension all read dist/, and building it from each of them at
// the same time could let one read a bundle another is still writing.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: resolve(__dirname, '..'), stdio: 'inherit' });
}
