// The parsed form of a brief: plain-text blocks with exact offset maps, citations, footnotes,
// HTML comments (for directives) and front matter. Claims are extracted from blocks one by one.

import type { IsoDate, Range } from '../types';
import type { Segment } from './text-map';

export type BlockKind = 'paragraph' | 'heading' | 'table-row';

/** A footnote reference or a link, at an offset in its block's plain text. */
export interface Citation {
  kind: 'footnote' | 'link';
  at: number;
  /** Footnote label or link destination. */
  target: string;
  /** For links: where the link's text starts (it ends at `at`). */
  from?: number;
}

export interface Block {
  kind: BlockKind;
  text: string;
  /** Source range of the whole block. */
  range: Range;
  segments: Segment[];
  citations: Citation[];
  /** For table rows: each cell's range in `text`. */
  cells?: Range[];
  /** For table rows: the table's header cell texts. */
  header?: string[];
}

export interface FootnoteDefinition {
  label: string;
  /** The definition's plain text. */
  text: string;
  range: Range;
  /** Link destinations inside the definition. */
  urls: string[];
}

export interface HtmlComment {
  /** The comment's inner text, trimmed. */
  body: string;
  range: Range;
}

export interface FrontMatter {
  asOf?: IsoDate;
  date?: IsoDate;
  /** Why a front-matter value could not be used, one sentence each. */
  problems: { message: string; range: Range }[];
}

export type CitationStyle = 'footnote' | 'link';

export interface ParsedBrief {
  text: string;
  blocks: Block[];
  footnotes: FootnoteDefinition[];
  comments: HtmlComment[];
  frontMatter: FrontMatter;
  citationStyle: CitationStyle;
}
