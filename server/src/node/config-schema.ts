// Builds the JSON Schema of `.briefcheck.json` from the rules' metadata, so the schema's rule list
// and option types can never drift from the code (`npm run generate` writes it to schemas/).

/** The part of a rule's metadata the schema needs; the core's rules satisfy it structurally. */
export interface RuleMetaForSchema {
  meta: {
    description: string;
    defaultSeverity: string;
    defaultOptions?: Record<string, unknown>;
  };
}

type JsonSchema = Record<string, unknown>;

export const SEVERITIES = ['error', 'warning', 'info', 'off'] as const;

function schemaForValue(value: unknown): JsonSchema {
  if (Array.isArray(value)) {
    const first = value[0];
    return first === undefined ? { type: 'array' } : { type: 'array', items: schemaForValue(first) };
  }
  if (value === null) return { type: 'null' };
  if (typeof value === 'number') return { type: 'number' };
  if (typeof value === 'object') return { type: 'object' };
  return { type: typeof value };
}

function ruleSchema(id: string, rule: RuleMetaForSchema): JsonSchema {
  const defaults = rule.meta.defaultOptions ?? {};
  const optionProperties: Record<string, JsonSchema> = {};
  for (const [name, value] of Object.entries(defaults)) {
    optionProperties[name] = { ...schemaForValue(value), default: value };
  }
  return {
    description: `${rule.meta.description} (default: ${rule.meta.defaultSeverity}). A severity, or { "severity", "options" }.`,
    type: ['string', 'object'],
    if: { type: 'string' },
    then: { $ref: '#/definitions/severity' },
    else: {
      type: 'object',
      additionalProperties: false,
      properties: {
        severity: { $ref: '#/definitions/severity' },
        options: { type: 'object', additionalProperties: false, properties: optionProperties },
      },
    },
    markdownDescription: `${rule.meta.description}. Docs: \`docs/rules/${id}.md\`.`,
  };
}

/** The whole `.briefcheck.json` schema for the given rules, keys in sorted order. */
export function buildConfigSchema(rules: Record<string, RuleMetaForSchema>): JsonSchema {
  const ruleProperties: Record<string, JsonSchema> = {};
  for (const id of Object.keys(rules).sort()) ruleProperties[id] = ruleSchema(id, rules[id]!);
  const globs = { type: 'array', items: { type: 'string', minLength: 1 } };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'briefcheck configuration (.briefcheck.json)',
    description: 'Found by walking up from each brief. A file extends the ones above it up to the first with "root": true; comments (// and /* */) are allowed.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      root: {
        description: 'Stop here: files in folders above this one do not apply. Without it, this file extends them (its settings win).',
        type: 'boolean',
        default: false,
      },
      asOf: {
        description: 'Check briefs as of this date (YYYY-MM-DD) unless --as-of or front matter says otherwise.',
        type: 'string',
        format: 'date',
      },
      rules: {
        description: 'Rule id → severity ("error", "warning", "info", "off") or { "severity", "options" }.',
        type: 'object',
        additionalProperties: false,
        properties: ruleProperties,
      },
      data: {
        description: 'Dataset overlay files, relative to this configuration file.',
        type: 'array',
        items: { type: 'string', minLength: 1 },
      },
      parser: {
        description: 'The Markdown parser: "lezer" (the default, several times faster) or "remark" (the reference the fast one is tested against, see docs/performance.md).',
        type: 'string',
        enum: ['lezer', 'remark'],
        default: 'lezer',
      },
      include: { ...globs, description: 'Globs of briefs to check when no paths are given, relative to this file (default **/*.md, **/*.markdown).' },
      exclude: { ...globs, description: '.gitignore-style patterns, relative to this file, of briefs never to check when found through folders or globs.' },
    },
    definitions: {
      severity: { type: 'string', enum: [...SEVERITIES] },
    },
  };
}
