// Types for scripts/score-claims.mjs (the claim scorer), for the tests that import it.

/** One label in the dev-set label format. */
export interface Label {
  line: number;
  kind: 'mention' | 'figure' | 'control' | 'count';
  mineral?: string;
  minerals?: string[];
  metric?: string;
  value?: number;
  valueMax?: number;
  unit?: string;
  tolerance?: number;
  period?: string;
  partner?: string;
  hedge?: string;
  type?: string;
  destination?: string;
  date?: string;
  what?: string;
  negated?: boolean;
  correct?: boolean;
  asserted: boolean;
  why?: string;
  text: string;
  qualifier?: string;
  reporter?: string;
  scope?: string;
  country?: string;
}

export type Labels = Record<string, { claims: Label[] }>;

/** A claim as `briefcheck claims --format json` prints it (the fields the scorer reads). */
export interface ScoredClaim {
  kind: string;
  minerals: string[];
  text: string;
  line: number;
  endLine?: number;
  verdict: string;
  value?: number;
  count?: number;
  metric?: string;
  partner?: string;
  period?: { start: string; end: string };
  control?: { type?: string; destination?: string };
  countOf?: string;
  explanation?: string;
  [key: string]: unknown;
}

export interface Ratio {
  hit: number;
  total: number;
  /** null when there is nothing to measure. */
  rate: number | null;
}

export interface Row {
  id: string;
  label: Label;
  claim: ScoredClaim | null;
  reason?: string;
}

export interface Report {
  briefs: number;
  labels: { all: number; asserted: number; notAsserted: number };
  recall: Record<'mention' | 'figure' | 'control' | 'count' | 'mentionAnyKind' | 'figureCore' | 'figureOther', Ratio>;
  byMetric: Record<string, Ratio>;
  /** Asserted figure, control and count labels read, per brief. */
  perBrief: Record<string, Ratio>;
  agreement: Record<'metric' | 'partner' | 'period' | 'controlType' | 'destination' | 'countScope' | 'all', Ratio>;
  notAsserted: Record<'figure' | 'control' | 'count', { labels: number; read: number; harmful: number }>;
  notAssertedHarmful: Row[];
  assertedHarmful: Row[];
  /** Asserted labels marked correct: false (known false claims) that were read with verdict wrong/mismatch. */
  knownFalseFlagged: Ratio;
  unlabelled: { id: string; claim: ScoredClaim }[];
  unread: number;
  /** Not-asserted figure/control/count labels whose line is listed as an unread sentence. */
  notAssertedListedUnread: Ratio;
  misses: Row[];
}

export declare const KINDS: string[];
export declare const CORE_METRICS: string[];
export declare function countScope(what: string | undefined): string;
export declare function candidate(label: Label, claim: ScoredClaim): boolean;
export declare function labelMonths(period: string | undefined): [string, string | undefined] | undefined;
export declare function samePeriod(label: Label, claim: ScoredClaim): boolean | undefined;
export declare function matchBrief(labels: Label[], claims: ScoredClaim[]): number[];
export declare function missReason(label: Label, claims: ScoredClaim[]): string;
export declare function scoreClaims(labels: Labels, claimsById: Record<string, ScoredClaim[]>): Report;
export declare function formatReport(report: Report, options?: { title?: string; misses?: number }): string;
export declare function reportJson(report: Report): unknown;
export declare function readWithCli(files: string[], cli?: string): Record<string, ScoredClaim[]>;
