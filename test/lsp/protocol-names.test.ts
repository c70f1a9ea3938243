// The client mirrors the server's protocol names (it may not import server code), and the
// extension manifest contributes exactly the commands and view the client registers. These ids are
// public: docs/editor.md lists them and the end-to-end suite uses them.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as clientProtocol from '../../client/src/protocol';
import { ClaimsViewId, Commands } from '../../client/src/ids';
import * as serverProtocol from '../../server/src/lsp/protocol';
import { repoRoot } from './workspace';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const docs = readFileSync(join(repoRoot, 'docs', 'editor.md'), 'utf8');

describe('protocol names', () => {
  it('are the same on both sides', () => {
    const names = Object.entries(clientProtocol).filter(([, v]) => typeof v === 'string');
    expect(names.length).toBeGreaterThan(4);
    for (const [name, value] of names) expect((serverProtocol as Record<string, unknown>)[name], name).toBe(value);
  });

  it('match the manifest: every public command contributed, the Claims view in the explorer', () => {
    const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    const registered = Object.values(Commands).filter((c) => c !== Commands.revealClaim).sort();
    expect(contributed).toEqual(registered);
    expect(manifest.contributes.views.explorer.map((v: { id: string }) => v.id)).toEqual([ClaimsViewId]);
  });

  it('are listed in docs/editor.md, with every setting', () => {
    for (const id of [...Object.values(Commands).filter((c) => c !== Commands.revealClaim), ClaimsViewId, serverProtocol.FixAllKind]) expect(docs).toContain(`\`${id}\``);
    for (const setting of Object.keys(manifest.contributes.configuration.properties)) expect(docs).toContain(`\`${setting}\``);
  });
});
