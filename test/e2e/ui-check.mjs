// The browser-level check: what an analyst sees in the workbench. It opens a brief with a stale
// figure and, through the real UI, finds the squiggle, the Problems panel entry, the hover widget,
// and applies the fix from the Ctrl+. menu, saving a screenshot of each step to test-results/e2e/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, openBrief, root, startServer, stepTimeoutMs, waitForProblem, waitForWorkbench, workbenchUrl } from './lib/workbench.mjs';

/** The brief the check edits and what it expects there (see suite/expectations.ts). */
const brief = 'stale-figure.md';
const fixedText = 'Mineral Commodity Summaries 2025';
const problemRule = 'stale-figure';
const fixTitle = /Fix stale-figure/;

/** Runs one named step; a failure says which step, saves a screenshot, and rethrows. */
async function step(page, resultsDir, name, action) {
  const started = Date.now();
  try {
    await action();
    console.log(`  ✔ ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    console.log(`  ✘ ${name}`);
    await page.screenshot({ path: join(resultsDir, 'ui-failure.png') }).catch(() => {});
    throw new Error(`UI step "${name}" failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

async function shot(page, resultsDir, name) {
  await page.screenshot({ path: join(resultsDir, name) });
}

/**
 * The box of the widest squiggle in the editor. The brief has one problem, drawn as one box per
 * wrapped line. The editor redraws decorations when diagnostics arrive again, so a squiggle found
 * may be gone when its box is asked for: ask again until the deadline.
 */
export async function widestSquiggle(page) {
  const squiggles = page.locator('.editor-instance .view-overlays').locator('.squiggly-warning, .squiggly-error, .squiggly-info');
  const deadline = Date.now() + stepTimeoutMs;
  for (;;) {
    await squiggles.first().waitFor({ state: 'visible', timeout: Math.max(1, deadline - Date.now()) });
    const boxes = (await Promise.all((await squiggles.all()).map((s) => s.boundingBox({ timeout: 1000 }).catch(() => null)))).filter((b) => b && b.width > 0);
    if (boxes.length > 0) return boxes.reduce((a, b) => (b.width > a.width ? b : a));
    if (Date.now() > deadline) throw new Error('no squiggle kept a visible box');
  }
}

async function checkInWorkbench(page, resultsDir) {
  await step(page, resultsDir, 'the workbench loads', async () => {
    await waitForWorkbench(page);
  });

  await step(page, resultsDir, `opens briefs/${brief} from the Explorer`, async () => {
    await openBrief(page, brief);
  });

  let squiggle;
  await step(page, resultsDir, 'a squiggle appears under the stale figure', async () => {
    squiggle = await widestSquiggle(page);
    await shot(page, resultsDir, '1-squiggle.png');
  });

  await step(page, resultsDir, `the Problems panel lists ${problemRule}`, async () => {
    await waitForProblem(page, problemRule);
    await shot(page, resultsDir, '2-problems-panel.png');
  });

  await step(page, resultsDir, 'hovering the squiggle shows the problem', async () => {
    // Hover the squiggle's own box: the middle of the line may be plain text with no hover.
    await page.mouse.move(squiggle.x + squiggle.width / 2, squiggle.y + squiggle.height / 2 - 4);
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: problemRule });
    await hover.first().waitFor({ state: 'visible', timeout: stepTimeoutMs });
    await shot(page, resultsDir, '3-hover.png');
    await page.keyboard.press('Escape');
  });

  await step(page, resultsDir, 'Ctrl+. offers the fix and applying it clears the squiggle', async () => {
    await page.mouse.click(squiggle.x + squiggle.width / 2, squiggle.y + squiggle.height / 2 - 4);
    await page.keyboard.press('Control+.');
    const item = page.locator('.action-widget .monaco-list-row.action', { hasText: fixTitle }).first();
    await item.waitFor({ state: 'visible', timeout: stepTimeoutMs });
    await shot(page, resultsDir, '4-quick-fix-menu.png');
    await item.click();
    // The fixed brief cites the current figure's source, and no squiggle is left.
    // The editor renders spaces as no-break spaces and may wrap the line anywhere: compare without them.
    await page.waitForFunction(
      (text) => (document.querySelector('.editor-instance .view-lines')?.textContent ?? '').replace(/\s/g, '').includes(text.replace(/\s/g, '')),
      fixedText,
      { timeout: stepTimeoutMs },
    );
    await page.locator('.editor-instance .view-overlays .squiggly-warning').first().waitFor({ state: 'detached', timeout: stepTimeoutMs });
    await shot(page, resultsDir, '5-fixed.png');
  });
}

/** Starts a server and browser, runs the check, and always ends both; returns an exit code. */
export async function runUiCheck({ workDir, folder, resultsDir }) {
  mkdirSync(resultsDir, { recursive: true });
  console.log('e2e: UI check in the browser');
  let server;
  let browser;
  try {
    server = await startServer({ workDir, extensionsDir: join(workDir, 'extensions'), dataDir: join(workDir, 'server-data'), logFile: join(workDir, 'server.log') });
    const launched = await launchBrowser();
    browser = launched.browser;
    await launched.page.goto(workbenchUrl(server, { target: folder, extensionPath: root }));
    await checkInWorkbench(launched.page, resultsDir);
    console.log(`e2e: UI check passed; screenshots in ${join('test-results', 'e2e')}`);
    return 0;
  } catch (error) {
    console.error(`e2e: UI check failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await browser?.close().catch(() => {});
    server?.stop();
  }
}
