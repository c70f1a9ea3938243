// Control claims, assembled from cues: a control word (ban, licence, control, restrict…) or a
// status change (suspend, lift, propose) in a clause, the minerals it governs (in the clause, or
// the ones an anaphor such as "the five" or "the ban" refers to), who imposes it (China, or another
// country whose measure the dataset does not track), the destination and the date.

import type { ClaimControlType, ReadingConfidence } from '../types';
import type { BlockContext } from './context';
import type { Mention } from './lexicon';
import type { SentenceClaim } from './types';
import type { Unread } from './read-figures';
import { distinctMinerals, listAround, notAsserted, within, type View } from './view';
import { negation } from './cues';
import type { Dataset } from '../dataset/types';
import { isGroupMineral } from '../dataset/status';
import type { Range } from '../types';
import { destinationIn, foreignActor, inTimePhrase, issuerAnnounced, nearestControl, scopeFrame, SPAN_LEADS, statusPredicate, typeOf, type ControlReading } from './control-type';
import { valueOf } from './read-counts';
import { aboutTechnology, alloyPartner, anaphor, asideAround, controlClauses, continues, COUNT_WORDS, countedAnaphor, isList, mineralAnaphor, namedMeasure, specific } from './control-phrases';

export function readControls(view: View, ctx: BlockContext, dataset: Dataset, out: SentenceClaim[], unread: Unread[]): void {
  const done = new Set<number>();
  let previous: { minerals: string[]; destination: string } | undefined;
  // The last control read, for a clause that continues it.
  let last = ctx.control ? { type: ctx.control.type as ClaimControlType, destination: ctx.control.destination, here: false } : undefined;
  for (const clause of controlClauses(view)) {
    if (done.has(clause.start)) continue;
    done.add(clause.start);
    const first = view.mentions.find((m) => within(m.range, clause));
    const reading = typeOf(view, clause);
    const continued = !reading && last && (last.type === 'ban' || last.type === 'licensing') && first && continues(view, clause) ? last : undefined;
    const found: ControlReading | undefined = continued ? { type: continued.type, at: first!.range.start, weak: false, alternatives: [] } : reading;
    if (!found) {
      // "Gallium, germanium: licence required": a label of minerals names what the next part governs.
      const label = view.mentions.filter((m) => within(m.range, clause));
      if (label.length && /:\s*$/.test(view.text.slice(clause.start, clause.end + 1)) && /^[\s*_\-–,]*$/.test(view.text.slice(clause.start, label[0]!.range.start).replace(/\band\b|\bor\b/g, ''))) {
        previous = { minerals: specific(distinctMinerals(label), dataset).map((m) => m.mineral), destination: 'all' };
      }
      // "…seven rare earths under export control: samarium, gadolinium, …": the list names them.
      const before = out[out.length - 1];
      if (label.length && before && before.draft.kind === 'control' && before.range.end <= clause.start && /(?::|\s[–—]|—)\s*$/.test(view.text.slice(before.range.end, clause.start)) && isList(view, clause)) {
        const named = specific(distinctMinerals(label), dataset);
        before.draft.minerals = named.map((m) => m.mineral);
        before.mentionRanges = named.map((m) => m.range);
      }
      continue;
    }
    let typed: ControlReading = found;
    const text = view.text.slice(clause.start, clause.end);
    // Minerals the control word governs: within a few words of it (or of a list that is), and with
    // no negation between ("gallium exports are not banned").
    // The words a mineral may be governed from: the control word, and the other control words of
    // the clause ("The measure, announced on 20 October by …, covers graphite").
    // "may not be exported without permission" denies twice: its "not" does not unbind the minerals.
    const deniedTwice = typed.type === 'licensing' && /\bwithout\s+(?:an?\s+|prior\s+)?(?:export\s+|dual[-\s]use\s+)?(?:licen|permi|approval)/i.test(text);
    const anchors = [typed.at, ...(typed.scopeEnd ? [typed.scopeEnd] : []), ...view.controlCues.filter((c) => within(c.range, clause)).map((c) => c.range.start)];
    const governed = (m: Mention) =>
      anchors.some((at) => {
        const between = m.range.end <= at ? view.text.slice(m.range.end, at) : view.text.slice(at, m.range.start);
        // A colon ends what a control governs (a label before it is handled with the clauses above);
        // "without a licence" requires one.
        return between.split(/\s+/).filter(Boolean).length <= 14 && !/[:;]/.test(between) && (typed.type === 'none' || deniedTwice || !negation.test(between.replace(/^\s*no\s+/i, '').replace(/\bwithout\s+(?:an?\s+)?(?:\S+\s+)?$/i, '')));
      });
    // "…on 17 minerals, including 7 rare earths": a counted aside names a subset, not the controlled minerals.
    // But "the whole October package, including the five new rare earths": the aside names what the package holds.
    // A status of a technology's control is not the mineral's (a proposal or change may still name it).
    const all = view.mentions.filter((m) => within(m.range, clause) && !((typed.type === 'ban' || typed.type === 'licensing') && aboutTechnology(view, m)));
    const counted = all.filter((m) => !/\b(?:including|among\s+them|of\s+which)\s+(?:\S+\s+){0,4}$/i.test(view.text.slice(Math.max(clause.start, m.range.start - 40), m.range.start)));
    // "…on seven types of rare earth items including samarium, gadolinium, …": seven elements after
    // "seven" name the group's members, not a subset of something larger.
    const members = (ms: Mention[]) => distinctMinerals(ms.filter((m) => !isGroupMineral(dataset.mineral(m.mineral))));
    const stated = COUNT_WORDS.exec(text);
    const enumerates = !!stated && members(all).length === valueOf(stated[1]!) && members(counted).length < members(all).length && counted.every((m) => isGroupMineral(dataset.mineral(m.mineral)) || members(all).includes(m));
    const inClause = (counted.length === 0 && all.length && /\b(?:package|measures|controls|rules)\s*(?:,|—|–|\s-)\s*including\b/i.test(text)) || enumerates ? all.filter((m) => !alloyPartner(view, m)) : counted.filter((m) => !alloyPartner(view, m));
    const anchor = inClause.find(governed);
    let mentions = anchor ? specific(distinctMinerals(enumerates ? inClause : inClause.filter((m) => listAround(view, view.mentions.indexOf(anchor)).includes(m) || governed(m))), dataset) : [];
    if (!anchor && inClause.length) {
      unread.push({ range: clause, why: 'unbound' });
      continue;
    }
    // "The original ban was debated, given … the first export controls on gallium and germanium": of
    // two kinds of control word, the one nearest the minerals is theirs.
    if (mentions.length && !continued && !typed.scope && (typed.type === 'ban' || typed.type === 'licensing') && !typed.alternatives.length) {
      const nearest = nearestControl(view, clause, mentions);
      if (nearest && nearest.type !== typed.type) typed = { ...typed, type: nearest.type, at: nearest.at };
    }
    let minerals = mentions.map((m) => m.mineral);
    let fromContext = false;
    if (minerals.length === 0 && previous && !typed.weak) {
      // "Tungsten, bismuth: licence required; US sales barred": the same minerals.
      minerals = previous.minerals;
    }
    // "…gallium or germanium, whose US-specific ban…": the minerals before the relative; "…went to
    // the US, where a ban has applied": the place is the destination, the minerals those in view.
    let whereTo: string | undefined;
    if (minerals.length === 0) {
      const lead = view.text.slice(Math.max(view.range.start, clause.start - 10), clause.start);
      const head = view.mentions.filter((m) => m.range.end <= clause.start).pop();
      if (/,\s+whose\s+$/i.test(lead) && head && /^\s*,\s+whose\s+$/i.test(view.text.slice(head.range.end, clause.start))) {
        mentions = specific(distinctMinerals(listAround(view, view.mentions.indexOf(head))), dataset);
        minerals = mentions.map((m) => m.mineral);
      } else if (/,\s+where\s+$/i.test(lead)) {
        const place = view.actors.filter((a) => a.range.end <= clause.start).pop();
        const named = head ? [head.mineral] : ctx.minerals;
        if (place && place.code !== 'CN' && /^\s*,\s+where\s+$/i.test(view.text.slice(place.range.end, clause.start)) && named.length) {
          whereTo = place.code;
          minerals = named;
          fromContext = !head;
        }
      }
    }
    let fromBrief = false;
    let anaphorCount: number | undefined;
    // "the October package", "the April 4 controls": the measures announced then (resolve.ts).
    const measure = minerals.length === 0 ? namedMeasure(text) : undefined;
    const measureOf = measure?.when;
    // Its month is its name, not the claim's date.
    const inName = (r: Range) => !!measure && r.start >= clause.start + measure.start && r.end <= clause.start + measure.end;
    if (measureOf) {
      fromBrief = true;
      fromContext = true;
    } else if (minerals.length === 0) {
      if (!anaphor.test(text)) continue;
      // "three of the four minerals are barred": some of them, and the words do not say which.
      if (/\b(?:one|two|three|four|five|six|seven|some|most|several|many|few|all\s+but\s+\w+)\s+of\s+(?:the|these|those|them)\b/i.test(text)) {
        unread.push({ range: clause, why: 'unbound' });
        continue;
      }
      // "The ban turned a licence queue into a closed door": a reference, unless its verb states a
      // status; "the licensing requirement for both metals" refers to the minerals and presupposes it.
      const noun = /\b(?:the|this|that|its)\s+(?:\S+\s+)?(?:ban|controls?|rules?|measures?|regime|requirement|licensing)\b/i.exec(text);
      const predicate = noun ? text.slice(noun.index + noun[0].length) : text;
      if (!mineralAnaphor.test(text) && !statusPredicate.test(predicate)) continue;
      // "All of these were suspended": every mineral just named, not only the last control's.
      minerals = (/\b(?:all|each|both)\s+of\s+(?:these|them|those)\b/i.test(text) && ctx.minerals.length ? ctx.minerals : undefined) ?? ctx.control?.minerals ?? ctx.minerals;
      // "the three critical minerals": as many as the words count, or none.
      anaphorCount = countedAnaphor(text);
      if (anaphorCount && minerals.length && minerals.length !== anaphorCount) minerals = [];
      // Nothing earlier in the block: the minerals come from earlier in the brief.
      fromBrief = minerals.length === 0;
      mentions = [];
      fromContext = true;
    }
    // Weak cues ("covered", "the rules", "the list") speak of controls only after one was named: in
    // the block, or, for a measure's scope ("The measure covers …"), earlier in the brief (resolve.ts).
    const scopeFromBrief = !!typed.scope && !ctx.control && !fromBrief;
    if (typed.weak && !ctx.control && !fromBrief && !scopeFromBrief) continue;
    // A scope takes the type of the measure named before it ("the same prohibition covers …").
    const scopeOf = typed.scope && ctx.control && (ctx.control.type === 'ban' || ctx.control.type === 'licensing') ? ctx.control : undefined;
    const type = (scopeOf?.type as ClaimControlType | undefined) ?? typed.type;
    // "no exporter may sell tungsten abroad without a licence" denies twice: licensing is asserted.
    const doubleNegative = typed.type === 'licensing' && /\b(?:nobody|no\s+one|no\s+\w+|cannot|can['’]t|may\s+not|must\s+not)\b[^.;]*\bwithout\s+(?:an?\s+)?(?:export\s+|dual[-\s]use\s+)?(?:licen|permi|approval)/i.test(text);
    // "China said in July 2023 it would require licences": the issuer announcing its own measure, a
    // future in the past rather than speculation; read as the measure, but only likely (a measure
    // announced and not yet in force on the claim's date is not judged).
    const issuerSaid = issuerAnnounced.test(view.text.slice(view.range.start, typed.at));
    // Its modal is one of permission ("no one may export … without a licence"), not of speculation.
    const why = notAsserted(view, typed.at, { negation: typed.type !== 'none' && !doubleNegative, modality: !doubleNegative && !issuerSaid });
    if (why) {
      if (mentions.length) unread.push({ range: clause, why });
      // The minerals stay the topic of the sentence's next clause ("…has not banned antimony; a licence is required").
      if (mentions.length) previous = { minerals, destination: 'all' };
      continue;
    }
    const prefix = view.text.slice(clause.start, typed.at);
    // "will" with no date: an announced rule's content, or a prediction; read, but only likely.
    const undatedFuture = /\bwill\b/i.test(prefix) && !view.times.some((t) => within(t.range, clause)) && !view.relatives.some((r) => within(r.range, clause));
    // "China will ban …" with no date is a prediction; "items will need a licence" describes a rule.
    const announced = (/\b(?:told|announced|said|stated|notified|informed|ruled|declared|issued|published|confirmed)\b/i.test(view.text.slice(view.range.start, view.range.end)) && view.actors.some((a) => a.code === 'CN')) || /\bwith\s+immediate\s+effect\b|\beffective\s+immediately\b|\btakes?\s+immediate\s+effect\b/i.test(view.text.slice(view.range.start, view.range.end));
    if (undatedFuture && typed.type === 'ban' && !announced) {
      if (mentions.length) unread.push({ range: clause, why: 'speculation' });
      continue;
    }
    const presupposed = inTimePhrase.test(view.text.slice(Math.max(clause.start, typed.at - 40), typed.at));
    const foreign = foreignActor(view, clause, typed.at);
    if (foreign) {
      if (mentions.length) unread.push({ range: clause, why: 'other-country' });
      continue;
    }
    let destination = destinationIn(view, clause) ?? whereTo ?? continued?.destination ?? scopeOf?.destination;
    // "the same ban", "The prohibition … also covers X": the ban named before, and its destination.
    if (!destination && ctx.control && (fromContext || /\bsame\b/i.test(text) || scopeFrame.test(text)) && /\b(?:the|its|this|that)\s+(?:\w+\s+)?(?:ban|prohibition|embargo)\b/i.test(text)) destination = ctx.control.destination;
    if (!destination && typed.type !== 'ban' && typed.type !== 'suspension' && typed.type !== 'lifted' && ctx.control && fromContext) destination = ctx.control.destination;
    // A time inside an aside the control word is not in ("ban on X – China supplied 63% from January
    // to November 2024 – has…") is the aside's.
    const aside = asideAround(view, clause, typed.at);
    const times = view.times.filter((t) => within(t.range, clause) && !aside.some((a) => within(t.range, a)) && !inName(t.range));
    const own = times.length === 1 && !SPAN_LEADS.has(times[0]!.lead) && (times[0]!.start.slice(0, 4) === times[0]!.end.slice(0, 4) || times[0]!.day) ? times[0] : undefined;
    const relatives = view.relatives.filter((r) => within(r.range, clause) && !SPAN_LEADS.has(r.lead) && !inName(r.range));
    const relative = !own && times.length === 0 && relatives.length === 1 ? relatives[0] : undefined;
    // A ban with no destination is read as a ban to all only when the words say so.
    const vagueBan = typed.type === 'ban' && !destination && !/\b(?:all|every|any|outright|total|complete|blanket|worldwide|global)\b/i.test(text);
    // Some end users only ("military end users", "defence users"), anywhere in the sentence.
    // ("minerals that have military uses" describes the minerals, not whom they may go to.)
    const endUse = /\bmilitary\s+(?:end[-\s]?)?(?:users?|customers|buyers|entities|purposes|end[-\s]uses?)\b|\b(?:for|to)\s+(?:\w+\s+)?military\s+(?:use|end|purpose)|\bmilitary\b(?![-\s]+(?:uses|applications|potential|significance|value|(?:and|or|as\s+well\s+as)\s+civil))|\barmed\s+forces\b|\bend[-\s]users?\b|\bdefen[cs]e\s+(?:users|firms|contractors|companies|end)/i.test(view.text.slice(view.range.start, view.range.end).replace(/,\s+while\s+[^;]*$/i, ''));
    // The rare earths as a group have members under different measures: a reading on the group alone is only likely.
    const groupOnly = minerals.every((m) => isGroupMineral(dataset.mineral(m)));
    // "…to the list, effective 8 November": the date a measure was announced to take effect, which a
    // later suspension may have overtaken; read, but only likely.
    const scheduled = !!own && /\b(?:effective|tak(?:e|es|ing)\s+effect|due\s+to\s+(?:start|take\s+effect)|to\s+start)\s+(?:from\s+|on\s+|as\s+of\s+)?$/i.test(view.text.slice(Math.max(clause.start, own.range.start - 30), own.range.start));
    const confidence: ReadingConfidence = typed.alternatives.length ? 'ambiguous' : fromContext || typed.weak || (continued && !continued.here) || vagueBan || groupOnly || undatedFuture || presupposed || scheduled || issuerSaid ? 'likely' : 'certain';
    // From its subject ("China", "Beijing") when one stands before the control word in the clause.
    const subject = view.actors.filter((a) => a.code === 'CN' && a.form !== 'adjective' && within(a.range, clause) && a.range.start < typed.at).pop();
    // Minerals named by an anaphor: from the anaphor ("such items shall not be approved").
    const named = mentions.length === 0 ? anaphor.exec(text) : null;
    const starts = [typed.at, ...mentions.map((m) => m.range.start), ...(subject ? [subject.range.start] : []), ...(named ? [clause.start + named.index] : []), ...(measure ? [clause.start + measure.start] : [])];
    // A continued clause ("and graphite since December") runs to its time; the control word is whole.
    const cue = view.controlCues.find((c) => c.range.start === typed.at);
    const ends = [typed.at + 1, cue?.range.end ?? 0, ...(named ? [clause.start + named.index + named[0].length] : []), ...(measure ? [clause.start + measure.end] : []), ...mentions.map((m) => m.range.end), ...(continued ? [...view.times, ...view.relatives].filter((t) => within(t.range, clause)).map((t) => t.range.end) : [])];
    const range = { start: Math.max(clause.start, Math.min(...starts)), end: Math.min(clause.end, Math.max(...ends, own && own.range.start > typed.at ? own.range.end : 0)) };
    // Extend to the end of the word at the range's end and past a destination right after it.
    const tail = /^[\w’'-]*(?:\s+(?:exports?\s+)?(?:to|for)\s+(?:the\s+)?(?:US|U\.S\.|United\s+States|America|American\s+\w+))?/.exec(view.text.slice(range.end, clause.end));
    range.end += tail ? tail[0].length : 0;
    out.push({
      draft: {
        kind: 'control',
        minerals,
        control: { type, destination: destination ?? 'all', ...(own ? { date: own.end } : {}), ...(endUse ? { endUse: true } : {}) },
        ...(own ? { dateFrom: own.start } : {}),
        ...(relative ? { relative: { time: relative, range: relative.range, use: 'date' as const } } : {}),
        confidence,
        ...(fromBrief ? { mineralsFromBrief: true, ...(anaphorCount ? { mineralCount: anaphorCount } : {}), ...(measureOf ? { measureOf } : {}) } : {}),
        ...(scopeFromBrief || (fromBrief && !destination) ? { controlFromBrief: { type: scopeFromBrief, destination: !destination } } : {}),
        // A ban or licence with no destination in its words: all destinations, or the US the brief
        // is about; the data decides between them, and only if both disagree is the claim wrong.
        ...(!destination && (type === 'ban' || type === 'licensing') ? { readings: [{ destination: 'US' }] } : {}),
      },
      range,
      mentionRanges: mentions.map((m) => m.range),
    });
    ctx.control = { minerals, type, destination: destination ?? 'all' };
    last = { type, destination: destination ?? 'all', here: true };
    previous = { minerals, destination: destination ?? 'all' };
  }
}
