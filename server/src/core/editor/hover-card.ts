// The plain data of a hover card: a mineral's control status on a date with what changed since,
// its latest import figures and their sources; or a figure claim with the record it was checked
// against. The language server only renders these (render-card.ts turns them into Markdown).

import { isDatasetMetric } from '../claims/metrics';
import type { Claim, IsoDate, ReadingConfidence, Verdict } from '../types';
import { describeAlternative } from '../claims/metrics';
import { confidenceOf, describeReading } from '../reading';
import type { ClauseState, ControlType, Dataset, Destination, MineralGroup, Observation, StatusValue } from '../dataset/types';
import { formatValue, sourceLinks, type SourceLink } from './format';
import { usableForChecking } from '../verdicts/figures';

export interface FigureFact {
  observationId: string;
  /** "63%", ">50%". */
  value: string;
  period: string;
  scope?: string;
  published: IsoDate;
  sources: SourceLink[];
}

export interface MeasureFact {
  measureId: string;
  instrument: string;
  shortName: string;
  type: ControlType;
  destination: Destination;
  /** Set when the clause covers only some end users ("military"). */
  endUse?: string;
  announced: IsoDate;
  effective: IsoDate | null;
  state: ClauseState;
  /** Last day of a suspension in force on the date. */
  until?: IsoDate;
  url?: string;
}

export interface ChangeFact {
  date: IsoDate;
  measure: string;
  kind: string;
  description: string;
}

export interface MineralCard {
  id: string;
  name: string;
  symbol?: string;
  group: MineralGroup;
  asOf: IsoDate;
  status: StatusValue;
  destinations: Record<string, StatusValue>;
  note?: string;
  measures: MeasureFact[];
  /** Status changes after `asOf`, up to `changesUntil`. */
  changes: ChangeFact[];
  changesUntil: IsoDate;
  netImportReliance?: FigureFact;
  chinaImportShare?: FigureFact;
  /** A newer China import share published after `asOf`, when there is one. */
  newerChinaImportShare?: FigureFact;
  /** A China import share newer than the checked one but resting on weak sources only: shown, never used. */
  unconfirmedChinaImportShare?: FigureFact;
  sources: SourceLink[];
  horizon: IsoDate;
  /** Set when `asOf` is after the dataset's newest source: the status is the last known record's. */
  confirmedThrough?: IsoDate;
}

export interface FigureCard {
  claim: string;
  /** What the reader took the claim to say ("share of US imports from CN, 2024"). */
  reading?: string;
  confidence: ReadingConfidence;
  /** Other readings, each with its verdict, in words; only when the reading is not certain. */
  alternatives: string[];
  verdict: Verdict;
  checkedOn: IsoDate;
  explanation?: string;
  observation?: FigureFact;
  /** For a claim judged against nothing: an observation of the same figure resting on weak sources only. */
  unconfirmed?: FigureFact;
}

/** The card for a mineral as of `asOf`; changes are listed up to `today` or the dataset's horizon. */
export function mineralCard(dataset: Dataset, mineralId: string, asOf: IsoDate, today: IsoDate): MineralCard | undefined {
  const mineral = dataset.mineral(mineralId);
  if (!mineral) return undefined;
  const status = dataset.statusOn(mineralId, asOf);
  const changesUntil = today < dataset.meta.horizon ? today : dataset.meta.horizon;
  const changes = asOf < changesUntil ? dataset.changesBetween(mineralId, asOf, changesUntil) : [];
  const reliance = latest(dataset, mineralId, 'net_import_reliance', undefined, asOf);
  const share = latest(dataset, mineralId, 'import_share', 'CN', asOf);
  const newestShare = latest(dataset, mineralId, 'import_share', 'CN', today);
  const newer = newestShare && newestShare.id !== share?.id ? newestShare : undefined;
  const unconfirmed = unconfirmedNewer(dataset, mineralId, share, asOf);
  const measures = uniqueMeasures(status.clauses.map((c): MeasureFact => ({
    measureId: c.measure.id,
    instrument: c.measure.instrument,
    shortName: c.measure.shortName,
    type: c.clause.type,
    destination: c.clause.destination,
    ...(c.clause.endUse ? { endUse: c.clause.endUse } : {}),
    announced: c.measure.announced,
    effective: c.clause.effective === undefined ? c.measure.effective : c.clause.effective,
    state: c.state,
    ...(c.state === 'suspended' && c.event?.until ? { until: c.event.until } : {}),
    ...(c.measure.officialUrl ? { url: c.measure.officialUrl } : {}),
  })));
  const figures = [reliance, share, newer].filter((o): o is Observation => o !== undefined);
  // One source per measure and per change keeps the card readable; figures keep all of theirs.
  const refs = [...status.clauses.flatMap((c) => c.measure.sources.slice(0, 1)), ...changes.flatMap((c) => c.event.sources.slice(0, 1)), ...figures.flatMap((o) => o.sources)];
  return {
    id: mineral.id,
    name: mineral.name,
    ...(mineral.symbol ? { symbol: mineral.symbol } : {}),
    group: mineral.group,
    asOf,
    status: status.status,
    destinations: status.destinations,
    ...(status.note ? { note: status.note } : {}),
    measures,
    changes: changes.map((c) => ({ date: c.date, measure: c.measure.shortName, kind: c.event.kind, description: c.event.description })),
    changesUntil,
    ...(reliance ? { netImportReliance: figureFact(dataset, reliance) } : {}),
    ...(share ? { chinaImportShare: figureFact(dataset, share) } : {}),
    ...(newer ? { newerChinaImportShare: figureFact(dataset, newer) } : {}),
    ...(unconfirmed ? { unconfirmedChinaImportShare: figureFact(dataset, unconfirmed) } : {}),
    sources: sourceLinks(dataset, refs),
    horizon: dataset.meta.horizon,
    ...(status.confirmedThrough ? { confirmedThrough: status.confirmedThrough } : {}),
  };
}

