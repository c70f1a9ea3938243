// The fast parser: @lezer/markdown with GFM, configured to read Markdown the way remark-parse,
// remark-gfm and remark-frontmatter do for everything core/parse reads: YAML front matter, GFM
// footnote definitions and calls, and strikethrough with one or two tildes. Differences that
// remain are listed in docs/performance.md and pinned by test/parse/differential.test.ts.

import type { Tree } from '@lezer/common';
import { GFM, Strikethrough, parser as baseParser, type BlockContext, type DelimiterType, type Line, type MarkdownConfig } from '@lezer/markdown';

/** Where the front matter that opens `text` ends (after its closing `---`), or -1 when there is none. */
export function frontMatterEnd(text: string): number {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return -1;
  const close = /^---[ \t]*$/m.exec(text.slice(open[0].length));
  if (!close) return -1;
  const end = open[0].length + close.index + close[0].length;
  return text[end - 1] === '\r' ? end - 1 : end;
}

// Set by parseWithLezer for the document being parsed (parsing is synchronous).
let frontMatterTo = -1;

/** `---` on the first line, up to the next `---` line: the front matter (micromark-extension-frontmatter). */
const FrontMatter: MarkdownConfig = {
  defineNodes: [{ name: 'FrontMatter', block: true }],
  parseBlock: [
    {
      name: 'FrontMatter',
      before: 'HorizontalRule',
      parse(cx: BlockContext, line: Line): boolean | null {
        if (cx.lineStart !== 0 || frontMatterTo < 0 || line.text.charCodeAt(0) !== 45) return false;
        while (cx.lineStart + line.text.length < frontMatterTo && cx.nextLine());
        cx.nextLine();
        cx.addElement(cx.elt('FrontMatter', 0, frontMatterTo));
        return true;
      },
    },
  ],
};

/**
 * A footnote label: `[^label]` with no space, tab or line ending (other spaces are allowed, as in
 * micromark) or `[` inside, `\[ \\ \]` escapes, at most 999 characters.
 */
export const FOOTNOTE_LABEL = /^\[\^((?:\\[[\\\]]|[^ \t\n\r[\]\\]|\\(?![[\\\]]))+)\]/;

function footnoteStart(line: Line): number {
  if (line.next !== 91 /* [ */ || line.indent - line.baseIndent > 3) return -1;
  const m = FOOTNOTE_LABEL.exec(line.text.slice(line.pos));
  if (!m || m[1]!.length > 999 || line.text.charCodeAt(line.pos + m[0].length) !== 58 /* : */) return -1;
  return m[0].length + 1;
}

/** GFM footnote definitions (a container like a list item, indented by four) and calls. */
const Footnotes: MarkdownConfig = {
  defineNodes: [
    {
      name: 'FootnoteDefinition',
      block: true,
      composite(_cx, line) {
        if (line.next < 0) return true;
        if (line.indent < line.baseIndent + 4) return false;
        line.moveBaseColumn(line.baseIndent + 4);
        return true;
      },
    },
    'FootnoteLabel',
    'FootnoteReference',
  ],
  parseBlock: [
    {
      name: 'FootnoteDefinition',
      before: 'LinkReference',
      parse(cx, line) {
        const size = footnoteStart(line);
        if (size < 0) return false;
        cx.startComposite('FootnoteDefinition', line.pos);
        cx.addElement(cx.elt('FootnoteLabel', cx.lineStart + line.pos, cx.lineStart + line.pos + size));
        // The whitespace after the colon, however wide, belongs to the marker (as in micromark): the
        // definition's text starts at the first character after it, never as indented code.
        let base = line.pos + size;
        while (base < line.text.length && (line.text.charCodeAt(base) === 32 || line.text.charCodeAt(base) === 9)) base++;
        line.moveBase(base);
        return null;
      },
      endLeaf: (_cx, line) => footnoteStart(line) >= 0,
    },
  ],
  parseInline: [
    {
      name: 'FootnoteReference',
      before: 'Link',
      parse(cx, next, pos) {
        if (next !== 91 || cx.char(pos + 1) !== 94 /* ^ */) return -1;
        const m = FOOTNOTE_LABEL.exec(cx.slice(pos, Math.min(cx.end, pos + 1005)));
        if (!m || m[1]!.length > 999) return -1;
        return cx.addElement(cx.elt('FootnoteReference', pos, pos + m[0].length));
      },
    },
  ],
};

/**
 * `<!x…>` declarations with a lower-case letter, which CommonMark reads as HTML as it does
 * capitals, and `<scheme:…>` autolinks as CommonMark defines them (a scheme of 2 to 32 characters, no `<` or
 * space inside); where the fast parser's looser pattern would take more, the `<` is text, as in
 * micromark, and what follows is read on its own.
 */
