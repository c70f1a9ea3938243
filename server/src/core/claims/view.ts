// One sentence read once into what its words mean: mineral mentions, actors, quantities, times,
// metric, control and change cues, quotations and clauses, all with block-text offsets. The frame
// readers (read-figures, read-controls, read-counts) assemble claims from these by role.

import type { Range } from '../types';
import { findActors, type Actor } from './actors';
import { findChangeCues, findControlCues, findMetricCues, isScareQuote, modality, negation, quotedRanges, reported, type ChangeCue, type ControlCue, type Cue, type MetricCue } from './cues';
import type { Mention } from './lexicon';
import { findTimes, type TimeExpression } from './periods';
import { findQuantities, type Quantity } from './quantities';
import { findRelativeTimes, type RelativeTime } from './relative-times';

export interface View {
  /** The whole block's text; every range is an offset into it. */
  readonly text: string;
  readonly range: Range;
  /** The sentence's own text (`text` between the ends of `range`). */
  readonly sentence: string;
  /** The sentence ends in a question mark. */
  readonly asks: boolean;
  readonly mentions: Mention[];
  readonly actors: Actor[];
  readonly quantities: Quantity[];
  readonly times: TimeExpression[];
  readonly relatives: RelativeTime[];
  readonly metricCues: Cue<MetricCue>[];
  readonly controlCues: Cue<ControlCue>[];
  readonly changeCues: Cue<ChangeCue>[];
  /** Quoted statements (not scare quotes around a term). */
  readonly quotes: Range[];
  readonly clauses: Range[];
}

