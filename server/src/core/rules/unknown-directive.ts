// unknown-directive: a briefcheck directive comment that names a rule id no rule has, so it would
// silently disable nothing. Reported by the directive reader; this module holds its metadata.

import { defineRule } from './define-rule';

export const UNKNOWN_DIRECTIVE = 'unknown-directive';

export default defineRule({
  id: UNKNOWN_DIRECTIVE,
  meta: {
    description: 'A briefcheck directive that names an unknown rule id',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      unknownRule: 'The directive names "{id}", which is not a briefcheck rule (see briefcheck rules).',
    },
    defaultOptions: {},
    scope: 'brief',
  },
  check() {
    // Directives are read once for all rules in directives.ts, which reports unknown ids itself.
  },
});
