// Runs the rules over a judged brief. Per-claim rules run claim by claim, and what they report on a
// claim is kept with the claim's judging slot: while the claim is the one judged from the same
// judgement, an editor's next check hands its problems back (moved with the claim when it moved)
// without running a rule. Whole-brief rules run at every check; citations are placed last.

import type { Dataset } from '../dataset/types';
import type { CheckOptions, Claim, Problem, Severity } from '../types';
import type { JudgingSlot } from '../verdicts/index';
import { citationEdits } from './citations';
import { formatMessage, isClaimRule, type AnalysedBrief, type BriefRule, type Citation, type ClaimRule, type Report, type Rule } from './define-rule';
import { rules as allRules } from './index';

interface Active<R extends Rule> {
  rule: R;
  severity: Exclude<Severity, 'off'>;
  options: Record<string, unknown>;
}

/** The rules a configuration leaves on, with their severity and options, in the order they run. */
export interface ActiveRules {
  claim: Active<ClaimRule>[];
  brief: Active<BriefRule>[];
  /** The settings they were made from, to tell whether another configuration gives the same rules. */
  key: string;
}

export function settingFor(rule: Rule, options: CheckOptions): { severity: Severity; options: Record<string, unknown> } {
  const configured = options.config.rules[rule.id];
  return {
    severity: configured?.severity ?? rule.meta.defaultSeverity,
    options: { ...rule.meta.defaultOptions, ...(configured?.options ?? {}) },
  };
}

/** The rules `options` leaves on; `last` itself when it was made from the same settings. */
export function activeRules(options: CheckOptions, last?: ActiveRules): ActiveRules {
  const active: ActiveRules = { claim: [], brief: [], key: '' };
  const settings: unknown[] = [];
  for (const rule of Object.values(allRules)) {
    const { severity, options: ruleOptions } = settingFor(rule, options);
    settings.push([rule.id, severity, ruleOptions]);
    if (severity === 'off') continue;
    if (isClaimRule(rule)) active.claim.push({ rule, severity, options: ruleOptions });
    else active.brief.push({ rule, severity, options: ruleOptions });
  }
  active.key = JSON.stringify(settings);
  return last?.key === active.key ? last : active;
}

/** A problem as a rule reported it, and the citation its fix still ends with. */
interface Reported {
  problem: Problem;
  cite?: Citation;
}

const NOTHING: readonly Reported[] = [];

/**
 * What the per-claim rules reported on a claim, kept in the claim's judging slot: the judgement the
 * claim was finished from, the claim and its index, and the rules that ran.
 */
interface Kept {
  judged: JudgingSlot['judged'];
  claim: Claim;
  index: number;
  rules: ActiveRules;
  reported: readonly Reported[];
}

/** What the editor keeps for one draft between checks: its judgement, and the problems on its claim. */
export interface RuleSlot extends JudgingSlot {
  kept?: Kept;
}

/** A status judged after the last source seen says on what date it was last confirmed. */
function withConfirmation(message: string, confirmedThrough: string | undefined): string {
  if (!confirmedThrough) return message;
  const note = ` (last confirmed ${confirmedThrough})`;
  return message.endsWith('.') ? `${message.slice(0, -1)}${note}.` : `${message}${note}`;
}

/** The problem a rule's report makes, or undefined for a claim that is only listed. */
function problemOf(rule: Rule, severity: Exclude<Severity, 'off'>, d: Report<Record<string, string>>, claim: Claim | undefined): Reported | undefined {
  if ((d.fix || d.cite) && !rule.meta.fixable) throw new Error(`Rule ${rule.id} reported a fix but its meta is not fixable.`);
  // An unread sentence is listed so an editor sees what was not checked; it is never a problem.
  if (claim?.kind === 'unread') return undefined;
  const range = d.range ?? claim?.range;
  // Only a certain reading raises errors and warnings; a likely or ambiguous one at most informs.
  const capped = (claim?.confidence && claim.confidence !== 'certain') || d.atMostInfo ? 'info' : severity;
  if (!range) throw new Error(`Rule ${rule.id} reported a problem with neither a range nor a claim.`);
  const template = rule.meta.messages[d.messageId];
  if (template === undefined) throw new Error(`Rule ${rule.id} has no message "${d.messageId}".`);
  const problem: Problem = {
    ruleId: rule.id,
    severity: capped,
    messageId: d.messageId,
    message: withConfirmation(formatMessage(template, d.data as Record<string, string | number>), claim?.confirmedThrough),
    range,
  };
  // Assigned rather than spread from small objects: a long brief reports thousands of problems per check.
  const fixed = (d.fix || d.cite) && capped === severity;
  if (fixed) problem.fix = d.fix ?? { edits: [] };
  if (d.claim !== undefined) problem.claim = d.claim;
  const record = d.record ?? claim?.record;
  if (record) problem.record = record;
  return fixed && d.cite ? { problem, cite: d.cite } : { problem };
}

