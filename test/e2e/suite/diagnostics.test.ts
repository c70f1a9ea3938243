// Diagnostics as the analyst sees them in the editor: the right rule ids, ranges and messages on
// briefs with a stale figure, a changed status and a mismatch, and nothing at all on a clean brief.
import * as assert from 'node:assert/strict';
import { briefs } from './expectations';
import { breakOne, fileIn, open, ours, ruleOf, showClaims, waitForDiagnostics, withRule } from './helpers';

describe('diagnostics', () => {
  for (const brief of [briefs.stale, briefs.statusChanged, briefs.mismatch]) {
    it(`reports ${brief.rule} on ${brief.file} with its range and message`, async () => {
      const uri = fileIn('main', 'briefs', brief.file);
      const editor = await open(uri);
      const found = await waitForDiagnostics(uri, withRule(brief.rule), `a ${brief.rule} diagnostic`);
      const diagnostic = found.find((d) => ruleOf(d) === brief.rule)!;
      const expectedText = breakOne && brief === briefs.stale ? 'a deliberately wrong range' : brief.rangeText;
      assert.equal(editor.document.getText(diagnostic.range), expectedText, `the ${brief.rule} diagnostic's range`);
      for (const part of brief.messageHas) assert.match(diagnostic.message, part, `the ${brief.rule} message`);
      assert.equal(diagnostic.severity, brief.severity, `the ${brief.rule} severity`);
    });
  }

  it(`reports nothing on ${briefs.clean.file}, whose claims all check out`, async () => {
    const uri = fileIn('main', 'briefs', briefs.clean.file);
    await open(uri);
    // The claims request answers after the server has checked this version of the brief.
    const result = await showClaims(uri);
    const checked = result.claims.filter((c) => c.kind !== 'mention');
    assert.ok(checked.length >= briefs.clean.checkedClaims, `expected at least ${briefs.clean.checkedClaims} checked claims, got ${checked.length}`);
    assert.deepEqual(checked.map((c) => c.verdict).filter((v) => v !== 'verified'), [], 'every checked claim is verified');
    assert.deepEqual(ours(uri).map((d) => `${ruleOf(d)}: ${d.message}`), []);
  });
});
