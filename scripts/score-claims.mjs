#!/usr/bin/env node
// Scores what the claim reader reads against labelled briefs: the project's own corpus
// (test/reader/corpus) or any set in the same label format, such as a dev set beside the checkout.
//
//   node scripts/score-claims.mjs [--corpus DIR | --devset | --briefs DIR --labels FILE] [--json] [--misses N] [--disagree SLOT]
//
// The CLI runs `node dist/cli.js claims --format json` (the build output: npm run build) on the
// briefs and prints recall per kind, figure recall on the core metrics and on other metrics,
// agreement on the matched claims, the not-asserted labels read with a verdict of wrong or
// mismatch, the asserted labels read so, unlabelled claims and the first misses with their reason.
// It reports and does not gate (exit 0 unless it cannot run); test/reader/recall.test.ts gates.
//
// Matching: a label matches a claim of the same brief and kind whose [line, endLine] holds the
// label's line; mentions and figures need the label's mineral among the claim's minerals, controls
// any one of the label's minerals; figures and counts need the value within 0.011 (or the label's
// tolerance; a range label also matches its top). A claim serves one label per mineral (mentions,
// figures) or one label in all (controls, counts). The pairs that agree best are matched first.
// Dependency-free: the test suite imports scoreClaims and formatReport from here.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const KINDS = ['mention', 'figure', 'control', 'count'];
export const CORE_METRICS = ['import_share', 'net_import_reliance', 'world_production_share', 'processing_share', 'demand'];
const HARMFUL = new Set(['wrong', 'mismatch']);
const TOLERANCE = 0.011;
/** The public dev set, when it is checked out beside this repository (it is not part of it). */
const DEVSET = resolve(root, '../shared/devset');

const linesOf = (c) => [c.line, c.endLine ?? c.line];
const covers = (label, claim) => label.line >= linesOf(claim)[0] && label.line <= linesOf(claim)[1];
const mineralsOf = (claim) => (Array.isArray(claim.minerals) ? claim.minerals : []);
const numberOf = (claim) => (claim.kind === 'count' ? (claim.count ?? claim.value) : claim.value);
const words = (s) => String(s ?? '').toLowerCase().replace(/\s+/g, ' ').trim();

function near(a, b, tolerance) {
  if (typeof a !== 'number' || typeof b !== 'number') return false;
  // A fall written as "fell 35%" may be read as -35: the size is what the label records.
  return Math.abs(a - b) <= tolerance || Math.abs(Math.abs(a) - Math.abs(b)) <= tolerance;
}

function mineralFits(label, claim) {
  if (label.kind === 'mention' || label.kind === 'figure') return mineralsOf(claim).includes(label.mineral);
  if (label.kind === 'control') return (label.minerals ?? []).some((m) => mineralsOf(claim).includes(m));
  return true;
}

function valueFits(label, claim) {
  if (label.kind !== 'figure' && label.kind !== 'count') return true;
  if (label.kind === 'figure' && label.value === undefined) return true;
  const tolerance = Math.max(TOLERANCE, label.tolerance ?? 0);
  return near(numberOf(claim), label.value, tolerance) || (label.valueMax !== undefined && near(numberOf(claim), label.valueMax, tolerance));
}

export const candidate = (label, claim) => claim.kind === label.kind && covers(label, claim) && mineralFits(label, claim) && valueFits(label, claim);

/** "2020..2023" → ["2020-01", "2023-12"]; "2024-01..2024-11" as written; an open end stays open. */
export function labelMonths(period) {
  if (!period) return undefined;
  const [from, to] = period.split('..');
  return [from.length === 4 ? `${from}-01` : from, !to ? undefined : to.length === 4 ? `${to}-12` : to];
}

/** Whether the claim's period is the label's, to the month; undefined when either has none. */
export function samePeriod(label, claim) {
  const months = labelMonths(label.period);
  if (!months || !claim.period) return undefined;
  const start = String(claim.period.start ?? '').slice(0, 7);
  const end = String(claim.period.end ?? '').slice(0, 7);
  return start === months[0] && (months[1] === undefined || end === months[1]);
}

function affinity(label, claim) {
  let score = 0;
  if (label.kind === 'figure') {
    if (claim.metric === label.metric) score += 2;
    if (label.partner && claim.partner === label.partner) score += 1;
    if (samePeriod(label, claim)) score += 1;
  } else if (label.kind === 'control') {
    if (label.type && claim.control?.type === label.type) score += 2;
    if (label.destination && claim.control?.destination === label.destination) score += 1;
    if ((label.minerals ?? []).every((m) => mineralsOf(claim).includes(m))) score += 1;
  }
  const a = words(label.text);
  const b = words(claim.text);
  if (a && b && (a.includes(b) || b.includes(a))) score += 2;
  else if (a && b && a.split(' ').filter((w) => w.length > 3 && b.includes(w)).length >= 2) score += 1;
  return score;
}

