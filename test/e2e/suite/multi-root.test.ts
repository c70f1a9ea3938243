// A second workspace folder with its own `.briefcheck.json` is checked with that file, not the
// first folder's: the same brief text gets the severity each folder's configuration gives it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { briefs } from './expectations';
import { fileIn, open, ruleOf, waitForDiagnostics, withRule } from './helpers';

async function staleSeverity(folderName: string): Promise<vscode.DiagnosticSeverity> {
  const uri = fileIn(folderName, 'briefs', briefs.stale.file);
  await open(uri);
  const list = await waitForDiagnostics(uri, withRule('stale-figure'), `stale-figure in folder "${folderName}"`);
  return list.find((d) => ruleOf(d) === 'stale-figure')!.severity;
}

describe('multi-root workspace', () => {
  it('checks each folder with its own .briefcheck.json', async () => {
    assert.equal(await staleSeverity('second'), vscode.DiagnosticSeverity.Error, 'folder "second" makes stale-figure an error');
    assert.equal(await staleSeverity('main'), vscode.DiagnosticSeverity.Warning, 'folder "main" keeps the default warning');
  });
});
