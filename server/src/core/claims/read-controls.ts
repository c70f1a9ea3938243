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

/** Leads that put a time around a status rather than on it ("since 2023"): not a claim's own date. */
export const SPAN_LEADS: ReadonlySet<string> = new Set(['since', 'until', 'by', 'before', 'after', 'between', 'through', 'over']);
// Words that refer back to minerals named before: to the minerals themselves ("both metals", "the
// five"), or to a control and so to its minerals ("the ban", "that suspension", "it").
export const mineralAnaphor = /\b(?:the|these|those|all|both|each|such)\s+(?:(?:two|three|four|five|six|seven|eight|nine|ten|twelve)\s+)?(?:metals?|minerals?|elements?|materials|products|items|additions|rare\s+earths|five|four|three|two|six|seven|eight)\b|\b(?:neither|either)\s+(?:metal|mineral|element)\b|\bthe\s+(?:whole\s+|entire\s+)?(?:April|October|December|February|November|new|same|earlier)\s+(?:seven|five|four|three|package|measures?|controls?|rules?|list|additions)\b/i;
const controlAnaphor = /\b(?:the|its|this|that)\s+(?:US-only\s+|US-specific\s+|outright\s+|export\s+|whole\s+)?(?:ban|controls?|rules?|measures?|regime|requirement|licensing|restrictions?|suspension|pause|package)\b|\b(?:it|they|them)\b/i;
const anaphor = new RegExp(`${mineralAnaphor.source}|${controlAnaphor.source}`, 'i');
const strongControl = /\bexport\s+limits?\b|\blimit|\bexport\s+controls?\b|\bcontrols?\b|\bcontrolled\b|\brestrict|\bcurb/i;

/** The destination a clause names for a control, if any. */
export function destinationIn(view: View, clause: Range): string | undefined {
  const text = view.text.slice(clause.start, clause.end);
  if (/\b(?:every|all)\s+other\s+destinations?\b|\ball\s+(?:destinations|countries|buyers)\b|\bworldwide\b/i.test(text)) return 'all';
  // "U.S." ends in a full stop, so no word boundary may follow it.
  if (/\b(?:US|U\.S\.)[-\s](?:only|specific|bound)\b|\b(?:to|for|into|against|from)\s+(?:the\s+)?(?:US\b|U\.S\.|USA\b|United\s+States\b|America\b)|\b(?:American|US|U\.S\.)\s+(?:military\s+|defen[cs]e\s+|government\s+)?(?:buyers|customers|firms|companies|users|end[-\s]users|market|importers|purchasers|ports|defen[cs]e|ban|review|shipments)|\bbound\s+for\s+(?:the\s+)?(?:US|American|United)/i.test(text)) return 'US';
  const other = view.actors.find((a) => within(a.range, clause) && a.code !== 'CN' && a.code !== 'US' && /\b(?:to|for|into|against)\s+(?:the\s+)?$/i.test(view.text.slice(Math.max(clause.start, a.range.start - 10), a.range.start)));
  return other?.code;
}

/** A country other than China (or the US) that imposes the measure in this clause. */
function foreignActor(view: View, clause: Range, at: number): string | undefined {
  // A destination named before the control ("the US-only ban", "for US buyers") imposes nothing.
  const before = view.actors.filter((a) => within(a.range, clause) && a.range.start < at && !/\b(?:to|for|into|from|against|on|with|by)\s+(?:the\s+)?$/i.test(view.text.slice(Math.max(clause.start, a.range.start - 10), a.range.start)) && !/^[-\s](?:only|specific|bound)\b/i.test(view.text.slice(a.range.end, a.range.end + 10)) && !(a.code === 'US' && /^\s+(?:export\s+)?(?:ban|review|licen[cs]\w*|market|buyers|customers|end[-\s]users?|shipments|restrictions?)\b/i.test(view.text.slice(a.range.end, a.range.end + 30))));
  // "Ammonium paratungstate, the intermediate that most US carbide makers buy, is covered": an
  // actor inside an aside set off by commas is not the subject.
  const subjects = before.filter((a) => !(/,[^,]*$/.test(view.text.slice(clause.start, a.range.start)) && /,/.test(view.text.slice(a.range.end, at))));
  const last = subjects[subjects.length - 1];
  if (!last || last.code === 'CN') return undefined;
  // "US tariffs … Beijing answered with export controls": the last subject before the cue decides.
  return last.code;
}

