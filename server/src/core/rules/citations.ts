// Places the citation a fix ends with in the brief's own style: a footnote when the brief uses
// footnotes (reusing a definition that already cites the source, and adding one at the brief's end
// otherwise), else an inline link. It reads the whole brief, so the check runs it after the rules.

import type { Source } from '../dataset/types';
import { chunkStarts } from '../incremental/chunks';
import { parseBrief } from '../parse/index';
import type { ParsedBrief } from '../parse/types';
import type { TextEdit } from '../types';
import type { Citation } from './define-rule';

function footnoteLabel(sourceId: string): string {
  return `briefcheck-${sourceId.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase()}`;
}

function citedUrls(source: Source): string[] {
  return [source.url, ...(source.via ? [source.via] : [])];
}

/** The rest of the sentence from `at`, where an existing citation of the same source would stand. */
function restOfSentence(text: string, at: number): string {
  const tail = text.slice(at, at + 300);
  const end = tail.search(/\n\s*\n|[.!?](?:\[\^[^\]]*\])*\s/);
  return end === -1 ? tail : tail.slice(0, end + 1 + (/^[.!?]/.test(tail.slice(end)) ? (tail.slice(end + 1).match(/^(?:\[\^[^\]]*\])*/)?.[0].length ?? 0) : 0));
}

interface FootnoteIndex {
  /** The position of the first definition with each lower-cased label, and of the first that cites each URL, among those scanned. */
  byLabel: Map<string, number>;
  byUrl: Map<string, number>;
  /** Definitions before this position are in the maps. */
  scanned: number;
}

// Kept per parsed brief and filled only as far as a search needs: a brief with thousands of
// definitions and fixes would otherwise scan every definition for every fix.
const footnoteIndexes = new WeakMap<ParsedBrief, FootnoteIndex>();

/** The first definition whose label is `label` (lower case) or that cites one of `urls`. */
function existingFootnote(parsed: ParsedBrief, label: string, urls: readonly string[]): ParsedBrief['footnotes'][number] | undefined {
  let index = footnoteIndexes.get(parsed);
  if (!index) footnoteIndexes.set(parsed, (index = { byLabel: new Map(), byUrl: new Map(), scanned: 0 }));
  // A match among the scanned definitions precedes every unscanned one; only without one scan on.
  let first = index.byLabel.get(label) ?? Infinity;
  for (const u of urls) first = Math.min(first, index.byUrl.get(u) ?? Infinity);
  while (first === Infinity && index.scanned < parsed.footnotes.length) {
    const i = index.scanned++;
    const f = parsed.footnotes[i]!;
    const own = f.label.toLowerCase();
    if (!index.byLabel.has(own)) index.byLabel.set(own, i);
    for (const u of f.urls) if (!index.byUrl.has(u)) index.byUrl.set(u, i);
    if (own === label || f.urls.some((u) => urls.includes(u))) first = i;
  }
  return parsed.footnotes[first];
}

/** Who a citation names: the publisher, or who stated the figure as reported by the publisher. */
function citedBy(source: Source, statedBy: string | undefined): string {
  const first = statedBy?.split(/[ ,(]/)[0]?.toLowerCase();
  return statedBy && first && !source.publisher.toLowerCase().includes(first) ? `${statedBy}, as reported by ${source.publisher}` : source.publisher;
}

const PROBE_LABEL = 'briefcheck-probe-definition';
const appendable = new WeakMap<ParsedBrief, boolean>();

/** The blank-line lead that puts a definition appended to `text` on its own paragraph. */
const leadFor = (text: string) => (text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n');

/**
 * True when a footnote definition appended to the brief is read as one. It is not when the brief
 * ends inside an unclosed code fence or HTML block: the definition would be code, the reference
 * would stay uncited, and every later --fix would add both again.
 */
function definitionsReadAtEnd(parsed: ParsedBrief): boolean {
  let known = appendable.get(parsed);
  if (known === undefined) {
    // Every block has ended where the last chunk starts, so parsing from there decides as the whole would.
    const tail = parsed.text.slice(chunkStarts(parsed.text).at(-1) ?? 0);
    const probe = parseBrief(`${tail}${leadFor(parsed.text)}[^${PROBE_LABEL}]: x\n`);
    known = probe.footnotes.some((f) => f.label === PROBE_LABEL);
    appendable.set(parsed, known);
  }
  return known;
}

/** The edits that cite `citation.source` at `citation.at`: a footnote reference plus, if needed, its definition. */
export function citationEdits(parsed: ParsedBrief, { source, at, statedBy }: Citation): TextEdit[] {
  const text = parsed.text;
  const link = `[${source.title}](${source.url})`;
  const by = citedBy(source, statedBy);
  const sentence = restOfSentence(text, at);
  const newDefinitionUnread = () => parsed.citationStyle === 'footnote' && !existingFootnote(parsed, footnoteLabel(source.id), citedUrls(source)) && !definitionsReadAtEnd(parsed);
  if (parsed.citationStyle === 'link' || newDefinitionUnread()) {
    if (citedUrls(source).some((u) => sentence.includes(u))) return [];
    return [{ range: { start: at, end: at }, text: ` (${by}, ${link})` }];
  }
  const label = footnoteLabel(source.id);
  const existing = existingFootnote(parsed, label, citedUrls(source));
  const reference = { range: { start: at, end: at }, text: `[^${existing ? existing.label : label}]` };
  if (existing) return sentence.toLowerCase().includes(`[^${existing.label.toLowerCase()}]`) ? [] : [reference];
  const end = text.length;
  const lead = leadFor(text);
  const published = source.published ? ` (${source.published})` : '';
  return [reference, { range: { start: end, end }, text: `${lead}[^${label}]: ${by}, ${link}${published}.\n` }];
}
