// Checks one brief: parse, extract claims block by block, judge them as of the brief's date, run
// the rules the configuration leaves on, drop what directives disable, sort by position.

import { extractBlockClaims } from './claims/extract';
import { lexiconFor } from './claims/lexicon';
import type { ClaimDraft } from './claims/types';
import type { Dataset } from './dataset/types';
import { readDirectives } from './directives';
import { resolveAsOf } from './as-of';
import { parseBrief } from './parse/index';
import type { ParsedBrief } from './parse/types';
import { formatMessage, type AnalysedBrief, type Rule } from './rules/define-rule';
import { rules as allRules } from './rules/index';
import { UNKNOWN_DIRECTIVE } from './rules/unknown-directive';
import type { BriefResult, CheckOptions, Problem, RuleSetting, Severity } from './types';
import { judgeClaims, type CachedJudging } from './verdicts/index';

/** Every claim in a parsed brief, unjudged, in text order. */
export function extractClaims(parsed: ParsedBrief, dataset: Dataset): ClaimDraft[] {
  const context = { dataset, lexicon: lexiconFor(dataset) };
  return parsed.blocks.flatMap((block) => extractBlockClaims(block, parsed.text, context));
}

function settingFor(rule: Rule, options: CheckOptions): { severity: Severity; options: Record<string, unknown> } {
  const configured: Partial<RuleSetting> | undefined = options.config.rules[rule.id];
  return {
    severity: configured?.severity ?? rule.meta.defaultSeverity,
    options: { ...rule.meta.defaultOptions, ...(configured?.options ?? {}) },
  };
}

export function runRule(rule: Rule, severity: Exclude<Severity, 'off'>, ruleOptions: Record<string, unknown>, brief: AnalysedBrief, dataset: Dataset, out: Problem[]): void {
  rule.check(brief, {
    dataset,
    options: ruleOptions,
    report(d) {
      if (d.fix && !rule.meta.fixable) throw new Error(`Rule ${rule.id} reported a fix but its meta is not fixable.`);
      const claim = d.claim === undefined ? undefined : brief.claims[d.claim];
      const range = d.range ?? claim?.range;
      if (!range) throw new Error(`Rule ${rule.id} reported a problem with neither a range nor a claim.`);
      const template = rule.meta.messages[d.messageId];
      if (template === undefined) throw new Error(`Rule ${rule.id} has no message "${d.messageId}".`);
      out.push({
        ruleId: rule.id,
        severity,
        messageId: d.messageId,
        message: formatMessage(template, d.data as Record<string, string | number>),
        range,
        ...(d.fix ? { fix: d.fix } : {}),
        ...(d.claim !== undefined ? { claim: d.claim } : {}),
        ...(d.record ?? claim?.record ? { record: (d.record ?? claim?.record)! } : {}),
      });
    },
  });
}

/** Checks a brief against a dataset; pure, and the same for the CLI and the editor. */
export function checkBrief(text: string, dataset: Dataset, options: CheckOptions): BriefResult {
  const parsed = parseBrief(text, options.config.parser);
  return checkParsed(parsed, extractClaims(parsed, dataset), dataset, options);
}

/**
 * Checks a brief already parsed and extracted; checkBrief is this after parseBrief and
 * extractClaims. The editor's incremental re-analysis (core/incremental) reuses both for the
 * blocks an edit did not touch and calls this for the rest, with the judgements of unchanged claims
 * (`judging`, which never changes the result).
 */
export function checkParsed(parsed: ParsedBrief, drafts: ClaimDraft[], dataset: Dataset, options: CheckOptions, judging?: CachedJudging): BriefResult {
  const text = parsed.text;
  const { asOf, asOfSource } = resolveAsOf(parsed.frontMatter, options);
  const { claims, evidence } = judgeClaims(drafts, dataset, asOf, judging);
  const brief: AnalysedBrief = { parsed, text, asOf, claims, evidence };
  const problems: Problem[] = [];
  for (const rule of Object.values(allRules)) {
    const setting = settingFor(rule, options);
    if (setting.severity === 'off') continue;
    runRule(rule, setting.severity, setting.options, brief, dataset, problems);
  }
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
  kept.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  return { asOf, asOfSource, claims, problems: kept };
}
