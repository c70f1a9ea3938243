// Extracts the claims of one block. Each sentence is read once into what its words mean (view.ts)
// and the frame readers assemble figure, control and count claims from those meanings, carrying
// what a sentence leaves unsaid from the sentences before it (context.ts). Table rows are read
// with their header. A sentence that names a mineral beside a number or a control word but yields
// no claim is listed as unread, with why. A block's claims depend only on its own text, so the
// editor can re-extract just the blocks that changed; times relative to the brief's date are
// placed later (resolve.ts).

import type { Block } from '../parse/types';
import { toSourceRange } from '../parse/text-map';
import type { Range } from '../types';
import { newContext } from './context';
import type { Mention } from './lexicon';
import { readControls } from './read-controls';
import { destinationIn, SPAN_LEADS, typeOf } from './control-type';
import { alloyPartner, mineralAnaphor } from './control-phrases';
import { readCounts } from './read-counts';
import { readFigures, type Unread } from './read-figures';
import { readTableRow } from './read-table';
import { answerFrame, questionFrame } from './questions';
import { splitSentences } from './sentences';
import type { ClaimDraft, ExtractionContext, SentenceClaim } from './types';
import { notAsserted, readView, type View } from './view';
import { anyControlWord } from './cues';

const countWord = /\d|teen\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|dozen|fourth|fifth)\b/i;
const hypothetical = /\b(?:scenarios?|what\s+(?:could|might|would)|what\s+if|possibilities|possible|options|could|might|would|outlook|forecasts?|predictions?|risks?\s+ahead|wild\s*cards?)\b/i;
const strongCue = /\bban|\bprohibit|\bembargo|\bbarred|\blicen[cs]|\bcontrol|\brestrict|\bsuspen|\blift|\bcurb|\bpermit/i;

// A source named in the sentence cites it as surely as a footnote: "(USGS)", "according to the
// Census Bureau", "USITC data show".
const namedSource = /\baccording\s+to\b|\b(?:USGS|U\.S\.\s+Geological\s+Survey|Mineral\s+Commodity\s+Summar(?:y|ies)|Census(?:\s+Bureau)?|USITC|International\s+Trade\s+Commission|MOFCOM|Ministry\s+of\s+Commerce|General\s+Administration\s+of\s+Customs|GACC|Federal\s+Register)\b/;

function isCited(block: Block, sentence: Range, isLast: boolean): boolean {
  return block.citations.some((c) => c.at >= sentence.start && (c.at < sentence.end || (isLast && c.at <= sentence.end))) || namedSource.test(block.text.slice(sentence.start, sentence.end));
}

/**
 * True when a claim lies wholly inside a link's text: "[China bans exports of graphite to the
 * US](url)" names a cited piece (often a headline the brief disputes), it does not assert it. Its
 * minerals are still listed as mentions.
 */
function withinLinkText(block: Block, range: Range): boolean {
  return block.citations.some((c) => c.kind === 'link' && c.from !== undefined && range.start >= c.from && range.end <= c.at);
}

function toDraft(block: Block, source: string, found: SentenceClaim, cited: boolean): ClaimDraft {
  const map = (r: Range) => toSourceRange(block.segments, r);
  const range = map(found.range);
  const { period, relative } = found.draft;
  // A copy loop rather than a rest pattern: the same keys in the same order, many times faster.
  const draft = {} as ClaimDraft;
  for (const key in found.draft) if (key !== 'period' && key !== 'relative') (draft as Record<string, unknown>)[key] = found.draft[key as keyof SentenceClaim['draft']];
  draft.range = range;
  draft.text = source.slice(range.start, range.end);
  draft.mentionRanges = found.mentionRanges.map(map);
  draft.cited = cited;
  if (found.valueRange) draft.valueRange = map(found.valueRange);
  if (found.hedgeRange) draft.hedgeRange = map(found.hedgeRange);
  if (period?.range) {
    const r = map(period.range);
    draft.period = { start: period.start, end: period.end, text: source.slice(r.start, r.end), range: r };
  } else if (period) {
    draft.period = { start: period.start, end: period.end, text: period.text ?? `${period.start}–${period.end}` };
  }
  if (relative) {
    const r = map(relative.range);
    draft.relative = { ...relative, range: r, text: source.slice(r.start, r.end) };
  }
  return draft;
}

function mentionDraft(block: Block, source: string, mention: Mention): ClaimDraft {
  const range = toSourceRange(block.segments, mention.range);
  return { kind: 'mention', minerals: [mention.mineral], range, text: source.slice(range.start, range.end), mentionRanges: [range], cited: false };
}

function trimmed(text: string, r: Range): Range {
  let { start, end } = r;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** The last country named as a subject in the sentence (for "It accounted for…" after it). */
function lastSubject(view: View): string | undefined {
  const subjects = view.actors.filter((a) => a.code !== 'US' && !/\b(?:to|for|from|into|against)\s+(?:the\s+)?$/i.test(view.text.slice(Math.max(view.range.start, a.range.start - 10), a.range.start)));
  return subjects[subjects.length - 1]?.code;
}

/** True when the block is a list item's paragraph ("- gallium since 1 August 2023"). */
function isListItem(source: string, at: number): boolean {
  const lineStart = source.lastIndexOf('\n', at - 1) + 1;
  return /^[ \t>]*(?:[-+*]|\d{1,9}[.)])[ \t]+(?:\*\*|__)?$/.test(source.slice(lineStart, at));
}

