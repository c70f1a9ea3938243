// `briefcheck data validate|info|status|figures|import`: the dataset from the command line (import is
// in data-import.ts). args are the
// words after `data`; every subcommand takes `--data FILE` overlays and `--format json`. Exit 0 when
// all is well, 2 on a usage error or any dataset error.

import { isIsoDate } from '../core/dataset/dates';
import type { ClauseStatus, Dataset, Metric, Observation, Source } from '../core/dataset/types';
import { CONFIG_FILE_NAME, formatConfigError, loadConfigFor } from '../node/config';
import { formatDataError, loadDataset } from '../node/dataset';
import { join } from 'node:path';
import { IMPORT_USAGE, runDataImport } from './data-import';
import type { CliIo } from './io';
import { flagArgs } from './flag-args';

const METRICS: readonly Metric[] = ['net_import_reliance', 'import_share', 'import_sources', 'world_production_share', 'demand', 'export_share', 'exports', 'imports'];

const USAGE = `Usage:
  briefcheck data validate [overlay.json ...]
  briefcheck data info [--format json] [--data overlay.json]
  briefcheck data status MINERAL [--on YYYY-MM-DD] [--format json] [--data overlay.json]
  briefcheck data figures MINERAL [--metric METRIC] [--on YYYY-MM-DD] [--format json] [--data overlay.json]
${IMPORT_USAGE}

The overlays named by "data" in the nearest .briefcheck.json apply first, then those given here.
`;

export const DATA_COMMANDS: readonly string[] = ['validate', 'info', 'status', 'figures', 'import'];

class Usage extends Error {}

interface Parsed {
  command: string;
  positional: string[];
  format: 'text' | 'json';
  on?: string;
  metric?: Metric;
  data: string[];
}

function parse(args: readonly string[]): Parsed {
  const [command = '', ...rest] = args[0] === 'data' ? args.slice(1) : args;
  const parsed: Parsed = { command, positional: [], format: 'text', data: [] };
  for (const { flag, value } of flagArgs(rest, (f) => new Usage(`${f} needs a value`))) {
    if (flag === '--format') {
      const f = value();
      if (f !== 'json' && f !== 'text') throw new Usage(`unknown format "${f}" (json or text)`);
      parsed.format = f;
    } else if (flag === '--on') {
      const d = value();
      if (!isIsoDate(d)) throw new Usage(`--on needs a date written YYYY-MM-DD, not "${d}"`);
      parsed.on = d;
    } else if (flag === '--metric') {
      const m = value() as Metric;
      if (!METRICS.includes(m)) throw new Usage(`unknown metric "${m}" (${METRICS.join(', ')})`);
      parsed.metric = m;
    } else if (flag === '--data') parsed.data.push(value());
    else if (flag.startsWith('--')) throw new Usage(`unknown option ${flag}`);
    else parsed.positional.push(flag);
  }
  return parsed;
}

