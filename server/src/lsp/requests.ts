// Handlers of the custom requests the client's views and commands use: the claims of a document,
// dataset information, and the edits for the control-status table and the brief's as-of date.

import { ErrorCodes, ResponseError, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { controlTableEdits, setAsOfEdit } from '../core/editor';
import type { Analysis, Analyzer, LoadedDataset } from './analysis';
import { toClaimItems, toTextEdits, versionedEdit } from './convert';
import type { ClaimsResult, ControlTableParams, DatasetInfo, DocumentParams, SetAsOfParams } from '../shared/protocol';

export function invalidParams(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

export function requireUri(params: unknown): string {
  const uri = (params as Partial<DocumentParams> | null)?.uri;
  if (typeof uri !== 'string' || uri.length === 0) throw invalidParams('Expected { uri: string }.');
  return uri;
}

export async function claimsResult(doc: TextDocument, analysis: Analysis, analyzer: Analyzer): Promise<ClaimsResult> {
  const { result, data } = analysis;
  const current = result && analysis.version === doc.version;
  return {
    uri: doc.uri,
    version: analysis.version,
    asOf: result?.asOf ?? analysis.config.asOf ?? analysis.today,
    asOfSource: result?.asOfSource ?? 'today',
    datasetVersion: data?.dataset.meta.version ?? '',
    claims: current ? toClaimItems(doc, result.problems, await analyzer.claims(analysis)) : [],
    ...(analysis.error ? { error: analysis.error } : {}),
  };
}

export function datasetInfo(data: LoadedDataset): DatasetInfo {
  const { meta, files } = data.dataset;
  return {
    version: meta.version,
    horizon: meta.horizon,
    ...(meta.latestSource ? { latestSource: meta.latestSource } : {}),
    compiled: meta.compiled,
    coverage: meta.coverage.description,
    counts: { minerals: files.minerals.length, measures: files.measures.length, observations: files.observations.length, sources: files.sources.length },
    overlays: data.overlays,
    errors: data.errors,
  };
}

export function controlTableEdit(doc: TextDocument, analysis: Analysis, params: ControlTableParams): WorkspaceEdit | null {
  const { result, data } = analysis;
  if (!result || !data) return null;
  const offset = doc.offsetAt(params.position);
  const edits = controlTableEdits(analysis.text, offset, data.dataset, result.minerals, result.asOf);
  return edits ? versionedEdit(doc, toTextEdits(doc, edits)) : null;
}

export function validateControlTableParams(params: unknown): ControlTableParams {
  const uri = requireUri(params);
  const position = (params as { position?: { line?: unknown; character?: unknown } }).position;
  if (!position || typeof position.line !== 'number' || typeof position.character !== 'number') {
    throw invalidParams('Expected { uri: string, position: { line: number, character: number } }.');
  }
  return { uri, position: { line: position.line, character: position.character } };
}

export function validateSetAsOfParams(params: unknown): SetAsOfParams {
  const uri = requireUri(params);
  const date = (params as { date?: unknown }).date;
  if (typeof date !== 'string' || !isRealDate(date)) throw invalidParams('Expected a date written YYYY-MM-DD.');
  return { uri, date };
}

function isRealDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

export function setAsOfWorkspaceEdit(doc: TextDocument, date: string): WorkspaceEdit {
  return versionedEdit(doc, toTextEdits(doc, [setAsOfEdit(doc.getText(), date)]));
}
