// Editor latency: drives the built language server (dist/server.js) over stdio with real JSON-RPC,
// as an editor would, and measures time to first diagnostics after start, time from a
// one-character edit to fresh pull diagnostics, hover latency, and memory with 50 open briefs.
// Standalone: node test/bench/lsp-latency.mjs
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import rpc from 'vscode-languageserver-protocol/node';
import { importTs } from '../../scripts/import-ts.mjs';
import { generateBrief, mulberry32 } from './corpus.mjs';

const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = rpc;

const EDITS = { small: 120, large: 80 };
const HOVERS = 100;
const LATER_STARTS = 5;

export function percentile(samples, p) {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** How the extension starts its server (client/src/server-env.ts): its environment, less NODE_EXTRA_CA_CERTS, and its Node options. */
const extensionLaunch = () => importTs("export { serverEnv, SERVER_EXEC_ARGV } from './client/src/server-env';");

function startServer({ serverEnv, SERVER_EXEC_ARGV }, root, storage) {
  const started = performance.now();
  // As the extension does, with the code cache (server/src/node/code-cache.ts) and the remembered
  // results (server/src/node/result-memory.ts) in the benchmark's own storage folder.
  const env = serverEnv({ ...process.env, BRIEFCHECK_CODE_CACHE: undefined, BRIEFCHECK_RESULT_CACHE: undefined }, storage);
  const child = spawn(process.execPath, [...SERVER_EXEC_ARGV, join(root, 'dist/server.js'), '--stdio'], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  // Answer what a server may ask of its editor: no settings, accept registrations and progress.
  connection.onRequest((method, params) => {
    if (method === 'workspace/configuration') return params.items.map(() => null);
    return null;
  });
  connection.onNotification(() => {});
  connection.listen();
  return { child, connection, started };
}

async function initialize({ connection }, folder) {
  const uri = pathToFileURL(folder).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: 'bench' }],
    // No initializationOptions.debounceMs: the server's own adaptive wait after an edit is in
    // place, so edit -> diagnostics is what an editor sees.
    capabilities: {
      textDocument: {
        synchronization: { dynamicRegistration: false, didSave: true },
        diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: { versionSupport: true },
      },
      // Pulls again when the server asks: a long brief's top is then reported first.
      workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true } },
    },
  });
  await connection.sendNotification('initialized', {});
}

function open({ connection }, path, text) {
  const uri = pathToFileURL(path).href;
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  return { uri, version: 1, text };
}

/**
 * Pulls diagnostics until the server answers with a full report for the current version. With the
 * result id of an earlier report, as an editor pulls again when the server asks it to.
 */
async function diagnostics({ connection }, doc, previousResultId) {
  for (;;) {
    try {
      const report = await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: doc.uri }, ...(previousResultId ? { previousResultId } : {}) });
      if (report.kind === 'full' || previousResultId) return report;
    } catch (error) {
      // ServerCancelled with retrigger: the editor pulls again, and so do we.
      if (error?.code !== -32802) throw error;
    }
  }
}

function positionAt(text, offset) {
  let line = 0;
  let last = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i + 1;
  }
  return { line, character: offset - last };
}

/** Offsets inside prose lines (not front matter, tables or code) where a user would type. */
function editOffsets(text, rng, count) {
  const lines = text.split('\n');
  const candidates = [];
  let offset = 0;
  let fenced = false;
  lines.forEach((line, i) => {
    if (line.startsWith('```')) fenced = !fenced;
    if (i > 6 && !fenced && /^[A-Z*>-]/.test(line) && line.length > 20) candidates.push(offset + Math.floor(line.length / 2));
    offset += line.length + 1;
  });
  return Array.from({ length: count }, () => candidates[Math.floor(rng() * candidates.length)]);
}

/**
 * Applies one-character edits, alternately typing and deleting a letter, timing each to fresh
 * diagnostics, pulled with the result id of the last report as VS Code does (an "unchanged" answer
 * then means the diagnostics it shows still hold).
 */