function today(io: CliIo): string {
  if (io.today) return io.today;
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export async function runDataCommand(args: string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  const words = args[0] === 'data' ? args.slice(1) : args;
  if (words[0] === 'import') return runDataImport(words.slice(1), io, today(io));
  let parsed: Parsed;
  try {
    parsed = parse(args);
    if (!DATA_COMMANDS.includes(parsed.command)) {
      throw new Usage(parsed.command ? `unknown data command "${parsed.command}"` : 'missing data command');
    }
    if ((parsed.command === 'status' || parsed.command === 'figures') && parsed.positional.length !== 1) throw new Usage(`data ${parsed.command} needs one MINERAL`);
    if (parsed.command === 'info' && parsed.positional.length) throw new Usage('data info takes no arguments');
  } catch (error) {
    if (!(error instanceof Usage)) throw error;
    io.stderr(`briefcheck: ${error.message}\n${USAGE}`);
    return 2;
  }
  // The overlays the configuration names are part of the dataset every check uses, so they are here too.
  const loaded = await loadConfigFor(join(io.cwd, CONFIG_FILE_NAME), { cwd: io.cwd });
  for (const error of loaded.errors) io.stderr(`briefcheck: invalid configuration: ${formatConfigError(error)}\n`);
  if (loaded.errors.length) return 2;
  const given = parsed.command === 'validate' ? [...parsed.positional, ...parsed.data] : parsed.data;
  const overlays = [...loaded.config.data, ...given];
  const { dataset, errors } = await loadDataset(overlays, { cwd: io.cwd });
  for (const error of errors) io.stderr(`briefcheck: dataset error: ${formatDataError(error)}\n`);
  switch (parsed.command) {
    case 'validate':
      if (!errors.length) io.stdout(`Dataset ${dataset.meta.version} is valid${overlays.length ? ` with ${overlays.length} overlay${overlays.length > 1 ? 's' : ''}` : ''}.\n`);
      return errors.length ? 2 : 0;
    case 'info':
      io.stdout(info(dataset, parsed.format));
      break;
    case 'status':
    case 'figures': {
      const query = parsed.positional[0]!;
      const mineral = dataset.resolve(query) ?? dataset.mineral(query.toLowerCase());
      if (!mineral) {
        io.stderr(`briefcheck: unknown mineral "${query}"\n`);
        return 2;
      }
      const on = parsed.on ?? today(io);
      io.stdout(parsed.command === 'status' ? status(dataset, mineral.id, on, parsed.format) : figures(dataset, mineral.id, on, parsed.metric, parsed.format));
      break;
    }
  }
  return errors.length ? 2 : 0;
}

function tierCounts(sources: readonly Source[]): string {
  const count = (tier: Source['tier']) => sources.filter((s) => s.tier === tier).length;
  return `${count('primary')} primary, ${count('authoritative')} authoritative, ${count('weak')} weak sources`;
}

function info(dataset: Dataset, format: Parsed['format']): string {
  const { meta, files } = dataset;
  const counts = { minerals: files.minerals.length, measures: files.measures.length, observations: files.observations.length, sources: files.sources.length };
  if (format === 'json') {
    const tiers = Object.fromEntries((['primary', 'authoritative', 'weak'] as const).map((tier) => [tier, files.sources.filter((s) => s.tier === tier).length]));
    return `${JSON.stringify({ version: meta.version, horizon: meta.horizon, counts, tiers, compiled: meta.compiled, latestSource: meta.latestSource, coverage: meta.coverage }, null, 2)}\n`;
  }
  return [
    `briefcheck dataset ${meta.version}`,
    `last source seen: ${meta.latestSource ?? meta.horizon} (statuses after it are judged on the last known record, "last confirmed")`,
    `horizon: ${meta.horizon} (the research was last checked for changes on this date)`,
    `tiers: ${tierCounts(files.sources)}`,
    `coverage: measures from ${meta.coverage.measuresFrom}`,
    `minerals: ${counts.minerals}, measures: ${counts.measures}, observations: ${counts.observations}, sources: ${counts.sources}`,
    '',
  ].join('\n');
}

function clauseJson(c: ClauseStatus) {
  return {
    id: c.measure.id,
    instrument: c.measure.instrument,
    shortName: c.measure.shortName,
    clause: c.clause.id,
    type: c.clause.type,
    destination: c.clause.destination,
    ...(c.clause.endUse ? { endUse: c.clause.endUse } : {}),
    role: c.role,
    state: c.state,
    ...(c.event ? { event: { date: c.event.date, kind: c.event.kind, until: c.event.until, description: c.event.description } } : {}),
  };
}

const STATE_WORDS: Record<ClauseStatus['state'], string> = {
  'in-force': 'in force',
  pending: 'not yet in force',
  suspended: 'suspended',
  lifted: 'lifted',
  expired: 'expired',
  'never-effective': 'never took effect',
  unknown: 'unknown',
};

function status(dataset: Dataset, mineral: string, on: string, format: Parsed['format']): string {
  const s = dataset.statusOn(mineral, on);
  if (format === 'json') {
    return `${JSON.stringify({ mineral, on, status: s.status, destinations: s.destinations, measures: s.clauses.map(clauseJson), note: s.note ?? null }, null, 2)}\n`;
  }
  const destinations = Object.entries(s.destinations).map(([d, v]) => `; ${d}: ${v}`).join('');
  const lines = [`${dataset.mineral(mineral)?.name ?? mineral} on ${on}: ${s.status}${destinations}`];
  for (const c of s.clauses) {
    const who = c.clause.destination === 'all' ? 'all destinations' : c.clause.destination;
    const scope = c.role === 'sets-status' ? '' : ` (${c.role}${c.clause.endUse ? `: ${c.clause.endUse}` : ''})`;
    const until = c.state === 'suspended' && c.event?.until ? ` until ${c.event.until}` : '';
    lines.push(`  ${c.measure.shortName} [${c.clause.id}] ${c.clause.type}, ${who}${scope}: ${STATE_WORDS[c.state]}${until}`);
  }
  if (s.note) lines.push(s.note);
  return `${lines.join('\n')}\n`;
}

function figureJson(dataset: Dataset, o: Observation) {
  return {
    ...o,
    sources: o.sources.map((ref) => {
      const source = dataset.source(ref.source);
      return { ...ref, title: source?.title, publisher: source?.publisher, url: source?.url, published: source?.published ?? null };
    }),
  };
}

function valueText(o: Observation): string {
  if (o.qualifier === 'net-exporter') return 'net exporter';
  if (o.metric === 'import_sources') return o.value === null ? `${o.partner} not listed` : `${o.partner} #${o.value}`;
  const q = o.qualifier === '~' ? 'about ' : o.qualifier ?? '';
  return `${q}${o.value}${o.unit === '%' ? '%' : ` ${o.unit}`}`;
}

function figures(dataset: Dataset, mineral: string, on: string, metric: Metric | undefined, format: Parsed['format']): string {
  const list = dataset.observations({ mineral, asOf: on, ...(metric ? { metric } : {}) });
  if (format === 'json') return `${JSON.stringify({ mineral, on, metric: metric ?? null, figures: list.map((o) => figureJson(dataset, o)) }, null, 2)}\n`;
  const lines = [`${dataset.mineral(mineral)?.name ?? mineral}: ${list.length} figure${list.length === 1 ? '' : 's'} published by ${on}`];
  for (const o of list) {
    const who = [o.reporter, o.partner && o.metric !== 'import_sources' ? `from ${o.partner}` : '', o.scope ? `(${o.scope})` : ''].filter(Boolean).join(' ');
    const source = dataset.source(o.sources[0]!.source);
    lines.push(`  ${o.metric} ${who}, ${o.period.label}: ${valueText(o)} [${o.confidence}] ${source ? `${source.publisher}, ${source.title}` : o.sources[0]!.source} (${o.id})`);
  }
  return `${lines.join('\n')}\n`;
}
