// A long brief opened in VS Code shows the problems of its top first, then the whole brief's: the
// server asks VS Code to pull diagnostics again once the whole brief is checked, and VS Code does.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ours, waitForDiagnostics } from './helpers';

describe('a long brief', () => {
  it("shows its top's problems first, then the whole brief's", async () => {
    // 1,500 stale figures in 170,000 characters, well past the 100,000 that a top is checked first for.
    const paragraph = 'China supplied 74% of US imports of rare earths (2018–21).\n\nWashington has few alternatives in the near term.\n\n';
    const text = `---\ntitle: A long brief\nas_of: 2026-06-01\n---\n\n# A long brief\n\n${paragraph.repeat(1_500)}`;
    const lastLine = text.split('\n').length - 4;
    const seen: Array<{ uri: string; lines: number[] }> = [];
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      for (const uri of e.uris) if (uri.scheme === 'untitled') seen.push({ uri: uri.toString(), lines: ours(uri).map((d) => d.range.start.line) });
    });
    try {
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
      await vscode.window.showTextDocument(document);
      const whole = await waitForDiagnostics(document.uri, (list) => list.some((d) => d.range.start.line >= lastLine - 2), 'a diagnostic on the last figure of the brief');
      assert.equal(whole.length, 1_500);
      const reports = seen.filter((s) => s.uri === document.uri.toString() && s.lines.length > 0);
      const first = reports[0]!;
      assert.ok(first.lines.length < whole.length / 2, `the first diagnostics shown cover only the top: ${first.lines.length} of ${whole.length}`);
      assert.ok(Math.max(...first.lines) < lastLine / 2, 'the first diagnostics shown are all near the top');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      subscription.dispose();
    }
  });
});
