// Turns the fast parser's syntax tree into the part of an mdast tree that briefFromTree and the
// editor's chunk reader read, with remark's positions (blocks here, inline content in
// lezer-inline.ts). Where the two parsers are known to differ it throws NotFastPath.

import type { SyntaxNode, Tree } from '@lezer/common';
import type { Root, RootContent, TableCell, TableRow } from 'mdast';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { NotFastPath, children, isSpace, phrasing, position, trimEnd, trimStart, type Context } from './lezer-inline';
import { FOOTNOTE_LABEL, TAG, frontMatterEnd } from './lezer-syntax';

export { NotFastPath } from './lezer-inline';

function heading(node: SyntaxNode, ctx: Context): RootContent {
  const t = ctx.text;
  const marks = children(node).filter((c) => c.name === 'HeaderMark');
  let from: number;
  let to: number;
  if (node.name.startsWith('ATX')) {
    from = marks[0] ? marks[0].to : node.from;
    to = marks.length > 1 ? marks[marks.length - 1]!.from : node.to;
  } else {
    // A table the fast parser took into a setext heading's text.
    if (t.slice(node.from, node.to).includes('|')) throw new NotFastPath('setext heading with pipes');
    from = node.from;
    to = marks.length > 0 ? marks[marks.length - 1]!.from : node.to;
  }
  from = trimStart(t, from, to);
  to = trimEnd(t, from, to);
  while (to > from && t[to - 1] === '\n') to = trimEnd(t, from, to - 1);
  const depth = Number(node.name.slice(-1)) as 1 | 2 | 3 | 4 | 5 | 6;
  return { type: 'heading', depth, children: phrasing(node, from, to, ctx), position: position(node.from, node.to) };
}

function table(node: SyntaxNode, ctx: Context): RootContent {
  const t = ctx.text;
  // A table right under a line of text (a lazy line of a list item, quote or footnote in micromark).
  const lineBefore = t.lastIndexOf('\n', t.lastIndexOf('\n', node.from - 1) - 1);
  if (node.from > 0 && t.slice(lineBefore + 1, t.lastIndexOf('\n', node.from - 1)).trim() !== '') throw new NotFastPath('table under a line of text');
  const header = node.getChild('TableHeader');
  // Empty header cells: the two parsers count a header row's cells differently.
  if (header && /\|[ \t]*\|/.test(t.slice(header.from, header.to))) throw new NotFastPath('empty header cell');
  const delimiterStart = header ? t.indexOf('\n', header.to) + 1 : 0;
  const delimiterEnd = t.indexOf('\n', delimiterStart);
  // Other spaces than space and tab in the delimiter row: no table to micromark.
  if (delimiterStart > 0 && /[^\S \t]/.test(t.slice(delimiterStart, delimiterEnd === -1 ? t.length : delimiterEnd))) throw new NotFastPath('other space in a delimiter row');
  // In a list item or footnote, a delimiter row indented less than the header: a lazy line to micromark.
  const column = node.from - (t.lastIndexOf('\n', node.from - 1) + 1);
  const inItem = node.parent !== null && node.parent.name !== 'Document' && node.parent.name !== 'Blockquote';
  if (inItem && delimiterStart > 0 && !new RegExp(`^[ \\t]{${column}}`).test(t.slice(delimiterStart))) throw new NotFastPath('lazy table row');
  const rows: TableRow[] = [];
  for (const row of children(node)) {
    if (row.name !== 'TableHeader' && row.name !== 'TableRow') continue;
    // A row indented by a tab or four spaces: micromark ends the table there.
    const lineStart = t.lastIndexOf('\n', row.from - 1) + 1;
    if (/^(?: {0,3}\t| {4})/.test(t.slice(lineStart, row.from + 1))) throw new NotFastPath('indented table row');
    // A row that starts like a numbered item or a tag: micromark ends the table there.
    if (row.name === 'TableRow' && /^[ \t]*(?:\d{1,9}[.)](?:[ \t]|$)|<)/.test(t.slice(lineStart, row.to))) throw new NotFastPath('numbered or tag line in a table');
    // In a list item or footnote, a row indented less than the table's first: a lazy line to micromark.
    if (inItem && row.from - lineStart < column) throw new NotFastPath('lazy table row');
    const cells: TableCell[] = [];
    // Pipes with nothing between them hold an empty cell, which the tree leaves out; a cell starts
    // at the pipe before it, as in remark.
    let pipe: SyntaxNode | undefined;
    let filled = false;
    for (const part of children(row)) {
      if (part.name === 'TableDelimiter') {
        if (pipe && !filled) cells.push({ type: 'tableCell', children: [], position: position(pipe.from, part.from) });
        pipe = part;
        filled = false;
      } else if (part.name === 'TableCell') {
        const start = pipe && !filled ? pipe.from : part.from;
        cells.push({ type: 'tableCell', children: phrasing(part, part.from, trimEnd(t, part.from, part.to), ctx), position: position(start, part.to) });
        // A cell ends where the next pipe starts.
        filled = true;
      }
    }
    if (cells.length === 0 && pipe) cells.push({ type: 'tableCell', children: [], position: position(pipe.from, pipe.from) });
    // A row runs to the end of its line, spaces included; its last cell too.
    let end = row.to;
    while (isSpace(t[end])) end++;
    const last = cells[cells.length - 1];
    if (last) last.position!.end.offset = end;
    rows.push({ type: 'tableRow', children: cells, position: position(row.from, end) });
  }
  return { type: 'table', children: rows, position: position(node.from, node.to) };
}

