// What the command line reports for each brief: the core's result turned into 1-based lines and
// columns, relative paths and plain summaries. Every formatter reads only these types.

import { isAbsolute, relative, sep } from 'node:path';
import type { BriefResult, Claim, Fix, IsoDate, Problem, Range } from '../core/types';
import { lineIndex } from '../core/lines';

export interface Position {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface CliProblem extends Position {
  ruleId: string;
  severity: Problem['severity'];
  messageId: string;
  message: string;
  /** Offsets into the text, for formats (SARIF) that carry fixes as character regions. */
  range: Range;
  fix?: Fix;
}

export interface CliClaim extends Position {
  claim: Claim;
}

export interface FileResult {
  /** Path relative to the working folder, with forward slashes. */
  path: string;
  absolutePath: string;
  asOf: IsoDate;
  asOfSource: BriefResult['asOfSource'];
  problems: CliProblem[];
  claims: CliClaim[];
  /** Problems fixed by --fix in this file. */
  fixed: number;
}

export interface RuleInfo {
  id: string;
  description: string;
  defaultSeverity: string;
  fixable: boolean;
  docsUrl: string;
}

export interface FormatContext {
  cwd: string;
  version: string;
  rules: RuleInfo[];
  /** Whether output may use colour. */
  color: boolean;
  /**
   * The repository root CI reports paths against (GITHUB_WORKSPACE, CI_PROJECT_DIR), when set:
   * annotations and code-quality reports name files from there, wherever the command ran.
   */
  root?: string;
}

export type Formatter = (results: FileResult[], context: FormatContext) => string;

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  files: number;
  fixable: number;
}

/**
 * A format written one brief at a time, so a large run never holds every result: `file` returns
 * the text for the next brief in input order, `end` the text after the last one.
 */
export interface FormatStream {
  file(file: FileResult): string;
  end(): string;
}

export type StreamFormatter = (context: FormatContext) => FormatStream;

/** The whole-output formatter of a streamed format: the same bytes, all at once. */
export function wholeOutput(stream: StreamFormatter): Formatter {
  return (results, context) => {
    const format = stream(context);
    let out = '';
    for (const file of results) out += format.file(file);
    return out + format.end();
  };
}

/** The file's path from the repository root (context.root) when it lies under it, else as shown. */
export function pathFromRoot(file: FileResult, context: FormatContext): string {
  if (!context.root) return file.path;
  const rel = relative(context.root, file.absolutePath);
  return rel.startsWith('..') || isAbsolute(rel) ? file.path : rel.split(sep).join('/');
}

export function emptySummary(): Summary {
  return { errors: 0, warnings: 0, infos: 0, files: 0, fixable: 0 };
}

/** Counts one more brief into `summary`. */
export function addToSummary(summary: Summary, file: FileResult): void {
  summary.files++;
  for (const p of file.problems) {
    if (p.severity === 'error') summary.errors++;
    else if (p.severity === 'warning') summary.warnings++;
    else summary.infos++;
    if (p.fix) summary.fixable++;
  }
}

export function summarise(results: FileResult[]): Summary {
  const summary = emptySummary();
  for (const file of results) addToSummary(summary, file);
  return summary;
}

export function positionOf(range: Range, at: ReturnType<typeof lineIndex>): Position {
  const start = at(range.start);
  const end = at(range.end);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
