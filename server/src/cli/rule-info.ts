// Rule metadata as the command line shows it (briefcheck rules, SARIF rule descriptors), read from
// the core's rule modules so the list can never disagree with what runs.

import { rules } from '../core/rules/index';
import type { RuleInfo } from './results';

/** Where each rule's documentation lives in the repository. */
export const RULE_DOCS_BASE = 'https://github.com/briefcheck/briefcheck/blob/main/docs/rules/';

interface MetaLike {
  description: string;
  defaultSeverity: string;
  fixable?: boolean;
  docs?: string | { url?: string };
  url?: string;
}

export function ruleInfos(): RuleInfo[] {
  return Object.entries(rules as Record<string, { meta: MetaLike }>)
    .map(([id, rule]) => {
      const meta = rule.meta;
      const declared = typeof meta.docs === 'string' ? meta.docs : (meta.docs?.url ?? meta.url);
      return {
        id,
        description: meta.description,
        defaultSeverity: meta.defaultSeverity,
        fixable: Boolean(meta.fixable),
        docsUrl: declared && /^https?:/.test(declared) ? declared : `${RULE_DOCS_BASE}${id}.md`,
      };
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

export function ruleIds(): Set<string> {
  return new Set(Object.keys(rules));
}
