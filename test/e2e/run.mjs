// `npm run test:e2e`: builds the extension and the suite, then runs the mocha suite inside a real
// VS Code (through @vscode/test-electron's runTests with code-shim.mjs in place of the editor) and
// the browser-level UI check, on a throwaway copy of the fixture workspace, and then installs the
// packaged .vsix (npm run package) into the server and checks that it activates (vsix-check.mjs). Exits non-zero when
// either fails; leaves no process running, pass, fail or signal.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { runTests } from '@vscode/test-electron';
import { failOnMissingPrerequisites, killGroup, root } from './lib/workbench.mjs';
import { runUiCheck } from './ui-check.mjs';
import { runVsixCheck } from './vsix-check.mjs';
import { runWebCheck } from './web-check.mjs';

const args = new Set(process.argv.slice(2));
const only = ['--suite-only', '--ui-only', '--vsix-only', '--web-only'].find((flag) => args.has(flag));
const runSuite = !only || only === '--suite-only';
const runUi = !only || only === '--ui-only';
const runVsix = !only || only === '--vsix-only';
const runWeb = !only || only === '--web-only';
// --break flips one expectation in the suite, to show what a failure looks like.
if (args.has('--break')) process.env.BRIEFCHECK_E2E_BREAK = '1';
const resultsDir = join(root, 'test-results/e2e');
const suiteOut = join(root, 'dist/e2e');

const workDir = mkdtempSync(join(tmpdir(), 'briefcheck-e2e-'));

/** Ends every server group this run started (each writes its pgid) and removes the temp folder. */
function cleanUp() {
  for (const pgidFile of findFiles(workDir, 'server.pgid')) killGroup(Number(readFileSync(pgidFile, 'utf8')));
  for (const log of [...findFiles(workDir, 'server.log'), ...findFiles(workDir, 'workbench-console.log')]) {
    cpSync(log, join(resultsDir, `${log.slice(workDir.length + 1).split('/')[0]}-${log.split('/').pop()}`));
  }
  rmSync(workDir, { recursive: true, force: true });
}

function findFiles(dir, name) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((p) => p === name || p.endsWith(`/${name}`))
    .map((p) => join(dir, p));
}

process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`e2e: interrupted (${signal}); ending the VS Code server and the browser`);
    process.exit(130);
  });
}

/** The fixture workspace is copied so tests may edit, fix and save briefs freely. */
function copyFixtures(into) {
  const target = join(workDir, into);
  cpSync(join(root, 'test/e2e/fixtures'), target, { recursive: true });
  return target;
}

async function buildSuite() {
  const suiteDir = join(root, 'test/e2e/suite');
  const entryPoints = readdirSync(suiteDir)
    .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
    .map((f) => join(suiteDir, f));
  rmSync(suiteOut, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: suiteOut,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
}

async function runExtensionHostSuite() {
  const workspace = copyFixtures('suite-workspace');
  const vscodeDir = join(workDir, 'suite');
  console.log('e2e: running the extension-host suite in the VS Code server');
  try {
    await runTests({
      vscodeExecutablePath: join(root, 'test/e2e/code-shim.mjs'),
      extensionDevelopmentPath: root,
      extensionTestsPath: join(suiteOut, 'index.js'),
      launchArgs: [join(workspace, 'e2e.code-workspace'), `--user-data-dir=${vscodeDir}`, `--extensions-dir=${join(vscodeDir, 'extensions')}`],
      extensionTestsEnv: { BRIEFCHECK_E2E_RESULTS: resultsDir },
    });
    return 0;
  } catch (error) {
    console.error(`e2e: extension-host suite failed (${error instanceof Error ? error.message : String(error)})`);
    return 1;
  }
}

async function main() {
  mkdirSync(resultsDir, { recursive: true });
  console.log('e2e: building the extension and the suite');
  try {
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  } catch {
    console.error('e2e: building the bundles failed (node scripts/build.mjs); see the errors above');
    return 1;
  }
  failOnMissingPrerequisites();
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'test/e2e'), '--noEmit'], { cwd: root, stdio: 'inherit' });
  } catch {
    console.error('e2e: the suite does not type-check (tsc -p test/e2e); see the errors above');
    return 1;
  }
  await buildSuite();

  let code = 0;
  if (runSuite) code |= await runExtensionHostSuite();
  if (runUi) {
    const workspace = copyFixtures('ui-workspace');
    code |= await runUiCheck({ workDir: join(workDir, 'ui'), folder: join(workspace, 'main'), resultsDir });
  }
  if (runWeb) {
    const workspace = copyFixtures('web-workspace');
    code |= await runWebCheck({ workDir: join(workDir, 'web'), folder: join(workspace, 'main'), resultsDir });
  }
  if (runVsix) {
    const workspace = copyFixtures('vsix-workspace');
    code |= await runVsixCheck({ workDir: join(workDir, 'vsix'), folder: join(workspace, 'main'), resultsDir });
  }
  console.log(code === 0 ? 'e2e: all end-to-end checks passed' : 'e2e: end-to-end checks FAILED');
  return code;
}

process.exitCode = await main().catch((error) => {
  console.error(`e2e: ${error instanceof Error ? error.stack : String(error)}`);
  return 1;
});
