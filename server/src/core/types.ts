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

export type ClaimKind = 'mention' | 'figure' | 'control' | 'count';

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
  metric?: Metric;
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
    type: ControlType | 'none';
    destination?: Destination;
    /** The date the claim speaks of, when the text gives one. */
    date?: IsoDate;
  };
  /** For counts: the number of minerals the brief says are controlled. */
  count?: number;
  /** The date the claim is checked at: its own date, else the brief's as-of date. */
  checkedOn: IsoDate;
  /** True when the claim's sentence carries a citation (footnote reference or link). */
  cited: boolean;
  verdict: Verdict;
  record?: RecordRef;
  /** One sentence on how the verdict was reached. */
  explanation?: string;
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
  /** The Markdown parser (core/parse): remark, the reference (default), or lezer, the fast one. */
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
