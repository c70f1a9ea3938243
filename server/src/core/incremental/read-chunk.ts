// Reads one chunk of a brief on its own: parses it with stand-in definitions for the labels that
// other chunks define (so its references resolve as in the whole brief), keeps only the chunk's own
// nodes, and extracts its claims. Offsets in the result are relative to the chunk's start.

import type { Nodes, Root } from 'mdast';
import { extractBlockClaims } from '../claims/extract';
import type { ClaimDraft, ExtractionContext } from '../claims/types';
import { briefFromTree, parseTree, type ParserName } from '../parse/index';
import type { ParsedBrief } from '../parse/types';
import { FENCE, HTML_OPENERS, type Follows } from './chunks';
import { shiftBlock, shiftComment, shiftFootnote } from './shift';

/** Labels of definitions, as written: footnote labels without the caret. */
export interface Labels {
  footnotes: string[];
  links: string[];
}

export interface ChunkRead {
  parsed: ParsedBrief;
  drafts: ClaimDraft[];
  /** Labels the chunk itself defines; they do not depend on the stand-ins. */
  defines: Labels;
  /** The chunk ends inside a fenced code block or an HTML block that only its end marker closes. */
  open: boolean;
  /** Whether `parsed.blocks` was kept; checking needs only the drafts extracted from the blocks. */
  keptBlocks: boolean;
}

// Labels match after their whitespace is collapsed, so a stand-in writes each on one line: a label
// holding a line break would otherwise start a new block inside the stand-ins (an HTML block that
// runs on over the chunk, for "[\r<pre>…]"). Only Markdown's own whitespace is collapsed, as
// micromark does: other spaces (U+00A0) stay part of the label.
const oneLine = (label: string) => label.replace(/[\t\n\r ]+/g, ' ');

function standIns(labels: Labels): string {
  return [...labels.footnotes.map((l) => `[^${oneLine(l)}]: x`), ...labels.links.map((l) => `[${oneLine(l)}]: x`)].join('\n\n');
}

function definedIn(nodes: readonly Nodes[], out: Labels): void {
  for (const node of nodes) {
    if (node.type === 'footnoteDefinition') out.footnotes.push(node.label ?? node.identifier);
    else if (node.type === 'definition') out.links.push(node.label ?? node.identifier);
    if ('children' in node) definedIn(node.children as Nodes[], out);
  }
}

/** Whether a top-level node runs to the end of its text because its closing marker never came. */
function isOpen(node: Nodes, source: string): boolean {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return false;
  const text = source.slice(start, end);
  if (node.type === 'code') {
    const open = FENCE.exec(text);
    if (!open) return false;
    const lines = text.split('\n');
    const close = lines.length > 1 ? /^ {0,3}(`{3,}|~{3,})[ \t]*\r?$/.exec(lines[lines.length - 1]!) : null;
    return !(close && close[1]![0] === open[1]![0] && close[1]!.length >= open[1]!.length);
  }
  if (node.type === 'html') {
    for (const [opener, closer] of HTML_OPENERS) if (opener.test(text)) return !closer.test(text.replace(opener, ''));
  }
  return false;
}

// Read right after a chunk in place of the line that follows it in the brief, so that the chunk's
// end reads as it does there: a paragraph line ends the containers left open as any line that
// opens none does, a block quote as any line that opens one. The end of a document reads like the
// latter, so only the first chunk, which has the stand-ins after it, needs the block quote.
const AFTER: Record<Exclude<Follows, 'end'>, string> = { container: '> x', flow: 'x' };

/** The text read for `chunk`, and where the chunk starts in it. */
function sourceOf(chunk: string, first: boolean, follows: Follows, defs: string): { source: string; at: number } {
  const after = follows === 'flow' ? AFTER.flow : '';
  if (!first) {
    const prefix = defs ? `${defs}\n\n` : '';
    return { source: `${prefix}${chunk}${after}`, at: prefix.length };
  }
  // A first chunk that ends the brief is the whole brief: the only labels it uses are its own.
  if (follows === 'end' || !defs) return { source: `${chunk}${after}`, at: 0 };
  return { source: `${chunk}${AFTER[follows]}\n\n${defs}\n`, at: 0 };
}

/**
 * Reads `chunk`, which `follows` tells what follows. The first chunk of a brief gets the stand-ins
 * after it (its front matter must stay on the first line), behind a line that stands for the one
 * that follows it; every other chunk gets them before it, so a chunk that ends open still sees
 * them. Without `keepBlocks` the blocks are dropped once their claims are extracted.
 */
export function readChunk(chunk: string, first: boolean, follows: Follows, context: Labels, extraction: ExtractionContext, keepBlocks = true, parser?: ParserName): ChunkRead {
  const { source, at } = sourceOf(chunk, first, follows, standIns(context));
  const tree = parseTree(source, parser);
  let own: Root | undefined;
  if (tree) {
    const children = tree.children.filter((n) => {
      const start = n.position?.start.offset ?? 0;
      return start >= at && start < at + chunk.length;
    });
    own = { ...tree, children };
  }
  const read = briefFromTree(source, own);
  const parsed: ParsedBrief = {
    ...read,
    text: chunk,
    blocks: read.blocks.map((b) => shiftBlock(b, -at)),
    footnotes: read.footnotes.map((f) => shiftFootnote(f, -at)),
    comments: read.comments.map((c) => shiftComment(c, -at)),
  };
  const defines: Labels = { footnotes: [], links: [] };
  definedIn(own?.children ?? [], defines);
  const last = own?.children[own.children.length - 1];
  return {
    parsed: keepBlocks ? parsed : { ...parsed, blocks: [] },
    drafts: parsed.blocks.flatMap((block) => extractBlockClaims(block, chunk, extraction)),
    defines,
    open: last ? isOpen(last, source) : false,
    keptBlocks: keepBlocks,
  };
}
