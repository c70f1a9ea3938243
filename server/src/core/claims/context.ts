// What earlier sentences of a block (and its table header) leave for later ones to refer to: the
// minerals in view, the last figure's metric, partner and period, the last control's minerals, and
// the last actor that was a subject. "It accounted for 48%…", "that share fell to 6%" and
// "Shippers of the three…" are read with it.

import type { FigureMetric, IsoDate, Range } from '../types';

export interface LastFigure {
  minerals: string[];
  metric: FigureMetric;
  partner?: string;
  reporter?: string;
  scope?: string;
  period?: { start: IsoDate; end: IsoDate; range?: Range; text?: string };
}

export interface BlockContext {
  /** Minerals named most recently (the block's topic), in order. */
  minerals: string[];
  figure?: LastFigure;
  control?: { minerals: string[]; type: string; destination: string };
  /** The last country named as a subject (for "It accounted for…"). */
  actor?: string;
}

export function newContext(): BlockContext {
  return { minerals: [] };
}