const lineEnd = (t: string, from: number): number => (t.indexOf('\n', from) === -1 ? t.length : t.indexOf('\n', from));
/** A line holding one complete tag and nothing else (CommonMark's seventh kind of HTML block). */
const HTML_BLOCK_TAG = new RegExp(String.raw`^[ \t]*<(?!\/?(?:script|pre|style|textarea)(?![a-z\d-]))${TAG}[ \t]*$`, 'i');
/** The first line of an HTML block of the first six kinds (the fast parser's own patterns). */
const KNOWN_HTML_BLOCK = /^[ \t]*<(?:(?:script|pre|style|textarea)(?:[ \t>]|$)|!--|\?|![A-Z]|!\[CDATA\[|\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|section|source|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t]|\/?>|$))/i;
/** Whether a line starts a footnote definition (`[^label]:`, indented by at most three spaces). */
function startsFootnote(line: string): boolean {
  const indent = /^ {0,3}/.exec(line)![0].length;
  const label = FOOTNOTE_LABEL.exec(line.slice(indent));
  return label !== null && line[indent + label[0].length] === ':';
}

const BLOCKS_TO_END_MARKER = new Set(['FencedCode', 'HTMLBlock', 'CommentBlock', 'ProcessingInstructionBlock']);
const runsToEndMarker = (node: SyntaxNode | null): boolean => node !== null && BLOCKS_TO_END_MARKER.has(node.name);

/** Numbered lines in list items, which the two parsers read differently; throws NotFastPath. */
function listItem(node: SyntaxNode, ctx: Context): void {
  const t = ctx.text;
  // `[x]` alone on the item's first line: GFM reads a task box whose text starts on the next line.
  const first = node.getChild('Paragraph');
  if (first && /^\[[ xX]\][ \t]*(?:\n|$)/.test(t.slice(first.from, first.to))) throw new NotFastPath('task box alone on a line');
  for (let ch = node.firstChild; ch; ch = ch.nextSibling) {
    // A paragraph line in a list item that starts like a list item: micromark starts a list there
    // (the fast parser continues the paragraph, as CommonMark does for an empty item or a number
    // other than 1).
    if ((ch.name === 'Paragraph' || ch.name === 'Task') && /\n[ \t>]*(?:\d{1,9}[.)]|[-+*])(?:[ \t]|\n|$)/.test(t.slice(ch.from, ch.to))) throw new NotFastPath('list marker in a list item paragraph');
    // Likewise a line starting with a tag, which micromark may take for an HTML block there.
    if ((ch.name === 'Paragraph' || ch.name === 'Task') && /\n[ \t>]*</.test(t.slice(ch.from, ch.to))) throw new NotFastPath('tag line in a list item paragraph');
    // A numbered list right under a paragraph line in a list item: the fast parser lets any number
    // start it inside a numbered list, micromark only 1.
    if (ch.name === 'OrderedList' && ch.prevSibling?.name === 'Paragraph' && !/^1[.)]/.test(t.slice(ch.from, ch.from + 2)) && !/\n[ \t>]*\n/.test(t.slice(ch.prevSibling.to, ch.from + 1))) throw new NotFastPath('numbered list under a paragraph line in a list item');
  }
}

/**
 * A list opened inside a quote, list item or footnote definition that starts on the line after a
 * paragraph line: micromark applies the rules for interrupting a paragraph to it (no empty first
 * item, no number other than 1), the fast parser does not. Throws NotFastPath.
 */
