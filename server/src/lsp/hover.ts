// Hover cards: a mineral's status and figures on the brief's date, or a claim's verdict and the
// record it was checked against. The card's facts and Markdown come from core/editor.

import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { figureCard, mineralCard, renderFigureCard, renderMineralCard, targetAt } from '../core/editor';
import type { Analysis, Analyzer } from './analysis';
import { toRange } from './convert';

export async function hoverAt(doc: TextDocument, analysis: Analysis, analyzer: Analyzer, offset: number): Promise<Hover | null> {
  const { result, data } = analysis;
  if (!result || !data) return null;
  // Only claims under the cursor can be its target: they are all the checker is asked for.
  const claims = (await analyzer.claims(analysis, { start: offset, end: offset })).map((c) => c.claim);
  const target = targetAt(claims, offset);
  if (!target) return null;
  if (target.kind === 'mineral') {
    const card = mineralCard(data.dataset, target.mineral, result.asOf, analysis.today);
    if (!card) return null;
    return { contents: { kind: MarkupKind.Markdown, value: renderMineralCard(card) }, range: toRange(doc, target.range) };
  }
  const claim = claims[target.claim];
  if (!claim) return null;
  return { contents: { kind: MarkupKind.Markdown, value: renderFigureCard(figureCard(data.dataset, claim)) }, range: toRange(doc, target.range) };
}
