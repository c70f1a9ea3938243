// The Claims view lists the claims of the active brief with their verdicts, as tree items the
// explorer shows, and follows the active editor to another brief.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { briefs } from './expectations';
import { extensionId, fileIn, showClaims } from './helpers';

interface BriefcheckApi {
  claimsView: vscode.TreeDataProvider<unknown>;
}

/** The view's top-level rows as the explorer renders them: label and description. */
async function rows(): Promise<{ label: string; description: string }[]> {
  const extension = vscode.extensions.getExtension<BriefcheckApi>(extensionId);
  assert.ok(extension?.isActive, 'the extension is active');
  const view = extension.exports.claimsView;
  const nodes = (await view.getChildren()) ?? [];
  return Promise.all(
    nodes.map(async (node) => {
      const item = await view.getTreeItem(node);
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      return { label, description: typeof item.description === 'string' ? item.description : '' };
    }),
  );
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
});
