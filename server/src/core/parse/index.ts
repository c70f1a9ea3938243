// Parses a brief into plain-text blocks whose offsets map exactly back to the source. Two parsers
// read Markdown here: the fast one, the default (@lezer/markdown with GFM, core/parse/lezer-*.ts),
// and the reference, unified + remark (GFM tables and footnotes, YAML front matter), which also
// reads every brief holding a construct the fast one is known to read differently. Both give an mdast
// tree that one walker reads, and a differential suite holds them to the same results. Code, URLs
// and HTML attributes never reach the text; inline HTML such as <b> or <sup> is read as text.
// Malformed input never throws.

import type { Nodes, Parents, PhrasingContent, Root, RootContent, Table } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Range } from '../types';
import { readFrontMatter } from './front-matter';
import { parseWithLezer } from './lezer-syntax';
import { NotFastPath, mdastFromLezer, unsupported } from './lezer-tree';
import { TextBuilder } from './text-map';
import type { Block, BlockKind, Citation, FootnoteDefinition, HtmlComment, ParsedBrief } from './types';

export type * from './types';
export { toSource, toSourceRange } from './text-map';
export type { Segment } from './text-map';
export { isIsoDate } from './front-matter';

// The processor is frozen and holds no per-document state, so one instance serves every call.
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();

interface Collector {
  source: string;
  blocks: Block[];
  footnotes: FootnoteDefinition[];
  comments: HtmlComment[];
  usesFootnotes: boolean;
}

function rangeOf(node: Nodes): Range | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}

function recordComments(value: string, at: number, out: HtmlComment[]): void {
  for (const m of value.matchAll(/<!--([\s\S]*?)-->/g)) {
    out.push({ body: m[1]!.trim(), range: { start: at + m.index, end: at + m.index + m[0].length } });
  }
}

const spacingTags = /^<\/?(?:sup|sub|br|td|th|li|p|div)\b/i;

interface InlineState {
  builder: TextBuilder;
  citations: Citation[];
  urls: string[];
}

function isBareUrl(text: string, url: string): boolean {
  return text === url || /^(?:https?:\/\/|www\.|mailto:)/i.test(text) || `mailto:${text}` === url;
}

function collectInline(nodes: readonly PhrasingContent[], state: InlineState, c: Collector): void {
  for (const node of nodes) {
    const range = rangeOf(node);
    switch (node.type) {
      case 'text':
        if (range) state.builder.appendAligned(node.value, c.source.slice(range.start, range.end), range.start);
        break;
      case 'emphasis':
      case 'strong':
      case 'delete':
      case 'linkReference':
        collectInline(node.children, state, c);
        break;
      case 'link': {
        const childText = node.children.map((ch) => ('value' in ch ? ch.value : '')).join('');
        const from = state.builder.text.length;
        if (!isBareUrl(childText, node.url)) collectInline(node.children, state, c);
        state.citations.push({ kind: 'link', at: state.builder.text.length, target: node.url, from });
        state.urls.push(node.url);
        break;
      }
      case 'footnoteReference':
        c.usesFootnotes = true;
        state.citations.push({ kind: 'footnote', at: state.builder.text.length, target: node.identifier });
        break;
      case 'inlineCode':
        // Code never yields claims; a space keeps the words on either side apart.
        if (range) state.builder.appendSynthetic(' ', range.start);
        break;
      case 'break':
        if (range) state.builder.appendSynthetic(' ', range.start);
        break;
      case 'html':
        if (range) {
          recordComments(node.value, range.start, c.comments);
          if (spacingTags.test(node.value)) state.builder.appendSynthetic(' ', range.start);
        }
        break;
      default:
        break;
    }
  }
}

function pushBlock(kind: BlockKind, node: Parents & { children: PhrasingContent[] }, c: Collector): void {
  const range = rangeOf(node);
  if (!range) return;
  const state: InlineState = { builder: new TextBuilder(), citations: [], urls: [] };
  collectInline(node.children, state, c);
  if (state.builder.text.trim() === '' && state.citations.length === 0) return;
  c.blocks.push({ kind, text: state.builder.text, range, segments: state.builder.segments, citations: state.citations });
}

