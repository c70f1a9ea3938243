// The Claims view lists the claims of the active brief with their verdicts, as tree items the
// explorer shows, follows the active editor to another brief, and lists the sentences it could not
// read in a "Not read" group whose items reveal them, without a diagnostic on them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { briefs } from './expectations';
import { extensionId, fileIn, ours, showClaims, waitForDiagnostics } from './helpers';

interface BriefcheckApi {
  claimsView: vscode.TreeDataProvider<unknown>;
}

interface Row {
  label: string;
  description: string;
  node: unknown;
  item: vscode.TreeItem;
}

function claimsView(): vscode.TreeDataProvider<unknown> {
  const extension = vscode.extensions.getExtension<BriefcheckApi>(extensionId);
  assert.ok(extension?.isActive, 'the extension is active');
  return extension.exports.claimsView;
}

/** The rows under `parent` (the top level when absent) as the explorer renders them. */
async function treeRows(parent?: unknown): Promise<Row[]> {
  const view = claimsView();
  const nodes = (await view.getChildren(parent)) ?? [];
  return Promise.all(
    nodes.map(async (node) => {
      const item = await view.getTreeItem(node);
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      return { label, description: typeof item.description === 'string' ? item.description : '', node, item };
    }),
  );
}

/** The view's top-level rows: label and description. */
async function rows(): Promise<{ label: string; description: string }[]> {
  return (await treeRows()).map(({ label, description }) => ({ label, description }));
}

describe('Claims view', () => {
  it('lists the claims of the active brief with their verdicts', async () => {
    const result = await showClaims(fileIn('main', 'briefs', briefs.stale.file));
    const listed = result.claims.filter((c) => c.kind !== 'mention').map((c) => ({ kind: c.kind, verdict: c.verdict, problems: c.problems }));
    assert.deepEqual(listed, briefs.stale.claims);
    assert.deepEqual(await rows(), briefs.stale.rows);
  });

  it('follows the active editor to another brief', async () => {
    const result = await showClaims(fileIn('main', 'briefs', briefs.statusChanged.file));
    const listed = result.claims.filter((c) => c.kind !== 'mention').map((c) => ({ kind: c.kind, verdict: c.verdict, problems: c.problems }));
    assert.deepEqual(listed, briefs.statusChanged.claims);
    assert.deepEqual(await rows(), briefs.statusChanged.rows);
  });

  // Written for the claim reader's negation rule: a negated control sentence is listed as unread.
  it('lists an unread sentence under "Not read" with why, reveals it on click, and raises no diagnostic on it', async () => {
    const uri = fileIn('main', 'briefs', briefs.notRead.file);
    const result = await showClaims(uri);
    const unread = result.claims.filter((c) => c.kind === 'unread');
    assert.deepEqual(unread.map((c) => c.text), [briefs.notRead.sentence]);
    assert.match(unread[0]!.why ?? '', briefs.notRead.why);
    assert.deepEqual(unread[0]!.problems, []);

    const top = await treeRows();
    const group = top.find((r) => r.label.startsWith('Not read'));
    assert.ok(group, `a "Not read" row among ${JSON.stringify(top.map((r) => r.label))}`);
    assert.deepEqual({ label: group.label, description: group.description }, briefs.notRead.row);
    assert.equal(group.item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.ok(!top.some((r) => r.label === briefs.notRead.sentence), 'the unread sentence is not listed among the checked claims');

    const [child, ...rest] = await treeRows(group.node);
    assert.equal(rest.length, 0);
    assert.equal(child!.label, briefs.notRead.sentence);
    assert.match(child!.description, briefs.notRead.why);
    const command = child!.item.command;
    assert.ok(command, 'the unread row reveals its sentence');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString());
    assert.equal(editor.document.getText(editor.selection), briefs.notRead.sentence);

    // The figure on the next line gets its problems; the unread sentence gets none.
    const line = editor.selection.start.line;
    const diagnostics = await waitForDiagnostics(uri, (list) => list.length > 0, 'the antimony figure\'s problems');
    assert.deepEqual(diagnostics.filter((d) => d.range.start.line <= line && d.range.end.line >= line), []);
    assert.deepEqual(ours(uri).filter((d) => d.range.start.line === line), []);
  });
});