/** Matches one brief's labels to its claims; returns, per label, the claim index or -1. */
export function matchBrief(labels, claims) {
  const options = labels.map((label) => claims.flatMap((claim, ci) => (candidate(label, claim) ? [ci] : [])));
  const pairs = [];
  labels.forEach((label, li) => {
    for (const ci of options[li]) {
      pairs.push({ li, ci, score: affinity(label, claims[ci]), asserted: label.asserted === false ? 0 : 1, choices: options[li].length });
    }
  });
  // Best agreement first; then asserted labels, then the label with fewer candidates, then order.
  pairs.sort((x, y) => y.score - x.score || y.asserted - x.asserted || x.choices - y.choices || x.li - y.li || x.ci - y.ci);
  const taken = new Set();
  const match = labels.map(() => -1);
  for (const { li, ci } of pairs) {
    if (match[li] >= 0) continue;
    const label = labels[li];
    const slot = label.kind === 'mention' || label.kind === 'figure' ? `${ci}|${label.mineral}` : `${ci}`;
    if (taken.has(slot)) continue;
    taken.add(slot);
    match[li] = ci;
  }
  return match;
}

/** Why a label found no claim, in words. */
export function missReason(label, claims) {
  const onLine = claims.filter((c) => covers(label, c));
  if (!onLine.length) return 'no claim on the line';
  const sameKind = onLine.filter((c) => c.kind === label.kind);
  if (!sameKind.length) return `only ${[...new Set(onLine.map((c) => c.kind))].join('/')} on the line`;
  const withMineral = sameKind.filter((c) => mineralFits(label, c));
  if (!withMineral.length) return `the ${label.kind} on the line names ${sameKind.map((c) => `[${mineralsOf(c).join(',')}]`).join(' ')}`;
  if (label.kind === 'figure' || label.kind === 'count') return `value read as ${withMineral.map(numberOf).join(', ')}`;
  return 'the claim on the line matched another label';
}

/** The claim's countOf that a label's `what` stands for. */
export function countScope(what) {
  if (what === 'controlled-minerals' || what === 'critical-minerals') return 'total';
  if (what === 'rare-earths' || what === 'added' || what === 'banned-to-US') return what;
  return 'subset';
}

const ratio = (hit, total) => ({ hit, total, rate: total ? hit / total : null });

/**
 * Scores claims against labels. `labels` is { id: { claims: [label] } }; `claimsById` is
 * { id: [claim] } with claims shaped like `briefcheck claims --format json` (line, endLine, kind,
 * minerals, value/count, metric, partner, period, control, verdict, text). A brief with no entry
 * in claimsById counts every label as missed.
 */