export function specific(mentions: Mention[], dataset: Dataset): Mention[] {
  const individual = mentions.filter((m) => !isGroupMineral(dataset.mineral(m.mineral)));
  return individual.length > 0 ? individual : mentions;
}

/** The type a clause's cues give: a change (suspension, lift, proposal) or a status. */
// A control named in passing inside a phrase of time or cause ("after the December ban") is a
// reference to a known measure, not a statement of its status.
const inPassing = /\b(?:round|around|despite|circumvent\w*|evad\w*|dodg\w*|skirt\w*)\s+(?:the|its|this|that|a|an|China['’]s|Beijing['’]s)\s+(?:\S+\s+){0,2}$/i;
// Named in a phrase of time ("after the December ban") the control is presupposed, not stated: read, but only likely.
const inTimePhrase = /\b(?:after|before|since|following|amid|ahead\s+of|in\s+response\s+to|because\s+of|in\s+the\s+wake\s+of)\s+(?:the|its|this|that|a|an|China['’]s|Beijing['’]s)\s+(?:\S+\s+){0,2}$/i;

// "China said … it would require", "the ministry announced that it would restrict": the words before
// the control word when the issuer announces its own measure.
const issuerAnnounced = /\b(?:China|Beijing|MOFCOM|ministry|government|authorities)\b[^.;:"“]{0,60}?\b(?:said|announced|stated|declared|confirmed|unveiled|notified)\b[^.;:"“]{0,40}?\b(?:it|they)\s+would\s+(?:\w+\s+){0,5}$/i;

/** Words that state a control's status (for a control named only by an anaphor). */
const statusPredicate = /\b(?:(?:is|are|was|were|has\s+been|have\s+been|had\s+been|remains?|remained|stays?|stayed)\s+(?:still\s+|now\s+|only\s+|being\s+|not\s+)?(?:in\s+(?:force|effect|place)|suspended|lifted|paused|required|needed|applied|extended|barred|banned|prohibited|licensed|controlled|covered|granted|subject|issued|enforced)|appl(?:y|ies|ied)|took\s+effect|takes\s+effect|went\s+into\s+effect|came\s+into\s+force|requires?|required|needs?|needed|covers?|runs?\s+(?:until|to|through)|expires?|expired|lasts?|reaches|extends?\s+to)\b/i;

// "The measure … covers X", "announcement No. 58 targets X", "the cathode items include X", "X is
// covered, as are Y": the scope of a measure named before, whose type the scope takes.
const scopeFrame = /\b(?:announcement|measure|rule|notice|regime|list|package|order|controls|restrictions|curbs|limits|items|ban|prohibition|embargo|requirement)\b(?:\s+No\.\s*\d+)?(?:\s*,[^,;]{1,100},)?\s+(?:now\s+|also\s+|only\s+)?(?:covers|cover|covered|targets|target|targeted|includes|include|included|appl(?:y|ies|ied)\s+to|extends?\s+to|extended\s+to|encompass(?:es)?|lists|listed)\b|\b(?:is|are|was|were)\s+(?:also\s+)?(?:covered|included|listed)\b(?!\s+(?:in|on|by)\s+(?:the\s+)?(?:USGS|report|table|data|survey))/i;

export interface ControlReading {
  type: ClaimControlType;
  /** Where the control word (or the scope's subject) starts. */
  at: number;
  /** A word that speaks of controls only after one was named ("the rules", "covered"). */
  weak: boolean;
  /** The words give a measure's scope, not its type ("the rule covers antimony ore"). */
  scope?: boolean;
  alternatives: ClaimControlType[];
}

/** "licensing rather than a ban", "stopped short of outright bans": the contrasted control is not the one claimed. */
function isContrasted(view: View, clause: Range, range: Range): boolean {
  return /\b(?:rather\s+than|instead\s+of|short\s+of)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?$|\b(?:not|nor|never)\s+(?:an?|the)\s+(?:\w+\s+)?$/i.test(view.text.slice(Math.max(clause.start, range.start - 25), range.start));
}