async function editLatency(server, doc, count, rng) {
  const samples = [];
  for (const offset of editOffsets(doc.text, rng, Math.ceil(count / 2))) {
    for (const typing of [true, false]) {
      const at = positionAt(doc.text, offset);
      const change = typing
        ? { range: { start: at, end: at }, text: 'x' }
        : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
      doc.text = typing ? doc.text.slice(0, offset) + 'x' + doc.text.slice(offset) : doc.text.slice(0, offset) + doc.text.slice(offset + 1);
      doc.version++;
      const t = performance.now();
      server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: doc.uri, version: doc.version },
        contentChanges: [change],
      });
      doc.resultId = (await diagnostics(server, doc, doc.resultId)).resultId;
      samples.push(performance.now() - t);
    }
  }
  return samples;
}

async function hoverLatency({ connection }, doc, count, rng) {
  const offsets = [...doc.text.matchAll(/\b(?:gallium|germanium|antimony|tungsten|graphite|dysprosium|terbium)\b/g)].map((m) => m.index + 2);
  const samples = [];
  for (let i = 0; i < count && offsets.length > 0; i++) {
    const position = positionAt(doc.text, offsets[Math.floor(rng() * offsets.length)]);
    const t = performance.now();
    await connection.sendRequest('textDocument/hover', { textDocument: { uri: doc.uri }, position });
    samples.push(performance.now() - t);
  }
  return samples;
}

function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

function stop(server) {
  server.connection.dispose();
  server.child.kill();
}

