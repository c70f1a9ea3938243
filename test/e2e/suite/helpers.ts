// Event-driven waits and small workspace helpers shared by the end-to-end tests. Nothing here
// sleeps for a fixed time: every wait resolves on an editor event or a condition, or fails at a
// deadline with a message that says what it was waiting for.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const deadlineMs = 20_000;

/** The extension as VS Code knows it (its id is publisher.name from package.json). */
export const extensionId = 'briefcheck.briefcheck';

/** Set by `npm run test:e2e -- --break` to prove a wrong expectation fails readably. */
export const breakOne = process.env.BRIEFCHECK_E2E_BREAK === '1';

/** A workspace folder by name (see fixtures/e2e.code-workspace). */
export function folder(name: string): vscode.WorkspaceFolder {
  const found = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  assert.ok(found, `workspace folder "${name}" is not open`);
  return found;
}

export function fileIn(folderName: string, ...path: string[]): vscode.Uri {
  return vscode.Uri.joinPath(folder(folderName).uri, ...path);
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

/** The extension's own diagnostics on a document (VS Code keeps other sources' too). */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'briefcheck');
}

function describeDiagnostics(list: vscode.Diagnostic[]): string {
  if (list.length === 0) return 'none';
  return list.map((d) => `${String(d.code && typeof d.code === 'object' ? d.code.value : d.code)}@${d.range.start.line}:${d.range.start.character} "${d.message}"`).join('; ');
}

/**
 * Resolves with a document's briefcheck diagnostics once `accept` holds for them, checking now and
 * on every diagnostics change; rejects at the deadline naming what it waited for and what it saw.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const current = ours(uri);
      if (!accept(current)) return false;
      cleanup();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${deadlineMs} ms waiting for ${what} on ${vscode.workspace.asRelativePath(uri)}; diagnostics were: ${describeDiagnostics(ours(uri))}`));
    }, deadlineMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

/** The rule id of a diagnostic (its `code`, plain or with a link to the rule's doc). */
export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(code !== null && typeof code === 'object' ? code.value : code);
}

export function withRule(ruleId: string): (list: vscode.Diagnostic[]) => boolean {
  return (list) => list.some((d) => ruleOf(d) === ruleId);
}

/**
 * Retries `probe` until it returns a value (not undefined) or the deadline passes. For questions the
 * editor answers only on request (hovers, code actions), where no event says the answer changed.
 */
export async function poll<T>(probe: () => Thenable<T | undefined> | T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${deadlineMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    }
    // A short pause between requests so the language server is not flooded; the deadline bounds it.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}


/** A claim as the Claims view shows it (client/src/protocol.ts, ClaimItem). */
export interface ClaimItem {
  kind: 'mention' | 'figure' | 'control' | 'count' | 'unread';
  text: string;
  /** For unread sentences: why no claim was read. */
  why?: string;
  verdict: string;
  minerals: string[];
  problems: string[];
}

/** What `briefcheck.showClaims` returns (client/src/protocol.ts, ClaimsResult). */
export interface ClaimsResult {
  uri: string;
  version: number;
  asOf: string;
  claims: ClaimItem[];
  error?: string;
}

/**
 * Makes the brief the active editor and runs "briefcheck: Show Claims", which answers once the
 * server has checked the brief's current version; retried until it answers for this document.
 */
export async function showClaims(uri: vscode.Uri): Promise<ClaimsResult> {
  const editor = await open(uri);
  return poll(async () => {
    const result = await vscode.commands.executeCommand<ClaimsResult | undefined>('briefcheck.showClaims');
    return result && result.uri === uri.toString() && result.version === editor.document.version ? result : undefined;
  }, `the claims of ${vscode.workspace.asRelativePath(uri)}`);
}

/** The position of the first occurrence of `text` in a document (fails when absent). */
export function positionOf(document: vscode.TextDocument, text: string): vscode.Position {
  const offset = document.getText().indexOf(text);
  assert.ok(offset >= 0, `"${text}" is not in ${vscode.workspace.asRelativePath(document.uri)}`);
  return document.positionAt(offset);
}
