#!/usr/bin/env node
// The reader corpus (test/reader/corpus): labelled briefs that measure what the claim reader reads.
//
//   node scripts/reader-corpus.mjs          regenerate briefs/ and labels.json from src/, then check
//   node scripts/reader-corpus.mjs --check  only check that briefs/ and labels.json match src/
//
// Each src/NN-topic.src.txt is a brief in which every line starting with `%% ` labels the nearest
// brief line above it. A label is `%% KIND POSITIONAL… key=value… | text`, where `text` is the
// claim's words exactly as they stand on that line:
//   %% m MINERAL | words                         mention
//   %% f MINERAL METRIC VALUE | words            figure; VALUE is 63% / 3800t / 12.5$/kg / - (none)
//   %% c MINERAL,MINERAL TYPE | words            control; TYPE is licensing/ban/… or - (not said)
//   %% n VALUE WHAT | words                      count of controlled minerals
// Other fields are key=value (period=2020..2023 partner=CN hedge=about destination=US
// date=2024-12-03 negated=true why=quote correct=false qualifier=E tolerance=0.05 valueMax=70
// reporter=JP scope=world country=JP). A `why` makes the label not asserted. The output is the
// dev-set label format: { id: { claims: [ { line, kind, … , asserted, why?, text } ] } }.
// Dependency-free, so the test suite and the scorer can both import it.

import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const CORPUS_DIR = resolve(here, '../test/reader/corpus');

export const KINDS = { m: 'mention', f: 'figure', c: 'control', n: 'count' };
export const CORE_METRICS = ['import_share', 'net_import_reliance', 'world_production_share', 'processing_share', 'demand'];
const OTHER_METRICS = ['price', 'price_change', 'exports', 'export_change', 'export_share', 'imports', 'import_change', 'tariff', 'intensity'];
const CONTROL_TYPES = ['licensing', 'ban', 'suspension', 'lifted', 'proposed'];
const DESTINATIONS = ['all', 'US', 'JP', 'EU'];
const WHY = ['quote', 'reported', 'speculation', 'hedged', 'negation', 'other-country', 'other-reporter'];
const HEDGES = ['about', 'over', 'under', 'nearly'];
const NUMERIC = new Set(['value', 'valueMax', 'tolerance']);
// The order fields are written in, as in the dev set.
const ORDER = ['line', 'kind', 'mineral', 'minerals', 'metric', 'value', 'valueMax', 'unit', 'qualifier', 'tolerance', 'period', 'partner',
  'reporter', 'scope', 'hedge', 'type', 'destination', 'date', 'country', 'what', 'negated', 'correct', 'asserted', 'why', 'text'];

function parseValue(token, label) {
  if (token === '-') return;
  const m = /^(-?\d+(?:\.\d+)?)(.*)$/.exec(token);
  if (!m) throw new Error(`value "${token}" is not a number`);
  label.value = Number(m[1]);
  if (m[2]) label.unit = m[2];
}

/** Parses one `%% ` annotation into a label (without its line). */
export function parseAnnotation(body) {
  const bar = body.indexOf(' | ');
  if (bar < 0) throw new Error('missing " | text"');
  const text = body.slice(bar + 3);
  const tokens = body.slice(0, bar).trim().split(/\s+/);
  const kind = KINDS[tokens.shift()];
  if (!kind) throw new Error(`unknown kind in "${body}"`);
  const label = { kind };
  const positional = tokens.filter((t) => !t.includes('='));
  const named = tokens.filter((t) => t.includes('='));
  const [a, b, c] = positional;
  if (kind === 'mention') label.mineral = a;
  else if (kind === 'figure') { label.mineral = a; label.metric = b; parseValue(c ?? '-', label); }
  else if (kind === 'control') { label.minerals = a.split(','); if (b && b !== '-') label.type = b; }
  else { label.value = Number(a); label.what = b; }
  for (const t of named) {
    const i = t.indexOf('=');
    const key = t.slice(0, i);
    const raw = t.slice(i + 1);
    label[key] = NUMERIC.has(key) ? Number(raw) : raw === 'true' ? true : raw === 'false' ? false : raw;
  }
  label.asserted = label.why === undefined && label.asserted !== false;
  label.text = text;
  return label;
}