/** The newest weak-only China import share with a stated period, when it is newer than the usable one. */
function unconfirmedNewer(dataset: Dataset, mineral: string, usable: Observation | undefined, asOf: IsoDate): Observation | undefined {
  const weak = dataset
    .observations({ mineral, metric: 'import_share', partner: 'CN', asOf })
    .find((o) => o.confidence === 'low' && o.basis !== 'value' && !o.period.approximate && o.value !== null);
  return weak && (!usable || weak.period.end > usable.period.end) ? weak : undefined;
}

/** Clauses of one measure that read the same (same type, destination, end use and state) are shown once. */
function uniqueMeasures(measures: MeasureFact[]): MeasureFact[] {
  const seen = new Set<string>();
  return measures.filter((m) => {
    const key = [m.measureId, m.type, m.destination, m.endUse ?? '', m.state, m.until ?? ''].join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The card for a figure, control or count claim: how it was read and how sure that reading is, the
 * other readings when it is not certain, its verdict and the observation it was checked against.
 */
export function figureCard(dataset: Dataset, claim: Claim): FigureCard {
  const observation = claim.record?.kind === 'observation' ? findObservation(dataset, claim, claim.record.id) : undefined;
  const confidence = confidenceOf(claim);
  const reading = describeReading(claim);
  return {
    claim: claim.text,
    ...(reading ? { reading } : {}),
    confidence,
    alternatives: confidence === 'certain' ? [] : (claim.alternatives ?? []).map(describeAlternative),
    verdict: claim.verdict,
    checkedOn: claim.checkedOn,
    ...(claim.explanation ? { explanation: claim.explanation } : {}),
    ...(observation ? { observation: figureFact(dataset, observation) } : {}),
    ...(!observation && claim.kind === 'figure' ? unconfirmedFact(dataset, claim) : {}),
  };
}

/** A weakly sourced observation of the claim's mineral, metric, partner and period, shown for reference. */
function unconfirmedFact(dataset: Dataset, claim: Claim): { unconfirmed?: FigureFact } {
  const mineral = claim.minerals[0];
  if (!mineral || !isDatasetMetric(claim.metric)) return {};
  const found = dataset
    .observations({ mineral, metric: claim.metric, ...(claim.partner ? { partner: claim.partner } : {}), asOf: claim.checkedOn })
    .find(
      (o) =>
        o.confidence === 'low' &&
        o.unit === claim.unit &&
        (o.partner ?? '') === (claim.partner ?? '') &&
        (!claim.period || (o.period.start === claim.period.start && o.period.end === claim.period.end)),
    );
  return found ? { unconfirmed: figureFact(dataset, found) } : {};
}

/** The newest observation of a metric published on or before `asOf` that the rules would judge by. */
export function latest(dataset: Dataset, mineral: string, metric: Observation['metric'], partner: string | undefined, asOf: IsoDate): Observation | undefined {
  return dataset.observations({ mineral, metric, ...(partner ? { partner } : {}), asOf }).find(usableForChecking);
}

export function figureFact(dataset: Dataset, o: Observation): FigureFact {
  return {
    observationId: o.id,
    value: formatValue(o),
    period: o.period.label,
    ...(o.scope ? { scope: o.scope } : {}),
    published: o.published,
    sources: sourceLinks(dataset, o.sources),
  };
}

function findObservation(dataset: Dataset, claim: Claim, id: string): Observation | undefined {
  for (const mineral of claim.minerals) {
    const found = dataset.observations({ mineral }).find((o) => o.id === id);
    if (found) return found;
  }
  return dataset.files.observations.find((o) => o.id === id);
}