// Clauses: at semicolons and dashes, at a contrast ("…, while …") or a relative ("…, whose …",
// "…, where …"), and at ", and" when a new subject follows ("…, and US net import reliance was…").
const clauseBreak = /;|\s[–—]\s|—|,\s+(?:while|whereas|but|although|though|yet|whose|where)\s|,\s+followed\b|,\s+and\s+(?=(?:the\s+|its\s+)?(?:US|U\.S\.|China|Chinese|Beijing|Washington|[A-Z][a-z]+(?:'s|’s)?\s+(?:net|share|imports?|exports?|production|output|demand|reliance)))/g;

function clausesOf(text: string, range: Range, mentions: readonly Mention[]): Range[] {
  const out: Range[] = [];
  let start = range.start;
  clauseBreak.lastIndex = range.start;
  const slice = text.slice(0, range.end);
  // Two dashes set off an aside ("seven rare earths — samarium, … — under licensing"): not breaks.
  const dashes = (text.slice(range.start, range.end).match(/\s[–—]\s|—/g) ?? []).length;
  let m: RegExpExecArray | null;
  while ((m = clauseBreak.exec(slice)) !== null) {
    if (dashes === 2 && /[–—]/.test(m[0])) continue;
    if (m.index > start) out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < range.end) out.push({ start, end: range.end });
  // ", and graphite remains under licensing": a new clause whose subject is a mineral.
  const extra = /,\s+and\s+/g;
  extra.lastIndex = range.start;
  const breaks: number[] = [];
  while ((m = extra.exec(slice)) !== null) {
    const next = m.index + m[0].length;
    if (mentions.some((x) => x.range.start === next) && /^[^,;]*\b(?:is|are|was|were|remains?|remained|stays?|has|have|had|needs?|requires?)\b/i.test(text.slice(next, range.end))) breaks.push(m.index, next);
  }
  if (breaks.length === 0) return out;
  const split: Range[] = [];
  for (const c of out) {
    let from = c.start;
    for (let i = 0; i < breaks.length; i += 2) {
      if (breaks[i]! > from && breaks[i]! < c.end) {
        split.push({ start: from, end: breaks[i]! });
        from = breaks[i + 1]!;
      }
    }
    split.push({ start: from, end: c.end });
  }
  return split;
}

/**
 * A sentence's meanings, each found on first use and kept: most sentences of a brief name no
 * mineral, and a sentence with no number never needs its metric words. A class rather than an
 * object of getters, so that reading a sentence allocates one object and no closures.
 */
class SentenceView implements View {
  readonly mentions: Mention[];
  private _sentence?: string;
  private _asks?: boolean;
  private _times?: TimeExpression[];
  private _quantities?: Quantity[];
  private _relatives?: RelativeTime[];
  private _actors?: Actor[];
  private _metricCues?: Cue<MetricCue>[];
  private _controlCues?: Cue<ControlCue>[];
  private _changeCues?: Cue<ChangeCue>[];
  private _quotes?: Range[];
  private _clauses?: Range[];

  constructor(readonly text: string, readonly range: Range, blockMentions: readonly Mention[]) {
    this.mentions = mentionsWithin(blockMentions, range);
  }

  get sentence(): string {
    return (this._sentence ??= this.text.slice(this.range.start, this.range.end));
  }

  /** The sentence ends in a question mark: it asks rather than asserts. */
  get asks(): boolean {
    return (this._asks ??= /\?\s*$/.test(this.sentence));
  }

  get times(): TimeExpression[] {
    return (this._times ??= findTimes(this.text, this.range.start, this.range.end));
  }

  get quantities(): Quantity[] {
    return (this._quantities ??= findQuantities(this.text, this.range.start, this.range.end).filter((q) => !this.times.some((t) => q.numberRange.start >= t.range.start && q.numberRange.end <= t.range.end)));
  }

  get relatives(): RelativeTime[] {
    return (this._relatives ??= findRelativeTimes(this.text, this.range.start, this.range.end).filter((r) => !this.times.some((t) => r.range.start < t.range.end && t.range.start < r.range.end)));
  }

  get actors(): Actor[] {
    return (this._actors ??= findActors(this.text, this.range.start, this.range.end));
  }

  get metricCues(): Cue<MetricCue>[] {
    return (this._metricCues ??= findMetricCues(this.text, this.range.start, this.range.end));
  }

  get controlCues(): Cue<ControlCue>[] {
    return (this._controlCues ??= findControlCues(this.text, this.range.start, this.range.end));
  }

  get changeCues(): Cue<ChangeCue>[] {
    return (this._changeCues ??= findChangeCues(this.text, this.range.start, this.range.end));
  }

  get quotes(): Range[] {
    return (this._quotes ??= quotedRanges(this.text, this.range.start, this.range.end).filter((q) => !isScareQuote(this.text, q)));
  }

  get clauses(): Range[] {
    return (this._clauses ??= clausesOf(this.text, this.range, this.mentions));
  }
}

/** The mentions wholly inside `range`; a block's mentions are in text order, so only those starting in it are tried. */
function mentionsWithin(mentions: readonly Mention[], range: Range): Mention[] {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.range.start < range.start) lo = mid + 1;
    else hi = mid;
  }
  const out: Mention[] = [];
  for (let i = lo; i < mentions.length && mentions[i]!.range.start < range.end; i++) if (mentions[i]!.range.end <= range.end) out.push(mentions[i]!);
  return out;
}

/** Reads a sentence: its meanings are found when a frame reader first asks for them. */
export function readView(text: string, range: Range, blockMentions: readonly Mention[]): View {
  return new SentenceView(text, range, blockMentions);
}

export function clauseAt(view: View, at: number): Range {
  return view.clauses.find((c) => at >= c.start && at < c.end) ?? view.range;
}

export const within = (r: Range, span: Range) => r.start >= span.start && r.end <= span.end;

export type NotAsserted = 'quoted' | 'negated' | 'speculation' | 'reported';

/**
 * Why the words at `at` are not the brief's own assertion, if they are not: inside a quotation,
 * or after negation, modality or reported speech in their clause (from its last colon on). A
 * sentence that ends in a question mark asks rather than asserts.
 */
export function notAsserted(view: View, at: number, opts: { negation?: boolean; modality?: boolean } = {}): NotAsserted | undefined {
  if (view.quotes.some((q) => at >= q.start && at < q.end)) return 'quoted';
  const clause = clauseAt(view, at);
  let prefix = view.text.slice(clause.start, at);
  const colon = prefix.lastIndexOf(':');
  if (colon >= 0) prefix = prefix.slice(colon + 1);
  if ((opts.modality !== false && modality.test(prefix)) || view.asks) return 'speculation';
  if (reported.test(prefix)) return 'reported';
  if (opts.negation !== false && negation.test(prefix)) return 'negated';
  return undefined;
}

/** Mentions joined by commas and conjunctions into one list, around the mention at `index`. */
export function listAround(view: View, index: number): Mention[] {
  const ms = view.mentions;
  // Separators, optionally with a modifier repeated on each member ("raw gallium and raw germanium").
  const joined = (a: Mention, b: Mention) => /^\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&|as\s+well\s+as|plus)\s|\/|\s*,?\s+and\s+)\s*(?:(?:raw|refined|primary|natural|synthetic|high-purity|metallic|mined|crude|unwrought)\s+)?$/i.test(view.text.slice(a.range.end, b.range.start)) || /^\s*,?\s*$/.test(view.text.slice(a.range.end, b.range.start));
  let first = index;
  let last = index;
  while (first > 0 && joined(ms[first - 1]!, ms[first]!)) first--;
  while (last < ms.length - 1 && joined(ms[last]!, ms[last + 1]!)) last++;
  return ms.slice(first, last + 1);
}

/** Distinct minerals, in order. */
export function distinctMinerals(mentions: readonly Mention[]): Mention[] {
  const seen = new Set<string>();
  return mentions.filter((m) => (seen.has(m.mineral) ? false : (seen.add(m.mineral), true)));
}
