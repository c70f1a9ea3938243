// The edit behind "Disable <rule> for this line": a briefcheck-disable-next-line directive on its
// own line above the problem, indented like the line it silences.

import type { TextEdit } from '../types';

export function disableLineEdit(text: string, offset: number, ruleId: string): TextEdit {
  const lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const start = offset === 0 ? 0 : lineStart;
  const indent = /^[ \t]*(?:>[ \t]?)*/.exec(text.slice(start))?.[0] ?? '';
  return { range: { start, end: start }, text: `${indent}<!-- briefcheck-disable-next-line ${ruleId} -->\n` };
}
