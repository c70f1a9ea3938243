// A brief VS Code has open when the language server starts again (as when a window is reopened)
// is answered first with the result the last server remembered for it (server/src/node/
// result-memory.ts, in the extension's storage), before the new server's first check is done, and
// the check then agrees: the diagnostics are the same.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { briefs } from './expectations';
import { extensionId, fileIn, open, ours, waitForDiagnostics, withRule } from './helpers';

interface BriefcheckApi {
  client: { sendRequest<R>(method: string, params: unknown): Promise<R>; start(): Promise<void>; stop(): Promise<void> };
}

interface Report {
  kind: string;
  resultId?: string;
  items: vscode.Diagnostic[];
}

const shown = (list: readonly { range: { start: { line: number; character: number } }; message: string }[]) =>
  list.map((d) => `${d.range.start.line}:${d.range.start.character}:${d.message}`).sort();

describe('a brief open when the server starts again', () => {
  it('is answered first with the result the last server remembered', async () => {
    const uri = fileIn('main', 'briefs', briefs.stale.file);
    await open(uri);
    // The result is remembered once the brief's first check is done; a server shutting down first
    // finishes writing it.
    const before = await waitForDiagnostics(uri, withRule(briefs.stale.rule), `a ${briefs.stale.rule} diagnostic`);
    const extension = vscode.extensions.getExtension<BriefcheckApi>(extensionId);
    assert.ok(extension?.isActive, 'the extension is active');
    // The server stopped and started again, as the restart command does, and pulled at once, as
    // VS Code does for the open briefs: the new server's first check has not finished.
    const { client } = extension.exports;
    await client.stop();
    await client.start();
    const report = await client.sendRequest<Report>('textDocument/diagnostic', { textDocument: { uri: uri.toString() } });
    assert.equal(report.kind, 'full');
    assert.match(report.resultId ?? '', /:early$/, 'the first report is the remembered result');
    assert.deepEqual(shown(report.items), shown(before));
    // And what VS Code shows once the check is done (a hover is answered from it) is the same.
    await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(0, 0));
    assert.deepEqual(shown(ours(uri)), shown(before));
  });
});
