// A problem as it is shown (printed by the command line, sent as a diagnostic, kept in a cache):
// without the claim index and dataset record behind it, which only one check's claims give meaning.

import type { Problem } from './types';

/** The problem without its claim index and dataset record. */
export function shownProblem(p: Problem): Problem {
  return { ruleId: p.ruleId, severity: p.severity, messageId: p.messageId, message: p.message, range: p.range, ...(p.fix ? { fix: p.fix } : {}) };
}

/** Whether two lists of problems show the same. */
export function sameProblems(a: readonly Problem[], b: readonly Problem[]): boolean {
  return a.length === b.length && JSON.stringify(a.map(shownProblem)) === JSON.stringify(b.map(shownProblem));
}
