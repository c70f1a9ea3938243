// What a clause's control words claim: the type (ban, licensing, a change such as a suspension),
// where the words stand, whether they only refer to a control named before, the destination, and
// who imposes the measure. read-controls.ts assembles claims from these.

import type { ClaimControlType } from '../types';
import type { Mention } from './lexicon';
import { within, type View } from './view';
import type { Range } from '../types';

/** Leads that put a time around a status rather than on it ("since 2023"): not a claim's own date. */
export const SPAN_LEADS: ReadonlySet<string> = new Set(['since', 'until', 'by', 'before', 'after', 'between', 'through', 'over']);
export const strongControl = /\bexport\s+limits?\b|\blimit|\bexport\s+controls?\b|\bcontrols?\b|\bcontrolled\b|\brestrict|\bcurb/i;

/** The destination a clause names for a control, if any. */
export function destinationIn(view: View, clause: Range): string | undefined {
  // "in response to US tariffs" names a cause, not where exports go.
  const text = view.text.slice(clause.start, clause.end).replace(/\b(?:in\s+)?(?:response|reaction|retaliation|reply|answer)\s+(?:to|for|against)\s+(?:the\s+)?(?:US|U\.S\.|American|Washington)[^,;.]*/gi, '');
  if (/\b(?:every|all)\s+other\s+destinations?\b|\ball\s+(?:destinations|countries|buyers)\b|\bworldwide\b/i.test(text)) return 'all';
  // "U.S." ends in a full stop, so no word boundary may follow it.
  if (/\b(?:US|U\.S\.)[-\s](?:only|specific|bound)\b|\b(?:to|for|into|against|from)\s+(?:the\s+)?(?:US\b|U\.S\.|USA\b|United\s+States\b|America\b)|\b(?:American|US|U\.S\.)\s+(?:military\s+|defen[cs]e\s+|government\s+)?(?:buyers|customers|firms|companies|users|end[-\s]users|market|importers|purchasers|ports|defen[cs]e|ban|review|shipments)|\bbound\s+for\s+(?:the\s+)?(?:US|American|United)/i.test(text)) return 'US';
  const other = view.actors.find((a) => within(a.range, clause) && a.code !== 'CN' && a.code !== 'US' && /\b(?:to|for|into|against)\s+(?:the\s+)?$/i.test(view.text.slice(Math.max(clause.start, a.range.start - 10), a.range.start)));
  return other?.code;
}

/** A country other than China (or the US) that imposes the measure in this clause. */
export function foreignActor(view: View, clause: Range, at: number): string | undefined {
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

/** The type a clause's cues give: a change (suspension, lift, proposal) or a status. */
// A control named in passing inside a phrase of time or cause ("after the December ban") is a
// reference to a known measure, not a statement of its status.
export const inPassing = /\b(?:round|around|despite|circumvent\w*|evad\w*|dodg\w*|skirt\w*)\s+(?:the|its|this|that|a|an|China['’]s|Beijing['’]s)\s+(?:\S+\s+){0,2}$/i;
// Named in a phrase of time ("after the December ban") the control is presupposed, not stated: read, but only likely.
export const inTimePhrase = /\b(?:after|before|since|following|amid|ahead\s+of|in\s+response\s+to|because\s+of|in\s+the\s+wake\s+of)\s+(?:the|its|this|that|a|an|China['’]s|Beijing['’]s)\s+(?:\S+\s+){0,2}$/i;

// "China said … it would require", "the ministry announced that it would restrict": the words before
// the control word when the issuer announces its own measure.
export const issuerAnnounced = /\b(?:China|Beijing|MOFCOM|ministry|government|authorities)\b[^.;:"“]{0,60}?\b(?:said|announced|stated|declared|confirmed|unveiled|notified)\b[^.;:"“]{0,40}?\b(?:it|they)\s+would\s+(?:\w+\s+){0,5}$/i;

/** Words that state a control's status (for a control named only by an anaphor). */
export const statusPredicate = /\b(?:(?:is|are|was|were|has\s+been|have\s+been|had\s+been|remains?|remained|stays?|stayed)\s+(?:still\s+|now\s+|only\s+|being\s+|not\s+)?(?:in\s+(?:force|effect|place)|suspended|lifted|paused|required|needed|applied|extended|barred|banned|prohibited|licensed|controlled|covered|granted|subject|issued|enforced)|appl(?:y|ies|ied)|took\s+effect|takes\s+effect|went\s+into\s+effect|came\s+into\s+force|requires?|required|needs?|needed|covers?|runs?\s+(?:until|to|through)|expires?|expired|lasts?|reaches|extends?\s+to)\b/i;

// "The measure … covers X", "announcement No. 58 targets X", "the cathode items include X", "X is
// covered, as are Y": the scope of a measure named before, whose type the scope takes.
export const scopeFrame = /\b(?:announcement|measure|rule|notice|regime|list|package|order|controls|restrictions|curbs|limits|items|ban|prohibition|embargo|requirement)\b(?:\s+No\.\s*\d+)?(?:\s*,[^,;]{1,100},)?\s+(?:now\s+|also\s+|only\s+)?(?:covers|cover|covered|targets|target|targeted|includes|include|included|appl(?:y|ies|ied)\s+to|extends?\s+to|extended\s+to|encompass(?:es)?|lists|listed)\b|\b(?:is|are|was|were)\s+(?:also\s+)?(?:covered|included|listed)\b(?!\s+(?:in|on|by)\s+(?:the\s+)?(?:USGS|report|table|data|survey))/i;

export interface ControlReading {
  type: ClaimControlType;
  /** Where the control word (or the scope's subject) starts. */
  at: number;
  /** A word that speaks of controls only after one was named ("the rules", "covered"). */
  weak: boolean;
  /** The words give a measure's scope, not its type ("the rule covers antimony ore"). */
  scope?: boolean;
  /** Where the scope's verb ends ("… covers"): the minerals it governs follow. */
  scopeEnd?: number;
  alternatives: ClaimControlType[];
}

/** "licensing rather than a ban", "stopped short of outright bans": the contrasted control is not the one claimed. */
export function isContrasted(view: View, clause: Range, range: Range): boolean {
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
  const changeOnly = change && !base && !weakControl && /\b(?:that|this|the|its|it|these|those|them)\b/i.test(view.text.slice(clause.start, change.range.end)) && change.kind !== 'proposed';
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
  if (scope) return { type: 'licensing', at: clause.start + scope.index, weak: true, scope: true, scopeEnd: clause.start + scope.index + scope[0].length, alternatives: [] };
  if (weakControl) return { type: 'licensing', at: weakControl.range.start, weak: true, alternatives: [] };
  return undefined;
}

/** The ban or licence word nearest the minerals, by the words between. */
export function nearestControl(view: View, clause: Range, mentions: Mention[]): { type: 'ban' | 'licensing'; at: number } | undefined {
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
