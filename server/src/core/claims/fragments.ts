// Regular-expression fragments shared by the claim patterns, and the parsing of the values they
// capture. Patterns run over a masked sentence in which every mineral mention is a run of '§', so a
// pattern can say "a mineral here" without knowing mineral names, and offsets stay unchanged.

import type { Hedge, Range } from '../types';

export const MASK = '§';
export const MIN = '§+';
export const MLIST = String.raw`§+(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as well as)\s+|\s*\/\s*)§+)*`;
export const US = String.raw`(?:the\s+)?(?:US|U\.S\.|USA|United\s+States|America)`;
export const US_ADJ = String.raw`(?:US|U\.S\.|American|United\s+States)`;
export const US_POSSESSIVE = String.raw`(?:(?:the\s+)?(?:US|U\.S\.|United\s+States|America)(?:'s|’s)?|American)`;
export const CN = String.raw`(?:China|Beijing)`;
const HEDGE_WORDS = String.raw`nearly|almost|about|around|approximately|roughly|some|over|more\s+than|above|under|less\s+than|below|at\s+least|at\s+most|up\s+to|just\s+under|just\s+over`;
export const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
export const FRACTION = String.raw`(?:two[-\s]thirds|one[-\s]third|a\s+third|one[-\s]half|half|one[-\s]quarter|a\s+quarter|three[-\s]quarters)`;

/** A percentage with an optional hedge; groups: hedge, num, frac. */
export function percent(suffix = ''): string {
  return String.raw`(?<hedge${suffix}>(?:${HEDGE_WORDS})\s+|~\s*)?(?:(?<num${suffix}>${NUMBER})\s?(?:%|\s?per\s?cent\b|\s?percent\b)|(?<frac${suffix}>${FRACTION}))`;
}

/** A mass in tonnes with an optional hedge; groups: hedge, num. */
export function tonnes(suffix = ''): string {
  return String.raw`(?<hedge${suffix}>(?:${HEDGE_WORDS})\s+|~\s*)?(?<num${suffix}>${NUMBER})\s?(?:t\b|tonnes\b|tons\b|metric\s+tons\b)`;
}

const fractions: Record<string, number> = {
  'two thirds': 66.7,
  'one third': 33.3,
  'a third': 33.3,
  'one half': 50,
  half: 50,
  'one quarter': 25,
  'a quarter': 25,
  'three quarters': 75,
};

export function hedgeOf(word: string | undefined): Hedge {
  const w = (word ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  if (w === '') return 'exact';
  if (w === 'nearly' || w === 'almost' || w === 'just under') return 'nearly';
  if (w === 'over' || w === 'more than' || w === 'above' || w === 'just over') return 'over';
  if (w === 'under' || w === 'less than' || w === 'below') return 'under';
  if (w === 'at least') return 'at-least';
  if (w === 'at most' || w === 'up to') return 'at-most';
  return 'about';
}

export interface ParsedValue {
  value: number;
  /** Digits after the decimal point as written (for rounding tolerance). */
  decimals: number;
  hedge: Hedge;
  /** Range of the number (or fraction words) inside the matched text. */
  numberRange: Range;
  /** Range of hedge and number together. */
  valueRange: Range;
  fraction: boolean;
}

/** Reads the value captured by `percent()` or `tonnes()` with the given suffix, offsets absolute. */
export function readValue(m: RegExpExecArray, suffix = ''): ParsedValue | undefined {
  const groups = m.indices?.groups;
  const g = m.groups ?? {};
  const hedgeText = g[`hedge${suffix}`];
  const num = g[`num${suffix}`];
  const frac = g[`frac${suffix}`];
  const numberSpan = groups?.[`num${suffix}`] ?? groups?.[`frac${suffix}`];
  if (!numberSpan) return undefined;
  const hedgeSpan = groups?.[`hedge${suffix}`];
  let value: number | undefined;
  let decimals = 0;
  if (num !== undefined) {
    value = Number(num.replace(/,/g, ''));
    decimals = num.includes('.') ? num.split('.')[1]!.length : 0;
  } else if (frac !== undefined) {
    value = fractions[frac.toLowerCase().replace(/[-\s]+/g, ' ')];
    decimals = 1;
  }
  if (value === undefined || !Number.isFinite(value)) return undefined;
  return {
    value,
    decimals,
    hedge: hedgeOf(hedgeText),
    numberRange: { start: numberSpan[0], end: numberSpan[1] },
    valueRange: { start: hedgeSpan ? hedgeSpan[0] : numberSpan[0], end: numberSpan[1] },
    fraction: frac !== undefined,
  };
}

/**
 * Words before a claim that make it not an assertion: negation and modality ("not", "would", "if",
 * "threatened to"), and reported speech the brief does not adopt ("commentators claim that",
 * "wrongly reported that"), which a brief often quotes only to refute.
 */
export const notAssertion =
  /\b(?:not|never|no\s+longer|n't|would|could|may|might|if|whether|unless|threaten(?:s|ed)?|consider(?:s|ed|ing)?|plan(?:s|ned)?\s+to|propos(?:e|es|ed)|rumou?red|expected\s+to|likely\s+to|claim(?:s|ed)?\s+that|alleg(?:e|es|ed|edly|ing)|wrongly|falsely|mistakenly|incorrectly|erroneously|myth)\b/i;

/**
 * Countries and blocs other than China that briefs name as actors ("Japan's export controls", "the
 * US places no restrictions"). A claim whose subject is one of them is not about China's controls,
 * and a share or reliance they report is not the US figure.
 */
export const FOREIGN = String.raw`(?:the\s+)?(?:US|U\.S\.|USA|United\s+States|America|American|Washington|Japan|Japanese|Tokyo|EU|E\.U\.|European\s+Union|Europe|European|Brussels|Korea|South\s+Korea|Korean|Taiwan|India|Indian|Australia|Australian|Canada|Canadian|UK|U\.K\.|United\s+Kingdom|Britain|British|Germany|German|France|French|Netherlands|Dutch|Russia|Russian|Vietnam|Indonesia|Brazil|G7)`;
