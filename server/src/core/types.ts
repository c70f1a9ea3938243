// Plain-data types shared by every layer: claims, problems, fixes, configuration and the result
// of checking one brief. Offsets are UTF-16 code units into the original text, like the editor's.

import type { ControlType, Destination, IsoDate, Metric, Qualifier } from './dataset/types';

export type { IsoDate } from './dataset/types';

/** A half-open range of UTF-16 offsets into the original text. */
export interface Range {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'info' | 'off';

export interface TextEdit {
  range: Range;
  text: string;
}

/** A fix is a list of edits on the original text, applied together or not at all. */
export interface Fix {
  edits: TextEdit[];
}

/**
 * `unread` marks a sentence that names a mineral beside a number or a control word but yields no
 * claim (a quote, a negation, speculation, or words the reader could not bind): it is listed so an
 * editor sees what was not checked, and never raises a problem.
 */
export type ClaimKind = 'mention' | 'figure' | 'control' | 'count' | 'unread';

/**
 * How sure the reader is of a claim's reading. `certain`: every slot was bound from the claim's own
 * words. `likely`: a slot came from context (an earlier sentence, a heading, a table header) or a
 * default. `ambiguous`: the words allow several readings, listed in `alternatives`. Only certain
 * readings raise errors and warnings; the others at most an info-level problem.
 */
export type ReadingConfidence = 'certain' | 'likely' | 'ambiguous';

/**
 * Figure metrics: the dataset's own, plus those the reader recognises but the dataset does not
 * measure (prices, tariffs, changes); a figure of those is read and listed, never judged.
 */
export type FigureMetric = Metric | 'processing_share' | 'price' | 'price_change' | 'export_change' | 'import_change' | 'tariff' | 'intensity' | 'other';

/** What a count counts: every controlled mineral, or a subset that the dataset does not total. */
export type CountScope = 'total' | 'rare-earths' | 'added' | 'banned-to-US' | 'subset';

/** A control claim's type: a status (licensing, ban, none) or a change to one. */
export type ClaimControlType = ControlType | 'none' | 'suspension' | 'lifted' | 'proposed';

/** Another reading of the same words, with the verdict it would get. */
export interface Alternative {
  metric?: FigureMetric;
  partner?: string;
  reporter?: string;
  period?: { start: IsoDate; end: IsoDate; text: string };
  destination?: string;
  verdict: Verdict;
  explanation?: string;
}

export type Verdict = 'verified' | 'stale' | 'mismatch' | 'wrong' | 'changed' | 'unknown' | 'unverifiable';

export type Hedge = 'about' | 'nearly' | 'over' | 'under' | 'at-least' | 'at-most' | 'exact';

/** The dataset record a claim was checked against. */
export interface RecordRef {
  kind: 'observation' | 'measure' | 'count';
  id: string;
  /** Source ids behind the record. */
  sources: string[];
}

export interface ClaimPeriod {
  start: IsoDate;
  end: IsoDate;
  /** The period as written in the brief. */
  text: string;
  /** Where the period is written, when it is (fixes replace it). */
  range?: Range;
}

export interface Claim {
  kind: ClaimKind;
  /** Mineral ids, in the order the text names them. */
  minerals: string[];
  range: Range;
  /** The claim's text as written. */
  text: string;
  /** Ranges of each mineral's mention inside the claim. */
  mentionRanges?: Range[];
  metric?: FigureMetric;
  partner?: string;
  reporter?: string;
  scope?: string;
  value?: number;
  /** Range of the number itself, for fixes that replace it. */
  valueRange?: Range;
  /** Range of the hedge and the number together ("about 340"), when a hedge is written. */
  hedgeRange?: Range;
  qualifier?: Qualifier;
  hedge?: Hedge;
  unit?: string;
  period?: ClaimPeriod;
  control?: {
    type: ClaimControlType;
    destination?: Destination;
    /** The date the claim speaks of, when the text gives one. */
    date?: IsoDate;
    /** Set when the claim speaks of some end users only ("Japanese military end users"). */
    endUse?: boolean;
  };
  /** For counts: the number of minerals the brief says are controlled. */
  count?: number;
  /** For counts: whether the number is of every controlled mineral or of a subset. */
  countOf?: CountScope;
  /** How sure the reading is (claims other than mentions and unread sentences). */
  confidence?: ReadingConfidence;
  /** Other plausible readings, when the reading is not certain. */
  alternatives?: Alternative[];
  /** For unread sentences: why no claim was read ("negated", "quoted", "speculation", "unbound"). */
  why?: string;
  /** The date the claim is checked at: its own date, else the brief's as-of date. */
  checkedOn: IsoDate;
  /** True when the claim's sentence carries a citation (footnote reference or link). */
  cited: boolean;
  verdict: Verdict;
  record?: RecordRef;
  /** One sentence on how the verdict was reached. */
  explanation?: string;
  /**
   * For a status or count judged after the dataset's last source seen: the date through which the
   * records were confirmed; the verdict presumes nothing changed since.
   */
  confirmedThrough?: IsoDate;
}

export interface Problem {
  ruleId: string;
  severity: Exclude<Severity, 'off'>;
  messageId: string;
  message: string;
  range: Range;
  fix?: Fix;
  /** Index into BriefResult.claims of the claim the problem is about. */
  claim?: number;
  record?: RecordRef;
}

export interface RuleSetting {
  severity: Severity;
  options: Record<string, unknown>;
}

/** Configuration after merging files, CLI flags and editor settings. */
export interface ResolvedConfig {
  asOf?: IsoDate;
  rules: Record<string, Partial<RuleSetting>>;
  /** Dataset overlay files, already resolved to absolute paths. */
  data: string[];
  include: string[];
  exclude: string[];
  /** The Markdown parser (core/parse): lezer, the fast one (default), or remark, the reference. */
  parser?: 'lezer' | 'remark';
}

export type AsOfSource = 'override' | 'front-matter' | 'config' | 'today';

export interface CheckOptions {
  config: ResolvedConfig;
  /** Wins over everything else (the CLI's --as-of). */
  asOfOverride?: IsoDate;
  /** The date to use when nothing else gives one. */
  today: IsoDate;
}

/** Everything the core knows about one brief after checking it. */
export interface BriefResult {
  asOf: IsoDate;
  asOfSource: AsOfSource;
  claims: Claim[];
  problems: Problem[];
}
