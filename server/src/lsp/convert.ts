// The one place that converts between core types (UTF-16 offsets, problems, edits) and protocol
// types (0-based line/character positions, diagnostics, workspace edits), using the document.

import { DiagnosticSeverity, TextDocumentEdit, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Problem, Range as CoreRange, TextEdit as CoreTextEdit } from '../core/types';
import type { IndexedClaim } from './document-checker';
import type { ClaimItem } from '../shared/protocol';
import { describeAlternative } from '../core/claims/metrics';
import { describeReading } from '../core/reading';

export const SOURCE = 'briefcheck';

/**
 * What a diagnostic carries so a quick fix can be rebuilt without server state (its rule is its
 * code). Kept small: a long brief's diagnostics are all sent again after a keystroke that changes
 * any of them.
 */
export interface DiagnosticData {
  /** The document version the diagnostic, and its fix, were computed for. */
  version: number;
  /** The rule's fix as protocol edits on that version, when it has one. */
  fix?: TextEdit[];
}

export function toRange(doc: TextDocument, range: CoreRange): Range {
  return { start: doc.positionAt(range.start), end: doc.positionAt(range.end) };
}

export function toTextEdits(doc: TextDocument, edits: readonly CoreTextEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: toRange(doc, e.range), newText: e.text }));
}

/** A workspace edit pinned to the document's version, so the editor refuses it on a newer text. */
export function versionedEdit(doc: TextDocument, edits: TextEdit[]): WorkspaceEdit {
  return { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, edits)] };
}

const severities: Record<Problem['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toDiagnostic(doc: TextDocument, problem: Problem, docUrl: (ruleId: string) => string | undefined): Diagnostic {
  const data: DiagnosticData = { version: doc.version };
  if (problem.fix) data.fix = toTextEdits(doc, problem.fix.edits);
  const href = docUrl(problem.ruleId);
  return {
    range: toRange(doc, problem.range),
    severity: severities[problem.severity],
    code: problem.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: SOURCE,
    message: problem.message,
    data,
  };
}

const samePosition = (a: Range['start'], b: Range['start']) => a.line === b.line && a.character === b.character;
const sameRange = (a: Range, b: Range) => samePosition(a.start, b.start) && samePosition(a.end, b.end);

function sameEdits(a: readonly TextEdit[] = [], b: readonly TextEdit[] = []): boolean {
  return a.length === b.length && a.every((e, i) => sameRange(e.range, b[i]!.range) && e.newText === b[i]!.newText);
}

/**
 * Whether two diagnostics made by toDiagnostic say the same thing at the same place, with the same
 * fix, whatever versions of the document they were made for: an editor that holds the one may be
 * told it still holds (lsp/diagnostics.ts). Every field toDiagnostic sets is compared but the version.
 */
export function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return (
    sameRange(a.range, b.range) &&
    a.severity === b.severity &&
    a.code === b.code &&
    a.message === b.message &&
    a.source === b.source &&
    a.codeDescription?.href === b.codeDescription?.href &&
    sameEdits((a.data as DiagnosticData | undefined)?.fix, (b.data as DiagnosticData | undefined)?.fix)
  );
}

export function toClaimItems(doc: TextDocument, problems: readonly Problem[], claims: readonly IndexedClaim[]): ClaimItem[] {
  const problemsByClaim = new Map<number, string[]>();
  for (const p of problems) {
    if (p.claim === undefined) continue;
    problemsByClaim.set(p.claim, [...(problemsByClaim.get(p.claim) ?? []), p.ruleId]);
  }
  return claims.map(({ claim: c, index: i }) => {
    const reading = describeReading(c);
    return {
      kind: c.kind,
      text: c.text,
      verdict: c.verdict,
      range: toRange(doc, c.range),
      minerals: c.minerals,
      // An unread sentence has no verdict of its own to explain; `why` says why it was not read.
      ...(c.explanation && c.kind !== 'unread' ? { explanation: c.explanation } : {}),
      ...(reading ? { reading } : {}),
      ...(c.confidence ? { confidence: c.confidence } : {}),
      ...(c.alternatives?.length ? { alternatives: c.alternatives.map(describeAlternative) } : {}),
      ...(c.why ? { why: c.why } : {}),
      ...(c.record ? { record: { kind: c.record.kind, id: c.record.id } } : {}),
      problems: problemsByClaim.get(i) ?? [],
    };
  });
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<DiagnosticData>;
  return typeof v.version === 'number' && (v.fix === undefined || Array.isArray(v.fix));
}
