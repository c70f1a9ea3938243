// Count claims: how many minerals a sentence says China controls ("export controls on 17 critical
// minerals", "the number of minerals under licensing rises to nine", "**16**: minerals under
// Chinese export licensing", "the fourth mineral Beijing has put under licensing"), and what the
// number counts: every controlled mineral, or a subset (rare earths, one measure's additions,
// those banned to the US) that the dataset does not total.

import type { CountScope, ReadingConfidence } from '../types';
import type { SentenceClaim } from './types';
import type { Unread } from './read-figures';
import { hedgeBefore } from './quantities';
import { clauseAt, notAsserted, type View } from './view';

const words: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, dozen: 12, zero: 0 };
const ordinals: Record<string, number> = { second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };
const N = String.raw`(?:\*\*)?(\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|a\s+dozen|zero)(?:\*\*)?`;
const NOUN = String.raw`(?:(?:more|other|additional|new|further|critical|strategic|key|chipmaking|battery|medium[-\s]and[-\s]heavy|medium[-\s]to[-\s]heavy|heavy|medium|light|chip|defen[cs]e|minor|rare|dual[-\s]use|(?:types|kinds|categories|classes)\s+of|of\s+(?:the|its|these)|and|[-–])\s+){0,4}(minerals?|metals?|elements?|rare[-\s]earths?(?:\s+elements)?|REEs|HREEs|raw\s+materials|commodities)\b`;
const countRe = new RegExp(String.raw`(?<![\w$.,])${N}\s*:?\s+(?:(?:the|a)\s+(?:tally|number|count|total|list)\s+of\s+)?${NOUN}`, 'gi');
// "three of the four minerals": a subset of a stated total.
const ofWhich = new RegExp(String.raw`\b(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+of\s+(?:which|them)\b`, 'gi');
const earlierRe = new RegExp(String.raw`^[^.;]*?,?\s*(?:up|down)\s+from\s+${N}\b`, 'i');
const ofTheRe = new RegExp(String.raw`(?<![\w$.,])${N}\s+of\s+(?:the|these|those|its)\s+${N}\s+${NOUN}`, 'gi');
const numberOfRe = new RegExp(String.raw`\bnumber\s+of\s+(?:\S+\s+){0,2}?(minerals|metals|elements|rare[-\s]earths|materials)\b[^.;]{0,80}?\b(?:to|at|is|was|stands\s+at|rises\s+to|reach(?:es|ed)?)\s+${N}\b`, 'gi');
const ordinalRe = /\bthe\s+(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:critical\s+)?(mineral|metal|element)\b/gi;
const controlWord = /\bcontrol|\blicen[cs]|\bban|\bbarr|\bprohibit|\brestrict|\bunder\b|\blist\b|\bsubject\s+to\b|\bcurb|\bembargo|\badd(?:ed|s|ing)\b|\bsuspend/i;
const totalWord = /\b(?:now|currently|today|at\s+present|in\s+total|in\s+all|altogether|total|tally|there\s+(?:are|were)|stands?\s+at|number\s+of|so\s+far|to\s+date)\b/i;
const eventWord = /\b(?:added|adds|adding|more|additional|new|further|expanded|join(?:s|ed)?|announced|imposed|introduced|placed|put|answered|targets?|targeted)\b/i;

/** A count's number, in digits or words ("seven", "a dozen"). */
export function valueOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\s+/g, ' ').replace(/^a /, '');
  if (/^\d+$/.test(w)) return Number(w);
  return words[w];
}

