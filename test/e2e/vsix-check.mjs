// The released extension, checked as users get it: `npm run package` builds the .vsix, the VS Code
// server's own CLI installs it into an empty extensions folder, and the workbench opens a brief
// with no extension under development: the installed extension must activate (its status bar
// item appears) and its language server must report the brief's problem in the Problems panel.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, node24, openBrief, remoteExtensionHostLog, root, serverMain, startServer, stepTimeoutMs, waitForProblem, waitForWorkbench } from './lib/workbench.mjs';

const brief = 'stale-figure.md';
const problemRule = 'stale-figure';

export async function runVsixCheck({ workDir, folder, resultsDir }) {
  console.log('e2e: packaging the .vsix, installing it into the VS Code server and opening a brief');
  mkdirSync(workDir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const vsix = join(workDir, `${manifest.name}-${manifest.version}.vsix`);
  const extensionsDir = join(workDir, 'extensions');
  const dataDir = join(workDir, 'server-data');
  let server;
  let browser;
  try {
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, BRIEFCHECK_VSIX_OUT: vsix } });
    if (!existsSync(vsix)) throw new Error('npm run package wrote no .vsix');
    const env = { ...process.env, TMPDIR: join(workDir, 'tmp'), XDG_CONFIG_HOME: join(workDir, 'tmp'), XDG_DATA_HOME: join(workDir, 'tmp'), XDG_CACHE_HOME: join(workDir, 'tmp'), NODE_COMPILE_CACHE: join(workDir, 'tmp') };
    mkdirSync(env.TMPDIR, { recursive: true });
    const installed = execFileSync(node24, [serverMain, '--install-extension', vsix, '--extensions-dir', extensionsDir, '--server-data-dir', dataDir, '--accept-server-license-terms'], { encoding: 'utf8', env });
    if (!/successfully installed/.test(installed)) throw new Error(`the VS Code server did not install the .vsix:\n${installed}`);
    const folderName = `${manifest.publisher}.${manifest.name}-${manifest.version}`;
    if (!readdirSync(extensionsDir).includes(folderName)) throw new Error(`no ${folderName} in the extensions folder`);
    console.log(`  ✔ npm run package, then --install-extension: ${folderName}`);

    server = await startServer({ workDir, extensionsDir, dataDir, logFile: join(workDir, 'server.log') });
    const launched = await launchBrowser();
    browser = launched.browser;
    const page = launched.page;
    // No extensionDevelopmentPath: only installed extensions run.
    const payload = encodeURIComponent(JSON.stringify([['skipWelcome', 'true']]));
    await page.goto(`${server.base}/?folder=${encodeURIComponent(folder)}&payload=${payload}`);
    await waitForWorkbench(page);
    await openBrief(page, brief);
    await page.locator('.statusbar-item', { hasText: /briefcheck · data/ }).first().waitFor({ timeout: stepTimeoutMs });
    console.log('  ✔ the installed extension activates on a Markdown brief (status bar item)');
    await waitForProblem(page, problemRule);
    await page.screenshot({ path: join(resultsDir, 'vsix-installed.png') });
    console.log(`  ✔ its language server reports ${problemRule} in the Problems panel`);
    if (!/_doActivateExtension briefcheck\.briefcheck/.test(remoteExtensionHostLog(dataDir))) throw new Error('the Node extension host log does not show briefcheck activated');
    console.log('  ✔ activated in the Node extension host (its log)');
    return 0;
  } catch (error) {
    console.error(`e2e: .vsix check failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return 1;
  } finally {
    await browser?.close().catch(() => {});
    server?.stop();
  }
}