function ordered(label) {
  const out = {};
  for (const k of ORDER) if (label[k] !== undefined) out[k] = label[k];
  for (const k of Object.keys(label)) if (!(k in out)) out[k] = label[k];
  return out;
}

/** Reads src/*.src.txt into { briefs: { id: text }, labels: { id: { claims } } }. */
export function buildCorpus(corpusDir = CORPUS_DIR) {
  const srcDir = join(corpusDir, 'src');
  const briefs = {};
  const labels = {};
  for (const file of readdirSync(srcDir).filter((f) => f.endsWith('.src.txt')).sort()) {
    const id = basename(file, '.src.txt');
    const out = [];
    const claims = [];
    readFileSync(join(srcDir, file), 'utf8').replace(/\n$/, '').split('\n').forEach((raw, i) => {
      if (!raw.startsWith('%% ')) { out.push(raw); return; }
      if (!out.length) throw new Error(`${file}:${i + 1}: a label before any brief line`);
      try {
        claims.push(ordered({ line: out.length, ...parseAnnotation(raw.slice(3)) }));
      } catch (e) {
        throw new Error(`${file}:${i + 1}: ${e.message}`);
      }
    });
    briefs[id] = out.join('\n') + '\n';
    labels[id] = { claims };
  }
  return { briefs, labels };
}

const isPeriod = (p) => /^\d{4}(-\d{2})?\.\.(\d{4}(-\d{2})?)?$/.test(p);

/** Every problem with the labels of one brief: text not on its line, malformed fields. */
export function checkLabels(id, briefText, claims) {
  const lines = briefText.split('\n');
  const errors = [];
  const err = (l, msg) => errors.push(`${id}:${l.line} ${l.kind} "${l.text}": ${msg}`);
  const mentions = new Set();
  for (const l of claims) {
    const line = lines[l.line - 1];
    if (line === undefined) { err(l, 'line is past the end of the brief'); continue; }
    if (!l.text || !line.includes(l.text)) err(l, 'text is not on its line');
    if (l.kind === 'mention' || l.kind === 'figure') {
      if (!/^[a-z][a-z-]*$/.test(l.mineral ?? '')) err(l, `bad mineral "${l.mineral}"`);
    }
    if (l.kind === 'mention') {
      const key = `${l.line}|${l.mineral}`;
      if (mentions.has(key)) err(l, 'second mention of the same mineral on one line');
      mentions.add(key);
    }
    if (l.kind === 'figure') {
      if (![...CORE_METRICS, ...OTHER_METRICS].includes(l.metric) && !/^[a-z]+(_[a-z]+)+$/.test(l.metric ?? '')) err(l, `unknown metric "${l.metric}"`);
      if (l.value === undefined && l.qualifier === undefined) err(l, 'a figure needs a value or a qualifier');
      if (l.value !== undefined && !Number.isFinite(l.value)) err(l, 'value is not a number');
      if (/share|reliance/.test(l.metric) && (l.value < 0 || l.value > 100)) err(l, 'a share outside 0–100');
      if (l.period !== undefined && !isPeriod(l.period)) err(l, `bad period "${l.period}"`);
      if (l.hedge !== undefined && !HEDGES.includes(l.hedge)) err(l, `bad hedge "${l.hedge}"`);
      if (l.partner !== undefined && !/^([A-Z]{2}(\+[A-Z]{2})*|world)$/.test(l.partner)) err(l, `bad partner "${l.partner}"`);
    }
    if (l.kind === 'control') {
      if (!Array.isArray(l.minerals) || !l.minerals.every((m) => /^[a-z][a-z-]*$/.test(m))) err(l, 'bad minerals');
      if (l.type !== undefined && !CONTROL_TYPES.includes(l.type)) err(l, `bad type "${l.type}"`);
      if (l.destination !== undefined && !DESTINATIONS.includes(l.destination)) err(l, `bad destination "${l.destination}"`);
      if (l.date !== undefined && !/^\d{4}(-\d{2}){0,2}$/.test(l.date)) err(l, `bad date "${l.date}"`);
    }
    if (l.kind === 'count' && !(Number.isInteger(l.value) && l.value >= 0 && l.what)) err(l, 'a count needs a whole value and a "what"');
    if (l.why !== undefined && !WHY.includes(l.why)) err(l, `bad why "${l.why}"`);
    if ((l.why !== undefined) === l.asserted) err(l, 'asserted must be false exactly when a why is given');
    if (l.correct !== undefined && (l.correct !== false || !l.asserted)) err(l, 'correct: false marks an asserted claim known to be false, and is the only value');
  }
  if (!/^---\n(?:.*\n)*?date: \d{4}-\d{2}-\d{2}\n(?:.*\n)*?---\n/.test(briefText)) errors.push(`${id}: front matter with a date: is missing`);
  return errors;
}

