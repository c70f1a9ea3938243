// The human format: problems grouped by file with aligned columns, then a one-line total, like
// the linters people already read every day. Colour only when writing to a terminal. Written one
// brief at a time.

import { addToSummary, emptySummary, wholeOutput, type StreamFormatter } from '../results';

const paint = (on: boolean, code: number, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const stylishStream: StreamFormatter = (context) => {
  const summary = emptySummary();
  let fixed = 0;
  let filesWithProblems = 0;
  let written = false;
  // Lines are joined by line breaks and the output ends with one, as long as there is any.
  const lines = (out: string[]) => {
    let text = '';
    for (const line of out) {
      text += written ? `\n${line}` : line;
      written = true;
    }
    return text;
  };
  return {
    file(file) {
      addToSummary(summary, file);
      fixed += file.fixed;
      if (file.problems.length === 0) return '';
      filesWithProblems++;
      const out = ['', paint(context.color, 4, file.path)];
      const rows = file.problems.map((p) => [`${p.line}:${p.column}`, p.severity, p.message, p.ruleId]);
      const widths = [0, 1].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
      for (const [i, row] of rows.entries()) {
        const colour = file.problems[i]!.severity === 'error' ? 31 : file.problems[i]!.severity === 'warning' ? 33 : 36;
        out.push(`  ${row[0]!.padEnd(widths[0]!)}  ${paint(context.color, colour, row[1]!.padEnd(widths[1]!))}  ${row[2]}  ${paint(context.color, 2, row[3]!)}`);
      }
      return lines(out);
    },
    end() {
      const s = summary;
      const out: string[] = [];
      const total = s.errors + s.warnings + s.infos;
      if (total > 0) {
        const parts = [plural(s.errors, 'error'), plural(s.warnings, 'warning')];
        if (s.infos) parts.push(plural(s.infos, 'info'));
        out.push('', paint(context.color, s.errors ? 31 : 33, `✖ ${plural(total, 'problem')} (${parts.join(', ')}) in ${plural(filesWithProblems, 'file')}${s.files > filesWithProblems ? ` (${s.files} checked)` : ''}`));
        if (s.fixable) out.push(`  ${plural(s.fixable, 'problem')} can be fixed with --fix`);
      }
      if (fixed) out.push('', `Fixed ${plural(fixed, 'problem')}.`);
      const text = lines(out);
      return written ? `${text}\n` : text;
    },
  };
};

export const stylish = wholeOutput(stylishStream);
