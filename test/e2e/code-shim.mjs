#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron's runTests spawns: it takes the
// same flags, runs the extension's mocha suite in the real VS Code server's Node extension host
// with headless Chromium as the window, relays the suite's output, and exits with its code.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { format } from 'node:util';
import { failOnMissingPrerequisites, launchBrowser, startServer, workbenchUrl } from './lib/workbench.mjs';

const suiteDeadlineMs = Number(process.env.BRIEFCHECK_E2E_TIMEOUT_MS ?? 300_000);

function parseArgs(argv) {
  const flags = {};
  const positional = [];
  for (const arg of argv) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (m) flags[m[1]] = m[2] ?? true;
    else positional.push(arg);
  }
  return { flags, positional };
}

const { flags, positional } = parseArgs(process.argv.slice(2));
const extensionPath = flags.extensionDevelopmentPath;
const testsPath = flags.extensionTestsPath;
const target = positional[0];
if (typeof extensionPath !== 'string' || typeof testsPath !== 'string' || !target) {
  console.error('code-shim: usage: code-shim.mjs <folder|file.code-workspace> --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [--user-data-dir=DIR] [--extensions-dir=DIR]');
  process.exit(2);
}
failOnMissingPrerequisites();

// runTests passes a user data dir; everything the server and browser write goes under it.
const workDir = resolve(typeof flags['user-data-dir'] === 'string' ? flags['user-data-dir'] : join(process.cwd(), '.cache/e2e-run'));
mkdirSync(workDir, { recursive: true });
process.env.TMPDIR = join(workDir, 'tmp');
mkdirSync(process.env.TMPDIR, { recursive: true });
const logFile = process.env.BRIEFCHECK_E2E_SERVER_LOG ?? join(workDir, 'server.log');

const consoleLog = join(workDir, 'workbench-console.log');

/**
 * The workbench's own start-up chatter and offline failures (gallery, sign-in, service worker),
 * harmless here. Kept out of the suite's output so mocha's report stands out; every line still
 * goes to workbench-console.log.
 */
const noise = [
  /^\[(AgentHost|AgentHost:remote|ChatModelSelection|AccountPolicyGate|reconnection-grace-time|Service Worker)\]/,
  /^(Resolving|Resolved) connection token|^Creating a socket|^Updating additional builtin extensions cache/,
  /gallery|marketplace|telemetry|vsda|open-vsx|ENOTFOUND|ERR_NAME_NOT_RESOLVED/i,
];
const isNoise = (line) => noise.some((pattern) => pattern.test(line));

let server;
let browser;

/** On failure the workbench hands over its logs (extension host, renderer); keep them for reading. */
function saveWorkbenchLogs(logs) {
  const resultsDir = process.env.BRIEFCHECK_E2E_RESULTS;
  if (!resultsDir || !Array.isArray(logs)) return;
  for (const { relativePath, contents } of logs) {
    const file = join(resultsDir, 'workbench-logs', String(relativePath).replace(/\.\.\//g, ''));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, typeof contents === 'string' ? contents : JSON.stringify(contents));
  }
  console.error(`code-shim: workbench logs saved under ${join('test-results', 'e2e', 'workbench-logs')}`);
}
let ending = false;

async function end(code) {
  if (ending) return;
  ending = true;
  await browser?.close().catch(() => {});
  server?.stop();
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void end(130));
// If the runner that spawned this shim is killed outright, end too rather than wait for the deadline.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) {
    console.error('code-shim: the test runner went away; ending');
    void end(1);
  }
}, 500).unref();
// A crash in this process must still end the server's process group.
process.on('exit', () => server?.stop());

try {
  server = await startServer({
    workDir,
    extensionsDir: typeof flags['extensions-dir'] === 'string' ? flags['extensions-dir'] : join(workDir, 'extensions'),
    dataDir: join(workDir, 'server-data'),
    logFile,
    trustWorkspace: flags['disable-workspace-trust'] === true,
  });
  const launched = await launchBrowser();
  browser = launched.browser;
  const { page } = launched;
  const finished = new Promise((resolveExit) => {
    void page.exposeFunction('codeAutomationExit', (code, logs) => {
      if (Number(code) !== 0) saveWorkbenchLogs(logs);
      resolveExit(Number(code));
    });
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = format(...(Array.isArray(args) ? args : [args]));
    appendFileSync(consoleLog, `${line}\n`);
    if (!isNoise(line)) (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
  });
  page.on('crash', () => {
    console.error('code-shim: the workbench page crashed');
    void end(1);
  });
  await page.goto(workbenchUrl(server, { target, extensionPath, testsPath }));
  const timeout = new Promise((resolveExit) =>
    setTimeout(() => {
      console.error(`code-shim: the suite did not finish within ${suiteDeadlineMs} ms (server log: ${logFile})`);
      resolveExit(1);
    }, suiteDeadlineMs),
  );
  await end(await Promise.race([finished, timeout]));
} catch (error) {
  console.error(`code-shim: ${error instanceof Error ? error.message : String(error)} (server log: ${logFile})`);
  await end(1);
}
