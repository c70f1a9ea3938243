// Packages the extension as a .vsix (npm run package): builds the bundles, stages what the extension
// needs in .cache/vsix-stage, and runs @vscode/vsce there. Staging keeps the two packages apart:
// package.json's `files` list is the npm package's (the command line), while the .vsix holds the
// extension's bundles, the dataset, schemas, grammar, snippets, icon, LICENSE, CHANGELOG, and as
// its README client/README.md, written for users (the repository's README is for developers).
// vsce needs Node >= 22 while the project runs on Node 20, so it is installed (pinned, from the npm
// registry) into .cache/vsce and run with the Node 24 that scripts/setup-e2e.sh puts in
// .cache/node24. Without that Node the script says so and stops. BRIEFCHECK_VSIX_OUT names another
// output file.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const VSCE_VERSION = '4.1.0';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, '.cache');
const node24 = process.env.BRIEFCHECK_NODE24 ?? join(cache, 'node24', 'package', 'bin', 'node');
const vsceDir = join(cache, 'vsce');
const vsceBin = join(vsceDir, 'node_modules', '@vscode', 'vsce', 'vsce');
const stage = join(cache, 'vsix-stage');

/** What the .vsix holds: staged path → repository path. */
export const VSIX_FILES = {
  'dist/extension.js': 'dist/extension.js',
  'dist/server.js': 'dist/server.js',
  'dist/server-main.js': 'dist/server-main.js',
  'dist/server-worker.js': 'dist/server-worker.js',
  'dist/server-worker-main.js': 'dist/server-worker-main.js',
  'dist/web/extension.js': 'dist/web/extension.js',
  'dist/web/server.js': 'dist/web/server.js',
  data: 'data',
  schemas: 'schemas',
  syntaxes: 'syntaxes',
  snippets: 'snippets',
  'images/icon.png': 'images/icon.png',
  'README.md': 'client/README.md',
  'CHANGELOG.md': 'CHANGELOG.md',
  LICENSE: 'LICENSE',
};

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

rmSync(stage, { recursive: true, force: true });
for (const [to, from] of Object.entries(VSIX_FILES)) {
  if (!existsSync(join(root, from))) fail(`${from} is missing`);
  mkdirSync(dirname(join(stage, to)), { recursive: true });
  cpSync(join(root, from), join(stage, to), { recursive: true });
}
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// The staged manifest lists the extension's files; the npm package's bin and scripts do not apply.
const { files: _npmFiles, bin: _bin, scripts: _scripts, devDependencies: _dev, workspaces: _ws, ...extension } = manifest;
writeFileSync(join(stage, 'package.json'), JSON.stringify({ ...extension, files: Object.keys(VSIX_FILES) }, null, 2) + '\n');

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

const out = resolve(root, process.env.BRIEFCHECK_VSIX_OUT ?? `${manifest.name}-${manifest.version}.vsix`);
run(node24, [vsceBin, 'package', '--no-dependencies', '--out', out], {
  cwd: stage,
  env: { ...process.env, NODE_COMPILE_CACHE: join(cache, 'node-compile-cache') },
});
console.log(`package: wrote ${relative(root, out)}`);