function scopeOf(view: View, noun: string, start: number, end: number, clause: { start: number; end: number }): { scope: CountScope; confidence: ReadingConfidence } {
  const before = view.text.slice(clause.start, start);
  const around = view.text.slice(Math.max(clause.start, start - 30), Math.min(clause.end, end + 60));
  if (/rare|REE/i.test(noun)) return { scope: 'rare-earths', confidence: 'certain' };
  if (/\b(?:of\s+which|which)\b[^.;]{0,40}\b(?:barred|banned|prohibited)\b|\b(?:banned|barred)\s+(?:outright\s+)?(?:for|to|from)\s+(?:the\s+)?(?:US|American)/i.test(view.text.slice(start, clause.end)) && /\bof\s+which\b/i.test(view.text.slice(end, clause.end)) === false && /banned|barred/i.test(around)) return { scope: 'banned-to-US', confidence: 'certain' };
  if (/\b(?:more(?!\s+than)|additional|new|further)\b/i.test(view.text.slice(Math.max(clause.start, start - 12), end))) return { scope: 'added', confidence: 'certain' };
  // A list item or dashboard line that opens with its number ("**16**: minerals under licensing").
  if (/^[\s*_]*$/.test(view.text.slice(view.range.start, start)) && /^[\s*_]*\d/.test(view.text.slice(start, end)) && /:/.test(view.text.slice(start, end))) return { scope: 'total', confidence: 'certain' };
  if (/\bincluding\s+$/i.test(before.slice(-12))) return { scope: 'subset', confidence: 'certain' };
  if (/\b(?:has|have)\s+(?:now\s+)?(?:placed|put|imposed|introduced|brought)\b/i.test(before) && !/\b(?:more(?!\s+than)|additional|new|further)\b/i.test(view.text.slice(Math.max(clause.start, start - 12), end))) return { scope: 'total', confidence: 'certain' };
  if (totalWord.test(before.slice(-40)) || totalWord.test(view.text.slice(end, Math.min(clause.end, end + 60)))) return { scope: 'total', confidence: 'certain' };
  if (/\b(?:controls?|licens\w*)\s+(?:exports?\s+of\s+)?$/i.test(before.slice(-30)) && /\b(?:controls|licenses|restricts|bans)\b/i.test(before) && !eventWord.test(before)) return { scope: 'total', confidence: 'certain' };
  // Without words that make it a total, a number of minerals is one measure's or one list's.
  return { scope: 'subset', confidence: eventWord.test(before) || eventWord.test(around) ? 'certain' : 'likely' };
}

