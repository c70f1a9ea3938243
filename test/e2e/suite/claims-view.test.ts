// The Claims view lists the claims of the active brief with their verdicts, and follows the
// active editor to another brief.
import * as assert from 'node:assert/strict';
import { briefs } from './expectations';
import { fileIn, showClaims } from './helpers';

describe('Claims view', () => {
  it('lists the claims of the active brief with their verdicts', async () => {
    const result = await showClaims(fileIn('main', 'briefs', briefs.stale.file));
    const listed = result.claims.filter((c) => c.kind !== 'mention').map((c) => ({ kind: c.kind, verdict: c.verdict, problems: c.problems }));
    assert.deepEqual(listed, briefs.stale.claims);
    assert.ok(result.claims.some((c) => c.kind === 'mention'), 'mineral mentions are listed too');
  });

  it('follows the active editor to another brief', async () => {
    const result = await showClaims(fileIn('main', 'briefs', briefs.statusChanged.file));
    const listed = result.claims.filter((c) => c.kind !== 'mention').map((c) => ({ kind: c.kind, verdict: c.verdict, problems: c.problems }));
    assert.deepEqual(listed, briefs.statusChanged.claims);
  });
});