function pushTable(table: Table, c: Collector): void {
  let header: string[] | undefined;
  for (const row of table.children) {
    const range = rangeOf(row);
    if (!range) continue;
    const state: InlineState = { builder: new TextBuilder(), citations: [], urls: [] };
    const cells: Range[] = [];
    for (const cell of row.children) {
      const cellRange = rangeOf(cell);
      if (!cellRange) continue;
      if (cells.length > 0) state.builder.appendSynthetic(' | ', cellRange.start);
      const start = state.builder.text.length;
      collectInline(cell.children, state, c);
      cells.push({ start, end: state.builder.text.length });
    }
    const texts = cells.map((r) => state.builder.text.slice(r.start, r.end).trim());
    if (!header) {
      header = texts;
      continue;
    }
    c.blocks.push({ kind: 'table-row', text: state.builder.text, range, segments: state.builder.segments, citations: state.citations, cells, header });
  }
}

function pushFootnote(node: Extract<RootContent, { type: 'footnoteDefinition' }>, c: Collector): void {
  const range = rangeOf(node);
  if (!range) return;
  c.usesFootnotes = true;
  const state: InlineState = { builder: new TextBuilder(), citations: [], urls: [] };
  for (const child of node.children) {
    if (child.type === 'paragraph') collectInline(child.children, state, c);
  }
  c.footnotes.push({ label: node.identifier, text: state.builder.text.trim(), range, urls: state.urls });
}

function walk(nodes: readonly RootContent[], c: Collector): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'paragraph':
        pushBlock('paragraph', node, c);
        break;
      case 'heading':
        pushBlock('heading', node, c);
        break;
      case 'table':
        pushTable(node, c);
        break;
      case 'footnoteDefinition':
        pushFootnote(node, c);
        break;
      case 'html': {
        const range = rangeOf(node);
        if (range) recordComments(node.value, range.start, c.comments);
        break;
      }
      case 'blockquote':
      case 'list':
      case 'listItem':
        walk(node.children, c);
        break;
      default:
        // Code blocks, front matter, thematic breaks and definitions carry no prose.
        break;
    }
  }
}

/** The Markdown parsers: `lezer` (fast, the default) and `remark` (the reference it is tested against). */
export const PARSERS = ['lezer', 'remark'] as const;
export type ParserName = (typeof PARSERS)[number];
export const DEFAULT_PARSER: ParserName = 'lezer';

/** The mdast tree of a text, or undefined when the parser cannot read it (never throws). */
export function parseTree(text: string, parser: ParserName = DEFAULT_PARSER): Root | undefined {
  if (parser === 'lezer' && unsupported(text) === undefined) {
    try {
      return mdastFromLezer(text, parseWithLezer(text));
    } catch (error) {
      // A construct the fast parser reads differently: remark reads this brief instead.
      if (!(error instanceof NotFastPath)) return undefined;
    }
  }
  try {
    return processor.parse(text);
  } catch {
    return undefined;
  }
}

/** Parses a brief. Never throws: input the parser cannot read yields a brief with no blocks. */
export function parseBrief(text: string, parser: ParserName = DEFAULT_PARSER): ParsedBrief {
  return briefFromTree(text, parseTree(text, parser));
}

/**
 * Reads a brief from the mdast tree a parser made of `text`. The editor's incremental re-analysis
 * (core/incremental) parses pieces of a brief and reads each piece's tree with this.
 */
export function briefFromTree(text: string, tree: Root | undefined): ParsedBrief {
  const c: Collector = { source: text, blocks: [], footnotes: [], comments: [], usesFootnotes: false };
  let frontMatter: ParsedBrief['frontMatter'] = { problems: [] };
  if (tree) {
    const first = tree.children[0];
    if (first?.type === 'yaml') {
      const range = rangeOf(first);
      if (range) frontMatter = readFrontMatter(first.value, range);
    }
    try {
      walk(tree.children, c);
    } catch {
      // A tree shape this walker does not expect keeps the blocks read so far.
    }
  }
  return {
    text,
    blocks: c.blocks,
    footnotes: c.footnotes,
    comments: c.comments,
    frontMatter,
    citationStyle: c.usesFootnotes ? 'footnote' : 'link',
  };
}
