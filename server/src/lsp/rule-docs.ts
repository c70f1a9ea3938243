// Where each rule's documentation lives, for a diagnostic's codeDescription. The rules' metadata
// is the one source; a rule without a documentation address gets no link.

import { rules } from '../core/rules';

export function ruleDocUrl(ruleId: string): string | undefined {
  const rule = (rules as Record<string, { meta: { docs?: unknown; url?: unknown } } | undefined>)[ruleId];
  const url = rule?.meta.url ?? rule?.meta.docs;
  return typeof url === 'string' && /^[a-z]+:/.test(url) ? url : undefined;
}

export function ruleIds(): string[] {
  return Object.keys(rules);
}
