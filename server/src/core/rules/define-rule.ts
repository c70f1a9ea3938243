// The shape of a rule: one module per rule id, its metadata next to its check. Message data is
// type-checked against the placeholders in the message template, and a rule whose metadata is not
// fixable cannot report a fix (it throws, which fails the tests).

import type { Dataset, Source } from '../dataset/types';
import type { ParsedBrief } from '../parse/types';
import type { Claim, Fix, IsoDate, Range, RecordRef, Severity } from '../types';
import type { Evidence } from '../verdicts/types';

/** Where rule documentation lives; every rule's `meta.url` is built from this one constant. */
export const RULE_DOCS_BASE = 'https://github.com/briefcheck/briefcheck/blob/main/docs/rules/';

export function ruleDocUrl(id: string): string {
  return `${RULE_DOCS_BASE}${id}.md`;
}

/** The placeholder names in a message template: "{value} of {mineral}" → "value" | "mineral". */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

export type MessageData<T extends string> = [Placeholders<T>] extends [never] ? Record<string, never> : Record<Placeholders<T>, string | number>;

/** A brief after parsing, extraction and judging: what a whole-brief rule reads. */
export interface AnalysedBrief {
  /**
   * Rules read its footnotes, comments, front matter and citation style, never its blocks: the
   * editor's incremental checks leave `blocks` empty (claims are extracted from them beforehand).
   */
  parsed: ParsedBrief;
  text: string;
  asOf: IsoDate;
  claims: Claim[];
  /** Parallel to `claims`. */
  evidence: Evidence[];
}

/**
 * What a per-claim rule reads: one claim, what judging found for it, and the text its ranges point
 * into. A rule reads no text outside the claim's own ranges, so what it reports moves with the claim.
 */
export interface ClaimInput {
  claim: Claim;
  evidence: Evidence;
  text: string;
  asOf: IsoDate;
}

/**
 * `claim`: what the rule reports on a claim depends only on that claim (its ClaimInput), the
 * dataset and the rule's options, so the editor keeps it with the claim between keystrokes and runs
 * the rule only on claims that changed. `brief`: the rule compares claims or reads the whole brief,
 * and runs over every claim at every check.
 */
export type RuleScope = 'claim' | 'brief';

export interface RuleMeta<M extends Record<string, string>, O extends Record<string, unknown>> {
  description: string;
  defaultSeverity: Exclude<Severity, 'off'>;
  fixable: boolean;
  messages: M;
  defaultOptions: O;
  scope: RuleScope;
}

/**
 * A citation of `source` at offset `at` that a fix ends with. Its edits depend on the whole brief
 * (its citation style, the footnotes it defines, where it ends), so the check adds them after the
 * rules have run (rules/citations.ts): a per-claim rule can report one and stay per-claim.
 */
export interface Citation {
  source: Source;
  at: number;
  statedBy?: string;
}

export type Report<M extends Record<string, string>> = {
  [K in keyof M & string]: {
    messageId: K;
    data: MessageData<M[K]>;
    /** Defaults to the claim's range. */
    range?: Range;
    /** Index into the brief's claims. */
    claim?: number;
    record?: RecordRef;
    fix?: Fix;
    /** A citation the fix ends with (the fix may then be left out: it is the citation alone). */
    cite?: Citation;
    /** Report at most at info level, whatever the rule's severity (a note the data cannot back). */
    atMostInfo?: boolean;
  };
}[keyof M & string];

/** A per-claim rule reports on its claim only. */
export type ClaimReport<M extends Record<string, string>> = Omit<Report<M>, 'claim'>;

export interface RuleContext<M extends Record<string, string>, O extends Record<string, unknown>, R = Report<M>> {
  dataset: Dataset;
  options: O;
  report(descriptor: R): void;
}

interface RuleBase<M extends Record<string, string>, O extends Record<string, unknown>> {
  id: string;
  meta: RuleMeta<M, O> & { url: string };
}

export interface BriefRule<M extends Record<string, string> = Record<string, string>, O extends Record<string, unknown> = Record<string, unknown>> extends RuleBase<M, O> {
  meta: RuleMeta<M, O> & { url: string; scope: 'brief' };
  check(brief: AnalysedBrief, context: RuleContext<M, O>): void;
}

export interface ClaimRule<M extends Record<string, string> = Record<string, string>, O extends Record<string, unknown> = Record<string, unknown>> extends RuleBase<M, O> {
  meta: RuleMeta<M, O> & { url: string; scope: 'claim' };
  checkClaim(input: ClaimInput, context: RuleContext<M, O, ClaimReport<M>>): void;
}

export type Rule<M extends Record<string, string> = Record<string, string>, O extends Record<string, unknown> = Record<string, unknown>> = BriefRule<M, O> | ClaimRule<M, O>;

export const isClaimRule = (rule: Rule): rule is ClaimRule => rule.meta.scope === 'claim';

type Defined<R extends { meta: object }> = Omit<R, 'meta'> & { meta: Omit<R['meta'], 'url'> };

export function defineRule<const M extends Record<string, string>, const O extends Record<string, unknown>>(rule: Defined<ClaimRule<M, O>>): ClaimRule<M, O>;
export function defineRule<const M extends Record<string, string>, const O extends Record<string, unknown>>(rule: Defined<BriefRule<M, O>>): BriefRule<M, O>;
export function defineRule(rule: Defined<Rule>): Rule {
  return { ...rule, meta: { ...rule.meta, url: ruleDocUrl(rule.id) } } as Rule;
}

// Templates split once into text and placeholder names: a long brief formats thousands of messages
// per check. Templates come from rule metadata, so the memo stays small; it is emptied if not.
const compiled = new Map<string, string[]>();

/** Fills "{name}" placeholders; a placeholder with no data stays as written. */
export function formatMessage(template: string, data: Record<string, string | number>): string {
  let parts = compiled.get(template);
  if (!parts) {
    if (compiled.size >= 1000) compiled.clear();
    // Text and names alternate: "a {x} b" → ["a ", "x", " b"].
    compiled.set(template, (parts = template.split(/\{(\w+)\}/)));
  }
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i]!;
    out += (key in data ? String(data[key]) : `{${key}}`) + parts[i + 1]!;
  }
  return out;
}
