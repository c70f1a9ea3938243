// Builds the fix that puts a current figure into a brief: the value (and its period) replaced on
// the original text, and a citation in the brief's own style: a footnote when the brief uses
// footnotes (reusing a definition that already cites the source), otherwise an inline link.

import type { Dataset, Observation, Source } from '../dataset/types';
import { chunkStarts } from '../incremental/chunks';
import { parseBrief } from '../parse/index';
import type { ParsedBrief } from '../parse/types';
import type { Claim, Fix, TextEdit } from '../types';
import type { AnalysedBrief } from './define-rule';
import { formatObservedValue } from './describe';

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

/** The edits that cite `source` at `at`: a footnote reference plus, if needed, its definition. */
export function citationEdits(brief: AnalysedBrief, source: Source, at: number, statedBy?: string): TextEdit[] {
  const link = `[${source.title}](${source.url})`;
  const by = citedBy(source, statedBy);
  const sentence = restOfSentence(brief.text, at);
  const newDefinitionUnread = () => brief.parsed.citationStyle === 'footnote' && !existingFootnote(brief.parsed, footnoteLabel(source.id), citedUrls(source)) && !definitionsReadAtEnd(brief.parsed);
  if (brief.parsed.citationStyle === 'link' || newDefinitionUnread()) {
    if (citedUrls(source).some((u) => sentence.includes(u))) return [];
    return [{ range: { start: at, end: at }, text: ` (${by}, ${link})` }];
  }
  const label = footnoteLabel(source.id);
  const existing = existingFootnote(brief.parsed, label, citedUrls(source));
  const reference = { range: { start: at, end: at }, text: `[^${existing ? existing.label : label}]` };
  if (existing) return sentence.toLowerCase().includes(`[^${existing.label.toLowerCase()}]`) ? [] : [reference];
  const end = brief.text.length;
  const lead = leadFor(brief.text);
  const published = source.published ? ` (${source.published})` : '';
  return [reference, { range: { start: end, end }, text: `${lead}[^${label}]: ${by}, ${link}${published}.\n` }];
}

/** The best source of an observation that the dataset can name (the dataset lists them best first). */
export function sourceOf(dataset: Dataset, obs: Observation): Source | undefined {
  for (const ref of obs.sources) {
    const source = dataset.source(ref.source);
    if (source) return source;
  }
  return undefined;
}

/** Replaces a figure's value and period with the observation's, and cites the observation. */
export function figureFix(brief: AnalysedBrief, claim: Claim, obs: Observation, dataset: Dataset): Fix | undefined {
  const valueRange = claim.hedgeRange ?? claim.valueRange;
  if (!valueRange || obs.value === null) return undefined;
  const written = brief.text.slice(valueRange.start, valueRange.end);
  const value = formatObservedValue(obs, false) + (claim.unit === '%' && !/\d/.test(written) ? '%' : '');
  const edits: TextEdit[] = [{ range: valueRange, text: value }];
  let citeAt = claim.range.end;
  if (claim.period?.range) {
    const samePeriod = claim.period.start === obs.period.start && claim.period.end === obs.period.end;
    if (!samePeriod) edits.push({ range: claim.period.range, text: obs.period.label });
    citeAt = Math.max(citeAt, claim.period.range.end);
  } else {
    edits.push({ range: { start: citeAt, end: citeAt }, text: ` (${obs.period.label})` });
  }
  const source = sourceOf(dataset, obs);
  if (source) edits.push(...citationEdits(brief, source, citeAt, obs.statedBy));
  return { edits };
}
