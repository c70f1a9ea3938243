// Places what a block could not know on its own: times written relative to the brief's date
// ("last year", "since last August", "from August 1") become calendar periods and dates once the
// brief's date is known. Runs over the whole brief's drafts before judging, in the CLI and the
// editor alike.

import type { IsoDate } from '../types';
import { placeRelative } from './relative-times';
import type { ClaimDraft } from './types';

export function resolveDrafts(drafts: readonly ClaimDraft[], briefDate: IsoDate): ClaimDraft[] {
  return drafts.map((draft) => {
    const slot = draft.relative;
    if (!slot) return draft;
    const placed = placeRelative(slot.time, briefDate);
    if (slot.use === 'period' && draft.kind === 'figure' && !draft.period) {
      return { ...draft, period: { start: placed.start, end: placed.end, text: slot.text ?? '', range: slot.range } };
    }
    if (slot.use === 'date' && draft.control && !draft.control.date) {
      return { ...draft, control: { ...draft.control, date: placed.end }, dateFrom: placed.start };
    }
    return draft;
  });
}
