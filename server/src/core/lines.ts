// Line numbers for UTF-16 offsets. The core works in offsets; lines are needed by directives (which
// act on lines), by messages that cite a line, and by the CLI's 1-based output.

/** The offset at which each line starts; line 0 starts at 0. Lines end in LF, CRLF or a lone CR, as in the editor. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  // Without a CR, the native search finds each LF several times faster than a loop over every character.
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) starts.push(i + 1);
    else if (ch === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

/**
 * Where the line starting at an offset ends (at "\n", "\r\n" or a lone "\r", else the text's end),
 * for offsets asked in increasing order. A brief rarely holds a "\r": searching for both by
 * indexOf, and for "\r" again only once passed, is far cheaper than a regular expression per line.
 */
export function lineEnds(text: string): (start: number) => number {
  const next = (char: string, from: number) => {
    const at = text.indexOf(char, from);
    return at === -1 ? text.length : at;
  };
  let lf = -1;
  let cr = -1;
  return (start) => {
    if (lf < start) lf = next('\n', start);
    if (cr < start) cr = next('\r', start);
    return Math.min(lf, cr);
  };
}

/** The start of the line after the one that ends at `end` (a line end as `lineEnds` gives it). */
export function afterLineEnd(text: string, end: number): number {
  return end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
}

/** The 0-based line holding an offset, by binary search over `lineStarts`. */
export function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A 1-based line-and-column finder for one text; the line starts are found once, on first use. */
export function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  let starts: number[] | undefined;
  return (offset) => {
    starts ??= lineStarts(text);
    const line = lineAt(starts, offset);
    return { line: line + 1, column: offset - starts[line]! + 1 };
  };
}
