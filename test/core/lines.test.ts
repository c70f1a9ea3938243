// The one line index every layer uses: offsets to lines for directives, messages and CLI output.

import { describe, expect, it } from 'vitest';
import { lineAt, lineIndex, lineStarts } from '../../server/src/core/lines';

describe('lines', () => {
  const text = 'ab\n\ncd\r\nef';

  it('finds where each line starts', () => {
    expect(lineStarts(text)).toEqual([0, 3, 4, 8]);
    expect(lineStarts('')).toEqual([0]);
  });

  it('maps offsets to 0-based lines, including line ends and the end of the text', () => {
    const starts = lineStarts(text);
    expect([0, 2, 3, 4, 7, 8, 10].map((o) => lineAt(starts, o))).toEqual([0, 0, 1, 2, 2, 3, 3]);
  });

  it('gives 1-based lines and UTF-16 columns', () => {
    const at = lineIndex('x\n😀y');
    expect(at(0)).toEqual({ line: 1, column: 1 });
    expect(at(4)).toEqual({ line: 2, column: 3 });
  });
});

describe('lineStarts', () => {
  // The character-by-character definition the faster search must agree with.
  const reference = (text: string) => {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
    }
    return starts;
  };

  it('agrees with the definition on texts with and without CR, at the ends and in runs', () => {
    const pieces = ['a', 'bc', '\n', '😀', ' ', '\n\n', '\r\n', '\r'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 500; n++) {
      const text = Array.from({ length: next() % 40 }, () => pieces[next() % (n % 2 ? 6 : pieces.length)]!).join('');
      expect(lineStarts(text)).toEqual(reference(text));
    }
    expect(lineStarts('\n')).toEqual([0, 1]);
    expect(lineStarts('x\n')).toEqual([0, 2]);
  });
});
