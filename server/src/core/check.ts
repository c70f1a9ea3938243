// Checks one brief: parse, extract claims block by block, judge them as of the brief's date, run
// the rules the configuration leaves on, drop what directives disable, sort by position.

import { extractBlockClaims } from './claims/extract';
import { lexiconFor } from './claims/lexicon';
import type { ClaimDraft } from './claims/types';
import type { Dataset } from './dataset/types';
import { readDirectives } from './directives';
import { resolveAsOf } from './as-of';
import { resolveDrafts, type ResolveMemo } from './claims/resolve';
import { mineralsAnnouncedIn } from './claims/announced-in';
import { checkWithinLimits, limitsProblem } from './limits';
import { briefFromTree, parseTree } from './parse/index';
import type { ParsedBrief } from './parse/types';
import { formatMessage, type AnalysedBrief } from './rules/define-rule';
import { rules as allRules } from './rules/index';
import { activeRules, runRules, settingFor, type ActiveRules, type RuleSlot } from './rules/run';
import { UNKNOWN_DIRECTIVE } from './rules/unknown-directive';
import type { BriefResult, CheckOptions } from './types';
import { judgeClaims, type CachedJudging } from './verdicts/index';

/** Problems with the front matter itself (a date that cannot be read), which no directive silences. */
export const FRONT_MATTER_NOTICE = 'briefcheck/front-matter';

/** Every claim in a parsed brief, unjudged, in text order. */
export function extractClaims(parsed: ParsedBrief, dataset: Dataset): ClaimDraft[] {
  const context = { dataset, lexicon: lexiconFor(dataset) };
  return parsed.blocks.flatMap((block) => extractBlockClaims(block, parsed.text, context));
}

/**
 * Checks a brief against a dataset; pure, and the same for the CLI and the editor. Work is bounded
 * by core/limits: past a limit the rest is not checked and one notice says so.
 */
export function checkBrief(text: string, dataset: Dataset, options: CheckOptions): BriefResult {
  return checkWithinLimits(text, (guarded) => {
    const tree = parseTree(guarded, options.config.parser);
    const parsed = briefFromTree(guarded, tree);
    const result = checkParsed(parsed, extractClaims(parsed, dataset), dataset, options);
    if (tree) return result;
    // Within the limits the parser should always succeed; if it does not, say so rather than report a clean brief.
    const notice = limitsProblem({ message: 'briefcheck could not read this brief as Markdown, so nothing in it is checked.', range: { start: 0, end: 0 } });
    return { ...result, problems: [notice, ...result.problems] };
  });
}

/**
 * The judging slots of `drafts`, parallel to `resolved`, resolveDrafts' result: it keeps, in order,
 * the drafts that need nothing placed and marks every other draft `placed`, which is judged afresh.
 * One pass over both in step, since this runs on every keystroke over every claim of a brief.
 */
function slotsOfResolved(drafts: readonly ClaimDraft[], resolved: readonly ClaimDraft[], slots: readonly RuleSlot[]): (RuleSlot | undefined)[] {
  const out: (RuleSlot | undefined)[] = [];
  let next = 0;
  for (const draft of resolved) {
    let at = next;
    if (!draft.placed) while (at < drafts.length && drafts[at] !== draft) at++;
    if (draft.placed || at === drafts.length) {
      // A kept draft not found in order would break that contract: judge the rest afresh rather
      // than search again for each.
      if (!draft.placed) next = drafts.length;
      out.push(undefined);
      continue;
    }
    out.push(slots[at]);
    next = at + 1;
  }
  return out;
}

/** What an editor's checks keep between them (core/incremental); it never changes a result. */
export interface Reuse {
  /** Parallel to the drafts: the slot of the draft each one is, or a moved copy of it. */
  slots: readonly RuleSlot[];
  /** The rules as the last check ran them, handed back by activeRules while the settings hold. */
  rules: ActiveRules;
  /** Where resolving the last check's drafts stood, to resume after the drafts that did not change. */
  resolving: ResolveMemo;
  /** The last check's judged claims, handed back for the drafts before the first that changed. */
  judged: CachedJudging['last'];
}

/**
 * Checks a brief already parsed and extracted; checkBrief is this after parseBrief and
 * extractClaims. The editor's incremental re-analysis (core/incremental) reuses both for the
 * blocks an edit did not touch and calls this for the rest, with the slots of unchanged drafts,
 * where judging and the per-claim rules keep what they found (which never changes the result).
 */
export function checkParsed(parsed: ParsedBrief, drafts: ClaimDraft[], dataset: Dataset, options: CheckOptions, reuse?: Reuse): BriefResult {
  const text = parsed.text;
  const { asOf, asOfSource } = resolveAsOf(parsed.frontMatter, options);
  const writtenOn = parsed.frontMatter.date ?? parsed.frontMatter.asOf;
  const measuresIn = (when: NonNullable<ClaimDraft['measureOf']>, briefDate: string) => mineralsAnnouncedIn(dataset, when, briefDate);
  const placed = resolveDrafts(drafts, writtenOn ?? asOf, writtenOn, asOf, measuresIn, reuse && { memo: reuse.resolving, context: dataset });
  // Judgements are kept by the draft each claim comes from: only drafts resolving left as they were.
  const slots = reuse && placed !== drafts ? slotsOfResolved(drafts, placed, reuse.slots) : reuse?.slots;
  const { claims, evidence } = judgeClaims(placed, dataset, asOf, slots && reuse && { slots, last: reuse.judged });
  const brief: AnalysedBrief = { parsed, text, asOf, claims, evidence };
  const problems = runRules(reuse?.rules ?? activeRules(options), brief, dataset, slots);
  const suppressions = readDirectives(text, parsed.comments, new Set(Object.keys(allRules)));
  const directiveRule = allRules[UNKNOWN_DIRECTIVE]!;
  const directiveSeverity = settingFor(directiveRule, options).severity;
  if (directiveSeverity !== 'off') {
    for (const u of suppressions.unknownIds) {
      problems.push({
        ruleId: UNKNOWN_DIRECTIVE,
        severity: directiveSeverity,
        messageId: 'unknownRule',
        message: formatMessage(directiveRule.meta.messages['unknownRule']!, { id: u.id }),
        range: u.range,
      });
    }
  }
  const kept = problems.filter((p) => p.ruleId === UNKNOWN_DIRECTIVE || !suppressions.isSuppressed(p));
  // A front-matter date that cannot be used must not silently become another date.
  const fallback = asOfSource === 'today' ? 'today' : asOfSource === 'config' ? 'from the configuration' : asOfSource === 'override' ? 'from --as-of' : 'from the front matter';
  for (const fm of parsed.frontMatter.problems) {
    kept.push({ ruleId: FRONT_MATTER_NOTICE, severity: 'warning', messageId: 'frontMatter', message: `${fm.message} The brief is checked as of ${asOf} (${fallback}).`, range: fm.range });
  }
  kept.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  return { asOf, asOfSource, claims, problems: kept };
}
