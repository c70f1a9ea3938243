// Splits a brief into chunks that Markdown parses independently: each chunk after the first starts
// at an unindented line after a blank line, outside front matter, fenced code and the HTML blocks
// that may span blank lines, or at a footnote definition right after another one-line definition
// (a footnote definition interrupts whatever precedes it). At such a line every open block has
// ended, so a chunk parsed alone gives the blocks the whole brief gives, except for references to
// definitions elsewhere, which core/incremental supplies.

import { afterLineEnd, lineEnds } from '../lines';

export const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// HTML blocks of CommonMark kinds 1–5 run until their end marker, across blank lines.
export const HTML_OPENERS: readonly [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

// Only plain labels: a label with brackets, spaces or escapes may not make a definition at all.
const FOOTNOTE_DEFINITION = /^\[\^[A-Za-z0-9_.-]+\]:/;
// An HTML block that a blank line ends (CommonMark kinds 6 and 7) may hold a definition-like line.
const HTML_TO_BLANK = /^ {0,3}<\/?[A-Za-z]/;

type State = { kind: 'flow' } | { kind: 'fence'; marker: string } | { kind: 'html'; end: RegExp } | { kind: 'front-matter' };

// chunkStarts reads every line of a brief on every keystroke, and most lines start with a letter:
// these tests look at the first characters before trying a regular expression.

function isBlank(line: string): boolean {
  const c = line.charCodeAt(0);
  return line.length === 0 || ((c === 0x20 || c === 0x09 || c === 0x0d) && /^[ \t]*\r?$/.test(line));
}

/** Whether the line's first character after at most three spaces is "`", "~" or "<": what fences and HTML blocks open with. */
function mayOpen(line: string): boolean {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 0x20) i++;
  const c = line.charCodeAt(i);
  return c === 0x60 || c === 0x7e || c === 0x3c;
}

/** True when a line may start a chunk: unindented, not blank, and not something that reads differently at the top of a document. */
function canStart(line: string): boolean {
  // "---" would open front matter at the top of a chunk; "+++" likewise for other front matter.
  return /^[^\s]/.test(line) && !line.startsWith('---') && !line.startsWith('+++') && line.charCodeAt(0) !== 0xfeff;
}

/** Advances the block state over one line (whose own end, for HTML, may close it again). */
function next(state: State, line: string): State {
  switch (state.kind) {
    case 'front-matter':
      return /^---[ \t]*\r?$/.test(line) ? { kind: 'flow' } : state;
    case 'fence': {
      const m = FENCE.exec(line);
      const closes = m && m[1]![0] === state.marker[0] && m[1]!.length >= state.marker.length && isBlank(line.slice(m[0].length));
      return closes ? { kind: 'flow' } : state;
    }
    case 'html':
      return state.end.test(line) ? { kind: 'flow' } : state;
    case 'flow': {
      if (!mayOpen(line)) return state;
      const fence = FENCE.exec(line);
      // A backtick fence's info string may not contain a backtick (CommonMark 4.5).
      if (fence && !(fence[1]![0] === '`' && line.slice(fence[0].length).includes('`'))) return { kind: 'fence', marker: fence[1]! };
      for (const [open, end] of HTML_OPENERS) {
        if (open.test(line)) return end.test(line.replace(open, '')) ? state : { kind: 'html', end };
      }
      return state;
    }
  }
}

/** Start offsets of the chunks of `text`, beginning with 0. */
export function chunkStarts(text: string): number[] {
  const starts = [0];
  let state: State = /^(?:\ufeff)?---[ \t]*(?:\r\n?|\n)/.test(text) ? { kind: 'front-matter' } : { kind: 'flow' };
  let offset = 0;
  let previousBlank = false;
  let previousFootnote = false;
  let htmlToBlank = false;
  let first = true;
  // Lines end in LF, CRLF or a lone CR, as Markdown's do.
  const lineEnd = lineEnds(text);
  while (offset <= text.length) {
    const end = lineEnd(offset);
    const line = text.slice(offset, end);
    if (first) {
      first = false;
      // The opening "---" of front matter is the state set above, not a line to interpret.
      if (state.kind === 'flow') state = next(state, line);
    } else {
      const footnote = state.kind === 'flow' && !htmlToBlank && line.charCodeAt(0) === 0x5b && FOOTNOTE_DEFINITION.test(line);
      if (state.kind === 'flow' && ((previousBlank && canStart(line)) || (previousFootnote && footnote))) starts.push(offset);
      previousFootnote = footnote;
      state = next(state, line);
    }
    previousBlank = isBlank(line);
    if (previousBlank) htmlToBlank = false;
    else if (state.kind === 'flow' && mayOpen(line) && HTML_TO_BLANK.test(line)) htmlToBlank = true;
    if (end === text.length) break;
    offset = afterLineEnd(text, end);
  }
  return starts;
}

/**
 * What follows a chunk, as far as its own reading is concerned: the end of the brief, a line that
 * opens a container (list item, block quote, footnote definition), or any other line. micromark
 * ends the containers still open at a chunk's end (a footnote definition holding open code or
 * HTML across the blank line, say) at the start of the next line when that line opens a
 * container, as at the end of a document, but one line ending earlier when it opens none. A chunk
 * is read as a document, so the two cases need reading apart.
 */
export type Follows = 'end' | 'container' | 'flow';

// A footnote definition's start, as micromark reads one: a label of up to 999 characters without
// spaces or brackets, where a backslash escapes "[", "\" or "]".
const FOOTNOTE_START = /\[\^((?:\\[[\\\]]|\\(?![[\\\]])|[^ \t\r\n[\]\\])+)\]:/y;
// A line of three or more "*" or "-" is a thematic break, which micromark tries before a list item.
const THEMATIC_BREAK = /([*-])(?:[ \t]*\1){2,}[ \t]*(?=[\r\n]|$)/y;

/** Whether the character at `at` ends a list marker: a space, a tab or a line end. */
function endsMarker(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return Number.isNaN(c) || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/**
 * What follows the chunk that ends at `end` (the start of the next chunk, or the end of `text`),
 * by micromark's container starts for the unindented lines that start chunks: a block quote, a list
 * item (a marker, then a space, a tab or the line end; at most nine digits), a footnote definition.
 * Called for every chunk on every keystroke, so it reads characters rather than match a pattern.
 */
export function followsAt(text: string, end: number): Follows {
  if (end >= text.length) return 'end';
  const c = text.charCodeAt(end);
  if (c === 0x3e) return 'container';
  if (c === 0x2b) return endsMarker(text, end + 1) ? 'container' : 'flow';
  if (c === 0x2a || c === 0x2d) {
    if (!endsMarker(text, end + 1)) return 'flow';
    THEMATIC_BREAK.lastIndex = end;
    return THEMATIC_BREAK.test(text) ? 'flow' : 'container';
  }
  if (c >= 0x30 && c <= 0x39) {
    let at = end + 1;
    while (at < end + 9 && text.charCodeAt(at) >= 0x30 && text.charCodeAt(at) <= 0x39) at++;
    const marker = text.charCodeAt(at);
    return (marker === 0x2e || marker === 0x29) && endsMarker(text, at + 1) ? 'container' : 'flow';
  }
  if (c === 0x5b && text.charCodeAt(end + 1) === 0x5e) {
    FOOTNOTE_START.lastIndex = end;
    const m = FOOTNOTE_START.exec(text);
    return m && m[1]!.length <= 999 ? 'container' : 'flow';
  }
  return 'flow';
}
