// The quick fix for a stale figure, as the lightbulb offers it: it replaces the figure with the
// current one and its citation, and the diagnostic goes away. It is asked for after a keystroke
// elsewhere that changes no problem, which the server answers "unchanged": VS Code keeps the
// diagnostic made for the version before, and its fix must still be offered and still apply.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { briefs } from './expectations';
import { fileIn, open, ours, poll, positionOf, ruleOf, waitForDiagnostics, withRule } from './helpers';

describe('quick fix', () => {
  it('replaces a stale figure with the current figure and citation, and the diagnostic clears', async () => {
    const uri = fileIn('main', 'briefs', briefs.quickFix.file);
    const editor = await open(uri);
    const [diagnostic] = (await waitForDiagnostics(uri, withRule('stale-figure'), 'a stale-figure diagnostic')).filter((d) => ruleOf(d) === 'stale-figure');
    assert.ok(diagnostic);
    const heading = editor.document.lineAt(positionOf(editor.document, '# ').line);
    assert.equal(await editor.edit((b) => b.insert(heading.range.end, 's')), true, 'typed in the heading');
    // The first request can come back with only other providers' actions, or before the edit's
    // diagnostics were pulled; ask, with the diagnostics VS Code holds, until ours is there.
    const fix = await poll(async () => {
      const held = ours(uri).find((d) => ruleOf(d) === 'stale-figure');
      if (!held) return undefined;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, held.range, vscode.CodeActionKind.QuickFix.value);
      return actions?.find((a) => a.title.startsWith('Fix stale-figure'));
    }, 'the "Fix stale-figure" quick fix after a keystroke in the heading');
    assert.equal(fix.isPreferred, true, 'the fix is the preferred action (Ctrl+. applies it first)');
    assert.ok(fix.edit, 'the fix carries an edit');
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true, 'the editor applied the fix');
    const text = editor.document.getText();
    for (const part of briefs.quickFix.fixedHas) assert.match(text, part);
    assert.match(text, /supply chains\n/, 'the keystroke is kept');
    assert.ok(!text.includes(briefs.quickFix.staleText), `"${briefs.quickFix.staleText}" is gone from the brief`);
    await waitForDiagnostics(uri, (list) => !withRule('stale-figure')(list), 'the stale-figure diagnostic to clear');
    assert.deepEqual(ours(uri).filter((d) => ruleOf(d) === 'stale-figure'), []);
  });
});