export async function runLatency({ root, benchDir }) {
  const launch = await extensionLaunch();
  const folder = join(benchDir, 'lsp');
  mkdirSync(folder, { recursive: true });
  const rng = mulberry32(6);
  const small = generateBrief(1001, 300);
  const large = generateBrief(1002, 20000);
  // BRIEFCHECK_BENCH_PARSER=remark measures the editor with the reference parser (a .briefcheck.json in the folder).
  const parser = process.env.BRIEFCHECK_BENCH_PARSER;
  if (parser) writeFileSync(join(folder, '.briefcheck.json'), JSON.stringify({ parser }));
  else rmSync(join(folder, '.briefcheck.json'), { force: true });
  writeFileSync(join(folder, 'small.md'), small);
  writeFileSync(join(folder, 'large.md'), large);

  // The first start has no code cache and no remembered results (as after installing or updating
  // the extension) and writes them; the starts below are every later one.
  const storage = join(folder, 'storage');
  rmSync(storage, { recursive: true, force: true });
  const server = startServer(launch, root, storage);
  await initialize(server, folder);
  const smallDoc = open(server, join(folder, 'small.md'), small);
  smallDoc.resultId = (await diagnostics(server, smallDoc)).resultId;
  const firstMs = performance.now() - server.started;
  const smallEdits = await editLatency(server, smallDoc, EDITS.small, rng);
  const smallHovers = await hoverLatency(server, smallDoc, HOVERS, rng);
  const largeOpened = performance.now();
  const largeDoc = open(server, join(folder, 'large.md'), large);
  const largeFirst = await diagnostics(server, largeDoc);
  const largeFirstMs = performance.now() - largeOpened;
  // The first report may hold only the brief's top; pulling again with its result id waits for the
  // whole brief's (or answers "unchanged" when the first report was already the whole).
  largeDoc.resultId = (await diagnostics(server, largeDoc, largeFirst.resultId)).resultId;
  const largeWholeMs = performance.now() - largeOpened;
  const largeEdits = await editLatency(server, largeDoc, EDITS.large, rng);
  const largeHovers = await hoverLatency(server, largeDoc, HOVERS, rng);
  stop(server);

  // Later starts, with the code cache: one start is one sample of a noisy measure, so the median of
  // several. Alternately, the brief the first start checked (its result remembered, as when an
  // editor restores its tabs) and a brief never checked before (a new one each time).
  const cachedFirsts = [];
  const unseenFirsts = [];
  for (let i = 0; i < 2 * LATER_STARTS; i++) {
    const again = startServer(launch, root, storage);
    await initialize(again, folder);
    const unseen = i % 2 === 1;
    const path = join(folder, unseen ? `unseen-${i}.md` : 'small.md');
    const text = unseen ? generateBrief(3000 + i, 300) : small;
    if (unseen) writeFileSync(path, text);
    await diagnostics(again, open(again, path, text));
    (unseen ? unseenFirsts : cachedFirsts).push(performance.now() - again.started);
    stop(again);
    // One server at a time: the next start does not share the cores with this one's exit.
    if (again.child.exitCode === null && again.child.signalCode === null) await new Promise((resolve) => again.child.once('exit', resolve));
  }
  const cachedFirstMs = percentile(cachedFirsts, 50);
  const unseenFirstMs = percentile(unseenFirsts, 50);

  // Fifty briefs never checked, opened one after another in a running server: what opening a brief
  // costs once the server is up (as the 20,000-line row measures it), and then its memory.
  const many = startServer(launch, root, storage);
  await initialize(many, folder);
  const opens = [];
  for (let i = 0; i < 50; i++) {
    const path = join(folder, `open-${i}.md`);
    const text = generateBrief(2000 + i, 300);
    writeFileSync(path, text);
    const opened = performance.now();
    await diagnostics(many, open(many, path, text));
    opens.push(performance.now() - opened);
  }
  const rss50MiB = rssMiB(many.child.pid);
  stop(many);

  const rows = [
    ['edit → diagnostics, 300 lines', smallEdits, 30],
    ['edit → diagnostics, 20,000 lines', largeEdits, 100],
    ['hover, 300 lines', smallHovers, 10],
    ['hover, 20,000 lines', largeHovers, 10],
  ];
  // Shown beside the rows with targets, without one of its own: the targets name first diagnostics
  // after a start for 300 lines.
  const informational = [['first diagnostics on opening a 300-line brief never checked, server running', opens]];
  const fmt = (n) => n.toFixed(1);
  const table = ['| editor latency | n | median ms | p95 ms | max ms |', '| --- | ---: | ---: | ---: | ---: |'];
  for (const [label, s] of rows) {
    table.push(`| ${label} | ${s.length} | ${fmt(percentile(s, 50))} | ${fmt(percentile(s, 95))} | ${fmt(Math.max(...s))} |`);
  }
  for (const [label, s] of informational) {
    table.push(`| ${label} | ${s.length} | ${fmt(percentile(s, 50))} | ${fmt(percentile(s, 95))} | ${fmt(Math.max(...s))} |`);
  }
  table.push(`| first diagnostics after the first start, 300 lines (no code cache, nothing remembered) | 1 | ${fmt(firstMs)} | | |`);
  table.push(`| first diagnostics after a later start, 300 lines checked before (remembered result) | ${LATER_STARTS} | ${fmt(cachedFirstMs)} | | ${fmt(Math.max(...cachedFirsts))} |`);
  table.push(`| first diagnostics after a later start, 300 lines never checked (code cache) | ${LATER_STARTS} | ${fmt(unseenFirstMs)} | | ${fmt(Math.max(...unseenFirsts))} |`);
  table.push(`| first diagnostics on opening a 20,000-line brief (its top) | 1 | ${fmt(largeFirstMs)} | | |`);
  table.push(`| the whole brief's diagnostics on opening a 20,000-line brief | 1 | ${fmt(largeWholeMs)} | | |`);
  table.push(`| server RSS with 50 open 300-line briefs | | ${rss50MiB.toFixed(0)} MiB | | |`);
  return {
    targets: [...rows.map(([label, s, limit]) => [`${label} p95`, percentile(s, 95), limit]),
      ['first diagnostics after start, 300 lines (no code cache)', firstMs, 300],
      ['first diagnostics after start, 300 lines checked before (remembered)', cachedFirstMs, 300],
      ['first diagnostics after start, 300 lines never checked (code cache)', unseenFirstMs, 300],
      ['first diagnostics on opening a 20,000-line brief', largeFirstMs, 1000]],
    samples: Object.fromEntries([...rows, ...informational].map(([label, s]) => [label, s])),
    firstMs,
    cachedFirstMs,
    unseenFirstMs,
    largeFirstMs,
    largeWholeMs,
    rss50MiB,
    table,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const result = await runLatency({ root, benchDir: join(root, '.cache', 'bench') });
  process.stdout.write(`${result.table.join('\n')}\n`);
}
