// Pull diagnostics (textDocument/diagnostic), debounced: a request waits until the document has
// been still for the debounce interval, so typing does not check every keystroke. Result ids carry
// the version and generation, so an unchanged document answers "unchanged".

import { DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError, type CancellationToken, type DocumentDiagnosticReport } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from './analysis';
import { toDiagnostic } from './convert';
import { ruleDocUrl } from './rule-docs';

export class DiagnosticsProvider {
  private readonly lastChange = new Map<string, number>();

  constructor(
    private readonly analyzer: Analyzer,
    private readonly debounceMs: number,
  ) {}

  changed(uri: string): void {
    this.lastChange.set(uri, Date.now());
  }

  closed(uri: string): void {
    this.lastChange.delete(uri);
  }

  async pull(getDoc: () => TextDocument | undefined, previousResultId: string | undefined, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    await this.settle(getDoc, token);
    const doc = getDoc();
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const resultId = `${this.analyzer.generation}:${doc.version}`;
    if (previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    const analysis = await this.analyzer.analyze(doc);
    if (token.isCancellationRequested) throw cancelled();
    const items = analysis.result ? analysis.result.problems.map((p) => toDiagnostic(doc, p, ruleDocUrl)) : [];
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
  }

  /** Waits until the document has not changed for the debounce interval. */
  private async settle(getDoc: () => TextDocument | undefined, token: CancellationToken): Promise<void> {
    for (;;) {
      const doc = getDoc();
      if (!doc) return;
      const since = Date.now() - (this.lastChange.get(doc.uri) ?? 0);
      if (since >= this.debounceMs) return;
      await new Promise((resolve) => setTimeout(resolve, this.debounceMs - since));
      if (token.isCancellationRequested) throw cancelled();
    }
  }
}

function cancelled(): ResponseError<{ retriggerRequest: boolean }> {
  return new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed; diagnostics will be pulled again.', { retriggerRequest: true });
}
