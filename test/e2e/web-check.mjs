// The web extension (the manifest's `browser` entry), checked in the browser-hosted workbench: the
// extension is loaded as a web extension (extensionDevelopmentKind web), so it runs in the web
// worker extension host, as on vscode.dev and github.dev, and its language server runs in a web
// worker with the bundled dataset. One diagnostic and one hover are checked.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDevProxy } from './lib/dev-proxy.mjs';
import { launchBrowser, openBrief, remoteExtensionHostLog, root, startServer, stepTimeoutMs, waitForProblem, waitForWorkbench } from './lib/workbench.mjs';
import { widestSquiggle } from './ui-check.mjs';

const brief = 'stale-figure.md';
const problemRule = 'stale-figure';

export async function runWebCheck({ workDir, folder, resultsDir }) {
  console.log('e2e: the web extension in the web worker extension host');
  mkdirSync(workDir, { recursive: true });
  const logs = [];
  let page;
  let server;
  let proxy;
  let browser;
  try {
    server = await startServer({ workDir, extensionsDir: join(workDir, 'extensions'), dataDir: join(workDir, 'server-data'), logFile: join(workDir, 'server.log') });
    const launched = await launchBrowser();
    browser = launched.browser;
    page = launched.page;
    page.on('console', (message) => logs.push(message.text()));
    page.on('response', (response) => response.status() >= 400 && logs.push(`HTTP ${response.status()} ${response.url()}`));
    proxy = await startDevProxy({ target: server.base, extensionPath: root });
    // Served from the browser's side, the extension can only run in the web worker extension host.
    const payload = [['skipWelcome', 'true']];
    await page.goto(`${proxy.base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    await waitForWorkbench(page);
    await openBrief(page, brief);
    await waitForProblem(page, problemRule);
    console.log(`  ✔ a diagnostic (${problemRule}) from the language server in a web worker`);
    const squiggle = await widestSquiggle(page);
    await page.mouse.move(squiggle.x + squiggle.width / 2, squiggle.y + squiggle.height / 2 - 4);
    await page.locator('.monaco-hover:not(.hidden)', { hasText: problemRule }).first().waitFor({ state: 'visible', timeout: stepTimeoutMs });
    await page.screenshot({ path: join(resultsDir, 'web-hover.png') });
    console.log('  ✔ a hover on it');
    // The server's Node extension host ran other extensions, but never briefcheck.
    const nodeHost = remoteExtensionHostLog(join(workDir, 'server-data'));
    if (!/_doActivateExtension /.test(nodeHost)) throw new Error('the Node extension host log shows no activation at all; cannot tell where briefcheck ran');
    if (/_doActivateExtension briefcheck\.briefcheck/.test(nodeHost)) throw new Error('briefcheck was activated in the Node extension host, not the web worker');
    console.log('  ✔ in the web worker extension host (the Node extension host never activated it)');
    writeFileSync(join(resultsDir, 'web-console.log'), logs.join('\n'));
    return 0;
  } catch (error) {
    writeFileSync(join(resultsDir, 'web-console.log'), logs.join('\n'));
    await page?.screenshot({ path: join(resultsDir, 'web-failure.png') }).catch(() => {});
    console.error(`e2e: web extension check failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return 1;
  } finally {
    await browser?.close().catch(() => {});
    await proxy?.close();
    server?.stop();
  }
}