export function scoreClaims(labels, claimsById) {
  const rows = [];
  const unlabelled = [];
  let unread = 0;
  for (const id of Object.keys(labels).sort()) {
    const ls = labels[id].claims;
    const claims = claimsById[id];
    if (!claims) {
      for (const label of ls) rows.push({ id, label, claim: null, reason: 'no output for the brief' });
      continue;
    }
    const match = matchBrief(ls, claims);
    ls.forEach((label, i) => rows.push({ id, label, claim: match[i] >= 0 ? claims[match[i]] : null, reason: match[i] >= 0 ? undefined : missReason(label, claims) }));
    const used = new Set(match.filter((ci) => ci >= 0));
    claims.forEach((claim, ci) => {
      if (claim.kind === 'unread') unread++;
      else if (!used.has(ci) && claim.kind !== 'mention') unlabelled.push({ id, claim });
    });
  }
  const asserted = rows.filter((r) => r.label.asserted !== false);
  const notAsserted = rows.filter((r) => r.label.asserted === false);
  const hits = (rs) => rs.filter((r) => r.claim).length;

  const recall = {};
  for (const kind of KINDS) {
    const rs = asserted.filter((r) => r.label.kind === kind);
    recall[kind] = ratio(hits(rs), rs.length);
  }
  const mentions = asserted.filter((r) => r.label.kind === 'mention');
  const folded = mentions.filter((r) => r.claim || (claimsById[r.id] ?? []).some((c) => covers(r.label, c) && mineralsOf(c).includes(r.label.mineral)));
  recall.mentionAnyKind = ratio(folded.length, mentions.length);

  const figures = asserted.filter((r) => r.label.kind === 'figure');
  const byMetric = {};
  for (const r of figures) {
    byMetric[r.label.metric] ??= ratio(0, 0);
    byMetric[r.label.metric].total++;
    if (r.claim) byMetric[r.label.metric].hit++;
  }
  for (const m of Object.values(byMetric)) m.rate = m.hit / m.total;
  const core = figures.filter((r) => CORE_METRICS.includes(r.label.metric));
  const other = figures.filter((r) => !CORE_METRICS.includes(r.label.metric));
  recall.figureCore = ratio(hits(core), core.length);
  recall.figureOther = ratio(hits(other), other.length);

  // Each agreement also keeps the rows that disagree, for --disagree.
  const disagreements = {};
  const agreed = (rs, same, name) => ((disagreements[name] = rs.filter((r) => !same(r))), ratio(rs.filter(same).length, rs.length));
  const matchedFigures = figures.filter((r) => r.claim);
  const matchedControls = asserted.filter((r) => r.label.kind === 'control' && r.claim);
  const agreement = {
    metric: agreed(matchedFigures, (r) => r.claim.metric === r.label.metric, 'metric'),
    partner: agreed(matchedFigures.filter((r) => r.label.partner), (r) => r.claim.partner === r.label.partner, 'partner'),
    period: agreed(matchedFigures.filter((r) => r.label.period), (r) => samePeriod(r.label, r.claim) === true, 'period'),
    controlType: agreed(matchedControls.filter((r) => r.label.type), (r) => r.claim.control?.type === r.label.type, 'controlType'),
    destination: agreed(matchedControls.filter((r) => r.label.destination), (r) => r.claim.control?.destination === r.label.destination, 'destination'),
  };
  // Count scopes, once claims carry one (countOf): a total against a subset of the controlled minerals.
  const matchedCounts = asserted.filter((r) => r.label.kind === 'count' && r.claim && r.claim.countOf !== undefined);
  agreement.countScope = agreed(matchedCounts, (r) => r.claim.countOf === countScope(r.label.what), 'countScope');
  const pooled = Object.values(agreement).reduce((a, x) => ({ hit: a.hit + x.hit, total: a.total + x.total }), { hit: 0, total: 0 });
  agreement.all = ratio(pooled.hit, pooled.total);

  const harmful = (r) => r.claim && HARMFUL.has(r.claim.verdict);
  const notAssertedByKind = {};
  for (const kind of ['figure', 'control', 'count']) {
    const rs = notAsserted.filter((r) => r.label.kind === kind);
    notAssertedByKind[kind] = { labels: rs.length, read: hits(rs), harmful: rs.filter(harmful).length };
  }
  // Per brief: asserted figure, control and count labels read.
  const perBrief = {};
  for (const r of asserted) {
    if (r.label.kind === 'mention') continue;
    perBrief[r.id] ??= ratio(0, 0);
    perBrief[r.id].total++;
    if (r.claim) perBrief[r.id].hit++;
  }
  for (const x of Object.values(perBrief)) x.rate = x.hit / x.total;
  // Not-asserted labels whose line the reader lists as unread: what it shows it did not check.
  const listedUnread = notAsserted.filter((r) => (claimsById[r.id] ?? []).some((c) => c.kind === 'unread' && covers(r.label, c)));
  const flagged = asserted.filter((r) => r.label.kind !== 'mention' && harmful(r));
  return {
    briefs: Object.keys(labels).length,
    labels: { all: rows.length, asserted: asserted.length, notAsserted: notAsserted.length },
    recall,
    byMetric,
    perBrief,
    agreement,
    notAsserted: notAssertedByKind,
    notAssertedHarmful: notAsserted.filter(harmful),
    assertedHarmful: flagged.filter((r) => r.label.correct !== false),
    knownFalseFlagged: ratio(flagged.filter((r) => r.label.correct === false).length, asserted.filter((r) => r.label.correct === false).length),
    unlabelled,
    unread,
    notAssertedListedUnread: ratio(listedUnread.length, notAsserted.filter((r) => r.label.kind !== 'mention').length),
    misses: asserted.filter((r) => !r.claim),
    disagreements,
  };
}

const percent = (x) => (x.rate === null ? '     —' : `${(100 * x.rate).toFixed(1).padStart(5)}%`);
const line = (name, x) => `  ${name.padEnd(34)} ${String(x.hit).padStart(4)}/${String(x.total).padEnd(4)} ${percent(x)}`;
const clip = (s, n) => { const t = String(s ?? '').replace(/\s+/g, ' '); return t.length > n ? `${t.slice(0, n - 1)}…` : t; };

