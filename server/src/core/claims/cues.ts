// The words that give a sentence its meaning for the reader: metric cues (imports, reliance,
// production, refining, demand, exports, prices, tariffs), control cues as verbs, nouns and
// adjectives (ban, licence, control, restrict…), status changes (suspend, lift, resume…), and the
// words that make a statement something other than the brief's own assertion (negation,
// modality, reported speech). Each is found with its range.

import type { Range } from '../types';

export type MetricCue =
  | 'import' | 'share' | 'reliance' | 'consume' | 'production' | 'world' | 'processing' | 'demand'
  | 'export' | 'price' | 'tariff' | 'change' | 'supply' | 'from';

export type ControlCue = 'ban' | 'licensing' | 'control' | 'none';
export type ChangeCue = 'suspension' | 'lifted' | 'resumed' | 'proposed' | 'extended';

export interface Cue<K> {
  kind: K;
  range: Range;
}

const metricCues: [MetricCue, RegExp][] = [
  ['reliance', /\bnet[-\s]+exporter\b|\bnet[-\s]+import[-\s]+reliance\b|\bimport[-\s]+relian(?:ce|t)\b|\bimport[-\s]+dependen(?:ce|t|cy)\b|\brel(?:y|ies|ied|iant|iance)\s+(?:(?:almost\s+|nearly\s+)?(?:entirely|wholly|fully|completely|heavily|totally)\s+|(?:about\s+|over\s+|more\s+than\s+)?\d+(?:\.\d+)?\s?%\s+)?on\s+(?:net\s+)?imports\b|\bdependen(?:t|ce)\s+on\s+(?:net\s+)?imports\b|\bdepend(?:s|ed|ing)?\s+(?:\w+\s+)?on\s+(?:net\s+)?imports\b|\b(?:net\s+)?import\s+reliance\b|\breliance\b|\breliant\b|\bimported\b(?=[^.;]{0,40}\b(?:consum|use|used|needs)\b)|\bimports?\s+(?:all|most|much|(?:nearly|almost|virtually)\s+all|(?:more|less)\s+than\s+half|half|about\s+\w+|\d+(?:\.\d+)?\s?%)\s+of\s+its\b(?![^.;]*\bfrom\b)/gi],
  ['import', /\bimport(?:s|ed|ing|er|ers)?\b|\b(?:bought|buys|buy|purchased|purchases|sourced)\s+(?:from\s+)?abroad\b|\bforeign\s+(?:purchases|supply|supplies|sources)\b|\binbound\b|\bshipments?\s+(?:to|into)\s+(?:the\s+)?(?:US|U\.S\.|United\s+States)\b|\bsourced?\s+from\b|\bsources\b|\bcame\s+from\b|\bcomes?\s+from\b|\boriginat\w+\s+(?:in|from)\b|\bsupplier\b|\bsuppliers\b/gi],
  ['share', /\bshares?\b|\bproportion\b|\bportion\b|\bpercentage\b/gi],
  ['consume', /\bconsum(?:e|es|ed|ption|ing)\b|\buse\b|\buses\b|\bused\b|\bneeds\b|\brequirements\b/gi],
  ['production', /\bproduc(?:e|es|ed|tion|ing|er|ers)\b|\boutput\b|\bmine[ds]?\b|\bmining\b|\bextract(?:s|ed|ion)\b/gi],
  ['world', /\bworld(?:['’]s)?\b|\bglobal(?:ly)?\b|\bworldwide\b|\binternational\b/gi],
  ['processing', /\brefin(?:e|es|ed|ing|ery|eries|er|ers)\b|\bprocess(?:es|ed|ing|or|ors)?\b|\bseparat(?:e|es|ed|ion|ing)\b|\bsmelt(?:s|ed|ing|er|ers)?\b|\bcapacity\b/gi],
  ['demand', /\bdemand\b/gi],
  ['export', /\bexport(?:s|ed|ing|er|ers)?\b|\bshipped\b|\bshipping\b|\bshipments?\b|\bsold\s+abroad\b|\boutbound\b/gi],
  ['price', /\bpric(?:e|es|ed|ing)\b|\btraded\b|\btrades\b|\bassessed\b|\bquoted\b|\bpremium\b|\bspot\b|\bclosed\s+at\b|\bheld\s+(?:near|at)\b|\bcost(?:s|ing)?\b/gi],
  ['tariff', /\btariffs?\b|\bdut(?:y|ies)\b|\blevy\b|\blevies\b/gi],
  ['change', /\b(?:rose|risen|rises|rising|fell|fallen|falls|falling|dropped|drops|declined|declines|jumped|jumps|climbed|climbs|surged|surges|soared|spiked|rallied|tumbled|sank|dipped|slumped|slid|plunged|plummeted|soared|gained|lost|doubled|tripled|halved|increased|decreased|fewer|higher|lower|up|down|growth|grew|decline|drop|rise|fall|increase|decrease|collapsed|slipped)\b/gi],
  ['supply', /\bsuppl(?:y|ies|ied|ying)\b|\bprovid(?:e|es|ed|ing)\b|\baccount(?:s|ed)?\s+for\b|\bmade\s+up\b|\bmakes?\s+up\b|\bcontribut\w+\b|\bdelivered\b/gi],
  ['from', /\bfrom\s+(?:mainland\s+)?(?:China|Chinese)\b|\bChina-sourced\b|\bof\s+Chinese\s+origin\b/g],
];

const controlCues: [ControlCue, RegExp][] = [
  ['ban', /\b(?:not|no\s+longer|never)\s+(?:be\s+|been\s+)?(?:permitted|allowed|approved|authori[sz]ed)\b|\bban(?:s|ned|ning)?\b|\bprohibit(?:s|ed|ing|ion|ions)?\b|\bembargo(?:es|ed)?\b|\bbarr(?:ed|ing)\b|\bbars\b|\boutlaw(?:s|ed)?\b|\bcut\s+off\b|\bhalt(?:s|ed|ing)?\s+(?:all\s+)?(?:[\w-]+\s+){0,3}?(?:exports?|shipments?|sales?)\b|\b(?:exports?|shipments?|sales?)\s+(?:\S+\s+){0,5}(?:stopped|halted|ceased)\b|\bblock(?:s|ed)\s+(?:all\s+)?(?:[\w-]+\s+){0,3}?(?:exports?|shipments?|sales?)\b/gi],
  ['licensing', /\blicen[cs](?:e|es|ed|ing)\b|\bpermits?\b|\bwithout\s+permission\b|\bapprovals?\b|\bdual[-\s]use\b|\bend[-\s]user?\s+(?:and\s+end[-\s]use\s+)?(?:reviews?|checks?|certificates?)\b|\breviews?\b/gi],
  ['control', /\bexport\s+limits?\b|\blimits?\s+on\s+(?:\S+\s+){0,3}?(?:exports?|shipments?)\b|\blimit(?:s|ed|ing)?\s+(?:\S+\s+){0,3}?(?:exports?|shipments?)\b|\bexport\s+controls?\b|\bcontrols?\b|\bcontrolled\b|\brestrict(?:s|ed|ing|ion|ions)?\b|\bcurbs?\b|\bcurbed\b|\bregime\b|\bmeasures?\b|\brules?\b|\bcover(?:s|ed|ing)?\b|\blist\b|\bcatalogue\b|\bcatalog\b|\bquotas?\b|\bpackage\b|\bannouncement\b/gi],
  ['none', /\bno\s+(?:Chinese\s+)?(?:export\s+)?(?:controls?|restrictions?)\s+(?:on|for|over)\b/gi],
];

const changeCues: [ChangeCue, RegExp][] = [
  ['suspension', /\bsuspen(?:d|ds|ded|ding|sion|sions)\b|\bpaus(?:e|es|ed|ing)\b|\bshelv(?:e|es|ed|ing)\b|\bfroze(?:n)?\b|\bfreez(?:e|es|ing)\b|\bon\s+hold\b|\bput\s+off\b|\bdeferr?(?:ed|al)?\b/gi],
  ['lifted', /\blift(?:s|ed|ing)?\b|\bscrap(?:s|ped|ping)?\b|\brevok(?:e|es|ed|ing)\b|\brepeal(?:s|ed|ing)?\b|\brescind(?:s|ed)?\b|\bremov(?:e|es|ed|al|ing)\b|\bended\b|\bexpir(?:e|es|ed|y)\b|\blapsed?\b/gi],
  ['resumed', /\bresum(?:e|es|ed|ption)\b|\breinstat(?:e|es|ed|ement)\b|\brestor(?:e|es|ed)\b|\breimpos(?:e|es|ed)\b|\bback\s+in\s+force\b/gi],
  ['proposed', /\bpropos(?:e|es|ed|al|als)\b|\bdraft\b|\bconsult(?:ation|ing)\b/gi],
  ['extended', /\bextend(?:s|ed|ing)?\b|\bextension\b|\bwiden(?:s|ed)?\b|\bexpand(?:s|ed)?\b|\badd(?:s|ed|ing)?\b|\bplac(?:e|es|ed|ing)\b|\bput\b|\bimpos(?:e|es|ed|ing)\b|\bintroduc(?:e|es|ed)\b|\btook\s+effect\b|\btakes\s+effect\b|\bin\s+force\b|\bjoin(?:s|ed)?\b/gi],
];

/** Whether a sentence holds any word a control claim could start from (a cheap test before reading it). */
export const anyControlWord = /\bban|prohibit|embargo|barr|\bbars\b|outlaw|cut\s+off|halt|stopp|ceased|block|licen[cs]|permit|approv|authori[sz]|dual[-\s]use|review|control|restrict|curb|regime|measure|\brules?\b|cover|\blist\b|catalog|quota|package|announcement|suspen|paus|shelv|froze|freez|on\s+hold|put\s+off|defer|lift|scrap|revok|repeal|rescind|remov|ended|expir|laps|resum|reinstat|restor|reimpos|back\s+in\s+force|propos|draft|consult|\bitems\s+(?:include|cover|list)|\b(?:is|are|was|were)\s+(?:also\s+)?(?:included|listed)\b|\bfollowed\b|\bexport\s+limit|\blimits\b|\blimit\s+on\b|\blimit(?:s|ed|ing)?\s+(?:\S+\s+){0,3}?(?:exports?|shipments?)\b|permission/i;

function scan<K>(table: [K, RegExp][], text: string, from: number, to: number): Cue<K>[] {
  const out: Cue<K>[] = [];
  const slice = text.slice(0, to);
  for (const [kind, re] of table) {
    re.lastIndex = from;
    let m: RegExpExecArray | null;
    while ((m = re.exec(slice)) !== null) out.push({ kind, range: { start: m.index, end: m.index + m[0].length } });
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}

export const findMetricCues = (text: string, from: number, to: number) => scan(metricCues, text, from, to);
export const findControlCues = (text: string, from: number, to: number) => scan(controlCues, text, from, to);
export const findChangeCues = (text: string, from: number, to: number) => scan(changeCues, text, from, to);

/** Negation of what follows ("has not banned", "no longer requires", "neither… nor"). */
export const negation = /\b(?:not|never|no\s+longer|n[o’']t|neither|nor|without|none|no(?=\s+(?:rare|Chinese|export|ban|control|licen|restriction|[a-z]+\s+(?:is|are|was|were)\b)))\b|\w+n['’]t\b/i;

/** Modality and speculation: what might, could or would happen, or a question. */
export const modality = /\b(?:could|would|might|may|should|if|whether|unless|lest|suppose|supposing|imagine|hypothetical(?:ly)?|scenario|risk(?:s|ed)?\s+(?:of|that)|threat(?:en|ens|ened)?|consider(?:s|ed|ing)?|weigh(?:s|ed|ing)?|mull(?:s|ed|ing)?|plan(?:s|ned)?\s+to|expect(?:s|ed)?|expectations?|forecast(?:s)?|predict(?:s|ed)?|projected|likely\s+to|poised\s+to|set\s+to|aims?\s+to|possib(?:le|ly|ility)|potential(?:ly)?|perhaps|maybe|rumou?r(?:s|ed)?|speculat\w+|fear(?:s|ed)?|worr(?:y|ies|ied)|warn(?:s|ed)?\s+(?:that|of)|hypothes\w+|next\s+target|mooted|floated)\b/i;

/** Reported speech the brief does not adopt. Attribution to data or the issuer is not this. */
export const reported = /\b(?:reports?\s+(?:that|of)|rumou?rs?\s+(?:that|of)|claim(?:s|ed)?|alleg(?:e|es|ed|edly|ing)|insist(?:s|ed)?|contend(?:s|ed)?|argu(?:e|es|ed)|suggest(?:s|ed)|assert(?:s|ed)|describ(?:e|es|ed)\s+\S+(?:\s+\S+){0,4}\s+as|wrongly|falsely|mistakenly|incorrectly|erroneously|myth|misreport\w*|(?:some|many|several)\s+(?:headlines|reports|commentators|analysts|observers|outlets))\b/i;

const quoted = /"[^"]*"|“[^”]*”?/g;

/** The ranges inside quotation marks in `text` between `from` and `to`. */
export function quotedRanges(text: string, from: number, to: number): Range[] {
  const out: Range[] = [];
  const slice = text.slice(from, to);
  quoted.lastIndex = 0;
  for (let m = quoted.exec(slice); m !== null; m = quoted.exec(slice)) {
    // A quoted single word or short name ("general licenses", "scrapped") is a term, not a quote of a claim.
    out.push({ start: from + m.index, end: from + m.index + m[0].length });
  }
  return out;
}

/** Whether a quoted span is a term in scare quotes (a few words) rather than someone's statement. */
export function isScareQuote(text: string, range: Range): boolean {
  return text.slice(range.start, range.end).split(/\s+/).length <= 3;
}
