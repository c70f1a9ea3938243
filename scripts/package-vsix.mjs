// Packages the extension as a .vsix (npm run package): builds the bundles, then runs @vscode/vsce.
// vsce needs Node >= 22 while the project runs on Node 20, so it is installed (pinned, from the npm
// registry) into .cache/vsce and run with the Node 24 that scripts/setup-e2e.sh puts in
// .cache/node24. Without that Node the script says so and stops. .vscodeignore keeps the package
// to what the extension needs: dist/, data/, schemas/, syntaxes/, snippets/, README, LICENSE.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const VSCE_VERSION = '4.1.0';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, '.cache');
const node24 = process.env.BRIEFCHECK_NODE24 ?? join(cache, 'node24', 'package', 'bin', 'node');
const vsceDir = join(cache, 'vsce');
const vsceBin = join(vsceDir, 'node_modules', '@vscode', 'vsce', 'vsce');

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) fail(`${command} could not start: ${result.error.message}`);
  if (result.status !== 0) fail(`${[command, ...args].join(' ')} exited with ${result.status}`);
}

if (!existsSync(node24)) {
  fail(
    `@vscode/vsce needs Node 22 or newer, and no Node 24 was found at ${relative(root, node24)}.\n` +
      '  Run scripts/setup-e2e.sh (it installs Node 24 into .cache/node24), or set BRIEFCHECK_NODE24 to a Node >= 22 binary.',
  );
}

run(process.execPath, [join(root, 'scripts', 'build.mjs')]);
for (const required of ['dist/extension.js', 'dist/server.js', 'dist/server-worker.js']) {
  if (!existsSync(join(root, required))) fail(`${required} was not built`);
}

if (!existsSync(vsceBin)) {
  mkdirSync(vsceDir, { recursive: true });
  writeFileSync(
    join(vsceDir, 'package.json'),
    JSON.stringify({ name: 'briefcheck-vsce', private: true, description: 'vsce for npm run package', dependencies: { '@vscode/vsce': VSCE_VERSION } }, null, 2) + '\n',
  );
  console.log(`package: installing @vscode/vsce@${VSCE_VERSION} into .cache/vsce`);
  const env = { ...process.env, PATH: `${dirname(node24)}:${process.env.PATH ?? ''}` };
  // Its optional native keychain module is not needed to package; skipping scripts avoids building it.
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: vsceDir, env });
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = join(root, `${manifest.name}-${manifest.version}.vsix`);
run(node24, [vsceBin, 'package', '--no-dependencies', '--allow-missing-repository', '--out', out], {
  env: { ...process.env, NODE_COMPILE_CACHE: join(cache, 'node-compile-cache') },
});
console.log(`package: wrote ${relative(root, out)}`);
