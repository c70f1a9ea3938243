// `npm run bench`: generates the seeded corpus, then measures the floor (remark-parse alone), the
// peers (markdownlint-cli2, remark-cli) and briefcheck side by side in one run, each as its own
// process, and prints wall time, throughput, peak memory and the ratios and targets.
// Usage: node test/bench/run.mjs [--files N] [--lines L] [--seed S] [--quick] [--only a,b] [--no-lsp]
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus.mjs';
import { measure, memorySource } from './measure.mjs';
import { briefcheckRuns } from './briefcheck-runs.mjs';
import { printTable, printTargets } from './report.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function options(argv) {
  const o = { files: 2000, lines: 300, seed: 1, only: undefined, lsp: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') Object.assign(o, { files: 200, lines: 300 });
    else if (a === '--files') o.files = Number(argv[++i]);
    else if (a === '--lines') o.lines = Number(argv[++i]);
    else if (a === '--seed') o.seed = Number(argv[++i]);
    else if (a === '--only') o.only = new Set(argv[++i].split(','));
    else if (a === '--no-lsp') o.lsp = false;
    else throw new Error(`unknown option ${a}; see the top of test/bench/run.mjs`);
  }
  for (const k of ['files', 'lines', 'seed']) {
    if (!Number.isInteger(o[k]) || o[k] < 1) throw new Error(`--${k} needs a positive integer`);
  }
  return o;
}

const o = options(process.argv.slice(2));
const benchDir = join(root, '.cache', 'bench');
mkdirSync(benchDir, { recursive: true });
const corpusDir = join(benchDir, `corpus-${o.files}x${o.lines}-s${o.seed}`);
process.stderr.write(`corpus: ${o.files} briefs x ${o.lines} lines, seed ${o.seed}\n`);
const corpus = generateCorpus({ dir: corpusDir, files: o.files, lines: o.lines, seed: o.seed });
process.stderr.write(`corpus: ${(corpus.bytes / 1e6).toFixed(1)} MB, sha256 ${corpus.sha256.slice(0, 12)}\n`);

const rows = [];
const wanted = (name) => !o.only || o.only.has(name);
async function run(name, command, args, extra = {}) {
  process.stderr.write(`running ${name}… `);
  const r = await measure(command, args, { cwd: corpusDir, ...extra });
  const cpu = r.cpuMs === undefined ? '' : `, cpu ${(r.cpuMs / 1000).toFixed(1)} s`;
  process.stderr.write(`${(r.wallMs / 1000).toFixed(2)} s${cpu}, ${r.peakMiB.toFixed(0)} MiB (exit ${r.code})\n`);
  const row = { name, ...r };
  rows.push(row);
  return row;
}

const node = process.execPath;
const bin = (path) => join(root, 'node_modules', path);
if (wanted('floor')) await run('floor', node, [join(root, 'test/bench/floor.mjs'), '.']);
if (wanted('markdownlint-cli2')) {
  await run('markdownlint-cli2', node, [bin('markdownlint-cli2/markdownlint-cli2-bin.mjs'), '**/*.md']);
}
if (wanted('remark-cli')) {
  await run('remark-cli', node, [bin('remark-cli/cli.js'), '.', '--use', 'remark-preset-lint-recommended',
    '--quiet', '--no-stdout', '--no-color']);
}

const checks = wanted('briefcheck') ? await briefcheckRuns({ root, benchDir, corpusDir, corpus, run }) : { notes: [] };

let lsp;
if (o.lsp && wanted('lsp')) {
  const script = join(root, 'test/bench/lsp-latency.mjs');
  if (existsSync(join(root, 'dist/server.js')) && existsSync(script)) {
    const { runLatency } = await import('./lsp-latency.mjs');
    lsp = await runLatency({ root, benchDir });
  } else checks.notes.push('editor latency not measured: dist/server.js is not built (npm run build)');
}

const machine = {
  date: new Date().toISOString().slice(0, 10),
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  memory: memorySource,
};
const report = { machine, corpus: { ...corpus, dir: undefined }, rows, checks, lsp };
printTable(report);
printTargets(report);
writeFileSync(join(benchDir, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
process.stderr.write(`results written to .cache/bench/results.json\n`);