function listStart(node: SyntaxNode, ctx: Context): void {
  const t = ctx.text;
  const item = node.firstChild;
  const mark = item?.firstChild;
  if (!item || !mark || mark.name !== 'ListMark') return;
  // A list whose first item is empty: micromark does not start one after some blocks (indented
  // code, definitions) where CommonMark does.
  if (!/\S/.test(t.slice(mark.to, lineEnd(t, mark.to)))) throw new NotFastPath('list starting with an empty item');
  const lineStart = t.lastIndexOf('\n', item.from - 1) + 1;
  if (lineStart === 0 || !/\S/.test(t.slice(lineStart, item.from))) return;
  const previous = t.slice(t.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1);
  if (!/[^\s>]/.test(previous)) return;
  if (node.name === 'OrderedList' && !/^1[.)]$/.test(t.slice(mark.from, mark.to))) throw new NotFastPath('list in a container after a paragraph line');
}

/**
 * An HTML block over several lines inside a quote, list item or footnote holding a comment:
 * micromark leaves the container's line prefixes out of its value, which places the comment
 * differently. Throws NotFastPath.
 */
function htmlBlockInContainer(parent: SyntaxNode, block: SyntaxNode, t: string): void {
  const value = t.slice(block.from, block.to);
  if (parent.name !== 'Document' && value.includes('\n') && value.includes('<!--')) throw new NotFastPath('HTML block over several lines in a container');
}

function blocks(node: SyntaxNode, ctx: Context): RootContent[] {
  const t = ctx.text;
  const out: RootContent[] = [];
  for (let ch = node.firstChild; ch; ch = ch.nextSibling) {
    const at = position(ch.from, ch.to);
    switch (ch.name) {
      case 'FrontMatter': {
        const body = t.slice(ch.from, ch.to).replace(/^---[ \t]*\r?\n/, '').replace(/\r?\n?---[ \t]*$/, '');
        out.push({ type: 'yaml', value: body, position: at });
        break;
      }
      case 'Task': {
        // A task list item's paragraph (GFM): it starts after the box and the spaces after it.
        const marker = ch.getChild('TaskMarker');
        const from = trimStart(t, marker ? marker.to : ch.from, ch.to);
        const end = trimEnd(t, from, ch.to);
        // Nothing after the box on its line: remark starts the text on the next line, or reads no task.
        if (end <= from || t[from] === '\n') throw new NotFastPath('task box alone on a line');
        out.push({ type: 'paragraph', children: phrasing(ch, from, end, ctx), position: position(from, ch.to) });
        break;
      }
      case 'Paragraph': {
        // A first line that is one tag alone: an HTML block to micromark, which runs to a blank line.
        if (HTML_BLOCK_TAG.test(t.slice(ch.from, lineEnd(t, ch.from)))) throw new NotFastPath('paragraph starting with a tag line');
        const end = trimEnd(t, ch.from, ch.to);
        out.push({ type: 'paragraph', children: phrasing(ch, ch.from, end, ctx), position: position(ch.from, ch.to) });
        break;
      }
      case 'ATXHeading1': case 'ATXHeading2': case 'ATXHeading3': case 'ATXHeading4': case 'ATXHeading5': case 'ATXHeading6':
      case 'SetextHeading1': case 'SetextHeading2':
        // Right under a definition, micromark's heading starts at the definition.
        if (ch.prevSibling?.name === 'LinkReference' && !/\n[ \t>]*\n/.test(t.slice(ch.prevSibling.to, ch.from + 1))) throw new NotFastPath('setext heading under a definition');
        out.push(heading(ch, ctx));
        break;
      case 'Table':
        out.push(table(ch, ctx));
        break;
      case 'Blockquote':
        // A lazy line (without `>`): micromark ends the quote at some of them.
        if (/\n(?![ \t]*>)/.test(t.slice(ch.from, trimEnd(t, ch.from, ch.to).valueOf()).replace(/\n+$/, ''))) throw new NotFastPath('lazy line in a block quote');
        out.push({ type: 'blockquote', children: blocks(ch, ctx) as never, position: at });
        break;
      case 'BulletList':
      case 'OrderedList':
        listStart(ch, ctx);
        out.push({ type: 'list', children: blocks(ch, ctx) as never, position: at });
        break;
      case 'ListItem':
        listItem(ch, ctx);
        out.push({ type: 'listItem', children: blocks(ch, ctx) as never, position: at } as RootContent);
        break;
      case 'FootnoteDefinition': {
        const mark = ch.firstChild!;
        // Lines of a definition not indented by four are lazy lines, which micromark reads differently.
        if (/\n(?! {4}|\t|[ \t]*(?:\n|$))/.test(t.slice(ch.from, ch.to))) throw new NotFastPath('lazy line in a footnote definition');
        // A text line right after it is a lazy line to micromark, whatever the fast parser ended on.
        const next = t.slice(ch.to + 1, t.indexOf('\n', ch.to + 1) === -1 ? t.length : t.indexOf('\n', ch.to + 1));
        if (t[ch.to] === '\n' && next.trim() !== '' && !startsFootnote(next)) throw new NotFastPath('line after a footnote definition');
        // Ending in code or HTML that runs to its end marker: when another block follows at once,
        // micromark's definition takes the line ending too.
        if (t[ch.to] === '\n' && next.trim() !== '' && runsToEndMarker(ch.lastChild)) throw new NotFastPath('footnote definition ending in open code or HTML');
        const label = t.slice(mark.from + 2, mark.to - 2);
        out.push({ type: 'footnoteDefinition', identifier: normalizeIdentifier(label).toLowerCase(), label, children: blocks(ch, ctx) as never, position: at });
        break;
      }
      case 'HTMLBlock':
        // A block the fast parser opened for a tag that CommonMark does not take for one.
        if (!KNOWN_HTML_BLOCK.test(t.slice(ch.from, lineEnd(t, ch.from))) && !HTML_BLOCK_TAG.test(t.slice(ch.from, lineEnd(t, ch.from)))) throw new NotFastPath('HTML block of another tag');
        htmlBlockInContainer(node, ch, t);
        out.push({ type: 'html', value: t.slice(ch.from, ch.to), position: at });
        break;
      case 'CommentBlock':
      case 'ProcessingInstructionBlock':
        htmlBlockInContainer(node, ch, t);
        out.push({ type: 'html', value: t.slice(ch.from, ch.to), position: at });
        break;
      case 'FencedCode':
      case 'CodeBlock':
        out.push({ type: 'code', value: '', position: at });
        break;
      case 'LinkReference': {
        // An indented line right after a definition: micromark continues a paragraph there.
        const next = t.slice(ch.to + 1, lineEnd(t, ch.to + 1));
        if (t[ch.to] === '\n' && /\S/.test(next) && /^[ \t>]*(?: {4}|\t)/.test(next)) throw new NotFastPath('indented line after a definition');
        const label = ch.getChild('LinkLabel');
        const raw = label ? t.slice(label.from + 1, label.to - 1) : '';
        out.push({ type: 'definition', identifier: normalizeIdentifier(raw).toLowerCase(), label: raw, url: '', position: at });
        break;
      }
      case 'HorizontalRule':
        out.push({ type: 'thematicBreak', position: at });
        break;
      default:
        break;
    }
  }
  return out;
}

