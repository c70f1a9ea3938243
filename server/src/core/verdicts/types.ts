// What the checker learned about each claim, beyond its verdict: the records behind it, for the
// rules that report problems and the fixes that insert current figures.

import type { ControlledCount, MineralStatus, Observation, StatusChange } from '../dataset/types';

export interface FigureEvidence {
  /** The observation for the claim's own metric, scope and period. */
  matched?: Observation;
  /** The newest observation of the same metric and scope published by the as-of date. */
  current?: Observation;
}

export interface ControlEvidence {
  /** Status per mineral on the claim's date. */
  statuses: MineralStatus[];
  /** Minerals whose record contradicts the claim on its date. */
  contradicted: string[];
  /** Minerals for which the dataset holds no record to judge by. */
  unjudged: string[];
  /** Relevant status changes after the claim's date, up to the as-of date. */
  changes: StatusChange[];
  /** Minerals whose claimed status cannot be known on the as-of date. */
  unknownOnAsOf: { mineral: string; status: MineralStatus }[];
}

export interface CountEvidence {
  count: ControlledCount;
  /** Minerals the brief itself says are controlled, when it lists them. */
  listed: string[];
  /** Listed minerals the dataset cannot judge (no record, or status unknown). */
  unjudged: string[];
}

export interface Evidence {
  figure?: FigureEvidence;
  control?: ControlEvidence;
  count?: CountEvidence;
}
