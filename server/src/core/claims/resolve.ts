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

/** The minerals of the measures announced in a month (the latest such month at or before `briefDate`). */
export type MeasuresIn = (when: NonNullable<ClaimDraft['measureOf']>, briefDate: IsoDate) => string[];

/**
 * What each pass remembers of the drafts before the one it reads. Every pass reads the drafts in
 * order and looks only back, so a run can resume from a copy of this state (see ResolveMemo).
 */
interface Passes {
  /** joinQuestion: the question an answer may answer. */
  question?: ClaimDraft;
  /** joinList: the lead-in a list item takes its control from, and a hypothetical heading's reach. */
  lead?: { frame: Extract<Frame, { role: 'lead-in' }>; end: number };
  hypothetical?: { end: number };
  /** withBriefControl: the last control that leans on none. */
  lastControl?: ClaimDraft;
  /** withBriefMinerals: the last figure and control naming minerals, the last draft naming any, the last figure with a period. */
  lastOfKind: Record<string, ClaimDraft | undefined>;
  lastNamed?: ClaimDraft;
  lastPeriod?: ClaimDraft;
}

const freshPasses = (): Passes => ({ lastOfKind: {} });
const copyPasses = (p: Passes): Passes => ({ ...p, lastOfKind: { ...p.lastOfKind }, ...(p.lead ? { lead: { ...p.lead } } : {}), ...(p.hypothetical ? { hypothetical: { ...p.hypothetical } } : {}) });

/**
 * A figure or control whose block names no mineral ("Net import reliance stood at 83% in 2023." in
 * a paragraph after the one about antimony) is about the minerals named last before it: the last
 * claim of the same kind, else the last mention, within reach. Without one it is listed unread.
 * `out` holds what this step returned for the drafts before.
 */
function withBriefMinerals(state: Passes, draft: ClaimDraft, out: readonly ClaimDraft[], briefDate: IsoDate, measuresIn?: MeasuresIn): ClaimDraft {
  if (draft.periodFromBrief && !draft.period) {
    const last = state.lastPeriod;
    const from = last && draft.range.start - last.range.end <= REACH ? last : undefined;
    if (from?.period) draft = { ...draft, period: { start: from.period.start, end: from.period.end, text: from.period.text }, confidence: 'likely', placed: true };
  }
  if (draft.measureOf && draft.minerals.length === 0 && measuresIn) {
    const minerals = measuresIn(draft.measureOf, briefDate);
    if (minerals.length) return { ...draft, minerals, confidence: 'likely', placed: true };
  }
  if (draft.mineralsFromBrief && draft.minerals.length === 0) {
    const near = (d: ClaimDraft | undefined) => (d && draft.range.start - d.range.end <= REACH ? d : undefined);
    const counted = (d: ClaimDraft | undefined) => (d && (!draft.mineralCount || new Set(d.minerals).size === draft.mineralCount) ? d : undefined);
    const from = counted(near(state.lastOfKind[draft.kind])) ?? counted(near(state.lastNamed));
    // "Both elements": else the last two minerals named close before.
    const recent = !from && draft.mineralCount ? lastMentioned(out, draft.range.start - LIST_REACH, draft.mineralCount) : undefined;
    if (from || recent) return { ...draft, minerals: from ? [...from.minerals] : recent!, confidence: 'likely', placed: true };
    return { kind: 'unread', minerals: [], range: draft.range, text: draft.text, why: 'unbound', cited: draft.cited, placed: true };
  }
  if (draft.kind === 'figure' && draft.period) state.lastPeriod = draft;
  if (draft.minerals.length && draft.kind !== 'unread') {
    state.lastNamed = draft;
    if (draft.kind === 'figure' || draft.kind === 'control') state.lastOfKind[draft.kind] = draft;
  }
  return draft;
}

/**
 * A control that leans on the one claimed before it, within reach: a measure's scope in a block that
 * names no control ("The measure, announced on 20 October, covers spherical graphite") takes its
 * type, and is listed unread without one; a scope or an anaphor ("The ban was suspended in
 * November") whose words name no destination takes its destination.
 */
