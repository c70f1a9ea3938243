// A Markdown report for CI job summaries ($GITHUB_STEP_SUMMARY) and merge-request comments: one
// table row per brief with problems, then each such brief's problems. Clean briefs are counted, not
// listed, so a large clean run stays short.

import { pathFromRoot, summarise, type Formatter } from '../results';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** Table cells cannot hold a raw '|' or line break; backslashes and backticks are escaped too. */
const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/`/g, '\\`').replace(/\r?\n/g, ' ');
const code = (text: string) => `\`${text.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;

export const markdown: Formatter = (results, context) => {
  const s = summarise(results);
  const withProblems = results.filter((f) => f.problems.length > 0);
  const out = ['## briefcheck', ''];
  if (withProblems.length === 0) {
    out.push(`No problems in ${plural(s.files, 'brief')}.`, '');
    return out.join('\n');
  }
  const total = s.errors + s.warnings + s.infos;
  out.push(
    `${plural(total, 'problem')} (${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos, 'info')}) in ${withProblems.length} of ${plural(s.files, 'brief')}.`,
    '',
    '| brief | as of | errors | warnings | infos |',
    '| --- | --- | ---: | ---: | ---: |',
  );
  for (const file of withProblems) {
    const count = (severity: string) => file.problems.filter((p) => p.severity === severity).length;
    out.push(`| ${code(pathFromRoot(file, context))} | ${file.asOf} | ${count('error')} | ${count('warning')} | ${count('info')} |`);
  }
  for (const file of withProblems) {
    out.push('', `### ${code(pathFromRoot(file, context))}`, '', '| line | severity | problem | rule |', '| ---: | --- | --- | --- |');
    for (const p of file.problems) out.push(`| ${p.line}:${p.column} | ${p.severity} | ${cell(p.message)} | ${code(p.ruleId)} |`);
  }
  out.push('');
  return out.join('\n');
};