export function typeOf(view: View, clause: Range): ControlReading | undefined {
  const contrasted = (c: { range: Range }) => isContrasted(view, clause, c.range);
  // "China controls around 70% of global supply" is market share, not an export control.
  const marketShare = (c: { kind: string; range: Range }) => c.kind === 'control' && /^\s+(?:\S+\s+){0,3}?(?:\d[\d.,]*\s*(?:%|per\s*cent|percent)|half|a\s+third|two[-\s]thirds|most|much|the\s+bulk|the\s+majority)/i.test(view.text.slice(c.range.end, c.range.end + 40)) && /^control(?:s|led)?$/i.test(view.text.slice(c.range.start, c.range.end));
  const controls = view.controlCues.filter((c) => within(c.range, clause) && !inPassing.test(view.text.slice(Math.max(clause.start, c.range.start - 40), c.range.start)) && !(contrasted(c) && c.kind !== 'none') && !marketShare(c));
  const changes = view.changeCues.filter((c) => within(c.range, clause));
  const ban = controls.find((c) => c.kind === 'ban');
  const licensing = controls.find((c) => c.kind === 'licensing');
  const none = controls.find((c) => c.kind === 'none');
  const control = controls.find((c) => c.kind === 'control' && strongControl.test(view.text.slice(c.range.start, c.range.end)));
  const weakControl = controls.find((c) => c.kind === 'control');
  const change = changes.find((c) => c.kind === 'suspension' || c.kind === 'lifted' || c.kind === 'proposed');
  const base = ban ?? licensing ?? control;
  if (none) return { type: 'none', at: none.range.start, weak: false, alternatives: [] };
  // "That suspension runs until…", "it was only suspended": a change whose control an anaphor names.
  const changeOnly = change && !base && !weakControl && /\b(?:that|this|the|its|it)\b/i.test(view.text.slice(clause.start, change.range.end)) && change.kind !== 'proposed';
  if (change && (base || weakControl || changeOnly)) {
    // "the suspension of the ban", "suspended its ban", "US ban suspended": the change is the claim.
    const control = base ?? weakControl;
    return { type: change.kind as ClaimControlType, at: control ? Math.min(change.range.start, control.range.start) : change.range.start, weak: false, alternatives: [] };
  }
  if (ban && licensing) {
    const first = ban.range.start < licensing.range.start ? ban : licensing;
    // "licensing or bans": both readings; "licences … outright ban": the ban is the stronger claim.
    if (/\bor\b/i.test(view.text.slice(Math.min(ban.range.end, licensing.range.end), Math.max(ban.range.start, licensing.range.start)))) return { type: 'licensing', at: first.range.start, weak: false, alternatives: ['ban'] };
    return { type: 'ban', at: ban.range.start, weak: false, alternatives: [] };
  }
  // "may not be exported without permission", "bans the export … without a licence": licensing.
  if (ban && /\bwithout\s+(?:a\s+|an\s+|prior\s+)?(?:export\s+)?(?:permission|licen[cs]es?|approval|authori[sz]ation|permits?)\b/i.test(view.text.slice(ban.range.end, clause.end))) return { type: 'licensing', at: ban.range.start, weak: false, alternatives: [] };
  if (ban) return { type: 'ban', at: ban.range.start, weak: false, alternatives: [] };
  if (licensing || control) return { type: 'licensing', at: (licensing ?? control)!.range.start, weak: false, alternatives: [] };
  const scope = scopeFrame.exec(view.text.slice(clause.start, clause.end));
  if (scope) return { type: 'licensing', at: clause.start + scope.index, weak: true, scope: true, alternatives: [] };
  if (weakControl) return { type: 'licensing', at: weakControl.range.start, weak: true, alternatives: [] };
  return undefined;
}

// The words left of a continued clause once its minerals are marked "#" and its times "@": "and #
// since @", "# followed on @".
const continuation = /^[\s,]*(?:and\s+|then\s+|while\s+)?(?:[\w-]+\s+){0,2}#(?:[\s,]*(?:and|or|&)?\s*(?:[\w-]+\s+){0,2}#)*\s+(?:(?:only\s+)?(?:(?:since|from|in|on|as\s+of)\s+)?@|(?:followed|came\s+next|was\s+next|joined(?:\s+them)?)(?:\s+(?:(?:on|in|from)\s+)?@)?)[\s.]*$/i;

