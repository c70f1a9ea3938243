// Reads the inline content of one block of the fast parser's tree as remark does: text nodes
// merged as mdast-util-from-markdown merges them (escapes and character references decoded with
// micromark's utilities, line prefixes and trailing spaces dropped), references resolved against
// the brief's definitions. Constructs read differently from remark throw NotFastPath.

import type { SyntaxNode } from '@lezer/common';
import type { Nodes, PhrasingContent } from 'mdast';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { FOOTNOTE_LABEL } from './lezer-syntax';

/**
 * Thrown where the fast parser is known to read Markdown differently from remark (listed in
 * docs/performance.md); the brief is then read by remark.
 */
export class NotFastPath extends Error {}

export interface Context {
  text: string;
  /** Where the block whose inline content is being read starts. */
  blockFrom: number;
  footnotes: Set<string>;
  links: Set<string>;
}

export function position(from: number, to: number): Nodes['position'] {
  return { start: { line: 0, column: 0, offset: from }, end: { line: 0, column: 0, offset: to } };
}

export function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let ch = node.firstChild; ch; ch = ch.nextSibling) out.push(ch);
  return out;
}

const maybeLiteral = /https?:\/\/|www\.|mailto:|xmpp:|[\w.+-]@[\w-]/i;
/** What may follow a bare link the fast parser found, for GFM to end it at the same place. */
const literalEnd = /^(?:$|[\s]|[.,;:!?](?:$|\s))/;
const literalText = /^[\w.\/:%?=#&+@-]+$/;

export const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t';

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

export function trimEnd(text: string, from: number, to: number): number {
  while (to > from && isSpace(text[to - 1])) to--;
  return to;
}

export function trimStart(text: string, from: number, to: number): number {
  while (from < to && isSpace(text[from])) from++;
  return from;
}

function inline(node: SyntaxNode, from: number, to: number, p: Phrasing, ctx: Context): void {
  let at = from;
  for (let ch = node.firstChild; ch; ch = ch.nextSibling) {
    // A run of spaces is read with the text around it.
    if (ch.to <= from || ch.from >= to || ch.name === 'SpaceRun') continue;
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
  if (type !== 'delete') {
    // Markers taken from a longer run (`**a*`): micromark applies CommonMark's rule of three to
    // what is left of a run, the fast parser to the whole run, so they pair the rest differently.
    const t = ctx.text;
    for (const [a, b] of [[node.from, from], [to, node.to]] as const) {
      if (b > a && (t[a - 1] === t[a] || t[b] === t[a])) throw new NotFastPath('emphasis marker from a longer run');
    }
  }
  const inner = new Phrasing(ctx);
  inline(node, from, to, inner, ctx);
  inner.flush();
  p.node({ type, children: inner.out, position: position(node.from, node.to) } as PhrasingContent);
}

/** Whether a `[` before the end of `text` is still open (a `]` closes the latest one). */
function openBracket(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '[') depth++;
    else if (c === ']' && depth > 0) depth--;
  }
  return depth > 0;
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
  else if (resolved(t.slice(open.to, close.from))) {
    // `[x][` with `x` defined: micromark tries a full reference, and when none follows reads the
    // brackets as text rather than as a shortcut reference.
    if (t[close.to] === '[') throw new NotFastPath('defined shortcut reference before a bracket');
    kind = 'reference';
  } else kind = 'text';
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
  // `[x][l](…)` or `[x][l][y]` with `l` undefined: micromark reads `[l]` again as the start of a link.
  if (kind === 'text' && label && (t[node.to] === '(' || t[node.to] === '[')) throw new NotFastPath('unresolved reference before a link');
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
      // The label is text whose inside remark still reads as inline content.
      else if (/[<&\\*_`![~]/.test(rest.slice(1, -1))) throw new NotFastPath('unresolved reference label with markup');
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
      // micromark starts a bare link only after ASCII whitespace; GFM's later pass links it after
      // other spaces too, but without positions.
      if (before !== undefined && !/[ \t\n]/.test(before)) throw new NotFastPath('literal autolink after a non-ASCII space');
      const preceding = t.slice(ctx.blockFrom, node.from);
      if (openBracket(preceding)) throw new NotFastPath('literal autolink in brackets');
      if (!literalText.test(value) || !literalEnd.test(t.slice(node.to, node.to + 2)) || (before !== undefined && !/\s/.test(before))) throw new NotFastPath('literal autolink');
      // After a tag and a space, micromark's literal link takes the space with it.
      if (node.from >= 2 && t[node.from - 2] === '>') throw new NotFastPath('literal autolink after a tag');
      const url = /^www\./i.test(value) ? `http://${value}` : /^[a-z][a-z\d+.-]*:/i.test(value) ? value : `mailto:${value}`;
      p.node({ type: 'link', url, children: [{ type: 'text', value, position: position(node.from, node.to) }], position: position(node.from, node.to) });
      return;
    }
    case 'FootnoteReference': {
      const label = t.slice(node.from + 2, node.to - 1);
      const id = normalizeIdentifier(label).toLowerCase();
      if (ctx.footnotes.has(id)) p.node({ type: 'footnoteReference', identifier: id, label, position: position(node.from, node.to) });
      // Undefined, but a link label is defined as `^label`: remark reads a link reference.
      else if (ctx.links.has(normalizeIdentifier(`^${label}`))) throw new NotFastPath('footnote call naming a link definition');
      // Undefined and followed by a destination or a label: micromark reads a link there.
      else if (t[node.to] === '(' || t[node.to] === '[') throw new NotFastPath('undefined footnote call before a link');
      // Undefined, it is text whose inside remark still reads as inline content.
      else if (/[<&\\*_`![~]/.test(label)) throw new NotFastPath('undefined footnote call with markup');
      else p.source(node.from, node.to);
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
    case 'ProcessingInstruction': {
      // Over several lines, each line's indentation is a line prefix, not part of the value; a
      // quote's markers, a tab or four spaces there micromark reads otherwise.
      const value = t.slice(node.from, node.to);
      if (/\n(?:[ \t]*[>\t]| {4})/.test(value)) throw new NotFastPath('inline HTML over quoted or deeply indented lines');
      p.node({ type: 'html', value: value.replace(/\n[ \t]+/g, '\n'), position: position(node.from, node.to) });
      return;
    }
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
    case 'TaskMarker':
      return;
    default:
      p.source(node.from, node.to);
  }
}

export function phrasing(node: SyntaxNode, from: number, to: number, ctx: Context): PhrasingContent[] {
  const source = ctx.text.slice(from, to);
  // Runs of three or more emphasis markers: the two parsers resolve some of them differently.
  if (/\*\*\*|___/.test(source)) throw new NotFastPath('emphasis run');
  // An emphasis marker touching a tilde or the other marker: micromark lets a run open or close
  // beside any such marker, whatever CommonMark's flanking rules say.
  if (/~[*_]|[*_]~|\*_|_\*|\\[*_~][*_~]/.test(source)) throw new NotFastPath('emphasis marker beside another marker');
  // An emphasis marker before a backslash line break: the parsers pair the markers differently.
  if (/[*_]\\\n/.test(source)) throw new NotFastPath('emphasis before a backslash break');
  // A line like a table's delimiter row inside a paragraph: micromark may start a table there.
  if (/\n[ \t>]*\|?[ \t]*:?-+:?[ \t]*\|/.test(source) || /\n[ \t>]*[-:| \t]*\|[-:| \t]*(?:\n|$)/.test(source) || /\n[ \t>]*(?::-+:?|-+:)[ \t]*(?:\n|$)/.test(source)) throw new NotFastPath('table under a paragraph line');
  ctx.blockFrom = from;
  const p = new Phrasing(ctx);
  inline(node, from, to, p, ctx);
  return p.finish();
}
