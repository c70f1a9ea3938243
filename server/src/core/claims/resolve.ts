// Places what a block could not know on its own, once the whole brief is read: times written
// relative to the brief's date ("last year", "from August 1"), the minerals of a figure or control
// whose block names none, and a list's lead-in for its items. Runs over the whole brief's drafts
// before judging, in the CLI and the editor alike.

import type { IsoDate } from '../types';
import { monthEnd } from './periods';
import { placeRelative } from './relative-times';
import type { ClaimDraft, Frame } from './types';

// How far back (in characters) a figure or control that names no mineral looks for the one it is about.
const REACH = 1500;

/**
 * A figure or control whose block names no mineral ("Net import reliance stood at 83% in 2023." in
 * a paragraph after the one about antimony) is about the minerals named last before it: the last
 * claim of the same kind, else the last mention, within reach. Without one it is listed unread.
 */
/** The minerals of the measures announced in a month (the latest such month at or before `briefDate`). */
export type MeasuresIn = (when: NonNullable<ClaimDraft['measureOf']>, briefDate: IsoDate) => string[];

function withBriefMinerals(drafts: readonly ClaimDraft[], briefDate: IsoDate, measuresIn?: MeasuresIn): ClaimDraft[] {
  if (!drafts.some((d) => d.mineralsFromBrief || d.periodFromBrief || d.measureOf)) return drafts as ClaimDraft[];
  const out: ClaimDraft[] = [];
  const lastOfKind: Record<string, ClaimDraft | undefined> = {};
  let lastNamed: ClaimDraft | undefined;
  let lastPeriod: ClaimDraft | undefined;
  for (let draft of drafts) {
    if (draft.periodFromBrief && !draft.period) {
      const from = lastPeriod && draft.range.start - lastPeriod.range.end <= REACH ? lastPeriod : undefined;
      if (from?.period) draft = { ...draft, period: { start: from.period.start, end: from.period.end, text: from.period.text }, confidence: 'likely', placed: true };
    }
    if (draft.measureOf && draft.minerals.length === 0 && measuresIn) {
      const minerals = measuresIn(draft.measureOf, briefDate);
      if (minerals.length) {
        out.push({ ...draft, minerals, confidence: 'likely', placed: true });
        continue;
      }
    }
    if (draft.mineralsFromBrief && draft.minerals.length === 0) {
      const near = (d: ClaimDraft | undefined) => (d && draft.range.start - d.range.end <= REACH ? d : undefined);
      const counted = (d: ClaimDraft | undefined) => (d && (!draft.mineralCount || new Set(d.minerals).size === draft.mineralCount) ? d : undefined);
      const from = counted(near(lastOfKind[draft.kind])) ?? counted(near(lastNamed));
      // "Both elements": else the last two minerals named close before.
      const recent = !from && draft.mineralCount ? lastMentioned(out, draft.range.start - LIST_REACH, draft.mineralCount) : undefined;
      if (from || recent) {
        out.push({ ...draft, minerals: from ? [...from.minerals] : recent!, confidence: 'likely', placed: true });
      } else {
        out.push({ kind: 'unread', minerals: [], range: draft.range, text: draft.text, why: 'unbound', cited: draft.cited, placed: true });
      }
      continue;
    }
    out.push(draft);
    if (draft.kind === 'figure' && draft.period) lastPeriod = draft;
    if (draft.minerals.length && draft.kind !== 'unread') {
      lastNamed = draft;
      // Set in place: the editor resolves every draft of a brief on each keystroke.
      if (draft.kind === 'figure' || draft.kind === 'control') lastOfKind[draft.kind] = draft;
    }
  }
  return out;
}

/**
 * A control that leans on the one claimed before it, within reach: a measure's scope in a block that
 * names no control ("The measure, announced on 20 October, covers spherical graphite") takes its
 * type, and is listed unread without one; a scope or an anaphor ("The ban was suspended in
 * November") whose words name no destination takes its destination.
 */
