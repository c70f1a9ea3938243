// Checks the JSON Schemas cannot express: unique ids, references that resolve, a source behind
// every value, dates in order and qualifiers that agree with values. Paths are JSON pointers into
// the files as written ("/observations/3/value"; "/meta/horizon" for meta.json's "/horizon").

import { isIsoDate } from './dates';
import { surfaceCollisions } from './surface';
import type { DatasetMeta, Measure, Mineral, Observation, Overlay, Source, SourceRef } from './types';

export interface DataIssue {
  path: string;
  message: string;
}

/** Ids defined outside the checked files (the bundled data, when an overlay is checked). */
export interface KnownIds {
  sources: ReadonlySet<string>;
  minerals: ReadonlySet<string>;
  measures: ReadonlySet<string>;
  clauses: ReadonlySet<string>;
}

type Files = Overlay & { meta?: Partial<DatasetMeta> };

const PERCENT_METRICS = new Set<Observation['metric']>(['net_import_reliance', 'import_share', 'world_production_share', 'export_share']);

export function idsOf(files: Files): KnownIds {
  return {
    sources: new Set((files.sources ?? []).map((s) => s.id)),
    minerals: new Set((files.minerals ?? []).map((m) => m.id)),
    measures: new Set((files.measures ?? []).map((m) => m.id)),
    clauses: new Set((files.measures ?? []).flatMap((m) => m.clauses.map((c) => c.id))),
  };
}

export function checkInvariants(files: Files, known?: KnownIds): DataIssue[] {
  const issues: DataIssue[] = [];
  const report = (path: string, message: string) => issues.push({ path, message });
  const own = idsOf(files);
  const has = (kind: keyof KnownIds, id: string) => own[kind].has(id) || (known?.[kind].has(id) ?? false);

  const unique = (kind: string, records: readonly { id: string }[] | undefined) => {
    const seen = new Set<string>();
    (records ?? []).forEach((r, i) => {
      if (seen.has(r.id)) report(`/${kind}/${i}/id`, `duplicate id "${r.id}"`);
      seen.add(r.id);
    });
  };
  unique('sources', files.sources);
  unique('minerals', files.minerals);
  unique('measures', files.measures);
  unique('observations', files.observations);

  const refs = (path: string, list: readonly SourceRef[] | undefined, required: boolean) => {
    if (required && !list?.length) report(path, 'a value needs at least one source');
    (list ?? []).forEach((r, i) => {
      if (!has('sources', r.source)) report(`${path}/${i}/source`, `unknown source "${r.source}"`);
    });
  };

  checkMeta(files.meta, report);
  (files.sources ?? []).forEach((s, i) => checkSource(s, `/sources/${i}`, report));
  (files.minerals ?? []).forEach((m, i) => checkMineral(m, `/minerals/${i}`, report, has, refs));
  for (const c of surfaceCollisions(files.minerals ?? [])) {
    report('/minerals', `"${c.text}" names more than one mineral (${c.minerals.join(', ')})`);
  }
  const clauseIds = new Set<string>();
  (files.measures ?? []).forEach((m, i) => checkMeasure(m, `/measures/${i}`, report, has, refs, clauseIds));
  (files.observations ?? []).forEach((o, i) => checkObservation(o, `/observations/${i}`, report, has, refs));
  return issues;
}

type Report = (path: string, message: string) => void;
type Has = (kind: keyof KnownIds, id: string) => boolean;
type Refs = (path: string, list: readonly SourceRef[] | undefined, required: boolean) => void;

function checkMeta(meta: Partial<DatasetMeta> | undefined, report: Report): void {
  if (!meta) return;
  const { horizon, compiled, latestSource, coverage } = meta;
  if (horizon && compiled && horizon > compiled) report('/meta/horizon', `horizon ${horizon} is after the compilation date ${compiled}`);
  if (horizon && latestSource && latestSource > horizon) report('/meta/latestSource', `latest source ${latestSource} is after the horizon ${horizon}`);
  if (horizon && coverage?.measuresFrom && coverage.measuresFrom > horizon) report('/meta/coverage/measuresFrom', 'coverage starts after the horizon');
}

function checkSource(source: Source, path: string, report: Report): void {
  if (source.published && !isIsoDate(source.published)) report(`${path}/published`, `"${source.published}" is not a calendar date`);
}

function checkMineral(m: Mineral, path: string, report: Report, has: Has, refs: Refs): void {
  if (m.parent && !has('minerals', m.parent)) report(`${path}/parent`, `unknown mineral "${m.parent}"`);
  if (m.parent === m.id) report(`${path}/parent`, 'a mineral cannot be its own parent');
  refs(`${path}/sources`, m.sources, Boolean(m.hsCodes?.length));
}

