// What the extension does once it has a language client, shared by the desktop entry (extension.ts,
// the server as a Node process) and the web entry (web-extension.ts, the server in a web worker):
// the commands, the Claims view and the status bar item. It analyses nothing itself.

import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { ClaimsView } from './claims-view';
import { registerCommands } from './commands';
import { ClaimsViewId, Commands, OutputChannelName } from './ids';
import { ClaimsRequestMethod, DidAnalyzeNotificationMethod, type ClaimsResult, type DidAnalyzeParams } from '../../server/src/shared/protocol';
import { statusText } from './claim-labels';

let client: BaseLanguageClient | undefined;

/** What activate() returns: the language client, and the Claims view's tree provider for tests. */
export interface BriefcheckApi {
  client: BaseLanguageClient;
  claimsView: vscode.TreeDataProvider<unknown>;
}

/** Starts the client `makeClient` builds with the extension's client options, then wires the UI to it. */
export async function activateWith(context: vscode.ExtensionContext, makeClient: (options: LanguageClientOptions) => BaseLanguageClient): Promise<BriefcheckApi> {
  const output = vscode.window.createOutputChannel(OutputChannelName, { log: true });
  const clientOptions: LanguageClientOptions = {
    // Every scheme, so untitled and unsaved briefs are checked too.
    documentSelector: [{ language: 'markdown' }],
    outputChannel: output,
    diagnosticPullOptions: { onChange: true, onSave: true },
  };
  const languageClient = makeClient(clientOptions);
  client = languageClient;

  const view = new ClaimsView();
  const tree = vscode.window.createTreeView(ClaimsViewId, { treeDataProvider: view, showCollapseAll: true });
  const status = vscode.window.createStatusBarItem('briefcheck.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'briefcheck';
  status.command = Commands.showDatasetInfo;
  context.subscriptions.push(output, tree, status);

  async function refresh(): Promise<ClaimsResult | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') {
      view.show(undefined, 'Open a Markdown brief to see its claims.');
      tree.description = undefined;
      status.hide();
      return undefined;
    }
    if (!languageClient.isRunning()) return undefined;
    try {
      const result = await languageClient.sendRequest<ClaimsResult>(ClaimsRequestMethod, { uri: editor.document.uri.toString() });
      if (vscode.window.activeTextEditor?.document.uri.toString() !== result.uri) return result;
      view.show(result);
      tree.description = view.description();
      status.text = statusText(result);
      status.tooltip = `Dataset ${result.datasetVersion || '(not loaded)'}; the brief is checked as of ${result.asOf} (from ${result.asOfSource}). Click for dataset information.`;
      status.show();
      return result;
    } catch (error) {
      output.error(`Could not list claims: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  registerCommands(context, languageClient, refresh);
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(() => void refresh()),
    vscode.commands.registerCommand(Commands.revealClaim, revealClaim),
  );

  await languageClient.start();
  context.subscriptions.push(
    languageClient.onNotification(DidAnalyzeNotificationMethod, (params: DidAnalyzeParams) => {
      if (vscode.window.activeTextEditor?.document.uri.toString() === params.uri) void refresh();
    }),
  );
  void refresh();
  return { client: languageClient, claimsView: view };
}

async function revealClaim(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const editor = await vscode.window.showTextDocument(doc);
  const r = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  editor.selection = new vscode.Selection(r.start, r.end);
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export async function deactivateClient(): Promise<void> {
  await client?.stop();
  client = undefined;
}