/**
 * A paragraph that ends with a colon and names a control but no mineral ("Licensing regimes already
 * applied to:") is the lead-in of the list after it; its items take its control (resolve.ts).
 */
function leadIn(block: Block, source: string, mentions: readonly Mention[], sentences: Range[]): ClaimDraft | undefined {
  const last = sentences[sentences.length - 1];
  if (!last || !/:\s*$/.test(block.text) || mentions.some((m) => m.range.start >= last.start)) return undefined;
  const view = readView(block.text, last, []);
  const typed = typeOf(view, view.range);
  if (!typed || typed.weak || notAsserted(view, typed.at)) return undefined;
  // The list continues the words just before the colon: "The ban sits on top of licensing regimes
  // that already applied:" introduces licensing regimes.
  const nearest = view.controlCues.filter((c) => c.kind === 'ban' || c.kind === 'licensing').pop();
  const type = typed.type === 'ban' || typed.type === 'licensing' ? (nearest?.kind === 'ban' ? 'ban' : 'licensing') : typed.type;
  const range = toSourceRange(block.segments, trimmed(block.text, last));
  return { kind: 'frame', frame: { role: 'lead-in', type, destination: destinationIn(view, view.range) ?? 'all' }, minerals: [], range, text: source.slice(range.start, range.end), cited: false };
}

/** A list item that names minerals, and perhaps a date, but no control or figure of its own. */
function listItem(block: Block, source: string, mentions: readonly Mention[]): ClaimDraft | undefined {
  const view = readView(block.text, { start: 0, end: block.text.length }, mentions);
  const own = view.times.length === 1 && !SPAN_LEADS.has(view.times[0]!.lead) ? view.times[0] : undefined;
  const named = mentions.filter((m) => !alloyPartner(view, m));
  const minerals = [...new Set(named.map((m) => m.mineral))];
  const range = toSourceRange(block.segments, trimmed(block.text, { start: 0, end: block.text.length }));
  return {
    kind: 'frame',
    frame: { role: 'item' },
    minerals,
    range,
    text: source.slice(range.start, range.end),
    mentionRanges: mentions.map((m) => toSourceRange(block.segments, m.range)),
    cited: block.citations.length > 0,
    ...(own ? { date: own.end, dateFrom: own.start } : {}),
  };
}

/** Blocks longer than this are read piece by piece (whole sentences each), so the work stays linear. */
const PIECE_CHARS = 2_000;

/**
 * A long block as pieces of whole sentences, each a block of its own with its offsets mapped to the
 * same source. Each sentence is read against its block's whole text, so reading one long block at
 * once costs its length times its number of sentences.
 */
function piecesOf(block: Block): Block[] {
  const pieces: Block[] = [];
  const sentences = splitSentences(block.text);
  let segment = 0;
  let citation = 0;
  for (let i = 0; i < sentences.length; ) {
    const start = sentences[i]!.start;
    let end = sentences[i]!.end;
    for (i++; i < sentences.length && sentences[i]!.end - start <= PIECE_CHARS; i++) end = sentences[i]!.end;
    const last = i === sentences.length;
    const segments: Block['segments'] = [];
    while (segment < block.segments.length && block.segments[segment]!.textStart + block.segments[segment]!.length <= start) segment++;
    for (let k = segment; k < block.segments.length && block.segments[k]!.textStart < end; k++) {
      const s = block.segments[k]!;
      const from = Math.max(s.textStart, start);
      segments.push({ textStart: from - start, sourceStart: s.sourceStart + (from - s.textStart), length: Math.min(s.textStart + s.length, end) - from });
    }
    const citations: Block['citations'] = [];
    for (; citation < block.citations.length && (block.citations[citation]!.at < end || (last && block.citations[citation]!.at <= end)); citation++) {
      const c = block.citations[citation]!;
      citations.push({ ...c, at: c.at - start, ...(c.from !== undefined ? { from: Math.max(0, c.from - start) } : {}) });
    }
    pieces.push({ ...block, text: block.text.slice(start, end), range: block.range, segments, citations });
  }
  return pieces;
}

/** The claims in one block, in text order, with source offsets. `source` is the whole brief. */
export function extractBlockClaims(block: Block, source: string, context: ExtractionContext): ClaimDraft[] {
  if (block.kind !== 'table-row' && block.text.length > PIECE_CHARS) return piecesOf(block).flatMap((piece) => extractPiece(piece, source, context));
  return extractPiece(block, source, context);
}