const EMAIL_AUTOLINK = /^[a-z\d.!#$%&'*+/=?^_`{|}~-]+@[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?(?:\.[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?)*>/i;
/** An open or closing tag after its `<`, as CommonMark defines it (whitespace is space, tab or line feed). */
export const TAG = String.raw`(?:\/[a-z][a-z\d-]*[ \t\n]*>|[a-z][a-z\d-]*(?:[ \t\n]+[a-z_:][\w.:-]*(?:[ \t\n]*=[ \t\n]*(?:[^ \t\n"'=<>${'`'}]+|'[^']*'|"[^"]*"))?)*[ \t\n]*\/?>)`;
const HTML_TAG = new RegExp(`^${TAG}`, 'i');
/** What the fast parser takes for a tag (its own pattern). */
const LOOSE_HTML_TAG = /^(?:\/[a-zA-Z][\w-]*\s*>|[a-zA-Z][\w-]*(\s+[a-zA-Z:_][\w-.:]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>)/;

const Autolinks: MarkdownConfig = {
  defineNodes: ['LiteralText'],
  parseInline: [
    {
      name: 'StrictAutolink',
      before: 'HTMLTag',
      parse(cx, next, pos) {
        if (next !== 60) return -1;
        const after = cx.slice(pos + 1, Math.min(cx.end, pos + 4096));
        const uri = /^[A-Za-z][A-Za-z\d+.-]{1,31}:[^<>\x00-\x20]*>/.exec(after);
        if (uri) {
          const end = pos + 1 + uri[0].length;
          return cx.addElement(cx.elt('Autolink', pos, end, [cx.elt('LinkMark', pos, pos + 1), cx.elt('URL', pos + 1, end - 1), cx.elt('LinkMark', end - 1, end)]));
        }
        if (/^[a-z][-\w+.]+:[^\s>]+>/i.test(after)) return cx.addElement(cx.elt('LiteralText', pos, pos + 1));
        // Tags as CommonMark defines them: the fast parser also takes `_` in tag names and any
        // Unicode space between attributes. What it would take beyond that is text.
        if (/^\/?[a-z]/i.test(after) && !EMAIL_AUTOLINK.test(after)) {
          const tag = HTML_TAG.exec(after);
          if (tag) return cx.addElement(cx.elt('HTMLTag', pos, pos + 1 + tag[0].length));
          if (LOOSE_HTML_TAG.test(after)) return cx.addElement(cx.elt('LiteralText', pos, pos + 1));
        }
        // A declaration, `<!` and a letter up to the next `>`: the fast parser takes capitals only.
        const declaration = /^![a-z][^]*?>/.exec(after);
        if (declaration) return cx.addElement(cx.elt('HTMLTag', pos, pos + 1 + declaration[0].length));
        return -1;
      },
    },
  ],
};

/**
 * A long run of spaces not ending a line, taken whole: the fast parser would otherwise try a hard
 * break at each of its spaces and scan to the run's end every time (quadratic in the run, as in a
 * line masked by core/limits). The tree reader reads it as the text it is.
 */
const SpaceRuns: MarkdownConfig = {
  defineNodes: ['SpaceRun'],
  parseInline: [
    {
      name: 'SpaceRun',
      before: 'HardBreak',
      parse(cx, next, pos) {
        if (next !== 32 || cx.char(pos - 1) === 32) return -1;
        let end = pos + 1;
        while (cx.char(end) === 32) end++;
        if (end - pos < 16 || cx.char(end) === 10) return -1;
        return cx.addElement(cx.elt('SpaceRun', pos, end));
      },
    },
  ],
};

const TildeOne: DelimiterType = { resolve: 'Strikethrough', mark: 'StrikethroughMark' };
const TildeTwo: DelimiterType = { resolve: 'Strikethrough', mark: 'StrikethroughMark' };
const punctuation = /[\p{P}\p{S}]/u;

/** GFM strikethrough as micromark reads it: a run of one or two tildes, closed by a run of the same length. */
const Tildes: MarkdownConfig = {
  defineNodes: [{ name: 'Strikethrough' }, { name: 'StrikethroughMark' }],
  parseInline: [
    {
      name: 'Strikethrough',
      after: 'Emphasis',
      parse(cx, next, pos) {
        if (next !== 126) return -1;
        if (cx.char(pos - 1) === 126) return -1;
        let end = pos + 1;
        while (cx.char(end) === 126) end++;
        const size = end - pos;
        if (size > 2) return -1;
        const before = cx.slice(pos - 1, pos);
        const after = cx.slice(end, end + 1);
        const sBefore = /\s|^$/.test(before);
        const sAfter = /\s|^$/.test(after);
        const pBefore = punctuation.test(before);
        const pAfter = punctuation.test(after);
        return cx.addDelimiter(size === 1 ? TildeOne : TildeTwo, pos, end, !sAfter && (!pAfter || sBefore || pBefore), !sBefore && (!pBefore || sAfter || pAfter));
      },
    },
  ],
};

const configured = baseParser.configure([...GFM.filter((e) => e !== Strikethrough), Tildes, Autolinks, SpaceRuns, FrontMatter, Footnotes]);

/** Parses `text` with the fast parser. */
export function parseWithLezer(text: string): Tree {
  frontMatterTo = frontMatterEnd(text);
  try {
    return configured.parse(text);
  } finally {
    frontMatterTo = -1;
  }
}
