// Turns the fast parser's syntax tree into the part of an mdast tree that briefFromTree and the
// editor's chunk reader read, with remark's positions (blocks here, inline content in
// lezer-inline.ts). Where the two parsers are known to differ it throws NotFastPath.

import type { SyntaxNode, Tree } from '@lezer/common';
import type { Root, RootContent, TableCell, TableRow } from 'mdast';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { NotFastPath, children, isSpace, phrasing, position, trimEnd, trimStart, type Context } from './lezer-inline';
import { frontMatterEnd } from './lezer-syntax';

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
  const rows: TableRow[] = [];
  for (const row of children(node)) {
    if (row.name !== 'TableHeader' && row.name !== 'TableRow') continue;
    // A row indented by a tab or four spaces: micromark ends the table there.
    const lineStart = t.lastIndexOf('\n', row.from - 1) + 1;
    if (/^(?: {0,3}\t| {4})/.test(t.slice(lineStart, row.from + 1))) throw new NotFastPath('indented table row');
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
      case 'Paragraph': {
        const end = trimEnd(t, ch.from, ch.to);
        out.push({ type: 'paragraph', children: phrasing(ch, ch.from, end, ctx), position: position(ch.from, ch.to) });
        break;
      }
      case 'ATXHeading1': case 'ATXHeading2': case 'ATXHeading3': case 'ATXHeading4': case 'ATXHeading5': case 'ATXHeading6':
      case 'SetextHeading1': case 'SetextHeading2':
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
        out.push({ type: 'list', children: blocks(ch, ctx) as never, position: at });
        break;
      case 'ListItem':
        out.push({ type: 'listItem', children: blocks(ch, ctx) as never, position: at } as RootContent);
        break;
      case 'FootnoteDefinition': {
        const mark = ch.firstChild!;
        // Lines of a definition not indented by four are lazy lines, which micromark reads differently.
        if (/\n(?! {4}|\t|[ \t]*(?:\n|$))/.test(t.slice(ch.from, ch.to))) throw new NotFastPath('lazy line in a footnote definition');
        // A text line right after it is a lazy line to micromark, whatever the fast parser ended on.
        const next = t.slice(ch.to + 1, t.indexOf('\n', ch.to + 1) === -1 ? t.length : t.indexOf('\n', ch.to + 1));
        if (t[ch.to] === '\n' && next.trim() !== '' && !/^ {0,3}\[\^/.test(next)) throw new NotFastPath('line after a footnote definition');
        const label = t.slice(mark.from + 2, mark.to - 2);
        out.push({ type: 'footnoteDefinition', identifier: normalizeIdentifier(label).toLowerCase(), label, children: blocks(ch, ctx) as never, position: at });
        break;
      }
      case 'HTMLBlock':
      case 'CommentBlock':
      case 'ProcessingInstructionBlock':
        out.push({ type: 'html', value: t.slice(ch.from, ch.to), position: at });
        break;
      case 'FencedCode':
      case 'CodeBlock':
        out.push({ type: 'code', value: '', position: at });
        break;
      case 'LinkReference': {
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
  return undefined;
}

/** The mdast subset of `text` parsed by the fast parser; throws NotFastPath where it would differ. */
export function mdastFromLezer(text: string, tree: Tree): Root {
  const ctx: Context = { text, blockFrom: 0, footnotes: new Set(), links: new Set() };
  definitions(tree, text, ctx);
  return { type: 'root', children: blocks(tree.topNode, ctx), position: position(0, text.length) };
}
