// The server's custom protocol as the client sees it: method names, payloads and ids. The client
// may not import server code, so these mirror server/src/lsp/protocol.ts, and
// test/lsp/protocol-names.test.ts fails when the two drift apart.

export const ClaimsRequestMethod = 'briefcheck/claims';
export const DatasetInfoRequestMethod = 'briefcheck/datasetInfo';
export const ControlTableRequestMethod = 'briefcheck/controlTable';
export const SetAsOfRequestMethod = 'briefcheck/setAsOf';
export const DidAnalyzeNotificationMethod = 'briefcheck/didAnalyze';

export const FixAllKind = 'source.fixAll.briefcheck';

export interface ProtocolRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface ClaimItem {
  kind: 'mention' | 'figure' | 'control' | 'count';
  text: string;
  verdict: string;
  range: ProtocolRange;
  minerals: string[];
  explanation?: string;
  record?: { kind: string; id: string };
  problems: string[];
}

export interface ClaimsResult {
  uri: string;
  version: number;
  asOf: string;
  asOfSource: string;
  datasetVersion: string;
  claims: ClaimItem[];
  error?: string;
}

export interface DatasetInfo {
  version: string;
  horizon: string;
  compiled: string;
  coverage: string;
  counts: { minerals: number; measures: number; observations: number; sources: number };
  overlays: string[];
  errors: string[];
}

export interface DidAnalyzeParams {
  uri: string;
  version: number;
  asOf: string;
  datasetVersion: string;
}
