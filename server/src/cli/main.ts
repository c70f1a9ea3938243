// The briefcheck command: run(argv, io) parses the arguments, runs the engine and prints one
// format, returning the exit code (0 clean, 1 errors or too many warnings, 2 usage, configuration,
// dataset or file trouble). bin.ts calls it with the real process; tests call it in-process.

import { parseCliArgs, UsageError, type CliOptions } from './args';
import { runDataCommand } from './data-command';
import { runDiffData } from './diff-data';
import { localToday, runEngine } from './engine';
import { claimsJson, claimsStylish } from './formatters/claims';
import { formatters, streamFormatters } from './formatters/index';
import { HELP } from './help';
import { runInit } from './init';
import type { CliIo } from './io';
import { addToSummary, emptySummary, type FileResult, type FormatContext } from './results';
import { ruleIds, ruleInfos } from './rule-info';
import { VERSION } from './version';

export type { CliIo } from './io';
export { VERSION };

export async function run(argv: string[], io: CliIo): Promise<number> {
  try {
    if (argv[0] === 'data') return await runDataCommand(argv.slice(1), io);
    if (argv[0] === 'diff') return await runDiffData(argv.slice(1), io, io.today ?? localToday());
    let options: CliOptions;
    try {
      options = parseCliArgs(argv, ruleIds());
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.stderr(`briefcheck: ${error.message}\nRun briefcheck --help for usage.\n`);
      return 2;
    }
    const context: FormatContext = {
      cwd: io.cwd,
      version: VERSION,
      rules: ruleInfos(),
      color: options.color ?? colorFromEnv(io),
    };
    const root = io.env.GITHUB_WORKSPACE || io.env.CI_PROJECT_DIR;
    if (root) context.root = root;
    switch (options.command) {
      case 'help':
        io.stdout(HELP);
        return 0;
      case 'version':
        io.stdout(`${VERSION}\n`);
        return 0;
      case 'init':
        return await runInit(options, io);
      case 'rules':
        io.stdout(options.format === 'json' ? JSON.stringify({ version: 1, rules: context.rules }, null, 2) + '\n' : rulesTable(context));
        return 0;
      default:
        return await check(options, io, context);
    }
  } catch (error) {
    // A bug must still end in one clear line, not a stack trace; BRIEFCHECK_DEBUG shows the trace.
    const detail = io.env.BRIEFCHECK_DEBUG && error instanceof Error ? `\n${error.stack}` : '';
    io.stderr(`briefcheck: internal error: ${error instanceof Error ? error.message : String(error)}${detail}\n`);
    return 2;
  }
}

async function check(options: CliOptions, io: CliIo, context: FormatContext): Promise<number> {
  const today = io.today ?? localToday();
  const results: FileResult[] = [];
  const summary = emptySummary();
  // Formats that can be written brief by brief are, so a large run holds one result at a time.
  const stream = options.command === 'claims' ? undefined : streamFormatters[options.format]?.(context);
  const { failed } = await runEngine(options, io, VERSION, today, (file) => {
    addToSummary(summary, file);
    if (stream) {
      const text = stream.file(file);
      if (text) io.stdout(text);
    } else results.push(file);
  });
  if (options.command === 'claims') {
    io.stdout(options.format === 'json' ? claimsJson(results) : claimsStylish(results, context));
    return failed ? 2 : 0;
  }
  const tail = stream ? stream.end() : formatters[options.format]!(results, context);
  io.stdout(tail);
  if (failed) return 2;
  if (summary.errors > 0) return 1;
  if (options.maxWarnings !== undefined && summary.warnings > options.maxWarnings) {
    io.stderr(`briefcheck: ${summary.warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/**
 * Colour when stdout is a terminal and NO_COLOR is unset; FORCE_COLOR (any value but 0 or false)
 * turns it on where CI logs render colour though stdout is a pipe, and FORCE_COLOR=0 turns it off.
 */
export function colorFromEnv(io: Pick<CliIo, 'env' | 'stdoutIsTTY'>): boolean {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  return Boolean(io.stdoutIsTTY && !io.env.NO_COLOR);
}

function rulesTable(context: FormatContext): string {
  const rows = context.rules.map((r) => [r.id, r.defaultSeverity, r.fixable ? 'fixable' : '', r.description, r.docsUrl]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) => `${r[0]!.padEnd(widths[0]!)}  ${r[1]!.padEnd(widths[1]!)}  ${r[2]!.padEnd(widths[2]!)}  ${r[3]}\n${' '.repeat(widths[0]! + 2)}${r[4]}`);
  return lines.join('\n') + '\n';
}
