// The editing helpers: "Insert current import share" on a mineral mention, and fix-all on save
// (editor.codeActionsOnSave with source.fixAll.briefcheck, set in the fixture workspace).
import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { briefs } from './expectations';
import { fileIn, open, poll, positionOf, waitForDiagnostics, withRule } from './helpers';

describe('editing helpers', () => {
  it('"Insert current import share" inserts the figure with its citation after the mention', async () => {
    const uri = fileIn('main', 'briefs', briefs.importShare.file);
    const editor = await open(uri);
    const at = positionOf(editor.document, briefs.importShare.at).translate(0, 1);
    const range = new vscode.Range(at, at);
    const action = await poll(async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, 'refactor.insert.briefcheck.importShare');
      return actions?.find((a) => a.title.startsWith('Insert current import share'));
    }, `"Insert current import share" on "${briefs.importShare.mention}"`);
    assert.equal(action.title, briefs.importShare.title);
    assert.ok(action.edit);
    const before = editor.document.getText();
    assert.equal(await vscode.workspace.applyEdit(action.edit), true);
    // The figure goes right after the mention, and nothing else in the brief changes.
    const after = editor.document.offsetAt(at) - 1 + briefs.importShare.mention.length;
    assert.equal(editor.document.getText(), before.slice(0, after) + briefs.importShare.inserted + before.slice(after));
  });

  it('fixes every fixable problem when the brief is saved', async () => {
    const uri = fileIn('main', 'briefs', briefs.fixOnSave.file);
    const editor = await open(uri);
    await waitForDiagnostics(uri, withRule('stale-figure'), 'a stale-figure diagnostic');
    // Make the brief dirty with a harmless edit so saving it is a real save.
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\n'));
    assert.equal(await editor.document.save(), true, 'the brief was saved');
    const onDisk = await readFile(uri.fsPath, 'utf8');
    for (const part of briefs.fixOnSave.fixedHas) assert.match(onDisk, part);
    assert.ok(!onDisk.includes(briefs.fixOnSave.staleText), `the saved brief no longer says "${briefs.fixOnSave.staleText}"`);
    await waitForDiagnostics(uri, (list) => !withRule('stale-figure')(list), 'the stale-figure diagnostic to clear after save');
  });
});
