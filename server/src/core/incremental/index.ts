// Incremental re-analysis for the editor: a brief is split into chunks that parse independently,
// each chunk is parsed and its claims extracted once per content, and every check re-reads only the
// chunks an edit touched before judging and running the rules over the whole brief. Pure core code:
// no Node API, no protocol. Its result always equals checkBrief's (test/incremental proves it).

import { lexiconFor } from '../claims/lexicon';
import type { ResolveMemo } from '../claims/resolve';
import type { ClaimDraft } from '../claims/types';
import { checkParsed } from '../check';
import { checkWithinLimits, guardText } from '../limits';
import type { Dataset } from '../dataset/types';
import { DEFAULT_PARSER, type ParserName } from '../parse/index';
import type { ParsedBrief } from '../parse/types';
import type { BriefResult, CheckOptions } from '../types';
import type { ActiveRules, RuleSlot } from '../rules/run';
import { activeRules } from '../rules/run';
import { chunkStarts, followsAt, type Follows } from './chunks';
import { readChunk, type ChunkRead, type Labels } from './read-chunk';
import { shiftBlock, shiftComment, shiftDraft, shiftFootnote } from './shift';

export { chunkStarts } from './chunks';

interface Entry {
  /** What follows the chunk where it stands, which its reading depends on. */
  follows: Follows;
  /** What the chunk defines and whether it ends open: the same for every context. */
  shape?: Pick<ChunkRead, 'defines' | 'open'>;
  /** First words of everything in brackets, normalised like labels: what the chunk may reference. */
  refs?: Set<string>;
  reads: Map<string, ChunkRead>;
  /** The context last computed for this chunk, and the defined labels it was computed from. */
  context?: { defined: string; labels: Labels };
  /**
   * Where the chunk was placed and what placing its read gave there (no blocks: see `place`): in
   * the check `placedIn` for `placed`, and while that check runs, in the one before for `before`.
   * A chunk may stand at several places (a heading written twice), each kept.
   */
  placed?: Placed[];
  before?: Placed[];
  placedIn?: number;
}

interface Placed {
  start: number;
  read: ChunkRead;
  footnotes: ParsedBrief['footnotes'];
  comments: ParsedBrief['comments'];
  drafts: ClaimDraft[];
  /** The slot for each draft the read holds (its judgement and problems), kept with this place of the read as it moves. */
  slots: RuleSlot[];
}

/**
 * A chunk's footnotes, comments and drafts where it stands. A chunk that has not moved since the
 * last check (every chunk before an edit) gets the very objects it got then, at each place it
 * stands, which spares copying them and lets judging and resolving hand back what they made. Blocks are placed afresh each time and not
 * kept: only hover and code actions ask for them, and memory matters with many open briefs.
 */
function place(entry: Entry, read: ChunkRead, start: number, check: number): Placed {
  if (entry.placedIn !== check) {
    entry.before = entry.placed;
    entry.placed = [];
    entry.placedIn = check;
  }
  const kept = entry.before?.find((p) => p.start === start && p.read === read);
  if (kept) {
    entry.placed!.push(kept);
    return kept;
  }
  // The slots of a place of this read that no place in this check has taken yet.
  const moved = entry.before?.find((p) => p.read === read && !entry.placed!.some((q) => q.slots === p.slots));
  // Another place of the same read lends its judgements, not the claims it finished for its own place.
  const other = moved ? undefined : (entry.before?.find((p) => p.read === read) ?? entry.placed!.find((p) => p.read === read));
  const { footnotes, comments } = read.parsed;
  const placed: Placed = {
    start,
    read,
    footnotes: start === 0 ? footnotes : footnotes.map((f) => shiftFootnote(f, start)),
    comments: start === 0 ? comments : comments.map((c) => shiftComment(c, start)),
    drafts: start === 0 ? read.drafts : read.drafts.map((d) => shiftDraft(d, start)),
    slots: moved ? moved.slots : read.drafts.map((draft, i) => ({ draft, ...(other?.slots[i]!.judged ? { judged: { ...other.slots[i]!.judged, claim: undefined } } : {}) })),
  };
  entry.placed!.push(placed);
  return placed;
}

/**
 * A chunk's text that does not keep the whole brief alive. A slice of a long string refers to it,
 * and so does every string sliced from the slice: a cached read would hold this version of the
 * brief for as long as the chunk stays unchanged. Slicing a fresh concatenation copies the chunk.
 */
function detached(text: string, start: number, end: number): string {
  return `${text.slice(start, end)}\n`.slice(0, -1);
}

/**
 * Chunks by their text, in one map for each way of reading them: the first chunk (which may hold
 * front matter) is read differently from the others, and each by what follows it. For a chunk
 * other than the first, the end of the brief reads like a line opening a container, so two maps
 * do; the first chunk's entry is replaced when what follows it changes.
 */
