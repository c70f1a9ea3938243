// The smoke test: opening a Markdown brief activates the extension, and a problem it knows about
// shows up as a diagnostic. If this fails, nothing else in the suite can pass.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionId, fileIn, open, waitForDiagnostics, withRule } from './helpers';

describe('activation', () => {
  it('activates on a Markdown file and reports a diagnostic', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `extension ${extensionId} is not installed in the development host`);
    const uri = fileIn('main', 'briefs', 'stale-figure.md');
    await open(uri);
    await extension.activate();
    assert.equal(extension.isActive, true);
    await waitForDiagnostics(uri, withRule('stale-figure'), 'a stale-figure diagnostic');
  });
});