/**
 * A clause that names minerals and perhaps a time but no control of its own continues the control
 * before it: "…have needed licences since 2023, and graphite since December", "graphite followed
 * on December 1".
 */
function continues(view: View, clause: Range): boolean {
  const marks = [...view.mentions.map((m) => ({ range: m.range, mark: '#' })), ...[...view.times, ...view.relatives].map((t) => ({ range: t.range, mark: '@' }))]
    .filter((x) => within(x.range, clause))
    .sort((a, b) => a.range.start - b.range.start);
  if (!marks.length) return false;
  let residual = '';
  let at = clause.start;
  for (const x of marks) {
    if (x.range.start < at) continue;
    residual += view.text.slice(at, x.range.start) + x.mark;
    at = x.range.end;
  }
  return continuation.test(residual + view.text.slice(at, clause.end));
}

const COUNT_WORDS = /\b(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:[\w-]+\s+){0,5}?(?:rare[-\s]earths?|elements|metals|minerals|items|materials)\b/i;
const countValue = (word: string) => (/^\d+$/.test(word) ? Number(word) : ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'].indexOf(word.toLowerCase()) + 2);

/** "samarium-cobalt alloys", "neodymium-iron-boron magnets": the second metal names an alloy, not a controlled mineral. */
export function alloyPartner(view: View, m: Mention): boolean {
  return /[A-Za-z]-$/.test(view.text.slice(m.range.start - 2, m.range.start)) && view.mentions.some((o) => o.range.end === m.range.start - 1) && /^(?:-[A-Za-z]+)*\s+(?:alloys?|magnets?|permanent\s+magnets?|targets?)\b/i.test(view.text.slice(m.range.end, m.range.end + 30));
}

/** "gold-antimony smelting technology", "technology to make rare earth magnets": the control is on a technology. */
function aboutTechnology(view: View, m: Mention): boolean {
  return /^(?:[\s-]+(?:and\s+)?[\w-]+){0,4}?\s+technolog/i.test(view.text.slice(m.range.end, m.range.end + 60)) || /\btechnolog\w*\s+(?:to|for|used\s+to)\s+(?:\S+\s+){0,3}$/i.test(view.text.slice(Math.max(view.range.start, m.range.start - 50), m.range.start));
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const namedMeasureRe = new RegExp(String.raw`\b(?:the|its|China['’]s|Beijing['’]s)\s+(?:whole\s+|entire\s+|original\s+)?(?:(\d{1,2})\s+)?(${MONTH_NAMES.join('|')})(?:\s+(\d{1,2}))?(?:,?\s+((?:19|20)\d{2}))?\s+(?:export\s+)?(?:package|measures?|controls|rules|restrictions|curbs|announcements?|ban|additions|list)\b`, 'i');

/** A measure named by the month it was announced ("the October package"), and where the name stands in `text`. */
function namedMeasure(text: string): { when: { month: number; day?: number; year?: number }; start: number; end: number } | undefined {
  const m = namedMeasureRe.exec(text);
  if (!m) return undefined;
  const day = Number(m[1] ?? m[3] ?? 0) || undefined;
  return { when: { month: MONTH_NAMES.indexOf(m[2]!.toLowerCase()) + 1, ...(day ? { day } : {}), ...(m[4] ? { year: Number(m[4]) } : {}) }, start: m.index, end: m.index + m[0].length };
}

/** The number an anaphor counts ("the three critical minerals", "these five metals"), if any. */
function countedAnaphor(text: string): number | undefined {
  const m = /\b(?:the|these|those|all|both)\s+(two|three|four|five|six|seven|eight|nine|ten)\s+(?:\w+\s+)?(?:metals|minerals|elements|materials|rare\s+earths)\b/i.exec(text);
  return m ? ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'].indexOf(m[1]!.toLowerCase()) + 2 : /\bboth\s+(?:metals|minerals|elements)\b/i.test(text) ? 2 : undefined;
}

/** The ban or licence word nearest the minerals, by the words between. */
function nearestControl(view: View, clause: Range, mentions: Mention[]): { type: 'ban' | 'licensing'; at: number } | undefined {
  const words = (a: number, b: number) => view.text.slice(Math.min(a, b), Math.max(a, b)).split(/\s+/).length;
  let best: { type: 'ban' | 'licensing'; at: number; d: number } | undefined;
  for (const c of view.controlCues) {
    // "dual-use items" names what is controlled, not how.
    if (!within(c.range, clause) || c.kind === 'none' || isContrasted(view, clause, c.range) || /^dual/i.test(view.text.slice(c.range.start, c.range.end)) || (c.kind === 'control' && !strongControl.test(view.text.slice(c.range.start, c.range.end)))) continue;
    const d = Math.min(...mentions.map((m) => (m.range.start >= c.range.end ? words(c.range.end, m.range.start) : words(m.range.end, c.range.start))));
    if (!best || d < best.d) best = { type: c.kind === 'ban' ? 'ban' : 'licensing', at: c.range.start, d };
  }
  return best;
}

/** Whether the clause is nothing but a list of minerals ("samarium, gadolinium and yttrium."). */
function isList(view: View, clause: Range): boolean {
  let rest = view.text.slice(clause.start, clause.end);
  for (const m of [...view.mentions].reverse()) if (within(m.range, clause)) rest = rest.slice(0, m.range.start - clause.start) + rest.slice(m.range.end - clause.start);
  return /^(?:[\s,;.]|\band\b|\bor\b|\bas\s+well\s+as\b|\bnamely\b|\bincluding\b|\bspecifically\b)*$/i.test(rest);
}

/** Asides in the clause set off by paired dashes or brackets that do not hold `at`. */
function asideAround(view: View, clause: Range, at: number): Range[] {
  const text = view.text.slice(clause.start, clause.end);
  const out: Range[] = [];
  for (const m of text.matchAll(/\s[–—]\s[^–—]*\s[–—]\s|\([^()]*\)/g)) {
    const range = { start: clause.start + m.index, end: clause.start + m.index + m[0].length };
    if (at < range.start || at >= range.end) out.push(range);
  }
  return out;
}

/**
 * Clauses for reading controls: the sentence's clauses, also split after a colon that a new clause
 * follows ("reports that China has 'lifted' the ban are wrong: the ban is suspended") and before a
 * continued clause ("…, and graphite since December").
 */
function controlClauses(view: View): Range[] {
  const out: Range[] = [];
  for (const clause of view.clauses) {
    const text = view.text.slice(clause.start, clause.end);
    // Continued clauses, from the last back: "…since 2023, graphite since December, and antimony since …".
    let end = clause.end;
    const tails: Range[] = [];
    for (const m of [...text.matchAll(/,\s+/g)].reverse()) {
      const at = clause.start + m.index;
      if (continues(view, { start: at, end })) tails.unshift({ start: at, end }), (end = at);
    }
    let start = clause.start;
    for (const m of view.text.slice(clause.start, end).matchAll(/:\s+/g)) {
      const at = clause.start + m.index;
      if (at > start) out.push({ start, end: at });
      start = at + m[0].length;
    }
    if (start < end) out.push({ start, end });
    out.push(...tails);
  }
  return out;
}

export function readControls(view: View, ctx: BlockContext, dataset: Dataset, out: SentenceClaim[], unread: Unread[]): void {
  const done = new Set<number>();
  let previous: { minerals: string[]; destination: string } | undefined;
  // The last control read, for a clause that continues it.
  let last = ctx.control ? { type: ctx.control.type as ClaimControlType, destination: ctx.control.destination, here: false } : undefined;
  for (const clause of controlClauses(view)) {
    if (done.has(clause.start)) continue;
    done.add(clause.start);
    const first = view.mentions.find((m) => within(m.range, clause));
    const continued = !typeOf(view, clause) && last && (last.type === 'ban' || last.type === 'licensing') && first && continues(view, clause) ? last : undefined;
    const found: ControlReading | undefined = continued ? { type: continued.type, at: first!.range.start, weak: false, alternatives: [] } : typeOf(view, clause);
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
    const anchors = [typed.at, ...view.controlCues.filter((c) => within(c.range, clause)).map((c) => c.range.start)];
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
    const enumerates = !!stated && members(all).length === countValue(stated[1]!) && members(counted).length < members(all).length && counted.every((m) => isGroupMineral(dataset.mineral(m.mineral)) || members(all).includes(m));
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
      minerals = ctx.control?.minerals ?? ctx.minerals;
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
