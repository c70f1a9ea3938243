// An in-process editor for protocol tests: a real server connection and a real client connection
// joined by two in-memory streams, speaking JSON-RPC. The client side answers what the server asks
// of an editor (settings, registrations, refreshes) and records what it is told.

import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import {
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type CodeAction,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Hover,
  type InlayHint,
  type ProtocolConnection,
  type Range,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer } from '../../server/src/lsp/server';

export interface Harness {
  client: ProtocolConnection;
  initializeResult: unknown;
  /** Settings the client returns for the `briefcheck` section, by scope URI ('' for any). */
  settings: Map<string, unknown>;
  logs: Array<{ type: number; message: string }>;
  shown: string[];
  registrations: Array<{ method: string; registerOptions?: unknown }>;
  /** How many times the server asked the client to pull diagnostics again. */
  refreshes: () => number;
  waitForRefresh(after: number): Promise<void>;
  open(path: string, text: string): Promise<Doc>;
  openUntitled(name: string, text: string): Promise<Doc>;
  change(doc: Doc, text: string): Promise<void>;
  diagnostics(doc: Doc): Promise<Diagnostic[]>;
  hover(doc: Doc, offset: number): Promise<Hover | null>;
  codeActions(doc: Doc, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]>;
  inlayHints(doc: Doc): Promise<InlayHint[]>;
  dispose(): void;
}

export interface Doc {
  uri: string;
  version: number;
  text: string;
  /** The client's copy, for offsets ↔ positions and applying edits. */
  document: TextDocument;
}

export async function startHarness(folders: string[], init: Record<string, unknown> = {}): Promise<Harness> {
  const up = new PassThrough();
  const down = new PassThrough();
  const server = createConnection(ProposedFeatures.all, new StreamMessageReader(up), new StreamMessageWriter(down));
  startServer(server, { debounceMs: 0 });
  const client = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const settings = new Map<string, unknown>();
  const logs: Harness['logs'] = [];
  const shown: string[] = [];
  const registrations: Harness['registrations'] = [];
  let refreshCount = 0;
  const refreshWaiters: Array<() => void> = [];

  client.onRequest('workspace/configuration', (params: { items: Array<{ scopeUri?: string }> }) =>
    params.items.map((item) => settings.get(item.scopeUri ?? '') ?? settings.get('') ?? null),
  );
  client.onRequest('client/registerCapability', (params: { registrations: Harness['registrations'] }) => {
    registrations.push(...params.registrations);
    return null;
  });
  client.onRequest('client/unregisterCapability', () => null);
  client.onRequest('workspace/diagnostic/refresh', () => {
    refreshCount++;
    for (const w of refreshWaiters.splice(0)) w();
    return null;
  });
  client.onRequest('workspace/inlayHint/refresh', () => null);
  client.onRequest('window/showMessageRequest', (params: { message: string }) => {
    shown.push(params.message);
    return null;
  });
  client.onNotification('window/logMessage', (...args: unknown[]) => {
    logs.push(args[0] as { type: number; message: string });
  });
  client.onNotification('window/showMessage', (...args: unknown[]) => {
    shown.push((args[0] as { message: string }).message);
  });
  client.listen();

  const workspaceFolders = folders.map((f, i) => ({ uri: pathToFileURL(f).href, name: `folder-${i}` }));
  const initializeResult = await client.sendRequest('initialize', {
    processId: null,
    rootUri: workspaceFolders[0]?.uri ?? null,
    workspaceFolders,
    initializationOptions: { debounceMs: 0, ...init },
    capabilities: {
      textDocument: {
        synchronization: { dynamicRegistration: false },
        diagnostic: { dynamicRegistration: false },
        hover: { contentFormat: ['markdown'] },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } }, dataSupport: true },
        inlayHint: { dynamicRegistration: false },
      },
      workspace: {
        configuration: true,
        workspaceFolders: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        diagnostics: { refreshSupport: true },
        workspaceEdit: { documentChanges: true },
      },
    },
  });
  await client.sendNotification('initialized', {});

  async function openUri(uri: string, text: string): Promise<Doc> {
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return { uri, version: 1, text, document: TextDocument.create(uri, 'markdown', 1, text) };
  }

  return {
    client,
    initializeResult,
    settings,
    logs,
    shown,
    registrations,
    refreshes: () => refreshCount,
    waitForRefresh(after) {
      if (refreshCount > after) return Promise.resolve();
      return new Promise((resolve) => refreshWaiters.push(resolve));
    },
    open: (path, text) => openUri(pathToFileURL(path).href, text),
    openUntitled: (name, text) => openUri(`untitled:${name}`, text),
    async change(doc, text) {
      doc.version++;
      doc.text = text;
      doc.document = TextDocument.create(doc.uri, 'markdown', doc.version, text);
      await client.sendNotification('textDocument/didChange', { textDocument: { uri: doc.uri, version: doc.version }, contentChanges: [{ text }] });
    },
    async diagnostics(doc) {
      for (;;) {
        try {
          const report = await client.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: doc.uri } });
          if (report.kind === 'full') return report.items;
        } catch (error) {
          // ServerCancelled asks the editor to pull again, as VS Code does.
          if ((error as { code?: number }).code !== -32802) throw error;
        }
      }
    },
    hover: (doc, offset) => client.sendRequest('textDocument/hover', { textDocument: { uri: doc.uri }, position: doc.document.positionAt(offset) }),
    codeActions: (doc, range, diagnostics, only) =>
      client.sendRequest('textDocument/codeAction', { textDocument: { uri: doc.uri }, range, context: { diagnostics, ...(only ? { only } : {}) } }),
    inlayHints: (doc) =>
      client.sendRequest('textDocument/inlayHint', { textDocument: { uri: doc.uri }, range: { start: { line: 0, character: 0 }, end: doc.document.positionAt(doc.text.length) } }),
    dispose() {
      client.dispose();
      server.dispose();
      up.destroy();
      down.destroy();
    },
  };
}

/** Applies a workspace edit's changes for the document, refusing one made for another version. */
export function applyWorkspaceEdit(doc: Doc, edit: WorkspaceEdit | null | undefined): string {
  if (!edit) throw new Error('no edit');
  const edits: TextEdit[] = [];
  for (const change of (edit.documentChanges ?? []) as TextDocumentEdit[]) {
    if (change.textDocument.uri !== doc.uri) continue;
    if (change.textDocument.version !== null && change.textDocument.version !== doc.version) {
      throw new Error(`edit for version ${change.textDocument.version}, document is at ${doc.version}`);
    }
    edits.push(...(change.edits as TextEdit[]));
  }
  for (const e of edit.changes?.[doc.uri] ?? []) edits.push(e);
  return TextDocument.applyEdits(doc.document, edits);
}