/** Runs a whole-brief rule. */
export function runBriefRule({ rule, severity, options }: Active<BriefRule>, brief: AnalysedBrief, dataset: Dataset, out: Reported[]): void {
  rule.check(brief, {
    dataset,
    options,
    report(d) {
      const reported = problemOf(rule, severity, d, d.claim === undefined ? undefined : brief.claims[d.claim]);
      if (reported) out.push(reported);
    },
  });
}

/** Runs the per-claim rules on the claim at `index`. */
function runClaimRules(rules: ActiveRules, brief: AnalysedBrief, index: number, dataset: Dataset): readonly Reported[] {
  const claim = brief.claims[index]!;
  const input = { claim, evidence: brief.evidence[index]!, text: brief.text, asOf: brief.asOf };
  let out: Reported[] | undefined;
  for (const { rule, severity, options } of rules.claim) {
    rule.checkClaim(input, {
      dataset,
      options,
      report(d) {
        const reported = problemOf(rule as Rule, severity, { ...d, claim: index } as Report<Record<string, string>>, claim);
        if (reported) (out ??= []).push(reported);
      },
    });
  }
  return out ?? NOTHING;
}

const moveRange = (r: { start: number; end: number }, by: number) => ({ start: r.start + by, end: r.end + by });

/** A kept problem for its claim moved by `by` offsets and now at claim index `index`; its keys keep their order. */
function moved({ problem: p, cite }: Reported, by: number, index: number): Reported {
  const problem: Problem = { ruleId: p.ruleId, severity: p.severity, messageId: p.messageId, message: p.message, range: by ? moveRange(p.range, by) : p.range };
  if (p.fix) problem.fix = by ? { edits: p.fix.edits.map((e) => ({ range: moveRange(e.range, by), text: e.text })) } : p.fix;
  if (p.claim !== undefined) problem.claim = index;
  if (p.record) problem.record = p.record;
  return cite ? { problem, cite: by ? { ...cite, at: cite.at + by } : cite } : { problem };
}

/**
 * What the per-claim rules report on the claim at `index`. A slot holds the judgement the claim was
 * finished from (judging's contract): while that judgement and the rules are those of the kept
 * problems, the claim is the kept one, perhaps moved, and so are its problems.
 */
function claimProblems(rules: ActiveRules, brief: AnalysedBrief, index: number, dataset: Dataset, slot: RuleSlot | undefined): readonly Reported[] {
  if (!slot) return runClaimRules(rules, brief, index, dataset);
  const claim = brief.claims[index]!;
  const kept = slot.kept;
  if (kept && kept.judged === slot.judged && kept.rules === rules) {
    if (kept.claim === claim && kept.index === index) return kept.reported;
    const by = claim.range.start - kept.claim.range.start;
    // Updated in place: half a long brief's claims move at each keystroke, most with no problem.
    if (kept.reported !== NOTHING) kept.reported = kept.reported.map((r) => moved(r, by, index));
    kept.claim = claim;
    kept.index = index;
    return kept.reported;
  }
  const reported = runClaimRules(rules, brief, index, dataset);
  slot.kept = { judged: slot.judged, claim, index, rules, reported };
  return reported;
}

/**
 * Every rule's problems on `brief`, claim by claim and then the whole-brief rules', with their
 * citations placed. `slots`, parallel to the claims, are the judging slots each claim was
 * finished from (undefined where it was judged afresh).
 */
export function runRules(rules: ActiveRules, brief: AnalysedBrief, dataset: Dataset, slots?: readonly (RuleSlot | undefined)[]): Problem[] {
  const reported: Reported[] = [];
  if (rules.claim.length) {
    for (let i = 0; i < brief.claims.length; i++) {
      for (const r of claimProblems(rules, brief, i, dataset, slots?.[i])) reported.push(r);
    }
  }
  for (const active of rules.brief) runBriefRule(active, brief, dataset, reported);
  return reported.map(({ problem, cite }) => (cite ? { ...problem, fix: { edits: [...problem.fix!.edits, ...citationEdits(brief.parsed, cite)] } } : problem));
}
