// Hovering a mineral in a brief shows its card: the control status on the brief's date with the
// instrument behind it, and China's share of US imports with the sources of the figures.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { briefs } from './expectations';
import { fileIn, open, poll, positionOf } from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

describe('hover', () => {
  it(`shows the card for ${briefs.hover.mineral} with its control status and import figures`, async () => {
    const uri = fileIn('main', 'briefs', briefs.hover.file);
    const editor = await open(uri);
    const at = positionOf(editor.document, briefs.hover.at).translate(0, 1);
    // Other extensions may answer hovers too; wait until briefcheck's card is among them.
    const text = await poll(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
      const all = hoverText(hovers ?? []);
      return briefs.hover.cardHas.every((part) => part.test(all)) ? all : undefined;
    }, `a hover card on "${briefs.hover.mineral}" matching ${briefs.hover.cardHas.join(', ')}`).catch(async (error: unknown) => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
      throw new Error(`${error instanceof Error ? error.message : String(error)}; the hover said: ${hoverText(hovers ?? []) || '(nothing)'}`);
    });
    for (const part of briefs.hover.cardHas) assert.match(text, part);
  });
});
