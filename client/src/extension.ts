// The desktop extension's entry (dist/extension.js): starts the briefcheck language server as a Node
// process over IPC for Markdown documents; activate.ts does the rest.

import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateWith, deactivateClient, type BriefcheckApi } from './activate';
import { SERVER_EXEC_ARGV, serverEnv } from './server-env';

export type { BriefcheckApi } from './activate';

export async function activate(context: vscode.ExtensionContext): Promise<BriefcheckApi> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  // The server keeps V8's code cache and the results it remembers in the extension's own storage.
  const env = serverEnv(process.env, context.globalStorageUri.fsPath);
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env, execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { env, execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6009'] } },
  };
  return activateWith(context, (clientOptions) => new LanguageClient('briefcheck', 'briefcheck', serverOptions, clientOptions));
}

export const deactivate = deactivateClient;
