// startServer wires a connection (real or in-memory) to the analyzer and the feature modules.
// Only main.ts creates a connection, so tests hand this function one end of an in-memory pair.

import {
  CodeActionKind,
  CodeActionRequest,
  DocumentDiagnosticRequest,
  HoverRequest,
  InlayHintRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type Disposable,
  type InitializeResult,
  type TextDocumentIdentifier,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer, uriToPath, type Analysis } from './analysis';
import type { ResultMemory } from '../node/result-memory';
import { codeActions } from './code-actions';
import { DiagnosticsProvider, reportsEarly, type Debounce } from './diagnostics';
import { hoverAt } from './hover';
import { inlayHints } from './inlay-hints';
import {
  ClaimsRequestMethod,
  ControlTableKind,
  ControlTableRequestMethod,
  DatasetInfoRequestMethod,
  DidAnalyzeNotificationMethod,
  FixAllKind,
  ImportShareKind,
  SetAsOfRequestMethod,
  type DidAnalyzeParams,
} from '../shared/protocol';
import { claimsResult, controlTableEdit, datasetInfo, invalidParams, requireUri, setAsOfWorkspaceEdit, validateControlTableParams, validateSetAsOfParams } from './requests';

export interface ServerOptions {
  /** Quiet time after an edit before diagnostics are computed: ms, or 'adaptive' (the default). */
  debounceMs?: Debounce;
  /** Today's date, `YYYY-MM-DD` (default: the local date). */
  today?: () => string;
  /** Where results are remembered between starts (node/result-memory.ts); none by default. */
  memory?: ResultMemory;
}

