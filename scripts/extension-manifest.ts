// Builds the generated parts of the extension: the settings section of package.json from the
// rules' metadata, and the Markdown injection grammar from the dataset's surface forms. Pure
// functions; scripts/generate-extension-manifest.mjs writes their output and
// test/client/generated.test.ts fails when the committed files drift from it.

import type { SurfaceForm } from '../server/src/core/dataset/types';

/** The part of a rule's metadata the settings need; the core's rules satisfy it structurally. */
export interface RuleMetaForSettings {
  meta: { description: string; defaultSeverity: string; fixable?: boolean };
}

const SEVERITIES = ['error', 'warning', 'info', 'off'];

export function configurationContribution(rules: Record<string, RuleMetaForSettings>): Record<string, unknown> {
  const ruleProperties: Record<string, unknown> = {};
  for (const id of Object.keys(rules).sort()) {
    const meta = rules[id]!.meta;
    ruleProperties[id] = {
      type: 'string',
      enum: SEVERITIES,
      default: meta.defaultSeverity,
      description: `${meta.description}${meta.fixable ? ' (fixable)' : ''}`,
    };
  }
  return {
    title: 'briefcheck',
    properties: {
      'briefcheck.enable': { type: 'boolean', default: true, scope: 'resource', description: 'Check Markdown briefs in this folder.' },
      'briefcheck.asOf': {
        type: 'string',
        default: '',
        pattern: '^(\\d{4}-\\d{2}-\\d{2})?$',
        scope: 'resource',
        markdownDescription: 'The date briefs are checked as of (`YYYY-MM-DD`) when neither their front matter (`as_of:` or `date:`) nor a `.briefcheck.json` gives one. Empty means today.',
      },
      'briefcheck.rules': {
        type: 'object',
        default: {},
        scope: 'resource',
        markdownDescription: 'Rule severities, used for rules that no `.briefcheck.json` configures.',
        properties: ruleProperties,
        additionalProperties: false,
      },
      'briefcheck.data': {
        type: 'array',
        items: { type: 'string' },
        default: [],
        scope: 'resource',
        markdownDescription: 'Dataset overlay files (JSON), relative to the workspace folder, used when no `.briefcheck.json` sets `data`.',
      },
      'briefcheck.inlayHints.enable': {
        type: 'boolean',
        default: true,
        scope: 'resource',
        description: "Show the dataset's current figure beside a stale or mismatched one.",
      },
      'briefcheck.trace.server': {
        type: 'string',
        enum: ['off', 'messages', 'verbose'],
        default: 'off',
        scope: 'window',
        description: 'Traces the communication between VS Code and the briefcheck language server.',
      },
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/\s+/g, '\\s+');
}

/** The injection grammar: mineral names and aliases, figures, and briefcheck directives. */
export function markdownGrammar(forms: readonly SurfaceForm[]): Record<string, unknown> {
  const insensitive = [...new Set(forms.filter((f) => !f.caseSensitive).map((f) => f.text.toLowerCase()))];
  const sensitive = [...new Set(forms.filter((f) => f.caseSensitive).map((f) => f.text))];
  const byLength = (a: string, b: string) => b.length - a.length || a.localeCompare(b);
  const names = insensitive.sort(byLength).map(escapeRegExp).join('|');
  const symbols = sensitive.sort(byLength).map(escapeRegExp).join('|');
  const patterns: Record<string, unknown>[] = [{ include: '#directive' }, { include: '#figure' }];
  const repository: Record<string, unknown> = {
    directive: {
      name: 'comment.block.directive.briefcheck',
      match: '<!--\\s*(briefcheck-(?:disable-next-line|disable-line|disable-file|disable|enable))\\b([^>]*?)\\s*-->',
      captures: { '1': { name: 'keyword.control.directive.briefcheck' }, '2': { name: 'variable.parameter.rule.briefcheck' } },
    },
    figure: {
      name: 'constant.numeric.figure.briefcheck',
      match: '(?<![\\w.])(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:\\s?(?:%|percent\\b|per\\s+cent\\b|t\\b|tonnes\\b|tons\\b|kt\\b))',
    },
  };
  if (names) {
    patterns.push({ include: '#mineral' });
    repository.mineral = { name: 'support.constant.mineral.briefcheck', match: `(?i)(?<![\\w-])(?:${names})(?![\\w-])` };
  }
  if (symbols) {
    patterns.push({ include: '#symbol' });
    repository.symbol = { name: 'support.constant.mineral.symbol.briefcheck', match: `(?<![\\w-])(?:${symbols})(?![\\w-])` };
  }
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    scopeName: 'briefcheck.markdown.injection',
    injectionSelector: 'L:text.html.markdown -markup.fenced_code -markup.inline.raw -markup.raw',
    patterns,
    repository,
  };
}
