// Every rule by id. The CLI lists them (`briefcheck rules`), the language server links their docs,
// and check.ts runs those the configuration does not turn off.

import controlCount from './control-count';
import controlStatus from './control-status';
import dataAge from './data-age';
import type { Rule } from './define-rule';
import figureMismatch from './figure-mismatch';
import inconsistentFigure from './inconsistent-figure';
import staleFigure from './stale-figure';
import statusChanged from './status-changed';
import statusUnknown from './status-unknown';
import unknownDirective from './unknown-directive';
import unsourcedFigure from './unsourced-figure';

export { defineRule, formatMessage, ruleDocUrl, RULE_DOCS_BASE } from './define-rule';
export type { AnalysedBrief, Rule, RuleContext, RuleMeta } from './define-rule';

const all = [staleFigure, figureMismatch, controlStatus, statusChanged, statusUnknown, controlCount, unsourcedFigure, inconsistentFigure, unknownDirective, dataAge];

/** Every rule, by id. */
export const rules: Readonly<Record<string, Rule>> = Object.freeze(Object.fromEntries(all.map((r) => [r.id, r as unknown as Rule])));