function checkMeasure(m: Measure, path: string, report: Report, has: Has, refs: Refs, clauseIds: Set<string>): void {
  refs(`${path}/sources`, m.sources, true);
  if (m.effective && m.effective < m.announced) report(`${path}/effective`, `takes effect ${m.effective}, before it was announced (${m.announced})`);
  if (m.effective === null && m.clauses.some((c) => c.effective === undefined) && !m.scheduled && m.clauses.length) {
    report(`${path}/scheduled`, 'a measure that never took effect needs the date it was due');
  }
  const own = new Set(m.clauses.map((c) => c.id));
  m.clauses.forEach((c, j) => {
    const cp = `${path}/clauses/${j}`;
    if (clauseIds.has(c.id)) report(`${cp}/id`, `duplicate clause id "${c.id}"`);
    clauseIds.add(c.id);
    c.minerals.forEach((id, k) => has('minerals', id) || report(`${cp}/minerals/${k}`, `unknown mineral "${id}"`));
    (c.relatedMinerals ?? []).forEach((id, k) => has('minerals', id) || report(`${cp}/relatedMinerals/${k}`, `unknown mineral "${id}"`));
    if (!c.minerals.length && !c.allDualUse && !c.relatedMinerals?.length) report(`${cp}/minerals`, 'a clause must name minerals, related minerals, or cover all dual-use items');
    if (c.effective && c.effective < m.announced) report(`${cp}/effective`, `takes effect ${c.effective}, before the measure was announced (${m.announced})`);
  });
  m.events.forEach((e, j) => {
    const ep = `${path}/events/${j}`;
    refs(`${ep}/sources`, e.sources, true);
    if (e.date < m.announced) report(`${ep}/date`, `event ${e.date} is before the measure was announced (${m.announced})`);
    if (e.until && e.until < e.date) report(`${ep}/until`, `ends ${e.until}, before it starts (${e.date})`);
    if (e.kind === 'suspended' && !e.until) report(`${ep}/until`, 'a suspension needs its last day (until)');
    if (e.by && !has('measures', e.by)) report(`${ep}/by`, `unknown measure "${e.by}"`);
    (e.clauses ?? []).forEach((id, k) => own.has(id) || report(`${ep}/clauses/${k}`, `"${id}" is not a clause of ${m.id}`));
  });
}

function checkObservation(o: Observation, path: string, report: Report, has: Has, refs: Refs): void {
  refs(`${path}/sources`, o.sources, true);
  if (!has('minerals', o.mineral)) report(`${path}/mineral`, `unknown mineral "${o.mineral}"`);
  if (o.period.start > o.period.end) report(`${path}/period`, `starts ${o.period.start}, after it ends (${o.period.end})`);
  if (o.published < o.period.start) report(`${path}/published`, `published ${o.published}, before the period it reports on starts (${o.period.start})`);
  checkValue(o, path, report);
}

function checkValue(o: Observation, path: string, report: Report): void {
  const rankingOmitsPartner = o.metric === 'import_sources' && Boolean(o.partner) && Boolean(o.ranking) && !o.ranking!.includes(o.partner!);
  if (o.value === null) {
    if (o.qualifier !== 'net-exporter' && !rankingOmitsPartner) report(`${path}/value`, 'a value may be null only for a net exporter or a partner missing from the ranking');
    return;
  }
  if (o.qualifier === 'net-exporter') report(`${path}/value`, 'a net exporter has no value (null)');
  if (o.qualifier === 'net-exporter' && o.metric !== 'net_import_reliance') report(`${path}/qualifier`, 'net-exporter applies only to net import reliance');
  if (o.metric === 'import_sources') {
    if (o.unit !== 'rank') report(`${path}/unit`, 'an import-sources ranking gives the partner\'s rank (unit "rank")');
    if (o.ranking && o.partner) {
      const rank = o.ranking.indexOf(o.partner) + 1;
      if (rank && rank !== o.value) report(`${path}/value`, `${o.partner} is number ${rank} in the ranking, not ${o.value}`);
      if (!rank) report(`${path}/value`, `${o.partner} is not in the ranking, so the value must be null`);
    }
  }
  if (o.unit === '%' && PERCENT_METRICS.has(o.metric)) {
    if (o.value < 0 || o.value > 100) report(`${path}/value`, `${o.value}% is not a share`);
    if (o.qualifier === '>' && o.value >= 100) report(`${path}/qualifier`, 'nothing is more than 100%');
    if (o.qualifier === '<' && o.value <= 0) report(`${path}/qualifier`, 'nothing is less than 0%');
  }
}
