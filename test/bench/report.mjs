// Prints the benchmark's results: a Markdown table (so it can be pasted into the docs as is) of
// wall time, throughput, peak memory and ratios, then each target of issue 6 with met or missed.

const MDL = 'markdownlint-cli2';
const FLOOR = 'floor';

const fmt = (n, digits = 2) => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits));

export function printTable({ machine, corpus, rows }) {
  const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
  const out = [
    `Measured ${machine.date} on ${machine.cpus} cores (${machine.cpu}), Node ${machine.node}; ` +
      `corpus ${corpus.files} briefs x ${corpus.lines} lines, ${fmt(corpus.bytes / 1e6, 1)} MB, seed ${corpus.seed}; ` +
      `peak memory from ${machine.memory}.`,
    '',
    '| tool | wall s | cpu s | files/s | MB/s | peak MiB | x markdownlint-cli2 | x floor |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    const s = r.wallMs / 1000;
    const ratio = (other) => (byName[other] ? fmt(r.wallMs / byName[other].wallMs) : '–');
    out.push(`| ${r.name}${r.code ? ` (exit ${r.code})` : ''} | ${fmt(s)} | ${fmt(r.cpuMs / 1000, 1)} | ${fmt(corpus.files / s, 0)} | ` +
      `${fmt(corpus.bytes / 1e6 / s)} | ${fmt(r.peakMiB, 0)} | ${ratio(MDL)} | ${ratio(FLOOR)} |`);
  }
  process.stdout.write(`\n${out.join('\n')}\n`);
}

function verdict(ok) {
  return ok === undefined ? 'not measured' : ok ? 'met' : 'MISSED';
}

/** Each target as [description, measured value as text, met?]. */
export function targets({ rows, checks, lsp }) {
  const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
  const bc = byName.briefcheck;
  const ratio = (a, b) => (a && b ? a.wallMs / b.wallMs : undefined);
  const list = [];
  const vsMdl = ratio(bc, byName[MDL]);
  list.push(['CLI wall time <= 0.5x markdownlint-cli2', fmt(vsMdl), vsMdl === undefined ? undefined : vsMdl <= 0.5]);
  const vsFloor = ratio(bc, byName[FLOOR]);
  list.push(['CLI wall time <= 0.3x remark-parse floor', fmt(vsFloor), vsFloor === undefined ? undefined : vsFloor <= 0.3]);
  list.push(['CLI output identical with --parser remark, the reference (2 threads and 1)', checks.sameAcrossParsers === undefined ? '–' : String(checks.sameAcrossParsers), checks.sameAcrossParsers]);
  list.push(['CLI output identical to a single-threaded run', checks.identical === undefined ? '–' : String(checks.identical), checks.identical]);
  list.push(['CLI peak memory <= 300 MiB', bc ? `${fmt(bc.peakMiB, 0)} MiB` : '–', bc ? bc.peakMiB <= 300 : undefined]);
  const warm = ratio(byName['briefcheck --cache, unchanged'], byName['briefcheck --cache, first']);
  list.push(['--cache second run <= 0.05x the first', fmt(warm, 3), warm === undefined ? undefined : warm <= 0.05]);
  if (checks.cache) {
    const c = checks.cache;
    list.push(['--cache results identical to an uncached run', String(c.identical), c.identical]);
    list.push(['one file changed re-checks that file only', `${c.oneChanged} re-checked`, c.oneChanged === 1]);
    list.push(['config changed re-checks everything', `${c.configChanged} re-checked`, c.configChanged === c.files]);
  }
  if (lsp) {
    for (const [label, value, limit] of lsp.targets) {
      list.push([`${label} <= ${limit} ms`, `${fmt(value, 1)} ms`, value <= limit]);
    }
    list.push(['server with 50 open 300-line briefs <= 200 MiB', `${fmt(lsp.rss50MiB, 0)} MiB`, lsp.rss50MiB <= 200]);
  }
  return list;
}

export function printTargets(report) {
  const lines = ['', '| target | measured | |', '| --- | ---: | --- |'];
  for (const [label, value, ok] of targets(report)) lines.push(`| ${label} | ${value} | ${verdict(ok)} |`);
  if (report.lsp) lines.push('', ...report.lsp.table);
  for (const note of report.checks.notes ?? []) lines.push(`note: ${note}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