interface ChunkCache {
  first: Map<string, Entry>;
  rest: Map<string, Entry>;
  restBeforeFlow: Map<string, Entry>;
}

const emptyCache = (): ChunkCache => ({ first: new Map(), rest: new Map(), restBeforeFlow: new Map() });

export interface IncrementalChecker {
  /** Checks `text`; equal to checkBrief(text, dataset, options), reusing unchanged chunks. */
  check(text: string, dataset: Dataset, options: CheckOptions): BriefResult;
  /** The parse and claim drafts of `text`, equal to parseBrief and extractClaims, reusing unchanged chunks. */
  analyse(text: string, dataset: Dataset, parser?: ParserName): { parsed: ParsedBrief; drafts: ClaimDraft[] };
}

// Labels match case-insensitively after Unicode case folding, which this approximates as
// micromark does (lower then upper case).
const norm = (s: string) => s.toLowerCase().toUpperCase();
const firstWord = (label: string) => norm(label.trim().split(/\s+/)[0] ?? '');
// Labels with brackets or escapes are not worth matching cleverly: every chunk gets them.
const unusual = (label: string) => /[[\]\\]/.test(label);

function referencedWords(chunk: string): Set<string> {
  const words = new Set<string>();
  for (const m of chunk.matchAll(/\[\^?\s*([^\s[\]]*)/g)) words.add(norm(m[1]!));
  return words;
}

const KINDS = ['footnotes', 'links'] as const;

interface LabelIndex {
  byWord: Map<string, Labels>;
  everywhere: Labels;
}

function labelIndex(sets: readonly Labels[]): LabelIndex {
  const index: LabelIndex = { byWord: new Map(), everywhere: { footnotes: [], links: [] } };
  for (const set of sets) {
    for (const kind of KINDS) {
      for (const label of set[kind]) {
        if (unusual(label)) {
          index.everywhere[kind].push(label);
          continue;
        }
        const word = firstWord(label);
        let labels = index.byWord.get(word);
        if (!labels) index.byWord.set(word, (labels = { footnotes: [], links: [] }));
        labels[kind].push(label);
      }
    }
  }
  return index;
}

/** Lines that look like definitions, also inside lists and quotes: a guess, confirmed by parsing. */
function candidateLabels(text: string): Labels {
  const labels: Labels = { footnotes: [], links: [] };
  for (const m of text.matchAll(/^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?\[(\^?)((?:[^\]\\\n]|\\.)+)\]:/gm)) {
    (m[1] ? labels.footnotes : labels.links).push(m[2]!);
  }
  return labels;
}