function describeLabel(l) {
  if (l.kind === 'control') return `[${(l.minerals ?? []).join(',')}] ${l.type ?? '?'}${l.destination ? `→${l.destination}` : ''}`;
  if (l.kind === 'count') return `${l.value} ${l.what ?? ''}`;
  if (l.kind === 'figure') return `${l.mineral} ${l.metric}${l.value !== undefined ? ` ${l.value}` : ` ${l.qualifier ?? ''}`}`;
  return l.mineral;
}

function describeClaim(c) {
  if (c.kind === 'control') return `${c.control?.type ?? '?'}${c.control?.destination ? `→${c.control.destination}` : ''}`;
  if (c.kind === 'figure') return `${c.metric ?? '?'} ${c.value ?? ''}`;
  return String(numberOf(c) ?? '');
}

/** The report as text, for people. */
/** The matched claims that disagree with their label on one slot, label against claim. */
export function formatDisagreements(report, slot) {
  const rows = report.disagreements[slot];
  if (!rows) throw new Error(`--disagree takes one of ${Object.keys(report.disagreements).join(', ')}`);
  const show = (r) => (slot === 'period' ? [r.label.period, r.claim.period ? `${r.claim.period.start}..${r.claim.period.end}` : 'none'] : slot === 'countScope' ? [r.label.what, r.claim.countOf] : slot === 'controlType' ? [r.label.type, r.claim.control?.type] : slot === 'destination' ? [r.label.destination, r.claim.control?.destination] : [r.label[slot], r.claim[slot]]);
  return `${rows.length} disagreements on ${slot} (label → claim):\n${rows.map((r) => `    ${r.id}:${r.label.line} ${show(r).join(' → ')}: "${clip(r.label.text, 70)}"`).join('\n')}\n`;
}

export function formatReport(report, { title = 'claims', misses = 20 } = {}) {
  const out = [];
  const { labels: n } = report;
  out.push(`${title}: ${report.briefs} briefs, ${n.all} labels (${n.asserted} asserted, ${n.notAsserted} not asserted)`);
  out.push('', 'Recall of asserted labels:');
  for (const kind of KINDS) out.push(line(kind, report.recall[kind]));
  out.push(line('mention, folded into any claim', report.recall.mentionAnyKind));
  out.push(line('figure, core metrics', report.recall.figureCore));
  out.push(line('figure, other metrics', report.recall.figureOther));
  out.push('', 'Figure recall by metric:');
  for (const [metric, x] of Object.entries(report.byMetric).sort((a, b) => b[1].total - a[1].total)) out.push(line(metric, x));
  out.push('', 'Figure, control and count recall by brief:');
  for (const [id, x] of Object.entries(report.perBrief)) out.push(line(id, x));
  out.push('', 'Agreement on matched claims:');
  for (const [field, x] of Object.entries(report.agreement)) out.push(line(field, x));
  out.push('', 'Not-asserted labels (quotes, reported claims, speculation, negations, other countries):');
  for (const [kind, x] of Object.entries(report.notAsserted)) {
    out.push(`  ${kind.padEnd(8)} ${String(x.labels).padStart(3)} labels, ${String(x.read).padStart(3)} read as a claim, ${x.harmful} with verdict wrong/mismatch`);
  }
  out.push(line('listed as unread sentences', report.notAssertedListedUnread));
  out.push(`  not-asserted labels read with verdict wrong/mismatch: ${report.notAssertedHarmful.length} (must be 0)`);
  for (const r of report.notAssertedHarmful) out.push(`    ${r.id}:${r.label.line} [${r.label.why}] "${clip(r.label.text, 70)}" → ${r.claim.verdict}: ${clip(r.claim.explanation, 90)}`);
  out.push('', `Asserted labels read with verdict wrong/mismatch: ${report.assertedHarmful.length} (must be 0); claims labelled correct: false and flagged: ${report.knownFalseFlagged.hit}/${report.knownFalseFlagged.total}`);
  for (const r of report.assertedHarmful) out.push(`    ${r.id}:${r.label.line} ${r.label.kind} "${clip(r.label.text, 70)}" → ${r.claim.verdict} (read ${describeClaim(r.claim)}, label ${describeLabel(r.label)}): ${clip(r.claim.explanation, 80)}`);
  const bad = report.unlabelled.filter((u) => HARMFUL.has(u.claim.verdict));
  out.push('', `Unlabelled figure/control/count claims: ${report.unlabelled.length} (${bad.length} with verdict wrong/mismatch); unread sentences listed: ${report.unread}`);
  for (const u of [...bad, ...report.unlabelled.filter((x) => !HARMFUL.has(x.claim.verdict))].slice(0, 10)) {
    out.push(`    ${u.id}:${u.claim.line} ${u.claim.kind} [${mineralsOf(u.claim).join(',')}] ${describeClaim(u.claim)} ${u.claim.verdict}: "${clip(u.claim.text, 80)}"`);
  }
  const order = { figure: 0, control: 1, count: 2, mention: 3 };
  const sorted = [...report.misses].sort((a, b) => order[a.label.kind] - order[b.label.kind] || a.id.localeCompare(b.id) || a.label.line - b.label.line);
  out.push('', `Misses: ${sorted.length} asserted labels; the first ${Math.min(misses, sorted.length)}:`);
  for (const r of sorted.slice(0, misses)) out.push(`    ${r.id}:${r.label.line} ${r.label.kind} ${describeLabel(r.label)}: "${clip(r.label.text, 80)}" (${r.reason})`);
  return out.join('\n') + '\n';
}

