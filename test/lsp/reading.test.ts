// What was read and what was not, over the real protocol: a hover on a figure or control claim says
// how it was read and how sure that reading is; a sentence the reader could not read is listed by
// the claims request with why, gets no hover of its own (its minerals keep their cards) and never a
// diagnostic.

import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import type { ClaimsResult } from '../../server/src/shared/protocol';
import { startHarness, type Doc, type Harness } from './harness';
import { TODAY, removeWorkspace, tempWorkspace } from './workspace';

// Line 5 negates a control ("has not banned"): not an asserted claim, so the claim reader lists it
// as unread. MOFCOM No. 46 of 2024 banned gallium exports to the US from 2024-12-03 (line 6); USGS
// MCS 2025 gives US net import reliance on antimony as 85% in 2024, so 95% is a mismatch (line 7).
const brief = [
  '---',
  'as_of: 2025-06-01',
  '---',
  '# Three minerals',
  'China has not banned exports of nickel to the US.',
  'China banned exports of gallium to the US in December 2024.',
  'The US net import reliance on antimony was 95% in 2024.',
  '',
].join('\n');

const hoverText = (hover: { contents: unknown } | null) => (hover ? (hover.contents as MarkupContent).value : '');

describe('language server: what was read and what was not', () => {
  let h: Harness;
  let dir: string;
  let doc: Doc;

  beforeAll(async () => {
    dir = tempWorkspace('reading');
    h = await startHarness([dir], { today: TODAY });
    const path = join(dir, 'reading.md');
    writeFileSync(path, brief);
    doc = await h.open(path, brief);
  });
  afterAll(() => {
    h.dispose();
    removeWorkspace(dir);
  });

  it('lists the negated sentence as unread, with why, and raises no diagnostic on it', async () => {
    const claims = await h.client.sendRequest<ClaimsResult>('briefcheck/claims', { uri: doc.uri });
    const unread = claims.claims.filter((c) => c.kind === 'unread');
    expect(unread.map((c) => c.text)).toEqual(['China has not banned exports of nickel to the US.']);
    expect(unread[0]!.why).toMatch(/negat/i);
    expect(unread[0]!.problems).toEqual([]);
    expect(unread[0]!.range.start.line).toBe(4);
    expect(unread[0]!.explanation).toBeUndefined();
    const control = claims.claims.find((c) => c.kind === 'control');
    expect(control?.reading).toBe('export ban to US, on 2024-12-31');
    const diagnostics = await h.diagnostics(doc);
    expect(diagnostics.map((d) => d.code)).toContain('figure-mismatch');
    expect(diagnostics.filter((d) => d.range.start.line <= 4 && d.range.end.line >= 4)).toEqual([]);
  });

  it('gives the unread sentence no hover of its own, and its mineral its card', async () => {
    const line = brief.indexOf('China has not banned');
    expect(await h.hover(doc, line + brief.slice(line).indexOf('banned') + 2)).toBeNull();
    const nickel = hoverText(await h.hover(doc, line + brief.slice(line).indexOf('nickel') + 2));
    expect(nickel).toMatch(/^### Nickel/);
    expect(nickel).not.toContain('Read as');
  });

  it('says how a control and a figure claim were read, and how sure the reading is', async () => {
    const control = hoverText(await h.hover(doc, brief.indexOf('banned exports of gallium') + 2));
    expect(control).toContain('**Read as:** export ban to US, on 2024-12-31 (certain)');
    expect(control).not.toContain('Other readings');
    const figure = hoverText(await h.hover(doc, brief.indexOf('95%') + 1));
    expect(figure).toContain('**Read as:** US net import reliance, 2024 (certain)');
    expect(figure).toContain('**Verdict:** does not match the record');
  });
});