export function readCounts(view: View, out: SentenceClaim[], unread: Unread[], inHeading: boolean): void {
  const text = view.text;
  const sentence = text.slice(view.range.start, view.range.end);
  if (!controlWord.test(sentence) && !inHeading) return;
  const seen: { start: number; end: number }[] = [];
  const add = (start: number, end: number, numStart: number, numEnd: number, n: number, noun: string, total = false) => {
    if (seen.some((s) => start < s.end && s.start < end)) return;
    seen.push({ start, end });
    // "None of the five metals has been banned": the negation is of the ban, not of there being five.
    const presupposed = /\b(?:none|neither|not\s+one|any)\s+of\s+(?:the|these|those)\s+$/i.test(text.slice(Math.max(view.range.start, start - 20), start));
    const why = presupposed ? undefined : notAsserted(view, start);
    if (why) {
      unread.push({ range: { start, end }, why });
      return;
    }
    const clause = clauseAt(view, start);
    // Only China's controls are counted: "the US controls exports of 12…" is not.
    const actors = view.actors.filter((a) => a.range.start >= clause.start && a.range.end <= start && !/\b(?:to|for|from)\s+(?:the\s+)?$/i.test(text.slice(Math.max(clause.start, a.range.start - 8), a.range.start)));
    const last = actors[actors.length - 1];
    if (last && last.code !== 'CN' && last.form !== 'adjective') return;
    // "the number of minerals under licensing rises to nine" counts them all.
    // "…the number of controlled elements to 12 out of the 17 rare-earth metals": a count of rare earths.
    const ofRare = /^\s*(?:out\s+)?of\s+(?:the\s+)?(?:\d+|seventeen)\s+(?:\S+\s+)?(?:rare|REE)/i.test(text.slice(numEnd, numEnd + 50)) || (/element/i.test(noun) && /\brare[-\s]earth|\bREEs?\b/i.test(text.slice(clause.start, clause.end)));
    const scope = ofRare ? { scope: 'rare-earths' as const, confidence: 'certain' as const } : total && !/rare|REE/i.test(noun) ? { scope: 'total' as const, confidence: 'certain' as const } : scopeOf(view, noun, start, end, clause);
    // "controls on two metals, gallium and germanium": a count of the named list is not a total.
    const listed = view.mentions.filter((m) => m.range.start >= end && m.range.start - end < 40 && /^\s*[,:(—–-]/.test(text.slice(end, end + 3)));
    if (n > 0 && listed.length === n) return;
    const countOf: CountScope = scope.scope;
    // "more than a dozen", "nearly 20": a bound or an approximation, judged as one.
    const { hedge, start: hedgeStart } = hedgeBefore(text, numStart, clause.start);
    out.push({
      draft: { kind: 'count', minerals: [], count: n, countOf, confidence: scope.confidence, ...(hedge !== 'exact' ? { hedge } : {}) },
      range: { start: Math.min(start, hedgeStart), end },
      mentionRanges: [],
      valueRange: { start: numStart, end: numEnd },
    });
    // "Nine minerals are under licensing today, up from two in August 2023": the earlier count, dated.
    const after = text.slice(end, clause.end);
    const earlier = /\bfrom\b/i.test(after) ? earlierRe.exec(after) : null;
    const was = earlier ? valueOf(earlier[1]!) : undefined;
    if (earlier && was !== undefined) {
      const at = end + earlier[0].length - earlier[1]!.length - (earlier[0].endsWith('**') ? 2 : 0);
      const time = view.times.find((t) => t.range.start >= at && t.range.start - at < 20);
      if (time) {
        out.push({
          draft: { kind: 'count', minerals: [], count: was, countOf, confidence: 'likely', date: time.end, dateFrom: time.start },
          range: { start: at, end: time.range.end },
          mentionRanges: [],
          valueRange: { start: at, end: at + earlier[1]!.length },
        });
      }
    }
  };
  // "four critical minerals, three of which it has barred from the US market": a subset of the count before it.
  ofWhich.lastIndex = view.range.start;
  for (let m: RegExpExecArray | null; (m = ofWhich.exec(text.slice(0, view.range.end))) !== null; ) {
    const part = valueOf(m[1]!);
    const clause = clauseAt(view, m.index);
    if (part === undefined || !/\b(?:minerals?|metals?|elements?)\b/i.test(text.slice(Math.max(view.range.start, m.index - 60), m.index))) continue;
    if (notAsserted(view, m.index)) continue;
    const banned = /\b(?:barred|banned|prohibited|cut\s+off)\b/i.test(text.slice(m.index, clause.end));
    seen.push({ start: m.index, end: m.index + m[0].length });
    out.push({ draft: { kind: 'count', minerals: [], count: part, countOf: banned ? 'banned-to-US' : 'subset', confidence: 'certain' }, range: { start: m.index, end: m.index + m[0].length }, mentionRanges: [], valueRange: { start: m.index, end: m.index + m[1]!.length } });
  }
  ofTheRe.lastIndex = view.range.start;
  for (let m: RegExpExecArray | null; (m = ofTheRe.exec(text.slice(0, view.range.end))) !== null; ) {
    const part = valueOf(m[1]!);
    const whole = valueOf(m[2]!);
    if (part === undefined || whole === undefined || part >= whole) continue;
    const wholeAt = m.index + m[0].toLowerCase().indexOf(m[2]!.toLowerCase(), m[1]!.length);
    add(wholeAt, m.index + m[0].length, wholeAt, wholeAt + m[2]!.length, whole, m[3]!);
    seen.push({ start: m.index, end: m.index + m[0].length });
    const banned = /\b(?:barred|banned|prohibited|cut\s+off)\b/i.test(text.slice(m.index, view.range.end));
    const why = notAsserted(view, m.index);
    if (!why) out.push({ draft: { kind: 'count', minerals: [], count: part, countOf: banned ? 'banned-to-US' : 'subset', confidence: 'certain' }, range: { start: m.index, end: m.index + m[0].length }, mentionRanges: [], valueRange: { start: m.index, end: m.index + m[1]!.length } });
  }
  for (const re of [numberOfRe, countRe]) {
    re.lastIndex = view.range.start;
    const slice = text.slice(0, view.range.end);
    let m: RegExpExecArray | null;
    while ((m = re.exec(slice)) !== null) {
      const numberText = re === numberOfRe ? m[2]! : m[1]!;
      const noun = re === numberOfRe ? m[1]! : m[2]!;
      const n = valueOf(numberText);
      if (n === undefined || n > 200) continue;
      // A year or a percentage is not a count; "a dozen" and digits before a noun are.
      const numStart = m.index + m[0].toLowerCase().lastIndexOf(numberText.toLowerCase());
      if (/[%$]/.test(text.slice(numStart + numberText.length, numStart + numberText.length + 2))) continue;
      if (!/mineral|metal|element|rare|REE|material|commodit/i.test(noun)) continue;
      const around = clauseAt(view, m.index);
      if (!controlWord.test(text.slice(around.start, around.end)) && !inHeading) continue;
      add(m.index, m.index + m[0].length, numStart, numStart + numberText.length, n, noun, re === numberOfRe);
    }
  }
  ordinalRe.lastIndex = view.range.start;
  let m: RegExpExecArray | null;
  while ((m = ordinalRe.exec(text.slice(0, view.range.end))) !== null) {
    const n = ordinals[m[1]!.toLowerCase()]!;
    if (!controlWord.test(text.slice(m.index, view.range.end))) continue;
    add(m.index, m.index + m[0].length, m.index + 4, m.index + 4 + m[1]!.length, n, m[2]!);
  }
}
