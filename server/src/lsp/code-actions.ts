// Code actions: rule fixes rebuilt from diagnostic.data (refused for a changed document version),
// "Disable <rule> for this line", "Insert current import share", the control-status table, and
// source.fixAll.briefcheck, which re-checks the current text and applies every fix.

import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { controlTableEdits, disableLineEdit, importShareEdits, mentionAt, minimalEdit, paragraphAt } from '../core/editor';
import { applyFixes } from '../core/fix';
import type { Analysis, Analyzer } from './analysis';
import type { CheckedBrief } from './checker';
import { SOURCE, isDiagnosticData, toTextEdits, versionedEdit } from './convert';
import { ControlTableKind, FixAllKind, ImportShareKind } from '../shared/protocol';

/** Fix-all stops after this many check-and-fix passes, like ESLint's --fix. */
const MAX_FIX_PASSES = 10;

function wanted(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/**
 * `heldVersion`: an older version whose diagnostics the editor was told still hold for the
 * document's current one (lsp/diagnostics.ts), so their fixes still apply.
 */
export async function codeActions(doc: TextDocument, params: CodeActionParams, analyzer: Analyzer, heldVersion?: number): Promise<CodeAction[]> {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wanted(only, CodeActionKind.QuickFix)) {
    for (const d of params.context.diagnostics) actions.push(...quickFixes(doc, d, heldVersion));
  }
  const explicitFixAll = only?.some((o) => FixAllKind === o || FixAllKind.startsWith(`${o}.`)) ?? false;
  const needsAnalysis = explicitFixAll || wanted(only, ImportShareKind) || wanted(only, ControlTableKind);
  if (!needsAnalysis) return actions;
  const analysis = await analyzer.analyze(doc);
  if (!analysis.result || analysis.version !== doc.version) return actions;
  const offset = doc.offsetAt(params.range.start);
  if (wanted(only, ImportShareKind)) {
    const share = await importShareAction(doc, analysis, analyzer, offset);
    if (share) actions.push(share);
  }
  if (wanted(only, ControlTableKind)) {
    const table = controlTableAction(doc, analysis, analysis.result, params.range.start.line);
    if (table) actions.push(table);
  }
  if (explicitFixAll) {
    const fixAll = await fixAllAction(doc, analysis, analyzer);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

function quickFixes(doc: TextDocument, d: Diagnostic, heldVersion: number | undefined): CodeAction[] {
  const data = d.data;
  if (d.source !== SOURCE || !isDiagnosticData(data) || typeof d.code !== 'string') return [];
  // A fix computed for another version of the text would land in the wrong place: offer nothing,
  // unless the server told the editor that version's diagnostics, fixes and all, still hold.
  if (data.version !== doc.version && data.version !== heldVersion) return [];
  const ruleId = d.code;
  const actions: CodeAction[] = [];
  if (data.fix && data.fix.length > 0) {
    actions.push({ title: fixTitle(ruleId, data.fix.map((e) => e.newText)), kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: versionedEdit(doc, data.fix) });
  }
  // Notices (briefcheck/limits, briefcheck/front-matter) are not rules: no directive silences them.
  if (ruleId.startsWith('briefcheck/')) return actions;
  const disable = disableLineEdit(doc.getText(), doc.offsetAt(d.range.start), ruleId);
  actions.push({ title: `Disable ${ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: versionedEdit(doc, toTextEdits(doc, [disable])) });
  return actions;
}

function fixTitle(ruleId: string, texts: string[]): string {
  const first = texts.find((t) => t.trim().length > 0)?.trim();
  if (!first) return `Fix ${ruleId}: remove the text`;
  const shown = first.length > 60 ? `${first.slice(0, 57)}…` : first;
  return `Fix ${ruleId}: use "${shown}"`;
}

async function importShareAction(doc: TextDocument, analysis: Analysis, analyzer: Analyzer, offset: number): Promise<CodeAction | undefined> {
  const mention = mentionAt((await analyzer.claims(analysis, { start: offset, end: offset })).map((c) => c.claim), offset);
  if (!mention || !analysis.data || !analysis.result) return undefined;
  // Whether a figure already stands beside the mention is a question about its paragraph only.
  const nearby = await analyzer.claims(analysis, paragraphAt(analysis.text, mention.range.start));
  const edits = importShareEdits(analysis.text, nearby.map((c) => c.claim), mention, analysis.data.dataset, analysis.result.asOf);
  if (!edits) return undefined;
  const name = analysis.data.dataset.mineral(mention.minerals[0] ?? '')?.name ?? mention.text;
  return { title: `Insert current import share for ${name}`, kind: ImportShareKind, edit: versionedEdit(doc, toTextEdits(doc, edits)) };
}

function controlTableAction(doc: TextDocument, analysis: Analysis, result: CheckedBrief, line: number): CodeAction | undefined {
  const lineText = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  if (lineText.trim().length > 0 || !analysis.data) return undefined;
  const edits = controlTableEdits(analysis.text, doc.offsetAt({ line, character: 0 }), analysis.data.dataset, result.minerals, result.asOf);
  if (!edits) return undefined;
  return { title: `Insert control-status table (as of ${result.asOf})`, kind: ControlTableKind, edit: versionedEdit(doc, toTextEdits(doc, edits)) };
}

/** The text after applying every fix, re-checking between passes until nothing changes. */
export async function fixedText(analysis: Analysis, analyzer: Analyzer): Promise<string> {
  let text = analysis.text;
  let result: { problems: CheckedBrief['problems'] } | undefined = analysis.result;
  for (let pass = 0; pass < MAX_FIX_PASSES && result; pass++) {
    const fixes = result.problems.flatMap((p) => (p.fix ? [p.fix] : []));
    if (fixes.length === 0) break;
    const next = applyFixes(text, fixes).text;
    if (next === text) break;
    text = next;
    result = await analyzer.recheck(analysis, text);
  }
  return text;
}

async function fixAllAction(doc: TextDocument, analysis: Analysis, analyzer: Analyzer): Promise<CodeAction | undefined> {
  const edit = minimalEdit(analysis.text, await fixedText(analysis, analyzer));
  if (!edit) return undefined;
  return { title: 'Fix all briefcheck problems', kind: FixAllKind, edit: versionedEdit(doc, toTextEdits(doc, [edit])) };
}
