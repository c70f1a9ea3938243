// The dataset's shape: the JSON files in data/ (DatasetFiles) and the questions the core asks of
// the indexed, immutable Dataset built from them. Plain data only; no I/O, no protocol types.

/** A calendar date, `YYYY-MM-DD`. Dates compare correctly as strings. */
export type IsoDate = string;

export type Confidence = 'high' | 'medium' | 'low';

/**
 * How far a source can be trusted (data/README.md, "Source tiers"): the official publisher's own
 * text or data; an established news agency, newspaper, law firm, research institute or price
 * reporter; or anything else, including copies that could not be checked against the original.
 */
export type SourceTier = 'primary' | 'authoritative' | 'weak';

/** One publication that values come from. */
export interface Source {
  id: string;
  title: string;
  publisher: string;
  url: string;
  /** Publication date; null where the source gives none. */
  published: IsoDate | null;
  tier: SourceTier;
  /** The copy the values were actually read from, where that differs from `url` (checked against a second copy). */
  via?: string;
  /** Set when the source gives only a month or a year: `published` is then that period's first day. */
  publishedPrecision?: 'month' | 'year';
}

/** A value's pointer to its source: which record, where in it, how sure. */
export interface SourceRef {
  source: string;
  /** Where in the source the value stands ("Figure 2, row Antimony", "p. 144"). */
  locator?: string;
  confidence?: Confidence;
  note?: string;
}

export type MineralGroup =
  | 'rare-earths'
  | 'light-rare-earth'
  | 'medium-rare-earth'
  | 'heavy-rare-earth'
  | 'battery'
  | 'strategic-metal'
  | 'industrial'
  | 'item-group';

export interface Mineral {
  id: string;
  name: string;
  symbol?: string;
  group: MineralGroup;
  /** A broader mineral this one belongs to (dysprosium → rare-earths). */
  parent?: string;
  /** Other names for the mineral itself ("wolfram", "columbium", "REE"). */
  aliases: string[];
  /** Product forms that name the mineral ("antimony trioxide", "unwrought gallium", "NdFeB magnets"). */
  forms: string[];
  hsCodes?: string[];
  /** Abbreviations and formulas ("REE", "GaN", "NdFeB"), matched case-sensitively like symbols. */
  abbreviations?: string[];
  /** True when the symbol is also a common word or abbreviation, so it is never matched alone. */
  symbolAmbiguous?: boolean;
  notes?: string;
  /** Where the forms, codes and groupings come from. */
  sources?: SourceRef[];
}

export type ControlType = 'licensing' | 'ban';

/** Which exports a clause covers: all destinations, or one named country (ISO 3166 alpha-2). */
export type Destination = 'all' | string;

/** One operative part of a measure: what it controls, how, and for whom. */
export interface Clause {
  id: string;
  minerals: string[];
  items?: string[];
  type: ControlType;
  destination: Destination;
  /** Set when the clause covers only some end users ("military"). */
  endUse?: string;
  /** Overrides the measure's effective date for this clause; null means it never took effect. */
  effective?: IsoDate | null;
  /** For a clause that never took effect: the date it was due to. */
  scheduled?: IsoDate;
  /**
   * What the clause controls: the goods themselves (default), technology, or exports from abroad
   * (extraterritorial). Only goods clauses set a mineral's export status.
   */
  subject?: 'goods' | 'technology' | 'extraterritorial';
  /** The clause covers every dual-use item (e.g. all exports to military users); `minerals` is then empty. */
  allDualUse?: boolean;
  /** Minerals contained in controlled products that the clause does not control as such (nickel in NCM precursors). */
  relatedMinerals?: string[];
  description?: string;
}

export type StatusEventKind = 'suspended' | 'resumed' | 'lifted' | 'expired' | 'amended' | 'note';

/** A dated change to a measure (or some of its clauses). */
export interface StatusEvent {
  date: IsoDate;
  kind: StatusEventKind;
  /** For `suspended`: the last day of the suspension. */
  until?: IsoDate;
  /** Clause ids the event applies to; all clauses when absent. */
  clauses?: string[];
  /** The measure that made the change (e.g. the suspension announcement). */
  by?: string;
  description: string;
  sources: SourceRef[];
  /** Derived by `createDataset` from the sources' tiers; a `low` event never changes a status. */
  confidence?: Confidence;
}

export interface Measure {
  id: string;
  /** Full name of the instrument ("MOFCOM & GAC Announcement No. 23 of 2023"). */
  instrument: string;
  /** Short citation form ("No. 23/2023"). */
  shortName: string;
  issuer: string;
  announced: IsoDate;
  /** When it took effect; null when it never did. */
  effective: IsoDate | null;
  /** For a measure that never took effect: the date it was due to. */
  scheduled?: IsoDate;
  /** Control clauses; a measure that only changes others (a suspension) has none. */
  clauses: Clause[];
  events: StatusEvent[];
  officialUrl?: string;
  sources: SourceRef[];
  notes?: string;
  /** Derived by `createDataset` from the sources' tiers; the clauses of a `low` measure set no status. */
  confidence?: Confidence;
}

export type Metric =
  | 'net_import_reliance'
  | 'import_share'
  | 'import_sources'
  | 'world_production_share'
  | 'demand'
  | 'export_share'
  | 'exports'
  | 'imports';

export type Qualifier = '>' | '<' | '~' | 'net-exporter';

export interface Period {
  /** First day covered. */
  start: IsoDate;
  /** Last day covered. */
  end: IsoDate;
  /** How the source states the period ("2020–23", "January–November 2024"). */
  label: string;
  /** True when the source states no period: start and end then only bracket what it can refer to. */
  approximate?: boolean;
}