function extractPiece(block: Block, source: string, context: ExtractionContext): ClaimDraft[] {
  const mentions = context.lexicon.find(block.text);
  // "## What could come next", "Three paths from here:": the list after it is hypothetical.
  let scenario: ClaimDraft | undefined;
  if ((block.kind === 'heading' || /:\s*$/.test(block.text)) && hypothetical.test(block.text)) {
    const range = toSourceRange(block.segments, trimmed(block.text, { start: 0, end: block.text.length }));
    scenario = { kind: 'frame', frame: { role: 'hypothetical' }, minerals: [], range, text: source.slice(range.start, range.end), cited: false };
    if (mentions.length === 0) return [scenario];
  }
  if (mentions.length === 0 && block.kind === 'paragraph' && /:\s*$/.test(block.text)) {
    const frame = leadIn(block, source, mentions, splitSentences(block.text));
    if (frame) return [frame];
  }
  // An explainer's question about a control and the answer to one ("A: Yes, from 3 December
  // 2024."); either may name no mineral. resolve.ts pairs them.
  const answer = block.kind === 'paragraph' && /^[\s*_]*(?:A\s*[:.]|Yes\b)/i.test(block.text) ? answerFrame(block, source, mentions, splitSentences(block.text)[0]!) : undefined;
  const question = block.kind === 'paragraph' && /\?[\s*_]*$/.test(block.text) && anyControlWord.test(block.text) ? questionFrame(block, source, mentions, context.dataset) : undefined;
  if ((answer || question) && mentions.length === 0 && !countWord.test(block.text)) return [answer ?? question!];
  // Without a mineral name only counts (which need a number) and controls of minerals named
  // earlier in the brief ("the licensing requirement for both metals") can stand.
  const anaphoric = (text: string) => mineralAnaphor.test(text) && anyControlWord.test(text);
  // Tested once for the block; a sentence is tested only when its block can hold one.
  const blockAnaphoric = anaphoric(block.text);
  if (mentions.length === 0 && !countWord.test(block.text) && !blockAnaphoric) return [];
  const found: { claim: SentenceClaim; cited: boolean }[] = [];
  const unread: { range: Range; why: string; mentions: Mention[] }[] = [];
  if (block.kind === 'table-row' && block.cells && block.header) {
    const cited = block.citations.length > 0;
    for (const claim of readTableRow(block.text, block.cells, block.header, mentions, context.dataset)) found.push({ claim, cited });
    // "| Seven medium and heavy rare earths | No. 18 of 2025 (licensing) |": a count in a cell.
    const counts: SentenceClaim[] = [];
    readCounts(readView(block.text, { start: 0, end: block.text.length }, mentions), counts, [], false);
    for (const claim of counts) found.push({ claim, cited });
  } else {
    const ctx = newContext();
    const sentences = splitSentences(block.text);
    sentences.forEach((range, i) => {
      const view = readView(block.text, range, mentions);
      const sentence = view.sentence;
      if (view.mentions.length === 0 && !countWord.test(sentence) && !ctx.minerals.length && !(blockAnaphoric && anaphoric(sentence))) return;
      const claims: SentenceClaim[] = [];
      const skipped: Unread[] = [];
      if (view.quantities.length || /\ball\b|\bevery\b|\bentirely\b|\bfully\b|\bwholly\b|\bnet[-\s]exporter\b/i.test(sentence)) readFigures(view, ctx, claims, skipped);
      if (anyControlWord.test(sentence) && (block.kind !== 'heading' || view.actors.some((a) => a.code === 'CN'))) readControls(view, ctx, context.dataset, claims, skipped);
      readCounts(view, claims, skipped, block.kind === 'heading');
      const cited = isCited(block, range, i === sentences.length - 1);
      const kept = claims.filter((claim) => !withinLinkText(block, claim.range));
      for (const claim of kept) found.push({ claim, cited });
      // A heading is a headline's few words; it is not listed as a sentence that went unread.
      if (view.mentions.length && kept.length === 0 && block.kind !== 'heading') {
        const why = skipped[0]?.why ?? (view.quantities.length || strongCue.test(sentence) ? 'unbound' : undefined);
        if (why) unread.push({ range: trimmed(block.text, range), why, mentions: view.mentions });
      }
      if (view.mentions.length) ctx.minerals = [...new Set(view.mentions.map((m) => m.mineral))];
      ctx.actor = lastSubject(view) ?? ctx.actor;
    });
  }
  const drafts = found.map((f) => toDraft(block, source, f.claim, f.cited));
  // Every mention is listed, also those inside stronger claims: hovers and the Claims view find
  // minerals by their mentions, and a mention is what the editor offers the current figure on.
  for (const m of mentions) drafts.push(mentionDraft(block, source, m));
  const inList = block.kind === 'paragraph' && isListItem(source, block.range.start);
  if (found.length === 0 && mentions.length > 0 && inList) {
    const item = listItem(block, source, mentions);
    if (item) drafts.push(item);
  }
  if (scenario) drafts.push(scenario);
  if (answer) drafts.push(answer);
  if (question) drafts.push(question);
  for (const u of unread) {
    const range = toSourceRange(block.segments, u.range);
    drafts.push({ kind: 'unread', minerals: [...new Set(u.mentions.map((m) => m.mineral))], range, text: source.slice(range.start, range.end), why: u.why, cited: false });
  }
  if (inList) for (const d of drafts) d.inList = true;
  return drafts.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}