/** A JSON-friendly copy of the report: rows reduced to what identifies them. */
export function reportJson(report) {
  const row = (r) => ({ brief: r.id, line: r.label.line, kind: r.label.kind, label: r.label, ...(r.claim ? { claim: r.claim } : {}), ...(r.reason ? { reason: r.reason } : {}) });
  return {
    ...report,
    notAssertedHarmful: report.notAssertedHarmful.map(row),
    assertedHarmful: report.assertedHarmful.map(row),
    unlabelled: report.unlabelled.map((u) => ({ brief: u.id, claim: u.claim })),
    misses: report.misses.map(row),
  };
}

/** Runs the built CLI's claims worklist on the briefs and returns { id: claims }. */
export function readWithCli(files, cli = join(root, 'dist/cli.js')) {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first`);
  const run = spawnSync(process.execPath, [cli, 'claims', '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.error) throw new Error(`could not run the CLI: ${run.error.message}`);
  let json;
  try {
    json = JSON.parse(run.stdout);
  } catch {
    throw new Error(`the CLI printed no JSON (exit ${run.status}): ${clip(run.stderr, 500)}`);
  }
  const byId = {};
  for (const file of json.files ?? []) byId[basename(file.path, '.md')] = file.claims ?? [];
  return byId;
}

function parseArgs(argv) {
  const o = { corpus: join(root, 'test/reader/corpus'), json: false, misses: 20 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--corpus') o.corpus = resolve(value());
    else if (a === '--devset') o.devset = true;
    else if (a === '--briefs') o.briefs = resolve(value());
    else if (a === '--labels') o.labels = resolve(value());
    else if (a === '--misses') o.misses = Number(value());
    else if (a === '--disagree') o.disagree = value();
    else if (a === '--json') o.json = true;
    else if (a === '-h' || a === '--help') o.help = true;
    else throw new Error(`unknown argument ${a} (try --help)`);
  }
  if (o.devset) o.corpus = DEVSET;
  o.briefs ??= join(o.corpus, 'briefs');
  o.labels ??= join(o.corpus, 'labels.json');
  return o;
}

function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.help) {
    process.stdout.write('usage: node scripts/score-claims.mjs [--corpus DIR | --devset | --briefs DIR --labels FILE] [--json] [--misses N] [--disagree SLOT]\n'
      + 'Default corpus: test/reader/corpus (briefs/ and labels.json). --devset scores ../shared/devset beside the\n'
      + 'checkout. Runs dist/cli.js, so build first (npm run build; npm run score does).\n');
    return;
  }
  if (o.devset && !existsSync(o.labels)) {
    process.stdout.write('No dev set found at ../shared/devset beside this checkout, so there is nothing to score.\n'
      + 'Put the dev set (briefs/ and labels.json) there, or score any labelled set with --corpus DIR.\n');
    return;
  }
  for (const path of [o.briefs, o.labels]) if (!existsSync(path)) throw new Error(`${path} does not exist`);
  const labels = JSON.parse(readFileSync(o.labels, 'utf8'));
  const files = readdirSync(o.briefs).filter((f) => f.endsWith('.md')).sort().map((f) => join(o.briefs, f));
  const report = scoreClaims(labels, readWithCli(files));
  if (o.disagree) process.stdout.write(formatDisagreements(report, o.disagree));
  else if (o.json) process.stdout.write(JSON.stringify(reportJson(report), null, 2) + '\n');
  else process.stdout.write(formatReport(report, { title: relative(process.cwd(), o.labels) || o.labels, misses: o.misses }));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (e) {
    process.stderr.write(`score-claims: ${e.message}\n`);
    process.exitCode = 2;
  }
}
