// The open brief is checked again, without being edited, when what it is checked against changes:
// the `briefcheck.asOf` setting, or the `.briefcheck.json` of its folder.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { briefs } from './expectations';
import { fileIn, folder, open, ruleOf, waitForDiagnostics, withRule } from './helpers';

const without = (rule: string) => (list: vscode.Diagnostic[]) => !list.some((d) => ruleOf(d) === rule);

describe('re-checking the open brief', () => {
  it('follows a change of the briefcheck.asOf setting', async () => {
    const uri = fileIn('main', 'briefs', briefs.asOf.file);
    await open(uri);
    await waitForDiagnostics(uri, withRule('stale-figure'), `stale-figure as of the workspace's ${briefs.asOf.initial}`);
    const settings = vscode.workspace.getConfiguration('briefcheck', folder('main').uri);
    await settings.update('asOf', briefs.asOf.earlier, vscode.ConfigurationTarget.WorkspaceFolder);
    try {
      await waitForDiagnostics(uri, without('stale-figure'), `stale-figure to clear as of ${briefs.asOf.earlier}, before the newer figure was published`);
    } finally {
      await settings.update('asOf', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    }
    await waitForDiagnostics(uri, withRule('stale-figure'), 'stale-figure to return once the setting is removed');
  });

  it('follows a change of .briefcheck.json', async () => {
    const uri = fileIn('main', 'briefs', briefs.asOf.file);
    await open(uri);
    await waitForDiagnostics(uri, withRule('stale-figure'), 'a stale-figure diagnostic');
    const configUri = fileIn('main', '.briefcheck.json');
    const original = await vscode.workspace.fs.readFile(configUri);
    const config = JSON.parse(Buffer.from(original).toString('utf8')) as { rules?: Record<string, unknown> };
    const silenced = { ...config, rules: { ...config.rules, 'stale-figure': 'off' } };
    await vscode.workspace.fs.writeFile(configUri, Buffer.from(JSON.stringify(silenced, null, 2)));
    try {
      await waitForDiagnostics(uri, without('stale-figure'), 'stale-figure to clear after .briefcheck.json turned it off');
    } finally {
      await vscode.workspace.fs.writeFile(configUri, original);
    }
    const back = await waitForDiagnostics(uri, withRule('stale-figure'), 'stale-figure to return with the original .briefcheck.json');
    assert.ok(back.length > 0);
  });
});
