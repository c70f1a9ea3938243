// Pull diagnostics (textDocument/diagnostic) behind an adaptive wait. A brief whose last check was
// cheap is checked at once: the client cancels a pull that a newer edit overtakes, so fast typing
// costs nothing. A brief whose check is expensive is checked at once after an edit that follows a
// pause (longer than that check), and waits for a share of its cost (capped) while edits come
// faster than it can be checked, so a burst of keystrokes does not queue checks that cannot be
// interrupted once begun.
// Result ids carry the version and generation, so an unchanged document answers "unchanged"; so
// does an edited one whose diagnostics are the very ones the editor holds (a keystroke in a line
// with none), and the editor keeps them, with the version their fixes were computed for, which
// heldVersion then vouches for (lsp/code-actions.ts).
// A brief just opened may be answered early (lsp/analysis.ts), when that is ready before its whole
// check: with the result an earlier start remembered for the same text and inputs, or a long
// brief's top. `whole` is then called once the whole check is done, to have the editor pull again,
// and the next pull answers with the whole brief's problems; after a remembered result, only when
// the check found other problems.

import { DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError, type CancellationToken, type Diagnostic, type DocumentDiagnosticReport } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from './analysis';
import { sameDiagnostic, toDiagnostic } from './convert';
import { ruleDocUrl } from './rule-docs';

/** A fixed quiet time in ms after an edit, or 'adaptive' (the default; see adaptiveWaitMs). */
export type Debounce = number | 'adaptive';

/** Checks cheaper than this are run without waiting. */
export const INSTANT_CHECK_MS = 20;
/** The longest adaptive wait. */
export const MAX_WAIT_MS = 150;

/**
 * The quiet time after an edit, from the cost of the document's last check and the time between
 * the last two edits: none below INSTANT_CHECK_MS or after a pause longer than the check (or with
 * either unknown), otherwise half the cost, at most MAX_WAIT_MS.
 */
export function adaptiveWaitMs(lastCheckMs: number | undefined, editGapMs: number = 0): number {
  if (lastCheckMs === undefined || !(lastCheckMs >= INSTANT_CHECK_MS)) return 0;
  if (editGapMs > lastCheckMs) return 0;
  return Math.min(MAX_WAIT_MS, Math.round(lastCheckMs / 2));
}

export class DiagnosticsProvider {
  private readonly lastChange = new Map<string, number>();
  /** Time between the last two edits of a document (unknown after its first). */
  private readonly lastGap = new Map<string, number>();
  private readonly lastCost = new Map<string, number>();
  /**
   * Per document, the last report: its result id and items, the document version it was made or
   * last confirmed for, and the version the items were made for (their data's).
   */
  private readonly reported = new Map<string, { resultId: string; items: Diagnostic[]; version: number; made: number }>();

  constructor(
    private readonly analyzer: Analyzer,
    private readonly debounce: Debounce,
    private readonly whole: () => void = () => {},
  ) {}

  changed(uri: string): void {
    const now = Date.now();
    const before = this.lastChange.get(uri);
    if (before === undefined) this.lastGap.delete(uri);
    else this.lastGap.set(uri, now - before);
    this.lastChange.set(uri, now);
  }

  closed(uri: string): void {
    this.lastChange.delete(uri);
    this.lastGap.delete(uri);
    this.lastCost.delete(uri);
    this.reported.delete(uri);
  }

  /**
   * The version whose diagnostics (and fixes) the editor holds for `version` of the document, when
   * a report told it they still hold: the version they were made for, which may be older.
   */
  heldVersion(uri: string, version: number): number | undefined {
    const last = this.reported.get(uri);
    return last?.version === version ? last.made : undefined;
  }

  /** The wait a pull of this document makes after its last edit. */
  waitMs(uri: string): number {
    return this.debounce === 'adaptive' ? adaptiveWaitMs(this.lastCost.get(uri), this.lastGap.get(uri) ?? 0) : this.debounce;
  }

  async pull(getDoc: () => TextDocument | undefined, previousResultId: string | undefined, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    await this.settle(getDoc, token);
    const doc = getDoc();
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const resultId = `${this.analyzer.generation}:${doc.version}`;
    if (previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    const whole = this.analyzer.analyze(doc);
    const early = previousResultId === earlyResultId(resultId) ? undefined : this.analyzer.early(doc);
    const analysis = early ? await Promise.race([whole, early.then((e) => e ?? whole)]) : await whole;
    if (analysis.checkMs !== undefined) this.lastCost.set(doc.uri, analysis.checkMs);
    if (token.isCancellationRequested) throw cancelled();
    const items = analysis.result ? analysis.result.problems.map((p) => toDiagnostic(doc, p, ruleDocUrl)) : [];
    if (!analysis.partial && !analysis.remembered) return this.wholeReport(doc.uri, doc.version, resultId, previousResultId, items);
    // After a top, always; after a remembered result, when the check found other problems.
    const pullAgain = analysis.remembered ? analysis.remembered.agrees.then((same) => !same) : whole.then(() => true, () => false);
    void pullAgain.then((again) => again && this.whole());
    // What the editor holds now: a whole report that says the same is "unchanged" to it.
    this.reported.set(doc.uri, { resultId: earlyResultId(resultId), items, version: doc.version, made: doc.version });
    return { kind: DocumentDiagnosticReportKind.Full, resultId: earlyResultId(resultId), items };
  }

  /** The whole brief's report: "unchanged" when the editor holds these very diagnostics already. */
  private wholeReport(uri: string, version: number, resultId: string, previousResultId: string | undefined, items: Diagnostic[]): DocumentDiagnosticReport {
    const last = this.reported.get(uri);
    if (last && last.resultId === previousResultId && sameItems(last.items, items)) {
      this.reported.set(uri, { ...last, resultId, version });
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    }
    this.reported.set(uri, { resultId, items, version, made: version });
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
  }

  /** Waits until the document has not changed for the wait its last check's cost calls for. */
  private async settle(getDoc: () => TextDocument | undefined, token: CancellationToken): Promise<void> {
    for (;;) {
      const doc = getDoc();
      if (!doc) return;
      const wait = this.waitMs(doc.uri);
      const since = Date.now() - (this.lastChange.get(doc.uri) ?? 0);
      if (since >= wait) return;
      await new Promise((resolve) => setTimeout(resolve, wait - since));
      if (token.isCancellationRequested) throw cancelled();
    }
  }
}

const sameItems = (a: readonly Diagnostic[], b: readonly Diagnostic[]) => a.length === b.length && a.every((d, i) => sameDiagnostic(d, b[i]!));

const EARLY = ':early';
const earlyResultId = (resultId: string) => `${resultId}${EARLY}`;

/** True for a report made before the whole check (a remembered result, a long brief's top). */
export function reportsEarly(report: DocumentDiagnosticReport): boolean {
  return report.kind === DocumentDiagnosticReportKind.Full && report.resultId?.endsWith(EARLY) === true;
}

function cancelled(): ResponseError<{ retriggerRequest: boolean }> {
  return new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed; diagnostics will be pulled again.', { retriggerRequest: true });
}
