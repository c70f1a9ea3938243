// The stable machine format (version 1): files with their as-of date and problems in 1-based
// lines and columns, and a summary. Fields may be added; none may change meaning. Written one brief
// at a time, byte for byte what JSON.stringify(report, null, 2) gives for the whole report.

import { addToSummary, emptySummary, wholeOutput, type FileResult, type StreamFormatter } from '../results';

function fileReport(file: FileResult) {
  return {
    path: file.path,
    asOf: file.asOf,
    asOfSource: file.asOfSource,
    problems: file.problems.map((p) => ({
      ruleId: p.ruleId,
      severity: p.severity,
      messageId: p.messageId,
      message: p.message,
      line: p.line,
      column: p.column,
      endLine: p.endLine,
      endColumn: p.endColumn,
      ...(p.fix ? { fix: p.fix } : {}),
    })),
    ...(file.fixed ? { fixed: file.fixed } : {}),
  };
}

// JSON text never holds a raw line break inside a string, so indenting every line nests it.
const indent = (json: string, by: string) => json.replace(/\n/g, `\n${by}`);

// A value as it appears in the report's "files" list, at four spaces: stringified inside the same
// nesting and cut out, which gives indent(JSON.stringify(value, null, 2), '    ') without a second
// pass over the text.
const NEST_HEAD = '{\n  "files": [\n'.length;
const NEST_TAIL = '\n  ]\n}'.length;
const nested = (value: unknown) => {
  const json = JSON.stringify({ files: [value] }, null, 2);
  return json.slice(NEST_HEAD, json.length - NEST_TAIL);
};

export const jsonStream: StreamFormatter = () => {
  const summary = emptySummary();
  return {
    file(file) {
      addToSummary(summary, file);
      const head = summary.files === 1 ? '{\n  "version": 1,\n  "files": [\n' : ',\n';
      return `${head}${nested(fileReport(file))}`;
    },
    end() {
      const s = { errors: summary.errors, warnings: summary.warnings, infos: summary.infos, files: summary.files, fixable: summary.fixable };
      const files = summary.files === 0 ? '{\n  "version": 1,\n  "files": [],\n' : '\n  ],\n';
      return `${files}  "summary": ${indent(JSON.stringify(s, null, 2), '  ')}\n}\n`;
    },
  };
};

export const json = wholeOutput(jsonStream);