export function createIncrementalChecker(): IncrementalChecker {
  let cache = emptyCache();
  let cachedFor: Dataset | undefined;
  let cachedParser: ParserName | undefined;
  // The defined labels of the last check, and their index: reused while no definition changes, and
  // the guess for chunks an edit creates (pass 2 corrects a wrong guess).
  let checks = 0;
  let lastSignature = '';
  let lastDefined: LabelIndex | undefined;
  let rules: ActiveRules | undefined;
  const resolving: ResolveMemo = {};
  const judged = {};

  /**
   * The parse and drafts, and for each draft the judging slot of the draft it was placed from.
   * Checking needs no blocks (only the drafts extracted from them): without `withBlocks` they are
   * neither kept nor placed, and the result's `blocks` is empty.
   */
  function analyse(text: string, dataset: Dataset, withBlocks: boolean, parser: ParserName = DEFAULT_PARSER): { parsed: ParsedBrief; drafts: ClaimDraft[]; slots: RuleSlot[] } {
    if (dataset !== cachedFor || parser !== cachedParser) {
      cache = emptyCache();
      cachedFor = dataset;
      cachedParser = parser;
    }
    const extraction = { dataset, lexicon: lexiconFor(dataset) };
    const used = emptyCache();
    // Keyed by the chunk's text itself (a slice, not a copy), in the map of its way of reading.
    const entryOf = (start: number, end: number): Entry => {
      const key = text.slice(start, end);
      const follows = followsAt(text, end);
      const which = start === 0 ? 'first' : follows === 'flow' ? 'restBeforeFlow' : 'rest';
      let entry = used[which].get(key) ?? cache[which].get(key);
      if (!entry || (start === 0 && entry.follows !== follows)) entry = { follows, reads: new Map() };
      used[which].set(key, entry);
      return entry;
    };
    const contextFor = (entry: Entry, start: number, end: number, index: LabelIndex): Labels => {
      entry.refs ??= referencedWords(text.slice(start, end));
      const context: Labels = { footnotes: [...index.everywhere.footnotes], links: [...index.everywhere.links] };
      for (const word of entry.refs) {
        const labels = index.byWord.get(word);
        if (labels) for (const kind of KINDS) context[kind].push(...labels[kind]);
      }
      return { footnotes: [...new Set(context.footnotes)].sort(), links: [...new Set(context.links)].sort() };
    };
    const read = (entry: Entry, start: number, end: number, context: Labels): ChunkRead => {
      const contextKey = `${context.footnotes.join('\n')}\0${context.links.join('\n')}`;
      let result = entry.reads.get(contextKey);
      if (!result || (withBlocks && !result.keptBlocks)) {
        result = readChunk(detached(text, start, end), start === 0, entry.follows, context, extraction, withBlocks, parser);
        entry.reads.set(contextKey, result);
        entry.shape = { defines: result.defines, open: result.open };
      }
      return result;
    };

    checks++;
    // Pass 1: what each chunk defines, joining a chunk that ends open with the next one. Chunks
    // seen for the first time are read with the labels that look defined, which pass 2 confirms.
    const starts = chunkStarts(text);
    let guessed: LabelIndex | undefined;
    const bounds: [number, number][] = [];
    const entries: Entry[] = [];
    for (let i = 0; i < starts.length; ) {
      const start = starts[i]!;
      let j = i + 1;
      let end = starts[j] ?? text.length;
      let entry: Entry;
      for (;;) {
        entry = entryOf(start, end);
        if (!entry.shape) read(entry, start, end, contextFor(entry, start, end, (guessed ??= lastDefined ?? labelIndex([candidateLabels(text)]))));
        if (!entry.shape!.open || j >= starts.length) break;
        end = starts[++j] ?? text.length;
      }
      bounds.push([start, end]);
      entries.push(entry);
      i = j;
    }

    // Pass 2: read each chunk with stand-ins for the defined labels it may use.
    const definedSets = entries.map((entry) => entry.shape!.defines);
    let signature = definedSets.map((d) => `${d.footnotes.join('\n')}\0${d.links.join('\n')}`).join('\u0001');
    let defined: LabelIndex | undefined;
    // Compared once here, so that each chunk's comparison below is by identity, not by content.
    if (signature === lastSignature) {
      signature = lastSignature;
      defined = lastDefined;
    }
    lastSignature = signature;
    const blocks: ParsedBrief['blocks'] = [];
    const footnotes: ParsedBrief['footnotes'] = [];
    const comments: ParsedBrief['comments'] = [];
    const drafts: ClaimDraft[] = [];
    const slots: RuleSlot[] = [];
    let first: ParsedBrief | undefined;
    let usesFootnotes = false;
    bounds.forEach(([start, end], i) => {
      const entry = entries[i]!;
      // The context depends only on the chunk and on every label defined: reuse it while those hold.
      if (entry.context?.defined !== signature) {
        defined ??= labelIndex(definedSets);
        entry.context = { defined: signature, labels: contextFor(entry, start, end, defined) };
      }
      const chunk = read(entry, start, end, entry.context.labels);
      // A read made with a guessed context that proved wrong is never needed again.
      if (entry.reads.size > 1) for (const [key, value] of entry.reads) if (value !== chunk) entry.reads.delete(key);
      first ??= chunk.parsed;
      usesFootnotes ||= chunk.parsed.citationStyle === 'footnote';
      if (withBlocks) for (const b of chunk.parsed.blocks) blocks.push(shiftBlock(b, start));
      const placed = place(entry, chunk, start, checks);
      for (const f of placed.footnotes) footnotes.push(f);
      for (const c of placed.comments) comments.push(c);
      for (const d of placed.drafts) drafts.push(d);
      for (const slot of placed.slots) slots.push(slot);
    });
    // Only what this text used stays cached, so memory follows the document, not its history.
    cache = used;
    for (const entry of entries) entry.before = undefined;
    lastDefined = defined ?? labelIndex(definedSets);
    const parsed: ParsedBrief = {
      text,
      blocks,
      footnotes,
      comments,
      frontMatter: first?.frontMatter ?? { problems: [] },
      citationStyle: usesFootnotes ? 'footnote' : 'link',
    };
    return { parsed, drafts, slots };
  }

  return {
    analyse(text, dataset, parser) {
      const { parsed, drafts } = analyse(guardText(text).text, dataset, true, parser);
      return { parsed, drafts };
    },
    check(text, dataset, options) {
      return checkWithinLimits(text, (guarded) => {
        const { parsed, drafts, slots } = analyse(guarded, dataset, false, options.config.parser);
        rules = activeRules(options, rules);
        return checkParsed(parsed, drafts, dataset, options, { slots, rules, resolving, judged });
      });
    },
  };
}
