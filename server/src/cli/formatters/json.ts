// The stable machine format (version 1): files with their as-of date and problems in 1-based
// lines and columns, and a summary. Fields may be added; none may change meaning.

import type { Formatter } from '../results';
import { summarise } from '../results';

export const json: Formatter = (results) => {
  const s = summarise(results);
  const report = {
    version: 1,
    files: results.map((file) => ({
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
    })),
    summary: { errors: s.errors, warnings: s.warnings, infos: s.infos, files: s.files, fixable: s.fixable },
  };
  return JSON.stringify(report, null, 2) + '\n';
};
