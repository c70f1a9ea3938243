// What extraction produces before checking: a claim without verdict, with ranges already in source
// offsets, plus the sentence facts the checker needs (its own date, whether it is cited).

import type { Dataset } from '../dataset/types';
import type { Claim, ClaimControlType, ClaimKind, FigureMetric, IsoDate, Range } from '../types';
import type { RelativeTime } from './relative-times';
import type { Lexicon } from './lexicon';

export type ClaimDraft = Omit<Claim, 'kind' | 'checkedOn' | 'verdict' | 'record' | 'explanation'> & {
  /**
   * `frame` is internal to reading: a list's lead-in ("Licensing already applied to:") or one of its
   * items ("gallium and germanium since 1 August 2023"), which resolve.ts joins into claims and
   * removes; no frame reaches judging.
   */
  kind: ClaimKind | 'frame';
  frame?: Frame;
  /** The draft comes from a list item (a hypothetical heading or lead-in governs the list). */
  inList?: boolean;
  /** The claim's own date, when the sentence gives one. */
  date?: IsoDate;
  /**
   * The first day of the time the claim's own date ends ("in 2025" runs from 2025-01-01): a status
   * claim holds when it is true on some day of that time, not only on its last.
   */
  dateFrom?: IsoDate;
  /** Digits after the decimal point in the value as written (rounding tolerance). */
  decimals?: number;
  /** A time given relative to the brief's date ("last year", "in April"), placed by resolve.ts. */
  relative?: RelativeSlot;
  /** "Over the same period" with no earlier period in the block: resolve.ts takes the last figure's. */
  periodFromBrief?: boolean;
  /** The words name no mineral and the block gives none: resolve.ts takes them from earlier in the brief. */
  mineralsFromBrief?: boolean;
  /**
   * A measure named by its month ("the October package", "the April 4 controls"): resolve.ts takes
   * the minerals of the measures announced then (the latest such month at or before the brief's date).
   */
  measureOf?: { month: number; day?: number; year?: number };
  /** How many minerals the words count ("the three metals"): minerals from the brief must be as many. */
  mineralCount?: number;
  /**
   * What a control takes from the last control claim of the brief within reach (resolve.ts): a
   * measure's scope ("The rule covers antimony ore") in a block that names no control takes its type,
   * and is listed unread without one; a control named by an anaphor ("The ban was suspended") takes
   * the destination its words do not give.
   */
  controlFromBrief?: { type: boolean; destination: boolean };
  /** Set when resolve.ts gave the draft a date or period from the brief's date (not cacheable by its words). */
  placed?: boolean;
  /** Other readings of the same words, judged too: the claim is wrong only if every one disagrees. */
  readings?: Reading[];
};

/** A lead-in's control (type and destination), or an item that takes it. */
export type Frame =
  | { role: 'lead-in'; type: ClaimControlType; destination: string }
  | { role: 'item' }
  | { role: 'hypothetical' }
  /** A question about a control ("Did China ban gallium exports to the US?"), polar or asking which minerals. */
  | { role: 'question'; type: ClaimControlType; destination: string; polar: boolean; past: boolean }
  /** An answer: "Yes, from 3 December 2024", or a list of minerals. */
  | { role: 'answer'; yes: boolean };

/** A relative time and whether it gives a figure's period or a control's date. */
export interface RelativeSlot {
  time: Pick<RelativeTime, 'kind' | 'offset' | 'month' | 'day' | 'lead' | 'span' | 'monthEnd'>;
  range: Range;
  use: 'period' | 'date';
  /** The words as written (set once ranges are in source offsets). */
  text?: string;
}

/** One alternative reading of a figure: the slots that differ from the claim's first reading. */
export interface Reading {
  metric?: FigureMetric;
  partner?: string;
  reporter?: string;
  period?: { start: IsoDate; end: IsoDate; text: string; range?: Range };
  /** For controls: the destination read. */
  destination?: string;
}

export interface ExtractionContext {
  dataset: Dataset;
  lexicon: Lexicon;
}

/** A claim found in a masked sentence, with ranges in block-text offsets. */
export interface SentenceClaim {
  draft: Omit<ClaimDraft, 'range' | 'text' | 'mentionRanges' | 'valueRange' | 'hedgeRange' | 'period' | 'cited'> & {
    /** The period; a table's header gives one with no range in the row (`text` is then the header's). */
    period?: { start: IsoDate; end: IsoDate; range?: Range; text?: string };
  };
  range: Range;
  mentionRanges: Range[];
  valueRange?: Range;
  hedgeRange?: Range;
}
