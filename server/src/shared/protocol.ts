// The custom protocol between the extension and the language server: request and notification
// names, their payloads, and the code action kinds. Both sides import this one file; it imports
// nothing, so the client stays free of server code (test/architecture.test.ts).

/** A protocol range (0-based lines and UTF-16 characters), structurally the LSP `Range`. */
export interface ProtocolRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export const ClaimsRequestMethod = 'briefcheck/claims';
export const DatasetInfoRequestMethod = 'briefcheck/datasetInfo';
export const ControlTableRequestMethod = 'briefcheck/controlTable';
export const SetAsOfRequestMethod = 'briefcheck/setAsOf';
export const DidAnalyzeNotificationMethod = 'briefcheck/didAnalyze';

/** The code action kind of fix-all, for `editor.codeActionsOnSave`. */
export const FixAllKind = 'source.fixAll.briefcheck';
export const ControlTableKind = 'refactor.insert.briefcheck.controlTable';
export const ImportShareKind = 'refactor.insert.briefcheck.importShare';

export interface DocumentParams {
  uri: string;
}

export interface ClaimItem {
  kind: 'mention' | 'figure' | 'control' | 'count' | 'unread';
  text: string;
  verdict: string;
  range: ProtocolRange;
  minerals: string[];
  explanation?: string;
  /** What the claim was read as, in words ("share of US imports from CN, 2024"). */
  reading?: string;
  /** How sure the reading is: certain, likely or ambiguous. */
  confidence?: string;
  /** Other readings of the same words, each with its verdict, in words. */
  alternatives?: string[];
  /** For unread sentences: why no claim was read. */
  why?: string;
  record?: { kind: string; id: string };
  /** Rule ids of the problems reported on this claim. */
  problems: string[];
}

export interface ClaimsResult {
  uri: string;
  version: number;
  asOf: string;
  asOfSource: string;
  datasetVersion: string;
  claims: ClaimItem[];
  /** Set when checking the document failed; the claims list is then empty. */
  error?: string;
}

export interface DatasetInfo {
  version: string;
  horizon: string;
  /** Date of the newest source seen; statuses after it are "last confirmed" on this date. */
  latestSource?: string;
  compiled: string;
  coverage: string;
  counts: { minerals: number; measures: number; observations: number; sources: number };
  overlays: string[];
  errors: string[];
}

export interface ControlTableParams {
  uri: string;
  position: { line: number; character: number };
}

export interface SetAsOfParams {
  uri: string;
  date: string;
}

export interface DidAnalyzeParams {
  uri: string;
  version: number;
  asOf: string;
  datasetVersion: string;
}