/** Footnote and link labels the document defines (normalised), so references resolve as in remark. */
function definitions(tree: Tree, text: string, ctx: Context): void {
  tree.iterate({
    enter(n) {
      if (n.name === 'FootnoteDefinition') {
        const mark = n.node.firstChild;
        if (mark) ctx.footnotes.add(normalizeIdentifier(text.slice(mark.from + 2, mark.to - 2)).toLowerCase());
        return;
      }
      if (n.name === 'LinkReference') {
        const label = n.node.getChild('LinkLabel');
        if (label) ctx.links.add(normalizeIdentifier(text.slice(label.from + 1, label.to - 1)));
        return false;
      }
      if (n.name === 'Paragraph' || n.name.startsWith('ATX') || n.name.startsWith('Setext') || n.name === 'Table') return false;
      return undefined;
    },
  });
}

/** Why the fast parser cannot read `text` as remark does, before parsing; undefined when it can. */
export function unsupported(text: string): string | undefined {
  // Carriage returns end lines in CommonMark; the fast parser ends lines at line feeds only.
  if (text.includes('\r')) return 'carriage return';
  // An opening `---` that is never closed: remark then reads the rest of the brief differently.
  if (/^---[ \t]*(?:\n|$)/.test(text) && frontMatterEnd(text) < 0) return 'unclosed front matter';
  // An HTML block opened by a declaration with a lower-case letter (the fast parser takes capitals only).
  if (/^[ \t]*(?:(?:>|[-+*]|\d{1,9}[.)]|\[\^[^\]\n]*\]:)[ \t]*)*<![a-z]/m.test(text)) return 'declaration block';
  return undefined;
}

/** The mdast subset of `text` parsed by the fast parser; throws NotFastPath where it would differ. */
export function mdastFromLezer(text: string, tree: Tree): Root {
  const ctx: Context = { text, blockFrom: 0, footnotes: new Set(), links: new Set() };
  definitions(tree, text, ctx);
  return { type: 'root', children: blocks(tree.topNode, ctx), position: position(0, text.length) };
}
