// Extracts the claims of one block: figures, control statuses and counts from each sentence, control
// claims from table rows, and a mention claim for every mineral named outside those. A block's claims
// depend only on its own text, so the editor can re-extract just the blocks that changed.

import type { Block } from '../parse/types';
import { toSourceRange } from '../parse/text-map';
import type { Range } from '../types';
import { extractControls, extractTableRow } from './controls';
import { extractCounts } from './counts';
import { extractFigures } from './figures';
import type { Mention } from './lexicon';
import { splitSentences } from './sentences';
import { ownDate, prepareSentence } from './sentence';
import type { ClaimDraft, ExtractionContext, SentenceClaim } from './types';

const countWord = /\d|teen\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)\b/i;

function isCited(block: Block, sentence: Range, isLast: boolean): boolean {
  return block.citations.some((c) => c.at >= sentence.start && (c.at < sentence.end || (isLast && c.at <= sentence.end)));
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
  const { period, ...rest } = found.draft;
  const draft: ClaimDraft = {
    ...rest,
    range,
    text: source.slice(range.start, range.end),
    mentionRanges: found.mentionRanges.map(map),
    cited,
  };
  if (found.valueRange) draft.valueRange = map(found.valueRange);
  if (found.hedgeRange) draft.hedgeRange = map(found.hedgeRange);
  if (period) {
    const r = map(period.range);
    draft.period = { start: period.start, end: period.end, text: source.slice(r.start, r.end), range: r };
  }
  return draft;
}

function mentionDraft(block: Block, source: string, mention: Mention): ClaimDraft {
  const range = toSourceRange(block.segments, mention.range);
  return { kind: 'mention', minerals: [mention.mineral], range, text: source.slice(range.start, range.end), mentionRanges: [range], cited: false };
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
  // Only counts can stand without a mineral name, and they need a number.
  if (mentions.length === 0 && !countWord.test(block.text)) return [];
  const found: { claim: SentenceClaim; cited: boolean }[] = [];
  const blockRange = { start: 0, end: block.text.length };
  if (block.kind === 'table-row' && block.cells && block.header) {
    const cited = block.citations.length > 0;
    for (const claim of extractTableRow(block.text, block.cells, block.header, mentions, context.dataset)) found.push({ claim, cited });
  } else {
    const sentences = splitSentences(block.text);
    sentences.forEach((range, i) => {
      const sentence = prepareSentence(block.text, range, mentions);
      if (sentence.mentions.length === 0 && !countWord.test(block.text.slice(range.start, range.end))) return;
      const cited = isCited(block, range, i === sentences.length - 1);
      const date = ownDate(sentence);
      const claims = [...extractFigures(sentence), ...extractControls(sentence, context.dataset, date), ...extractCounts(sentence, date)];
      for (const claim of claims) if (!withinLinkText(block, claim.range)) found.push({ claim, cited });
    });
  }
  const covered = found.flatMap((f) => f.claim.mentionRanges);
  const drafts = found.map((f) => toDraft(block, source, f.claim, f.cited));
  for (const m of mentions) {
    if (m.range.start >= blockRange.start && !covered.some((r) => r.start === m.range.start)) drafts.push(mentionDraft(block, source, m));
  }
  return drafts.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}
