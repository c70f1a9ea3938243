// Inlay hints that put the dataset's current figure beside a stale or mismatched one. Switchable
// with `briefcheck.inlayHints.enable`; the hints themselves come from core/editor.

import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { currentFigureHints } from '../core/editor';
import type { Analysis, Analyzer } from './analysis';

export async function inlayHints(doc: TextDocument, analysis: Analysis, analyzer: Analyzer, range: Range): Promise<InlayHint[]> {
  const { result, data } = analysis;
  if (!analysis.settings.inlayHints || !result || !data) return [];
  const from = doc.offsetAt(range.start);
  const to = doc.offsetAt(range.end);
  // A hint sits inside its figure's claim: the claims in the range are the only ones that can give one.
  const claims = (await analyzer.claims(analysis, { start: from, end: to })).map((c) => c.claim);
  return currentFigureHints(data.dataset, claims, result.asOf)
    .filter((h) => h.offset >= from && h.offset <= to)
    .map((h) => ({ position: doc.positionAt(h.offset), label: h.label, tooltip: h.tooltip, kind: InlayHintKind.Parameter, paddingLeft: true }));
}
