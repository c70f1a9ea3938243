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