function withBriefControl(state: Passes, draft: ClaimDraft): ClaimDraft {
  if (draft.kind !== 'control' || !draft.control) return draft;
  const lean = draft.controlFromBrief;
  if (!lean) {
    state.lastControl = draft;
    return draft;
  }
  const last = state.lastControl;
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
function joinList(state: Passes, draft: ClaimDraft): ClaimDraft | undefined {
  // Under a hypothetical heading or lead-in, a list's claims are scenarios, not assertions.
  const hypothetical = state.hypothetical;
  if (hypothetical && draft.kind !== 'frame') {
    if (!draft.inList || draft.range.start - hypothetical.end > LIST_REACH) state.hypothetical = undefined;
    else {
      hypothetical.end = draft.range.end;
      if (draft.kind === 'figure' || draft.kind === 'control' || draft.kind === 'count') {
        return { kind: 'unread', minerals: draft.minerals, range: draft.range, text: draft.text, why: 'speculation', cited: draft.cited, placed: true };
      }
    }
  }
  if (draft.kind !== 'frame') {
    if (state.lead && draft.kind !== 'mention' && draft.kind !== 'unread' && draft.range.start > state.lead.end) state.lead = undefined;
    return draft;
  }
  const frame = draft.frame!;
  if (frame.role === 'hypothetical') {
    state.hypothetical = { end: draft.range.end };
    return undefined;
  }
  if (frame.role === 'lead-in') {
    state.lead = { frame, end: draft.range.end };
    return undefined;
  }
  const lead = state.lead;
  if (!lead || draft.range.start - lead.end > LIST_REACH) return undefined;
  const { frame: _frame, ...rest } = draft;
  lead.end = draft.range.end;
  return { ...rest, kind: 'control', control: { type: lead.frame.type, destination: lead.frame.destination, ...(draft.date ? { date: draft.date } : {}) }, confidence: 'likely', placed: true };
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
function joinQuestion(state: Passes, draft: ClaimDraft, briefDate: IsoDate): ClaimDraft | undefined {
  const frame = draft.frame;
  if (frame?.role === 'question') {
    state.question = draft;
    return undefined;
  }
  if (frame?.role !== 'answer') return draft;
  const question = state.question;
  const q = question?.frame?.role === 'question' && draft.range.start - question.range.end <= LIST_REACH ? { draft: question, frame: question.frame } : undefined;
  state.question = undefined;
  if (!q) return undefined;
  const minerals = q.frame.polar ? (frame.yes ? q.draft.minerals : []) : draft.minerals;
  if (!minerals.length) return undefined;
  const { frame: _frame, ...rest } = draft;
  // Asked in the past tense with no date in the answer ("Which minerals were caught by the ban?"):
  // true if it held at some time up to the brief's date.
  const when = draft.date ? { date: draft.date } : q.frame.past ? { date: briefDate } : {};
  return { ...rest, ...(q.frame.past && !draft.date ? { dateFrom: EARLIEST } : {}), kind: 'control', minerals, control: { type: q.frame.type, destination: q.frame.destination, ...when }, confidence: 'likely', placed: true };
}

/** A price with no time, a relative time or an undated status of a dated brief, placed on the calendar. */
function placeTime(draft: ClaimDraft, briefDate: IsoDate, dated: IsoDate | undefined): ClaimDraft {
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
}

/** Drafts read between two saved states of the passes. */
const CHECKPOINT_EVERY = 128;

/**
 * What resolving keeps between the editor's checks of one brief: the last run's drafts, what
 * withBriefMinerals and the whole run returned, and the passes' state before every 128th draft.
 * The next run starts again from the last state saved before the first draft that is not the same
 * object as the last run's, taking what the last run returned before it: each pass looks only back,
 * so that is what a run from the start would return.
 */
export interface ResolveMemo {
  last?: {
    /** Everything else a run depends on: the dates and what `measuresIn` answers from. */
    inputs: readonly unknown[];
    drafts: readonly ClaimDraft[];
    named: ClaimDraft[];
    resolved: ClaimDraft[];
    /** The passes' state before draft `at`, when `count` drafts had been returned. */
    saved: { at: number; count: number; passes: Passes }[];
  };
}

/**
 * `writtenOn` is the date the brief gives itself (front matter); when the brief is checked as of a
 * later date, its undated status and count claims speak of the day it was written, so they are
 * judged then and what changed since is reported, rather than called wrong for lacking later news.
 * Drafts that need nothing placed are returned as the same objects (the editor's verdict cache is
 * keyed by them); every other draft is a new object marked `placed`. With `memo`, a run resumes
 * after the drafts the last one read as they are (`context` is what `measuresIn` answers from).
 */
export function resolveDrafts(drafts: readonly ClaimDraft[], briefDate: IsoDate, writtenOn?: IsoDate, asOf?: IsoDate, measuresIn?: MeasuresIn, memo?: { memo: ResolveMemo; context: unknown }): ClaimDraft[] {
  const dated = writtenOn && asOf && writtenOn < asOf ? writtenOn : undefined;
  const inputs = [briefDate, writtenOn, asOf, measuresIn === undefined, memo?.context];
  const last = memo?.memo.last;
  let from = 0;
  let passes = freshPasses();
  let named: ClaimDraft[] = [];
  let resolved: ClaimDraft[] = [];
  let saved: NonNullable<ResolveMemo['last']>['saved'] = [];
  if (last && inputs.every((v, i) => v === last.inputs[i])) {
    let same = 0;
    while (same < drafts.length && same < last.drafts.length && drafts[same] === last.drafts[same]) same++;
    let k = last.saved.length;
    while (k > 0 && last.saved[k - 1]!.at > same) k--;
    const resume = last.saved[k - 1];
    if (resume) {
      from = resume.at;
      passes = copyPasses(resume.passes);
      named = last.named.slice(0, resume.count);
      resolved = last.resolved.slice(0, resume.count);
      saved = last.saved.slice(0, k);
    }
  }
  for (let i = from; i < drafts.length; i++) {
    if (memo && i % CHECKPOINT_EVERY === 0 && saved.at(-1)?.at !== i) saved.push({ at: i, count: resolved.length, passes: copyPasses(passes) });
    let draft = joinQuestion(passes, drafts[i]!, briefDate);
    if (draft) draft = joinList(passes, draft);
    if (!draft) continue;
    draft = withBriefMinerals(passes, withBriefControl(passes, draft), named, briefDate, measuresIn);
    named.push(draft);
    resolved.push(placeTime(draft, briefDate, dated));
  }
  if (memo) memo.memo.last = { inputs, drafts, named, resolved, saved };
  return resolved;
}
