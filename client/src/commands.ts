// The extension's commands. Each asks the server for data or edits and applies them; none of them
// analyses text. Commands return what they show, so tests and other extensions can use them.

import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { WorkspaceEdit } from 'vscode-languageclient';
import { ClaimsViewId, Commands } from './ids';
import { ControlTableRequestMethod, DatasetInfoRequestMethod, SetAsOfRequestMethod, type ClaimsResult, type DatasetInfo } from '../../server/src/shared/protocol';

function markdownEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === 'markdown') return editor;
  void vscode.window.showWarningMessage('briefcheck: open a Markdown brief first.');
  return undefined;
}

async function applyServerEdit(client: LanguageClient, edit: WorkspaceEdit | null): Promise<boolean> {
  if (!edit) return false;
  const converted = await client.protocol2CodeConverter.asWorkspaceEdit(edit);
  return vscode.workspace.applyEdit(converted);
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, refresh: () => Promise<ClaimsResult | undefined>): void {
  const register = (id: string, run: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));

  register(Commands.insertControlTable, async () => {
    const editor = markdownEditor();
    if (!editor) return false;
    const params = { uri: editor.document.uri.toString(), position: client.code2ProtocolConverter.asPosition(editor.selection.active) };
    const edit = await client.sendRequest<WorkspaceEdit | null>(ControlTableRequestMethod, params);
    if (!edit) void vscode.window.showInformationMessage('briefcheck: this brief mentions no mineral the dataset knows.');
    return applyServerEdit(client, edit);
  });

  register(Commands.showClaims, async () => {
    await vscode.commands.executeCommand(`${ClaimsViewId}.focus`);
    return refresh();
  });

  register(Commands.setAsOf, async (date?: unknown) => {
    const editor = markdownEditor();
    if (!editor) return false;
    const chosen =
      typeof date === 'string'
        ? date
        : await vscode.window.showInputBox({
            title: 'As-of date of this brief',
            prompt: 'The date the brief speaks as of; it is written to the front matter as as_of.',
            placeHolder: 'YYYY-MM-DD',
            validateInput: (value) => (isoDate.test(value) ? undefined : 'Write the date as YYYY-MM-DD.'),
          });
    if (!chosen) return false;
    const edit = await client.sendRequest<WorkspaceEdit>(SetAsOfRequestMethod, { uri: editor.document.uri.toString(), date: chosen });
    return applyServerEdit(client, edit);
  });

  register(Commands.showDatasetInfo, async () => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const info = await client.sendRequest<DatasetInfo | null>(DatasetInfoRequestMethod, uri ? { uri } : {});
    if (!info) return undefined;
    const overlays = info.overlays.length > 0 ? ` Overlays: ${info.overlays.join(', ')}.` : '';
    const errors = info.errors.length > 0 ? ` Overlay errors: ${info.errors.join('; ')}.` : '';
    void vscode.window.showInformationMessage(
      `briefcheck dataset ${info.version}, checked for changes through ${info.horizon}${info.latestSource ? `, newest source ${info.latestSource}` : ''}: ${info.counts.minerals} minerals, ${info.counts.measures} measures, ${info.counts.observations} observations, ${info.counts.sources} sources.${overlays}${errors}`,
    );
    return info;
  });

  register(Commands.restartServer, async () => {
    // BaseLanguageClient has no restart(): stop and start is what LanguageClient.restart does.
    if (client.isRunning()) await client.stop();
    await client.start();
    await refresh();
    return true;
  });
}