function withBriefControls(drafts: readonly ClaimDraft[]): ClaimDraft[] {
  if (!drafts.some((d) => d.controlFromBrief)) return drafts as ClaimDraft[];
  let last: ClaimDraft | undefined;
  return drafts.map((draft) => {
    if (draft.kind !== 'control' || !draft.control) return draft;
    const lean = draft.controlFromBrief;
    if (!lean) {
      last = draft;
      return draft;
    }
    const near = last?.control && draft.range.start - last.range.end <= REACH ? last.control : undefined;
    const typed = near && (near.type === 'ban' || near.type === 'licensing') ? near : undefined;
    if (lean.type && !typed) return { kind: 'unread', minerals: draft.minerals, range: draft.range, text: draft.text, why: 'unbound', cited: draft.cited, placed: true };
    const from = lean.type ? typed : near;
    if (!from) return draft;
    const { readings, ...rest } = draft;
    const keep = lean.destination ? readings?.filter((r) => !r.destination) : readings;
    return {
      ...rest,
      ...(keep?.length ? { readings: keep } : {}),
      control: { ...draft.control, ...(lean.type ? { type: from.type } : {}), ...(lean.destination ? { destination: from.destination } : {}) },
      confidence: 'likely',
      placed: true,
    };
  });
}

/** The last `n` distinct minerals mentioned after `since`, oldest first, if there are that many. */
function lastMentioned(drafts: readonly ClaimDraft[], since: number, n: number): string[] | undefined {
  const found: string[] = [];
  for (let i = drafts.length - 1; i >= 0 && found.length < n; i--) {
    const d = drafts[i]!;
    if (d.range.end < since) break;
    if (d.kind === 'mention' && !found.includes(d.minerals[0]!)) found.unshift(d.minerals[0]!);
  }
  return found.length === n ? found : undefined;
}

// How far (in characters) a list's items may run after its lead-in, item to item.
const LIST_REACH = 600;

/**
 * A list's items take the control of its lead-in: "Licensing regimes already applied to:" then
 * "- gallium and germanium since 1 August 2023" is a licensing claim for gallium and germanium. The
 * reading crosses blocks, so it is only likely. Frames never leave this function.
 */
function joinLists(drafts: readonly ClaimDraft[]): ClaimDraft[] {
  if (!drafts.some((d) => d.kind === 'frame')) return drafts as ClaimDraft[];
  const out: ClaimDraft[] = [];
  let lead: { frame: Extract<Frame, { role: 'lead-in' }>; end: number } | undefined;
  let hypothetical: { end: number } | undefined;
  for (const draft of drafts) {
    // Under a hypothetical heading or lead-in, a list's claims are scenarios, not assertions.
    if (hypothetical && draft.kind !== 'frame') {
      if (!draft.inList || draft.range.start - hypothetical.end > LIST_REACH) hypothetical = undefined;
      else {
        hypothetical.end = draft.range.end;
        if (draft.kind === 'figure' || draft.kind === 'control' || draft.kind === 'count') {
          out.push({ kind: 'unread', minerals: draft.minerals, range: draft.range, text: draft.text, why: 'speculation', cited: draft.cited, placed: true });
          continue;
        }
      }
    }
    if (draft.kind !== 'frame') {
      if (lead && draft.kind !== 'mention' && draft.kind !== 'unread' && draft.range.start > lead.end) lead = undefined;
      out.push(draft);
      continue;
    }
    const frame = draft.frame!;
    if (frame.role === 'hypothetical') {
      hypothetical = { end: draft.range.end };
      continue;
    }
    if (frame.role === 'lead-in') {
      lead = { frame, end: draft.range.end };
      continue;
    }
    if (!lead || draft.range.start - lead.end > LIST_REACH) continue;
    const { frame: _frame, ...rest } = draft;
    out.push({ ...rest, kind: 'control', control: { type: lead.frame.type, destination: lead.frame.destination, ...(draft.date ? { date: draft.date } : {}) }, confidence: 'likely', placed: true });
    lead.end = draft.range.end;
  }
  return out;
}

const PRICES: ReadonlySet<string> = new Set(['price', 'price_change', 'price_premium']);

/** The start of any time a past-tense answer may speak of (before the dataset's first measure). */
const EARLIEST: IsoDate = '2000-01-01';

