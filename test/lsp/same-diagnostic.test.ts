// An "unchanged" report (lsp/diagnostics.ts) is only as true as sameDiagnostic: every field
// toDiagnostic sets must be compared, the document version alone left out.

import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Problem } from '../../server/src/core/types';
import { sameDiagnostic, toDiagnostic } from '../../server/src/lsp/convert';

const text = 'China supplied 63% of US imports of antimony oxides.\nA second line.\n';
const problem: Problem = {
  ruleId: 'stale-figure',
  severity: 'warning',
  messageId: 'stale',
  message: 'A newer figure exists.',
  range: { start: 15, end: 18 },
  fix: { edits: [{ range: { start: 15, end: 18 }, text: '76%' }] },
};
const docUrl = (id: string) => `https://example.org/rules/${id}.md`;
const at = (version: number) => TextDocument.create('file:///brief.md', 'markdown', version, text);

describe('sameDiagnostic', () => {
  const base = toDiagnostic(at(1), problem, docUrl);

  it('compares every field toDiagnostic sets', () => {
    expect(Object.keys(base).sort()).toEqual(['code', 'codeDescription', 'data', 'message', 'range', 'severity', 'source']);
    expect(Object.keys(base.data as object).sort()).toEqual(['fix', 'version']);
  });

  it('holds across versions of the document, and for the same problem made again', () => {
    expect(sameDiagnostic(base, toDiagnostic(at(7), problem, docUrl))).toBe(true);
  });

  it('tells apart a change to any of them', () => {
    const changed: Array<[string, Problem, (id: string) => string | undefined]> = [
      ['range', { ...problem, range: { start: 16, end: 18 } }, docUrl],
      ['severity', { ...problem, severity: 'error' }, docUrl],
      ['rule', { ...problem, ruleId: 'figure-mismatch' }, docUrl],
      ['message', { ...problem, message: 'Another message.' }, docUrl],
      ['rule docs', problem, () => undefined],
      ['fix text', { ...problem, fix: { edits: [{ range: { start: 15, end: 18 }, text: '77%' }] } }, docUrl],
      ['fix range', { ...problem, fix: { edits: [{ range: { start: 54, end: 54 }, text: '76%' }] } }, docUrl],
      ['fix edits', { ...problem, fix: { edits: [...problem.fix!.edits, { range: { start: 54, end: 54 }, text: 'x' }] } }, docUrl],
      ['no fix', { ...problem, fix: undefined }, docUrl],
    ];
    for (const [what, other, url] of changed) expect(sameDiagnostic(base, toDiagnostic(at(1), other, url)), what).toBe(false);
    expect(sameDiagnostic(base, { ...base, source: 'other' }), 'source').toBe(false);
  });
});
