// Starts the real VS Code server (from the code-server npm package, on Node 24) and a headless
// Chromium that opens its workbench, and ends both completely. Shared by the code shim (the
// mocha suite in the extension host) and the browser-level UI check.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const node24 = join(root, '.cache/node24/package/bin/node');
export const serverMain = join(root, '.cache/vscode-server/node_modules/code-server/lib/vscode/out/server-main.js');
export const chromiumPath = process.env.BRIEFCHECK_E2E_CHROMIUM ?? '/usr/bin/chromium';
export const setupCommand = 'bash scripts/setup-e2e.sh';

/** Flags that keep Chromium from reaching for a network it does not have (see docs/testing.md). */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The names of missing prerequisites, each with what provides it; empty when all are there. */
export function missingPrerequisites() {
  const missing = [];
  if (!existsSync(node24)) missing.push('Node 24 (.cache/node24)');
  if (!existsSync(serverMain)) missing.push('the VS Code server (.cache/vscode-server)');
  if (!existsSync(chromiumPath)) missing.push(`Chromium (${chromiumPath})`);
  return missing;
}

export function failOnMissingPrerequisites() {
  const missing = missingPrerequisites();
  if (missing.length === 0) return;
  console.error(`e2e: missing ${missing.join(', ')}.\ne2e: run \`${setupCommand}\` first (it installs them from Debian and the npm registry).`);
  process.exit(1);
}

async function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForServer(url, child, deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the VS Code server exited with code ${child.exitCode} before answering`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet: try again until the deadline.
    }
    if (Date.now() > deadline) throw new Error(`the VS Code server did not answer ${url} within ${deadlineMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts server-main.js in its own process group with all its state inside `workDir`, and returns
 * its base URL and a stop() that ends the whole group (extension host, file watcher and all).
 * The workspace is trusted (trust checks off, as VS Code's own test runner does) unless `trustWorkspace` is false.
 */
export async function startServer({ workDir, extensionsDir, dataDir, logFile, trustWorkspace = true }) {
  const port = await freePort();
  const dirs = { tmp: join(workDir, 'tmp'), config: join(workDir, 'xdg-config'), data: join(workDir, 'xdg-data'), cache: join(workDir, 'xdg-cache') };
  for (const dir of [...Object.values(dirs), extensionsDir, dataDir]) mkdirSync(dir, { recursive: true });
  const log = openSync(logFile, 'a');
  const child = spawn(
    node24,
    [
      serverMain,
      '--host', '127.0.0.1',
      '--port', String(port),
      '--without-connection-token',
      '--accept-server-license-terms',
      '--enable-smoke-test-driver',
      '--reconnection-grace-time', '5',
      '--server-data-dir', dataDir,
      '--extensions-dir', extensionsDir,
      '--disable-telemetry',
      ...(trustWorkspace ? ['--disable-workspace-trust'] : []),
    ],
    {
      detached: true,
      stdio: ['ignore', log, log],
      env: {
        ...process.env,
        TMPDIR: dirs.tmp,
        XDG_CONFIG_HOME: dirs.config,
        XDG_DATA_HOME: dirs.data,
        XDG_CACHE_HOME: dirs.cache,
        NODE_COMPILE_CACHE: join(workDir, 'node-compile-cache'),
      },
    },
  );
  closeSync(log);
  // The group id is written down so the parent runner can end the group even if this process dies.
  writeFileSync(join(workDir, 'server.pgid'), String(child.pid));
  const stop = () => killGroup(child.pid);
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(`${base}/version`, child, 30_000);
  } catch (error) {
    stop();
    throw error;
  }
  return { base, port, authority: `127.0.0.1:${port}`, stop };
}

/** The text of the server's Node extension host logs (what ran in the Node extension host). */
export function remoteExtensionHostLog(dataDir) {
  if (!existsSync(dataDir)) return '';
  return readdirSync(dataDir, { recursive: true })
    .map(String)
    .filter((p) => /remoteexthost\.log$|exthost\.log$/.test(p))
    .map((p) => readFileSync(join(dataDir, p), 'utf8'))
    .join('\n');
}

/** Sends SIGTERM to a process group, then SIGKILL to whatever is left of it a moment later. */
export function killGroup(pgid) {
  if (!pgid) return;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    return; // The group is already gone.
  }
  const deadline = Date.now() + 2000;
  while (Date.now() < deadline) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return;
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // Gone between the check and the kill.
  }
}

/** A `vscode-remote` URI for a path on the server, the form the workbench payload expects. */
export function remoteUri(authority, path) {
  return `vscode-remote://${authority}${path.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * The workbench URL for a folder or a `.code-workspace` file, with a payload that loads the
 * extension under development (and its tests, when `testsPath` is given).
 */
export function workbenchUrl(server, { target, extensionPath, testsPath }) {
  const payload = [['extensionDevelopmentPath', remoteUri(server.authority, extensionPath)], ['skipWelcome', 'true']];
  if (testsPath) payload.push(['extensionTestsPath', remoteUri(server.authority, testsPath)]);
  const kind = target.endsWith('.code-workspace') ? 'workspace' : 'folder';
  return `${server.base}/?${kind}=${encodeURIComponent(target)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Launches headless Debian Chromium through playwright-core with a fresh profile. */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  return { browser, page };
}

/** How long one workbench step (a view, a tab, a panel row) may take to appear. */
export const stepTimeoutMs = 30_000;

/** Waits for the workbench and its Explorer to show the folder's `briefs` folder. */
export async function waitForWorkbench(page) {
  await page.locator('.monaco-workbench').waitFor({ timeout: stepTimeoutMs });
  await page.locator('.explorer-folders-view').getByRole('treeitem', { name: 'briefs', exact: true }).waitFor({ timeout: stepTimeoutMs });
}

/** Opens `briefs/<name>` from the Explorer and waits for its editor tab. */
export async function openBrief(page, name) {
  const explorer = page.locator('.explorer-folders-view');
  const row = (label) => explorer.getByRole('treeitem', { name: label, exact: true });
  if ((await row('briefs').getAttribute('aria-expanded')) !== 'true') await row('briefs').click();
  await row(name).click();
  await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: stepTimeoutMs });
}

/** Opens the Problems panel and waits for a row naming `ruleId`. */
export async function waitForProblem(page, ruleId) {
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row', { hasText: ruleId }).first().waitFor({ timeout: stepTimeoutMs });
}
