// Turns argv into checked options with node's util.parseArgs; every mistake becomes a UsageError
// with one sentence, which the command prints before exiting with code 2.

import { parseArgs } from 'node:util';
import type { IsoDate, Severity } from '../core/types';
import { FORMAT_NAMES } from './formatters/index';

export class UsageError extends Error {}

export interface Shard {
  index: number;
  count: number;
}

export interface CliOptions {
  command: 'check' | 'claims' | 'rules' | 'init' | 'help' | 'version';
  patterns: string[];
  format: string;
  asOf?: IsoDate;
  fix: boolean;
  rules: Record<string, Severity>;
  config?: string;
  maxWarnings?: number;
  quiet: boolean;
  cache: boolean;
  cacheLocation?: string;
  shard?: Shard;
  stdin: boolean;
  stdinFilename?: string;
  color?: boolean;
  /** A glob, folder or `include` that matches no brief is an error (exit 2); on by default. */
  errorOnUnmatchedPattern: boolean;
  /** Files named on the command line are dropped when .gitignore or `exclude` ignores them. */
  respectIgnoreOnNamedFiles: boolean;
  /** For init: also write the GitHub Actions workflow. */
  workflow: boolean;
  parser?: 'lezer' | 'remark';
}

const optionSpec = {
  format: { type: 'string', short: 'f' },
  'as-of': { type: 'string' },
  fix: { type: 'boolean' },
  rule: { type: 'string', multiple: true },
  config: { type: 'string', short: 'c' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  shard: { type: 'string' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  color: { type: 'boolean' },
  parser: { type: 'string' },
  'no-color': { type: 'boolean' },
  'no-error-on-unmatched-pattern': { type: 'boolean' },
  'respect-ignore-on-named-files': { type: 'boolean' },
  workflow: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Every long option, for the test that --help lists them all. */
export const OPTION_NAMES: readonly string[] = Object.keys(optionSpec);

const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'off'];

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function parseRule(text: string, ruleIds: ReadonlySet<string>): [string, Severity] {
  const m = /^([a-z0-9-]+)=([a-z]+)$/.exec(text.trim());
  if (!m) throw new UsageError(`--rule expects id=severity (for example stale-figure=error), got "${text}"`);
  const [, id, severity] = m as unknown as [string, string, string];
  if (!ruleIds.has(id)) throw new UsageError(`--rule names an unknown rule "${id}" (see briefcheck rules)`);
  if (!SEVERITIES.includes(severity)) throw new UsageError(`--rule ${id}: severity must be one of ${SEVERITIES.join(', ')}`);
  return [id, severity as Severity];
}

function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard expects I/N with 1 <= I <= N (for example 2/4), got "${text}"`);
  }
  return { index, count };
}

/** Parses the arguments after the program name. `data` is handled before this (it has its own flags). */
export function parseCliArgs(argv: string[], ruleIds: ReadonlySet<string>): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: optionSpec, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const { values, positionals } = parsed;
  let command: CliOptions['command'] = 'check';
  let patterns = positionals;
  if (positionals[0] === 'claims' || positionals[0] === 'rules' || positionals[0] === 'init') {
    command = positionals[0];
    patterns = positionals.slice(1);
  }
  if (values.help) command = 'help';
  else if (values.version) command = 'version';

  const options: CliOptions = {
    command,
    patterns,
    format: values.format ?? 'stylish',
    fix: values.fix ?? false,
    rules: Object.fromEntries((values.rule ?? []).map((r) => parseRule(r, ruleIds))),
    quiet: values.quiet ?? false,
    cache: values.cache ?? false,
    stdin: values.stdin ?? false,
    errorOnUnmatchedPattern: !values['no-error-on-unmatched-pattern'],
    respectIgnoreOnNamedFiles: values['respect-ignore-on-named-files'] ?? false,
    workflow: values.workflow ?? false,
  };
  const claimFormats = ['stylish', 'json'];
  const allowed = command === 'check' ? FORMAT_NAMES : claimFormats;
  if (!allowed.includes(options.format)) {
    throw new UsageError(`--format must be one of ${allowed.join(', ')}${command === 'check' ? '' : ` for ${command}`}, got "${options.format}"`);
  }
  if (values['as-of'] !== undefined) {
    if (!isIsoDate(values['as-of'])) throw new UsageError(`--as-of expects a date written YYYY-MM-DD, got "${values['as-of']}"`);
    options.asOf = values['as-of'];
  }
  if (values.config !== undefined) options.config = values.config;
  if (values['max-warnings'] !== undefined) {
    const text = values['max-warnings'];
    if (!/^\d+$/.test(text)) throw new UsageError(`--max-warnings expects a whole number of 0 or more, got "${text}"`);
    options.maxWarnings = Number(text);
  }
  if (values['cache-location'] !== undefined) options.cacheLocation = values['cache-location'];
  if (values.shard !== undefined) options.shard = parseShard(values.shard);
  if (values['stdin-filename'] !== undefined) {
    if (!options.stdin) throw new UsageError('--stdin-filename only makes sense with --stdin');
    options.stdinFilename = values['stdin-filename'];
  }
  if (values.parser !== undefined) {
    if (values.parser !== 'lezer' && values.parser !== 'remark') throw new UsageError(`--parser must be lezer or remark, got "${values.parser}"`);
    options.parser = values.parser;
  }
  if (values.color) options.color = true;
  if (values['no-color']) options.color = false;
  if (options.stdin && patterns.length) throw new UsageError('give either --stdin or paths, not both');
  if (options.stdin && options.fix) throw new UsageError('--fix cannot rewrite standard input; run it on the file');
  if (command !== 'check' && options.fix) throw new UsageError(`--fix only applies to checking, not to ${command}`);
  if (options.workflow && command !== 'init') throw new UsageError('--workflow only applies to briefcheck init');
  if (command === 'init' && patterns.length) throw new UsageError('briefcheck init takes no paths; run it in the folder to set up');
  if (command === 'claims' && !options.stdin && patterns.length === 0) throw new UsageError('briefcheck claims needs at least one file');
  return options;
}
