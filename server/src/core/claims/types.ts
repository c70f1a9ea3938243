// What extraction produces before checking: a claim without verdict, with ranges already in source
// offsets, plus the sentence facts the checker needs (its own date, whether it is cited).

import type { Dataset } from '../dataset/types';
import type { Claim, IsoDate, Range } from '../types';
import type { Lexicon } from './lexicon';

export type ClaimDraft = Omit<Claim, 'checkedOn' | 'verdict' | 'record' | 'explanation'> & {
  /** The claim's own date, when the sentence gives one. */
  date?: IsoDate;
  /**
   * The first day of the time the claim's own date ends ("in 2025" runs from 2025-01-01): a status
   * claim holds when it is true on some day of that time, not only on its last.
   */
  dateFrom?: IsoDate;
  /** Digits after the decimal point in the value as written (rounding tolerance). */
  decimals?: number;
};

export interface ExtractionContext {
  dataset: Dataset;
  lexicon: Lexicon;
}

/** A claim found in a masked sentence, with ranges in block-text offsets. */
export interface SentenceClaim {
  draft: Omit<ClaimDraft, 'range' | 'text' | 'mentionRanges' | 'valueRange' | 'hedgeRange' | 'period' | 'cited'> & {
    period?: { start: IsoDate; end: IsoDate; range: Range };
  };
  range: Range;
  mentionRanges: Range[];
  valueRange?: Range;
  hedgeRange?: Range;
}
