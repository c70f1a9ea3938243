// Turns the fast parser's syntax tree into the part of an mdast tree that briefFromTree and the
// editor's chunk reader read, with remark's positions and text values: text nodes merged as
// mdast-util-from-markdown merges them (escapes and character references decoded, line prefixes
// and trailing spaces dropped), references resolved against the document's definitions.

import type { SyntaxNode, Tree } from '@lezer/common';
import type { Nodes, PhrasingContent, Root, RootContent, TableCell, TableRow } from 'mdast';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { FOOTNOTE_LABEL, frontMatterEnd } from './lezer-syntax';

/**
 * Thrown where the fast parser is known to read Markdown differently from remark (listed in
 * docs/performance.md); the brief is then read by remark.
 */
export class NotFastPath extends Error {}

interface Context {
  text: string;
  /** Where the block whose inline content is being read starts. */
  blockFrom: number;
  footnotes: Set<string>;
  links: Set<string>;
}

function position(from: number, to: number): Nodes['position'] {
  return { start: { line: 0, column: 0, offset: from }, end: { line: 0, column: 0, offset: to } };
}

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let ch = node.firstChild; ch; ch = ch.nextSibling) out.push(ch);
  return out;
}

const maybeLiteral = /https?:\/\/|www\.|mailto:|xmpp:|[\w.+-]@[\w-]/i;
/** What may follow a bare link the fast parser found, for GFM to end it at the same place. */
const literalEnd = /^(?:$|[\s]|[.,;:!?](?:$|\s))/;
const literalText = /^[\w.\/:%?=#&+@-]+$/;

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** Decodes a character reference as micromark does; undefined when it is not one (then it is text). */
function decodeEntity(raw: string): string | undefined {
  if (raw.startsWith('&#x') || raw.startsWith('&#X')) {
    const digits = raw.slice(3, -1);
    return /^[\da-f]{1,6}$/i.test(digits) ? decodeNumericCharacterReference(digits, 16) : undefined;
  }
  if (raw.startsWith('&#')) {
    const digits = raw.slice(2, -1);
    return /^\d{1,7}$/.test(digits) ? decodeNumericCharacterReference(digits, 10) : undefined;
  }
  const decoded = decodeNamedCharacterReference(raw.slice(1, -1));
  return decoded === false ? undefined : decoded;
}

/** Collects phrasing content, merging adjacent text as mdast does. */
class Phrasing {
  readonly out: PhrasingContent[] = [];
  private value = '';
  private start = -1;
  private end = -1;
  /** The next text starts a line: its leading spaces are a line prefix. */
  private lineStart = false;

  constructor(private readonly ctx: Context) {}

  /** Source characters read as text. */
  source(from: number, to: number): void {
    const t = this.ctx.text;
    let i = from;
    while (i < to) {
      if (this.lineStart) {
        while (i < to && isSpace(t[i])) i++;
        if (i >= to) return;
        this.lineStart = false;
      }
      const nl = t.indexOf('\n', i);
      const lineEnd = nl === -1 || nl >= to ? to : nl;
      let keepEnd = lineEnd;
      if (lineEnd < to) while (keepEnd > i && isSpace(t[keepEnd - 1])) keepEnd--;
      if (keepEnd > i) {
        const run = t.slice(i, keepEnd);
        // Text that GFM could read as a bare link, which the fast parser did not: its rules differ.
        if (maybeLiteral.test(run)) throw new NotFastPath('literal autolink');
        this.add(run, i, keepEnd);
      }
      if (lineEnd < to) {
        this.add('\n', lineEnd, lineEnd + 1);
        this.lineStart = true;
        i = lineEnd + 1;
      } else i = to;
    }
  }

  /** Text that stands for the source range [from, to) (an escape or a character reference). */
  add(value: string, from: number, to: number): void {
    if (this.start < 0) this.start = from;
    this.value += value;
    this.end = to;
    this.lineStart = false;
  }

  /** A line prefix (block quote marker) inside a paragraph. */
  prefix(): void {
    this.lineStart = true;
  }

  node(node: PhrasingContent): void {
    this.flush();
    this.out.push(node);
    // After a hard break the next line's indentation is a line prefix.
    this.lineStart = node.type === 'break';
  }

  flush(): void {
    if (this.start >= 0) this.out.push({ type: 'text', value: this.value, position: position(this.start, this.end) });
    this.value = '';
    this.start = -1;
  }

  finish(): PhrasingContent[] {
    this.flush();
    return this.out;
  }
}

function trimEnd(text: string, from: number, to: number): number {
  while (to > from && isSpace(text[to - 1])) to--;
  return to;
}

function trimStart(text: string, from: number, to: number): number {
  while (from < to && isSpace(text[from])) from++;
  return from;
}

function inline(node: SyntaxNode, from: number, to: number, p: Phrasing, ctx: Context): void {
  let at = from;
  for (let ch = node.firstChild; ch; ch = ch.nextSibling) {
    if (ch.to <= from || ch.from >= to) continue;
    if (ch.from > at) p.source(at, ch.from);
    inlineNode(ch, p, ctx);
    at = ch.to;
  }
  if (at < to) p.source(at, to);
}

function marksInside(node: SyntaxNode, mark: string): [number, number] {
  const first = node.firstChild;
  const last = node.lastChild;
  const from = first && first.name === mark ? first.to : node.from;
  const to = last && last.name === mark && last !== first ? last.from : node.to;
  return [from, to];
}

function nested(type: 'emphasis' | 'strong' | 'delete', node: SyntaxNode, mark: string, p: Phrasing, ctx: Context): void {
  const [from, to] = marksInside(node, mark);
  const inner = new Phrasing(ctx);
  inline(node, from, to, inner, ctx);
  inner.flush();
  p.node({ type, children: inner.out, position: position(node.from, node.to) } as PhrasingContent);
}

function decodeString(raw: string): string {
  return raw.replace(/\\([!-/:-@[-`{-~])|&(#x[\da-f]{1,6}|#\d{1,7}|[a-z\d]+);/gi, (whole, escaped: string | undefined) => {
    if (escaped !== undefined) return escaped;
    return decodeEntity(whole) ?? whole;
  });
}

function link(node: SyntaxNode, p: Phrasing, ctx: Context, image: boolean): void {
  const t = ctx.text;
  const marks = children(node).filter((c) => c.name === 'LinkMark');
  const open = marks[0];
  const close = marks.find((m) => t[m.from] === ']');
  if (!open || !close) {
    p.source(node.from, node.to);
    return;
  }
  const url = children(node).find((c) => c.name === 'URL');
  const label = children(node).find((c) => c.name === 'LinkLabel');
  const afterClose = t[close.to];
  const collectText = (q: Phrasing) => inline(node, open.to, close.from, q, ctx);
  const resolved = (raw: string) => ctx.links.has(normalizeIdentifier(raw));
  let kind: 'link' | 'reference' | 'text';
  if (afterClose === '(' && marks.some((m) => t[m.from] === ')')) kind = 'link';
  else if (label) kind = resolved(t.slice(label.from + 1, label.to - 1) || t.slice(open.to, close.from)) ? 'reference' : 'text';
  else kind = resolved(t.slice(open.to, close.from)) ? 'reference' : 'text';
  if (kind === 'text' && image && t[open.to - 1] === '[') {
    // `![^label]`: a `!` and a footnote call when the label is defined.
    const call = FOOTNOTE_LABEL.exec(t.slice(open.to - 1, close.to));
    const id = call && call[0].length === close.to - open.to + 1 ? normalizeIdentifier(call[1]!).toLowerCase() : undefined;
    if (id !== undefined && ctx.footnotes.has(id)) {
      p.add('!', node.from, node.from + 1);
      p.node({ type: 'footnoteReference', identifier: id, label: call![1]!, position: position(open.to - 1, close.to) });
      if (node.to > close.to) p.source(close.to, node.to);
      return;
    }
  }
  if (kind === 'text') {
    // An unresolved reference is its brackets as text around its parsed content.
    p.add(t.slice(node.from, open.to), node.from, open.to);
    collectText(p);
    p.add(']', close.from, close.to);
    if (node.to > close.to) {
      // `[text][^label]`: the second part is a footnote call when the label is defined.
      const rest = t.slice(close.to, node.to);
      const call = FOOTNOTE_LABEL.exec(rest);
      const id = call && call[0].length === rest.length ? normalizeIdentifier(call[1]!).toLowerCase() : undefined;
      if (id !== undefined && ctx.footnotes.has(id)) p.node({ type: 'footnoteReference', identifier: id, label: call![1]!, position: position(close.to, node.to) });
      else p.source(close.to, node.to);
    }
    return;
  }
  if (image) {
    p.node({ type: 'image', url: '', alt: '', position: position(node.from, node.to) });
    return;
  }
  const inner = new Phrasing(ctx);
  collectText(inner);
  inner.flush();
  if (kind === 'reference') {
    const id = label && label.to - label.from > 2 ? t.slice(label.from + 1, label.to - 1) : t.slice(open.to, close.from);
    p.node({ type: 'linkReference', identifier: normalizeIdentifier(id).toLowerCase(), label: id, referenceType: label ? 'full' : 'shortcut', children: inner.out, position: position(node.from, node.to) } as PhrasingContent);
    return;
  }
  let dest = url ? t.slice(url.from, url.to) : '';
  if (dest.startsWith('<') && dest.endsWith('>')) dest = dest.slice(1, -1);
  p.node({ type: 'link', url: decodeString(dest), children: inner.out, position: position(node.from, node.to) } as PhrasingContent);
}

function inlineNode(node: SyntaxNode, p: Phrasing, ctx: Context): void {
  const t = ctx.text;
  switch (node.name) {
    case 'Emphasis':
      nested('emphasis', node, 'EmphasisMark', p, ctx);
      return;
    case 'StrongEmphasis':
      nested('strong', node, 'EmphasisMark', p, ctx);
      return;
    case 'Strikethrough':
      nested('delete', node, 'StrikethroughMark', p, ctx);
      return;
    case 'Link':
      link(node, p, ctx, false);
      return;
    case 'Image':
      link(node, p, ctx, true);
      return;
    case 'Autolink': {
      const url = node.getChild('URL');
      const value = url ? t.slice(url.from, url.to) : '';
      const isEmail = !/^[a-z][a-z\d+.-]{1,31}:/i.test(value);
      p.node({ type: 'link', url: isEmail ? `mailto:${value}` : value, children: [{ type: 'text', value, position: position(url!.from, url!.to) }], position: position(node.from, node.to) });
      return;
    }
    case 'URL': {
      const value = t.slice(node.from, node.to);
      const before = t[node.from - 1];
      const preceding = t.slice(ctx.blockFrom, node.from);
      if (preceding.split('[').length > preceding.split(']').length) throw new NotFastPath('literal autolink in brackets');
      if (!literalText.test(value) || !literalEnd.test(t.slice(node.to, node.to + 2)) || (before !== undefined && !/\s/.test(before))) throw new NotFastPath('literal autolink');
      const url = /^www\./i.test(value) ? `http://${value}` : /^[a-z][a-z\d+.-]*:/i.test(value) ? value : `mailto:${value}`;
      p.node({ type: 'link', url, children: [{ type: 'text', value, position: position(node.from, node.to) }], position: position(node.from, node.to) });
      return;
    }
    case 'FootnoteReference': {
      const label = t.slice(node.from + 2, node.to - 1);
      const id = normalizeIdentifier(label).toLowerCase();
      if (ctx.footnotes.has(id)) p.node({ type: 'footnoteReference', identifier: id, label, position: position(node.from, node.to) });
      else p.add(t.slice(node.from, node.to), node.from, node.to);
      return;
    }
    case 'InlineCode':
      p.node({ type: 'inlineCode', value: '', position: position(node.from, node.to) });
      return;
    case 'HardBreak':
      // Spaces after a tab at the end of a line: micromark does not always read them as a break.
      if (t[node.from] !== '\\' && /[\t]/.test(t.slice(Math.max(0, node.from - 8), node.from))) throw new NotFastPath('hard break after a tab');
      p.node({ type: 'break', position: position(node.from, node.to) });
      return;
    case 'HTMLTag':
    case 'Comment':
    case 'ProcessingInstruction':
      p.node({ type: 'html', value: t.slice(node.from, node.to), position: position(node.from, node.to) });
      return;
    case 'LiteralText':
      p.add(t.slice(node.from, node.to), node.from, node.to);
      return;
    case 'Entity': {
      const raw = t.slice(node.from, node.to);
      p.add(decodeEntity(raw) ?? raw, node.from, node.to);
      return;
    }
    case 'Escape':
      p.add(t[node.from + 1]!, node.from, node.to);
      return;
    case 'QuoteMark':
      p.prefix();
      return;
    case 'Task':
      inline(node, node.from, node.to, p, ctx);
      return;
    case 'TaskMarker':
      return;
    default:
      p.source(node.from, node.to);
  }
}

function phrasing(node: SyntaxNode, from: number, to: number, ctx: Context): PhrasingContent[] {
  const source = ctx.text.slice(from, to);
  // Runs of three or more emphasis markers: the two parsers resolve some of them differently.
  if (/\*\*\*|___/.test(source)) throw new NotFastPath('emphasis run');
  // An emphasis marker touching a tilde: micromark classifies the pair differently.
  if (/~[*_]|[*_]~/.test(source)) throw new NotFastPath('emphasis beside a tilde');
  // A line like a table's delimiter row inside a paragraph: micromark may start a table there.
  if (/\n[ \t>]*\|?[ \t]*:?-+:?[ \t]*\|/.test(source) || /\n[ \t>]*[-:| \t]*\|[-:| \t]*(?:\n|$)/.test(source)) throw new NotFastPath('table under a paragraph line');
  ctx.blockFrom = from;
  const p = new Phrasing(ctx);
  inline(node, from, to, p, ctx);
  return p.finish();
}

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
        cells.push({ type: 'tableCell', children: phrasing(part, part.from, part.to, ctx), position: position(start, part.to) });
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
