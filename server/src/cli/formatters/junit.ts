// JUnit XML for CI dashboards: a test suite per brief, a failing test case per problem, and one
// passing case for a clean brief so every checked file shows up.

import type { Formatter } from '../results';
import { summarise } from '../results';

/** Escapes text for XML content and attributes, dropping characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export const junit: Formatter = (results) => {
  const s = summarise(results);
  const failures = s.errors + s.warnings + s.infos;
  const tests = results.reduce((n, f) => n + Math.max(1, f.problems.length), 0);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="briefcheck" tests="${tests}" failures="${failures}" errors="0">`,
  ];
  for (const file of results) {
    const path = escapeXml(file.path);
    const count = Math.max(1, file.problems.length);
    out.push(`  <testsuite name="${path}" tests="${count}" failures="${file.problems.length}" errors="0">`);
    if (file.problems.length === 0) out.push(`    <testcase classname="${path}" name="${path}"/>`);
    for (const p of file.problems) {
      const name = escapeXml(`${p.line}:${p.column} ${p.ruleId}`);
      out.push(
        `    <testcase classname="${path}" name="${name}">`,
        `      <failure type="${p.severity}" message="${escapeXml(p.message)}">${escapeXml(
          `${p.severity} at ${file.path}:${p.line}:${p.column}: ${p.message} (${p.ruleId})`,
        )}</failure>`,
        '    </testcase>',
      );
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};
