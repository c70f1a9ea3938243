// The analysis core: text, configuration and dataset in; claims, problems and fixes out.
// It imports no Node API, no protocol types and no globals, so the CLI and the editor run exactly
// the same checks (test/architecture.test.ts fails when an import crosses that line).

export type * from './types';
export type * from './dataset/types';
export { checkBrief, extractClaims } from './check';
export { applyFixes, type ApplyResult } from './fix';
export { parseBrief, toSource, toSourceRange } from './parse/index';
export type { Block, Citation, CitationStyle, FootnoteDefinition, ParsedBrief } from './parse/index';
export { extractBlockClaims } from './claims/extract';
export { lexiconFor } from './claims/lexicon';
export type { ClaimDraft, ExtractionContext } from './claims/types';
export { judgeClaims } from './verdicts/index';
export { resolveAsOf } from './as-of';
export { readDirectives } from './directives';
export { rules, ruleDocUrl, RULE_DOCS_BASE } from './rules/index';
export type { AnalysedBrief, Rule, RuleMeta } from './rules/index';