const CONFIG_GLOB = '**/.briefcheck.json';

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  let capabilities: ClientCapabilities = {};
  let folders: string[] = [];
  let debounceMs: Debounce = options.debounceMs ?? 'adaptive';
  let today = options.today ?? localToday;
  const warned = new Set<string>();
  let watchers: Disposable | undefined;
  let watchedOverlays = '';

  const analyzer = new Analyzer({
    async settingsFor(uri) {
      if (!capabilities.workspace?.configuration) return undefined;
      return connection.workspace.getConfiguration({ scopeUri: uri, section: 'briefcheck' });
    },
    folderOf(uri) {
      const path = uriToPath(uri);
      if (!path) return folders[0];
      return folders.filter((f) => path === f || path.startsWith(f.endsWith('/') ? f : `${f}/`)).sort((a, b) => b.length - a.length)[0];
    },
    today: () => today(),
    logError: (message) => connection.console.error(message),
    warnOnce(message) {
      if (warned.has(message)) return;
      warned.add(message);
      connection.console.warn(message);
      void connection.window.showWarningMessage(message);
    },
    topFirst: () => capabilities.workspace?.diagnostics?.refreshSupport === true,
  }, undefined, options.memory);
  // After an early report (a long brief's top, a remembered result the check disagrees with), the
  // editor is asked to pull the whole brief's diagnostics.
  const pullWhole = () => void connection.languages.diagnostics.refresh();
  let diagnostics = new DiagnosticsProvider(analyzer, debounceMs, pullWhole);

  /** Unexpected exceptions are logged and answered with an error; the server goes on. */
  function guard<A extends unknown[], R>(name: string, handler: (...args: A) => Promise<R> | R): (...args: A) => Promise<R> {
    return async (...args: A) => {
      try {
        return await handler(...args);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        connection.console.error(`briefcheck: ${name} failed: ${message}`);
        throw new ResponseError(ErrorCodes.InternalError, `briefcheck: ${name} failed`);
      }
    };
  }

  function docFor(params: unknown): TextDocument {
    const id = (params as { textDocument?: Partial<TextDocumentIdentifier> } | null)?.textDocument;
    const uri = typeof id?.uri === 'string' ? id.uri : requireUri(params);
    const doc = documents.get(uri);
    if (!doc) throw invalidParams(`Unknown document ${uri}: open it first.`);
    return doc;
  }

  function position(params: unknown): { line: number; character: number } {
    const p = (params as { position?: { line?: unknown; character?: unknown } } | null)?.position;
    if (!p || typeof p.line !== 'number' || typeof p.character !== 'number') throw invalidParams('Expected a position { line, character }.');
    return { line: p.line, character: p.character };
  }

  async function analyze(doc: TextDocument): Promise<Analysis> {
    const analysis = await analyzer.analyze(doc);
    void watchOverlays();
    return analysis;
  }

  async function watchOverlays(): Promise<void> {
    if (!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) return;
    const overlays = analyzer.overlayPaths();
    const key = overlays.join('\n');
    if (watchers && key === watchedOverlays) return;
    watchedOverlays = key;
    const previous = watchers;
    watchers = await connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: CONFIG_GLOB }, ...overlays.map((p) => ({ globPattern: p }))],
    });
    previous?.dispose();
  }

  function refresh(): void {
    if (capabilities.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh();
    if (capabilities.workspace?.inlayHint?.refreshSupport) void connection.languages.inlayHint.refresh();
  }

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
    const init = (params.initializationOptions ?? {}) as { debounceMs?: unknown; today?: unknown };
    if ((typeof init.debounceMs === 'number' && init.debounceMs >= 0) || init.debounceMs === 'adaptive') {
      debounceMs = init.debounceMs as Debounce;
      diagnostics = new DiagnosticsProvider(analyzer, debounceMs, pullWhole);
    }
    if (typeof init.today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(init.today)) {
      const fixed = init.today;
      today = () => fixed;
    }
    // Read the bundled dataset while the editor finishes the handshake and opens its first
    // document: the first check then waits for less. Failures surface at that check.
    void analyzer.datasetFor([]);
    return {
      capabilities: {
        // Saves are heard of to remember a brief's result as it is on disk, for later starts.
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FixAllKind, ImportShareKind, ControlTableKind] },
        diagnosticProvider: { identifier: 'briefcheck', interFileDependencies: false, workspaceDiagnostics: false },
        inlayHintProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'briefcheck' },
    };
  });

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'briefcheck' });
    }
    void watchOverlays();
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f: WorkspaceFolder) => uriToPath(f.uri)));
        folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined)];
        analyzer.settingsChanged();
        refresh();
      });
    }
  });

  connection.onDidChangeConfiguration(() => {
    analyzer.settingsChanged();
    refresh();
  });

  connection.onDidChangeWatchedFiles((params) => {
    let changed = false;
    for (const change of params.changes) {
      const path = uriToPath(change.uri);
      if (!path) continue;
      if (path.endsWith('.briefcheck.json')) {
        analyzer.configFileChanged();
        changed = true;
      } else if (analyzer.overlayChanged(path)) {
        changed = true;
      }
    }
    if (changed) refresh();
  });

  documents.onDidChangeContent((e) => diagnostics.changed(e.document.uri));
  documents.onDidSave((e) => analyzer.remember(e.document.uri));
  // Results being remembered are written before the server stops.
  connection.onShutdown(() => options.memory?.flush());
  documents.onDidClose((e) => {
    analyzer.forget(e.document.uri);
    diagnostics.closed(e.document.uri);
  });

  // Registered with onRequest rather than the library's helpers (onHover, …): those read
  // params.workDoneToken before any handler runs, so params that are not an object became -32603.
  connection.onRequest(
    DocumentDiagnosticRequest.type,
    guard('diagnostics', async (params, token) => {
      const uri = docFor(params).uri;
      const report = await diagnostics.pull(() => documents.get(uri), params.previousResultId, token);
      const doc = documents.get(uri);
      // Editors that show the brief's date and dataset hear of them with the whole brief's diagnostics
      // (after an early report, once the whole check is done).
      if (doc && reportsEarly(report)) void analyze(doc).then(notifyAnalyzed, () => {});
      else if (doc) notifyAnalyzed(await analyze(doc));
      return report;
    }),
  );

  function notifyAnalyzed(analysis: Analysis): void {
    const note: DidAnalyzeParams = {
      uri: analysis.uri,
      version: analysis.version,
      asOf: analysis.result?.asOf ?? analysis.config.asOf ?? analysis.today,
      datasetVersion: analysis.data?.dataset.meta.version ?? '',
    };
    void connection.sendNotification(DidAnalyzeNotificationMethod, note);
  }

  connection.onRequest(
    HoverRequest.type,
    guard('hover', async (params) => {
      const doc = docFor(params);
      const at = doc.offsetAt(position(params));
      return hoverAt(doc, await analyze(doc), analyzer, at);
    }),
  );

  connection.onRequest(
    CodeActionRequest.type,
    guard('code actions', async (params) => {
      const doc = docFor(params);
      if (!params.range || !params.context || !Array.isArray(params.context.diagnostics)) throw invalidParams('Expected { textDocument, range, context }.');
      return codeActions(doc, params, analyzer, diagnostics.heldVersion(doc.uri, doc.version));
    }),
  );

  connection.onRequest(
    InlayHintRequest.type,
    guard('inlay hints', async (params) => {
      const doc = docFor(params);
      if (!params.range) throw invalidParams('Expected { textDocument, range }.');
      return inlayHints(doc, await analyze(doc), analyzer, params.range);
    }),
  );

  connection.onRequest(
    ClaimsRequestMethod,
    guard('claims', async (params: unknown) => {
      const doc = docFor(params);
      return claimsResult(doc, await analyze(doc), analyzer);
    }),
  );

  connection.onRequest(
    DatasetInfoRequestMethod,
    guard('dataset info', async (params: unknown) => {
      const uri = (params as { uri?: unknown } | null)?.uri;
      const doc = typeof uri === 'string' ? documents.get(uri) : undefined;
      const data = doc ? (await analyze(doc)).data : await analyzer.datasetFor([]);
      return data ? datasetInfo(data) : null;
    }),
  );

  connection.onRequest(
    ControlTableRequestMethod,
    guard('control table', async (params: unknown) => {
      const valid = validateControlTableParams(params);
      const doc = docFor(valid);
      return controlTableEdit(doc, await analyze(doc), valid);
    }),
  );

  connection.onRequest(
    SetAsOfRequestMethod,
    guard('set as-of date', (params: unknown) => {
      const valid = validateSetAsOfParams(params);
      return setAsOfWorkspaceEdit(docFor(valid), valid.date);
    }),
  );

  documents.listen(connection);
  connection.listen();
}