/** Counts of labels per kind, asserted and not. */
export function tally(labels) {
  const t = { briefs: 0, labels: 0, asserted: 0, notAsserted: 0, mention: 0, figure: 0, control: 0, count: 0 };
  for (const { claims } of Object.values(labels)) {
    t.briefs++;
    for (const l of claims) {
      t.labels++;
      t[l.kind]++;
      if (l.asserted) t.asserted++;
      else t.notAsserted++;
    }
  }
  return t;
}

/** Differences between the committed briefs/labels and what src/ builds, plus label errors. */
export function checkCorpus(corpusDir = CORPUS_DIR) {
  const { briefs, labels } = buildCorpus(corpusDir);
  const errors = [];
  const briefsDir = join(corpusDir, 'briefs');
  for (const [id, text] of Object.entries(briefs)) {
    const path = join(briefsDir, `${id}.md`);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) errors.push(`briefs/${id}.md differs from src/${id}.src.txt (run node scripts/reader-corpus.mjs)`);
    errors.push(...checkLabels(id, text, labels[id].claims));
  }
  const extra = existsSync(briefsDir) ? readdirSync(briefsDir).filter((f) => f.endsWith('.md') && !(basename(f, '.md') in briefs)) : [];
  for (const f of extra) errors.push(`briefs/${f} has no source in src/`);
  const labelsPath = join(corpusDir, 'labels.json');
  if (!existsSync(labelsPath) || readFileSync(labelsPath, 'utf8') !== serialise(labels)) errors.push('labels.json differs from src/ (run node scripts/reader-corpus.mjs)');
  return { errors, labels, briefs };
}

/** labels.json with one label a line, so a change to a label is a one-line diff. */
export function serialise(labels) {
  const briefs = Object.entries(labels).map(([id, { claims }]) =>
    ` ${JSON.stringify(id)}: { "claims": [\n${claims.map((l) => `  ${JSON.stringify(l)}`).join(',\n')}\n ] }`);
  return `{\n${briefs.join(',\n')}\n}\n`;
}

function main() {
  const checkOnly = process.argv.includes('--check');
  if (!checkOnly) {
    const { briefs, labels } = buildCorpus();
    mkdirSync(join(CORPUS_DIR, 'briefs'), { recursive: true });
    for (const [id, text] of Object.entries(briefs)) writeFileSync(join(CORPUS_DIR, 'briefs', `${id}.md`), text);
    writeFileSync(join(CORPUS_DIR, 'labels.json'), serialise(labels));
  }
  const { errors, labels } = checkCorpus();
  const t = tally(labels);
  console.log(`${t.briefs} briefs, ${t.labels} labels (${t.asserted} asserted, ${t.notAsserted} not): ${t.mention} mention, ${t.figure} figure, ${t.control} control, ${t.count} count`);
  for (const e of errors) console.error(e);
  if (errors.length) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
