// The editor's pure text edits: fix-all's minimal edit, the as-of date in front matter, the
// disable-next-line directive, paragraphs, appended footnotes and what sits under the cursor.

import { describe, expect, it } from 'vitest';
import { disableLineEdit, minimalEdit, paragraphAt, setAsOfEdit, targetAt } from '../../server/src/core/editor';
import { appendFootnotes } from '../../server/src/core/editor/format';
import type { Claim, TextEdit } from '../../server/src/core/types';

function apply(text: string, edit: TextEdit | undefined): string {
  return edit ? text.slice(0, edit.range.start) + edit.text + text.slice(edit.range.end) : text;
}

describe('minimalEdit', () => {
  it('turns one text into the other with the smallest single edit', () => {
    const cases: Array<[string, string]> = [
      ['China supplied 63% of imports.', 'China supplied 6% of imports.'],
      ['abc', 'abcdef'],
      ['abcdef', 'def'],
      ['same', 'same'],
      ['', 'new'],
      ['x 😀 y', 'x 😃 y'],
    ];
    for (const [before, after] of cases) expect(apply(before, minimalEdit(before, after))).toBe(after);
    expect(minimalEdit('China supplied 63% of imports.', 'China supplied 6% of imports.')!.range).toEqual({ start: 16, end: 17 });
    expect(minimalEdit('same', 'same')).toBeUndefined();
  });

  it('never splits a surrogate pair', () => {
    const edit = minimalEdit('x 😀 y', 'x 😃 y')!;
    expect(edit.text).toBe('😃');
  });
});

describe('setAsOfEdit', () => {
  it('replaces as_of, adds it to front matter, or adds front matter', () => {
    expect(apply('---\ntitle: T\nas_of: 2024-01-01\n---\nBody', setAsOfEdit('---\ntitle: T\nas_of: 2024-01-01\n---\nBody', '2025-04-15'))).toBe('---\ntitle: T\nas_of: 2025-04-15\n---\nBody');
    expect(apply('---\ntitle: T\n---\nBody', setAsOfEdit('---\ntitle: T\n---\nBody', '2025-04-15'))).toBe('---\nas_of: 2025-04-15\ntitle: T\n---\nBody');
    expect(apply('# Brief\n', setAsOfEdit('# Brief\n', '2025-04-15'))).toBe('---\nas_of: 2025-04-15\n---\n\n# Brief\n');
  });

  it('keeps Windows line endings', () => {
    const text = '---\r\nas_of: 2024-01-01\r\n---\r\nBody';
    expect(apply(text, setAsOfEdit(text, '2025-04-15'))).toBe('---\r\nas_of: 2025-04-15\r\n---\r\nBody');
  });
});

describe('disableLineEdit', () => {
  it('puts the directive above the line, indented like it, also inside quotes', () => {
    const text = 'Intro.\n\n  - China supplied 63% of imports.\n';
    const offset = text.indexOf('63%');
    expect(apply(text, disableLineEdit(text, offset, 'stale-figure'))).toBe('Intro.\n\n  <!-- briefcheck-disable-next-line stale-figure -->\n  - China supplied 63% of imports.\n');
    const quoted = '> China supplied 63%.\n';
    expect(apply(quoted, disableLineEdit(quoted, 5, 'x'))).toBe('> <!-- briefcheck-disable-next-line x -->\n> China supplied 63%.\n');
  });
});

describe('paragraphAt', () => {
  it('finds the text between blank lines', () => {
    const text = 'one\n\ntwo a\ntwo b\n\nthree';
    const p = paragraphAt(text, text.indexOf('two b'));
    expect(text.slice(p.start, p.end)).toBe('two a\ntwo b');
    const last = paragraphAt(text, text.length);
    expect(text.slice(last.start, last.end)).toBe('three');
  });
});

describe('appendFootnotes', () => {
  const link = { id: 'usgs', title: 'MCS 2025', publisher: 'USGS', url: 'https://example.org/mcs', published: '2025-01-31' };

  it('appends new definitions after a blank line and skips defined labels', () => {
    const text = 'Text.[^a]\n\n[^a]: Existing.\n';
    const edit = appendFootnotes(text, [{ label: 'a', link }, { label: 'usgs', link }])!;
    expect(text + edit.text).toBe('Text.[^a]\n\n[^a]: Existing.\n[^usgs]: [MCS 2025](https://example.org/mcs) (USGS, 2025-01-31).\n');
    expect(appendFootnotes(text, [{ label: 'a', link }])).toBeUndefined();
    expect('Body' + appendFootnotes('Body', [{ label: 'usgs', link }])!.text).toMatch(/^Body\n\n\[\^usgs\]: /);
  });
});

describe('targetAt', () => {
  const base = { checkedOn: '2025-01-01', cited: false, verdict: 'verified' as const };
  const claims: Claim[] = [
    { ...base, kind: 'figure', minerals: ['antimony'], range: { start: 0, end: 40 }, text: 'x', mentionRanges: [{ start: 30, end: 38 }] },
    { ...base, kind: 'mention', minerals: ['antimony'], range: { start: 30, end: 38 }, text: 'antimony' },
  ];

  it('prefers the mineral under the cursor, else the claim around it', () => {
    expect(targetAt(claims, 32)).toMatchObject({ kind: 'mineral', mineral: 'antimony' });
    expect(targetAt(claims, 5)).toMatchObject({ kind: 'claim', claim: 0 });
    expect(targetAt(claims, 50)).toBeUndefined();
  });
});
