// The minerals of the measures announced in a month: what "the October package" or "the April 4
// controls" refer to. Pure: reads the dataset's measures only.

import type { Dataset } from '../dataset/types';
import type { IsoDate } from '../types';
import { pad } from './periods';

/**
 * Minerals whose goods are controlled by a measure announced in the month (and on the day, when
 * given) that the words name: in `year`, else the latest such month at or before `briefDate`.
 */
export function mineralsAnnouncedIn(dataset: Dataset, when: { month: number; day?: number; year?: number }, briefDate: IsoDate): string[] {
  const briefYear = Number(briefDate.slice(0, 4));
  const year = when.year ?? (`${briefYear}-${pad(when.month)}-${pad(when.day ?? 1)}` <= briefDate ? briefYear : briefYear - 1);
  const prefix = `${year}-${pad(when.month)}${when.day ? `-${pad(when.day)}` : ''}`;
  const out: string[] = [];
  for (const measure of dataset.files.measures) {
    if (!measure.announced.startsWith(prefix)) continue;
    for (const clause of measure.clauses) {
      if ((clause.subject ?? 'goods') !== 'goods' || clause.allDualUse) continue;
      for (const m of clause.minerals) if (!out.includes(m)) out.push(m);
    }
  }
  return out;
}
