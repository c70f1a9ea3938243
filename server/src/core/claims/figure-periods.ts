// The period a figure speaks of: a time in its clause that it owns (not one a compared figure or a
// record owns), the sentence's opening time, a relative time, "the same period", or the period of the
// figure before it, shifted for "a year earlier".

import type { Range } from '../types';
import type { BlockContext } from './context';
import type { TimeExpression } from './periods';
import type { Quantity } from './quantities';
import type { RelativeTime } from './relative-times';
import { within, type View } from './view';

const spanLeads = new Set(['since', 'until', 'by', 'before', 'after', 'as of', 'as at']);

interface PeriodReading {
  time?: TimeExpression;
  relative?: RelativeTime;
  inherited?: LastPeriod;
  /** "Over the same period" with no period earlier in the block: the brief's last figure's. */
  same?: boolean;
  /** The time comes from another clause of the sentence. */
  otherClause?: boolean;
}

const samePeriod = /\b(?:same|that|those)\s+(?:\w+\s+)?(?:period|years?|months?|time|span|window|stretch)\b|\bthe\s+same\s+(?:calculation|data|dataset|figures|source|basis|customs\s+data)\b/i;
export type LastPeriod = NonNullable<NonNullable<BlockContext['figure']>['period']>;

export function readPeriod(view: View, q: Quantity, clause: Range, qs: Quantity[], ctx: BlockContext, metricFromContext: boolean): PeriodReading {
  const usable = view.times.filter((t) => within(t.range, clause) && !spanLeads.has(t.lead));
  const text = view.text;
  const owns = (t: { range: Range }) => {
    // A time after another quantity that is compared with this one ("up from 50% in 2019") is that one's.
    const between = qs.filter((o) => o !== q && o.range.start > q.range.end && o.range.end <= t.range.start);
    // "…dropped by 97% compared to September": the time compared with is not the figure's.
    if (/\b(?:compared\s+(?:to|with)|than|versus|vs\.?|against)\s+(?:the\s+|a\s+)?(?:same\s+\w+\s+(?:of|in)\s+|level\s+(?:of|in)\s+)?$/i.test(text.slice(Math.max(q.range.end, t.range.start - 40), t.range.start))) return false;
    // "100% import-reliant for yttrium, with China responsible for 94% of imports from 2018 to 2021":
    // a time after another figure introduced by ", with" is that figure's.
    if (between.length && /,\s+with\s/i.test(text.slice(q.range.end, between[0]!.range.start))) return false;
    // "…falling 5.2% from September to 5,473 t": the time a change starts from is not the figure's.
    if ((/\bfrom\s+$/i.test(text.slice(Math.max(q.range.end, t.range.start - 6), t.range.start)) || /^from\b/i.test(text.slice(t.range.start, t.range.end))) && /^\s+to\s+(?:about\s+|around\s+)?[\d$]/i.test(text.slice(t.range.end, t.range.end + 20))) return false;
    // "…near $60,000/t, down from a record set in May": the time is the record's.
    if (/\b(?:from|than|since|below|above)\s+(?:a|an|the|its|last)\s+(?:\w+\s+)?(?:record|high|low|peak|level|average)\b/i.test(text.slice(q.range.end, t.range.start))) return false;
    return between.every((o) => !/\b(?:from|than|versus|vs\.?|compared\s+with|against|earlier|before)\b/i.test(text.slice(q.range.end, o.range.start)));
  };
  const after = usable.find((t) => t.range.start >= q.range.end && owns(t));
  if (after) return { time: after };
  const rel = view.relatives.filter((r) => within(r.range, clause) && !spanLeads.has(r.lead));
  const relAfter = rel.find((r) => r.range.start >= q.range.end && owns(r));
  if (relAfter) return { relative: relAfter };
  // An earlier value ("up from 50%", "80% a year earlier") takes no time from before it; a parallel
  // one ("5,200 kg to Japan in October, against 6,000 kg to the US") shares it.
  const compared = /\b(?:from|than)\s+(?:\S+\s+){0,2}$/i.test(text.slice(Math.max(clause.start, q.range.start - 30), q.range.start));
  if (compared || yearEarlierValue(text.slice(q.range.end, q.range.end + 40))) return {};
  const before = usable.filter((t) => t.range.end <= q.range.start);
  const previousQ = qs.filter((o) => o.range.end <= q.range.start).pop();
  const firstQ = qs.find((o) => o.range.start >= clause.start);
  // A time before the clause's first number speaks for every number of a list after it
  // ("reliance in 2024 was 76% for cobalt, 48% for nickel…").
  const lead = before.filter((t) => !previousQ || t.range.start > previousQ.range.end || t.range.start < clause.start + 30 || (firstQ && t.range.end <= firstQ.range.start));
  if (lead.length) return { time: lead[lead.length - 1]! };
  const relBefore = rel.filter((r) => r.range.end <= q.range.start).pop();
  if (relBefore) return { relative: relBefore };
  const sentence = text.slice(clause.start, clause.end);
  // The sentence's opening time ("**October**: …; …, while dysprosium exports drop to 3,501 kg")
  // speaks for a clause that gives none.
  const opening = [...view.times.filter((t) => !spanLeads.has(t.lead)), ...view.relatives.filter((r) => !spanLeads.has(r.lead))]
    .filter((t) => t.range.end <= clause.start)
    .sort((a, b) => a.range.start - b.range.start)[0];
  if (opening && !samePeriod.test(sentence)) return 'start' in opening ? { time: opening, otherClause: true } : { relative: opening, otherClause: true };
  if (!ctx.figure?.period && samePeriod.test(sentence)) return { same: true };
  if (ctx.figure?.period && (samePeriod.test(sentence) || metricFromContext || /\bthat\s+share\b|\bthe\s+(?:Chinese\s+)?share\b|\bthose\s+imports\b/i.test(sentence))) return { inherited: ctx.figure.period };
  return {};
}

/**
 * "80% a year earlier" gives the value of a year before; "24% fewer than a year earlier" and "up 5%
 * on a year earlier" give a change measured against it, which is the current period's.
 */
function yearEarlierValue(after: string): boolean {
  return /^\s*(?:\S+\s+){0,3}?(?:a|one)\s+year\s+(?:earlier|before|ago|previously)\b/i.test(after) && !/^\s*(?:\S+\s+){0,2}?(?:than|on|over|versus|vs\.?|compared\s+(?:with|to))\s+(?:a|one)\s+year\b/i.test(after);
}

export function yearBefore(p: LastPeriod | undefined, view: View, q: Quantity): LastPeriod | undefined {
  if (!p) return undefined;
  if (!yearEarlierValue(view.text.slice(q.range.end, q.range.end + 40))) return undefined;
  const shift = (d: string) => `${Number(d.slice(0, 4)) - 1}${d.slice(4)}`;
  const end = shift(p.end).endsWith('-02-29') ? `${shift(p.end).slice(0, 8)}28` : shift(p.end);
  return { start: shift(p.start), end, range: p.range };
}