/** A measured figure with its scope, period and source. */
export interface Observation {
  id: string;
  metric: Metric;
  mineral: string;
  /** Who reports or imports: "US", "world". */
  reporter: string;
  /** The partner country for shares of imports ("CN"). */
  partner?: string;
  /** Product scope when narrower than the mineral ("oxide", "metal and oxide", "unwrought"). */
  scope?: string;
  basis?: 'quantity' | 'value';
  period: Period;
  /**
   * Null only with the `net-exporter` qualifier, or for `import_sources` when the partner is not in
   * the ranking. For `import_sources` the value is the partner's rank (unit `rank`).
   */
  value: number | null;
  qualifier?: Qualifier;
  unit: '%' | 't' | 'USD' | string;
  /** For `import_sources`: partner countries in descending order. */
  ranking?: string[];
  /** The organisation or person that stated the figure, when not the publisher itself. */
  statedBy?: string;
  /** When the figure was first published (drives staleness). */
  published: IsoDate;
  /**
   * Derived by `createDataset` from the sources' tiers (capped by `maxConfidence`); a value in the
   * files is ignored. `low` (weak sources only) never makes a brief's figure wrong or stale.
   */
  confidence: Confidence;
  /** An upper bound on the derived confidence, for a value its sources state loosely. */
  maxConfidence?: Confidence;
  sources: SourceRef[];
  notes?: string;
}

export interface Coverage {
  /** What kinds of measure the dataset tracks, in words. */
  description: string;
  /** Measures announced before this date are outside the coverage. */
  measuresFrom: IsoDate;
}

export interface DatasetMeta {
  version: string;
  /** The date through which the dataset is known to be complete. */
  horizon: IsoDate;
  coverage: Coverage;
  /** When the data was compiled. */
  compiled: IsoDate;
  /**
   * Date of the newest source behind the data (may be earlier than the horizon). A status asked
   * for after it is judged on the last known record and reported as "last confirmed" on this date.
   */
  latestSource?: IsoDate;
  /** What "complete through the horizon" means for this version, in words. */
  horizonNote?: string;
}

/** The bundled data files, or one overlay (every part optional there). */
export interface DatasetFiles {
  meta: DatasetMeta;
  sources: Source[];
  minerals: Mineral[];
  measures: Measure[];
  observations: Observation[];
}

export type Overlay = Partial<Omit<DatasetFiles, 'meta'>> & { meta?: Partial<DatasetMeta> };

/** A word or phrase that names a mineral, for claim extraction. */
export interface SurfaceForm {
  text: string;
  mineral: string;
  kind: 'name' | 'alias' | 'form' | 'symbol';
  /** Symbols and abbreviations match case-sensitively; everything else case-insensitively. */
  caseSensitive: boolean;
}

export type StatusValue = ControlType | 'none' | 'unknown';

export type ClauseState = 'in-force' | 'pending' | 'suspended' | 'lifted' | 'expired' | 'never-effective' | 'unknown';

/** One clause that bears on a mineral, and its state on the asked date. */
export interface ClauseStatus {
  measure: Measure;
  clause: Clause;
  state: ClauseState;
  /** The event that put the clause in this state, if any. */
  event?: StatusEvent;
  /**
   * Why the clause is listed without setting the status: it controls products containing the
   * mineral, technology, exports from abroad, or only some end users.
   */
  role?: 'sets-status' | 'related' | 'technology' | 'extraterritorial' | 'end-use';
}

/** A mineral's control status on a date, with what makes it so. */
export interface MineralStatus {
  mineral: string;
  on: IsoDate;
  /** Status for all destinations. */
  status: StatusValue;
  /** Stricter or differing status for named destinations ("US" → "ban"). */
  destinations: Record<string, StatusValue>;
  clauses: ClauseStatus[];
  /** Why the status is what it is, in one sentence, when not obvious (unknown, suspended…). */
  note?: string;
  /**
   * Set when `on` is after the last source seen (`meta.latestSource`): the status is the last known
   * record's, presumed unchanged since this date.
   */
  confirmedThrough?: IsoDate;
}

/** A status-changing event between two dates for a mineral, for `status-changed`. */
export interface StatusChange {
  date: IsoDate;
  measure: Measure;
  event: StatusEvent;
  clause: Clause;
}

export interface ObservationQuery {
  mineral: string;
  metric?: Metric;
  partner?: string;
  scope?: string;
  /** Only observations published on or before this date. */
  asOf?: IsoDate;
}

export interface ControlledCount {
  on: IsoDate;
  /** Minerals under a control in force on that date (excluding groups and item groups). */
  minerals: string[];
  /** Minerals whose status on that date is unknown. */
  unknown: string[];
  /** Set when `on` is after the last source seen: the count is presumed from the records through this date. */
  confirmedThrough?: IsoDate;
}

/** The indexed, immutable dataset the core checks against. Built by `createDataset`. */
export interface Dataset {
  readonly meta: DatasetMeta;
  readonly files: Readonly<DatasetFiles>;
  mineral(id: string): Mineral | undefined;
  source(id: string): Source | undefined;
  measure(id: string): Measure | undefined;
  /** Every surface form, longest first. */
  surfaceForms(): readonly SurfaceForm[];
  /** The mineral a surface form names, or undefined. */
  resolve(text: string): Mineral | undefined;
  /** The mineral's status on a date; answers are remembered and frozen, shared by every caller. */
  statusOn(mineral: string, on: IsoDate): MineralStatus;
  /** Status events for the mineral with after < date <= until. */
  changesBetween(mineral: string, after: IsoDate, until: IsoDate): StatusChange[];
  /** Matching observations, newest period first (ties: newest published first). */
  observations(query: ObservationQuery): readonly Observation[];
  /** The minerals under control on a date; remembered and frozen like statusOn's answers. */
  controlledCount(on: IsoDate): ControlledCount;
}
