// `briefcheck diff --data OLD NEW [paths...]`: what a data update would change. Each brief is checked
// against both datasets (OLD and NEW: `bundled`, a dataset folder holding meta.json, or an overlay
// file applied to the bundled data) and every claim whose verdict or record changes is listed, so a
// team can see what a refresh does to its archive before adopting it. Exit 0, or 2 on bad input.

import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkBrief } from '../core/check';
import type { Dataset } from '../core/dataset/types';
import { lineIndex } from '../core/lines';
import type { Claim, IsoDate } from '../core/types';
import { loadConfigFor } from '../node/config';
import { formatDataError, loadDataset } from '../node/dataset';
import { findBriefs, readBrief } from '../node/files';
import { isIsoDate } from '../core/dataset/dates';
import type { CliIo } from './io';

const USAGE = 'Usage: briefcheck diff --data OLD NEW [paths...] [--as-of YYYY-MM-DD] [--format json]\n  OLD, NEW: "bundled", a dataset folder (with meta.json), or an overlay file applied to the bundled data\n';

interface Side {
  verdict: Claim['verdict'];
  record?: string;
  confirmedThrough?: IsoDate;
}

export interface ClaimChange {
  line: number;
  column: number;
  kind: Claim['kind'];
  text: string;
  old?: Side;
  new?: Side;
}

class Usage extends Error {}

async function datasetFrom(spec: string, cwd: string): Promise<Dataset> {
  const path = resolve(cwd, spec);
  const loaded =
    spec === 'bundled'
      ? await loadDataset([], { cwd })
      : existsSync(path) && statSync(path).isDirectory()
        ? existsSync(join(path, 'meta.json'))
          ? await loadDataset([], { cwd, dataDir: path, validatedHash: '' })
          : undefined
        : await loadDataset([spec], { cwd });
  if (!loaded) throw new Usage(`${spec} is a folder without meta.json, not a dataset`);
  if (loaded.errors.length) throw new Usage(`${spec} is not a usable dataset:\n${loaded.errors.map((e) => `  ${formatDataError(e)}`).join('\n')}`);
  return loaded.dataset;
}

const side = (c: Claim): Side => ({ verdict: c.verdict, ...(c.record ? { record: c.record.id } : {}), ...(c.confirmedThrough ? { confirmedThrough: c.confirmedThrough } : {}) });
const key = (c: Claim) => `${c.kind}:${c.range.start}:${c.range.end}`;
const same = (a: Side, b: Side) => a.verdict === b.verdict && a.record === b.record;

/** The claims of one brief whose verdict or record differs between the two datasets. */
export function diffClaims(text: string, before: readonly Claim[], after: readonly Claim[]): ClaimChange[] {
  const at = lineIndex(text);
  const olds = new Map(before.map((c) => [key(c), c]));
  const news = new Map(after.map((c) => [key(c), c]));
  const changes: ClaimChange[] = [];
  for (const k of new Set([...olds.keys(), ...news.keys()])) {
    const o = olds.get(k);
    const n = news.get(k);
    if (o && n && same(side(o), side(n))) continue;
    const claim = (n ?? o)!;
    changes.push({ ...at(claim.range.start), kind: claim.kind, text: claim.text, ...(o ? { old: side(o) } : {}), ...(n ? { new: side(n) } : {}) });
  }
  return changes.sort((a, b) => a.line - b.line || a.column - b.column);
}

function parse(args: readonly string[]) {
  const out = { specs: [] as string[], paths: [] as string[], json: false, asOf: undefined as string | undefined };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--data') {
      const [a, b] = [args[i + 1], args[i + 2]];
      if (!a || !b) throw new Usage('--data needs OLD and NEW');
      out.specs.push(a, b);
      i += 2;
    } else if (arg === '--format') {
      const f = args[++i];
      if (f !== 'json' && f !== 'stylish') throw new Usage(`--format must be stylish or json, got "${f ?? ''}"`);
      out.json = f === 'json';
    } else if (arg === '--as-of') {
      const d = args[++i];
      if (!d || !isIsoDate(d)) throw new Usage('--as-of needs a date written YYYY-MM-DD');
      out.asOf = d;
    } else if (arg.startsWith('--')) throw new Usage(`unknown option ${arg}`);
    else out.paths.push(arg);
  }
  if (out.specs.length !== 2) throw new Usage('diff needs --data OLD NEW');
  return out;
}

const describe = (s: Side | undefined) => (s ? `${s.verdict}${s.record ? ` (${s.record})` : ''}` : 'not read');

export async function runDiffData(args: readonly string[], io: CliIo, today: IsoDate): Promise<number> {
  let options: ReturnType<typeof parse>;
  let datasets: [Dataset, Dataset];
  try {
    options = parse(args);
    datasets = [await datasetFrom(options.specs[0]!, io.cwd), await datasetFrom(options.specs[1]!, io.cwd)];
  } catch (error) {
    if (!(error instanceof Usage)) throw error;
    io.stderr(`briefcheck: ${error.message}\n${USAGE}`);
    return 2;
  }
  const files = await findBriefs(options.paths.length ? options.paths : ['.'], io.cwd);
  const report: { path: string; changes: ClaimChange[] }[] = [];
  let claims = 0;
  for (const file of files) {
    const read = await readBrief(file);
    if (!read.ok) {
      io.stderr(`briefcheck: ${file}: ${read.message}\n`);
      continue;
    }
    const { config } = await loadConfigFor(file, { cwd: io.cwd });
    const check = { config, today, ...(options.asOf ? { asOfOverride: options.asOf } : {}) };
    const before = checkBrief(read.text, datasets[0], check).claims;
    const after = checkBrief(read.text, datasets[1], check).claims;
    claims += after.length;
    const changes = diffClaims(read.text, before, after);
    if (changes.length) report.push({ path: file.startsWith(io.cwd) ? file.slice(io.cwd.length + 1) : file, changes });
  }
  const changed = report.reduce((n, f) => n + f.changes.length, 0);
  if (options.json) {
    io.stdout(`${JSON.stringify({ version: 1, old: options.specs[0], new: options.specs[1], files: report }, null, 2)}\n`);
    return 0;
  }
  const lines: string[] = [];
  for (const f of report) {
    lines.push('', f.path);
    for (const c of f.changes) lines.push(`  ${c.line}:${c.column}  ${c.kind}  ${describe(c.old)} → ${describe(c.new)}  ${c.text.replace(/\s+/g, ' ').slice(0, 80)}`);
  }
  lines.push('', `${changed} claim${changed === 1 ? '' : 's'} in ${report.length} of ${files.length} brief${files.length === 1 ? '' : 's'} change${changed === 1 ? 's' : ''} (${claims} claims read with ${options.specs[1]}).`, '');
  io.stdout(lines.join('\n'));
  return 0;
}