/**
 * An explainer's answer asserts its question's control: "Did China ban gallium exports to the US?"
 * then "Yes, from 3 December 2024" is a ban of gallium to the US dated 3 December 2024; "Which other
 * minerals were caught by the US-specific ban?" then "Germanium and antimony" is that ban for them.
 * The reading crosses blocks, so it is only likely. Frames never leave this function.
 */
function joinQuestions(drafts: readonly ClaimDraft[], briefDate: IsoDate): ClaimDraft[] {
  if (!drafts.some((d) => d.frame?.role === 'question' || d.frame?.role === 'answer')) return drafts as ClaimDraft[];
  const out: ClaimDraft[] = [];
  let question: ClaimDraft | undefined;
  for (const draft of drafts) {
    const frame = draft.frame;
    if (frame?.role === 'question') {
      question = draft;
      continue;
    }
    if (frame?.role !== 'answer') {
      out.push(draft);
      continue;
    }
    const q = question?.frame?.role === 'question' && draft.range.start - question.range.end <= LIST_REACH ? { draft: question, frame: question.frame } : undefined;
    question = undefined;
    if (!q) continue;
    const minerals = q.frame.polar ? (frame.yes ? q.draft.minerals : []) : draft.minerals;
    if (!minerals.length) continue;
    const { frame: _frame, ...rest } = draft;
    // Asked in the past tense with no date in the answer ("Which minerals were caught by the ban?"):
    // true if it held at some time up to the brief's date.
    const when = draft.date ? { date: draft.date } : q.frame.past ? { date: briefDate } : {};
    out.push({ ...rest, ...(q.frame.past && !draft.date ? { dateFrom: EARLIEST } : {}), kind: 'control', minerals, control: { type: q.frame.type, destination: q.frame.destination, ...when }, confidence: 'likely', placed: true });
  }
  return out;
}

/**
 * `writtenOn` is the date the brief gives itself (front matter); when the brief is checked as of a
 * later date, its undated status and count claims speak of the day it was written, so they are
 * judged then and what changed since is reported, rather than called wrong for lacking later news.
 * Drafts that need nothing placed are returned as the same objects (the editor's verdict cache is
 * keyed by them); every other draft is a new object marked `placed`.
 */
export function resolveDrafts(drafts: readonly ClaimDraft[], briefDate: IsoDate, writtenOn?: IsoDate, asOf?: IsoDate, measuresIn?: MeasuresIn): ClaimDraft[] {
  const dated = writtenOn && asOf && writtenOn < asOf ? writtenOn : undefined;
  return withBriefMinerals(withBriefControls(joinLists(joinQuestions(drafts, briefDate))), briefDate, measuresIn).map((draft) => {
    const slot = draft.relative;
    // A price quoted with no time ("traded near $60,000/t", "rose 4% on the week") is the market
    // at the time of writing: the month of the brief's date. Prices are read, never judged.
    if (!slot && draft.kind === 'figure' && !draft.period && draft.metric && PRICES.has(draft.metric)) {
      const month = briefDate.slice(0, 7);
      return { ...draft, period: { start: `${month}-01`, end: monthEnd(Number(briefDate.slice(0, 4)), Number(briefDate.slice(5, 7))), text: `the brief's date (${briefDate})` }, confidence: 'likely', placed: true };
    }
    if (!slot) {
      if (dated && draft.kind === 'control' && draft.control && !draft.control.date) return { ...draft, control: { ...draft.control, date: dated }, dateFrom: dated, placed: true };
      if (dated && draft.kind === 'count' && !draft.date) return { ...draft, date: dated, placed: true };
      return draft;
    }
    const placed = placeRelative(slot.time, briefDate);
    if (slot.use === 'period' && draft.kind === 'figure' && !draft.period) {
      return { ...draft, period: { start: placed.start, end: placed.end, text: slot.text ?? '', range: slot.range }, placed: true };
    }
    if (slot.use === 'date' && draft.control && !draft.control.date) {
      return { ...draft, control: { ...draft.control, date: placed.end }, dateFrom: placed.start, placed: true };
    }
    return draft;
  });
}
