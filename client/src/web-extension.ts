// The web extension's entry (dist/web/extension.js, the manifest's `browser`): on vscode.dev and
// github.dev the language server runs in a web worker (dist/web/server.js) with the bundled
// dataset; activate.ts does the rest. No .briefcheck.json or overlay is read there (no file
// system): the briefcheck settings configure the checks.

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith, deactivateClient, type BriefcheckApi } from './activate';

// The web extension host's Worker (the project compiles without the DOM library).
declare const Worker: new (url: string) => Extract<ConstructorParameters<typeof LanguageClient>[2], { postMessage: unknown }>;

export async function activate(context: vscode.ExtensionContext): Promise<BriefcheckApi> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js');
  return activateWith(context, (clientOptions) => new LanguageClient('briefcheck', 'briefcheck', new Worker(serverMain.toString(true)), clientOptions));
}

export const deactivate = deactivateClient;
