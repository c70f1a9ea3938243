// GitLab Code Quality: the subset of the Code Climate JSON format that GitLab reads (description,
// check_name, fingerprint, severity, location.path and location.lines.begin). Paths are from the
// project root (CI_PROJECT_DIR). A fingerprint names a problem by file, rule and message, not by
// line, so a problem that only moves is not reported as fixed and new; repeats are numbered.

import { createHash } from 'node:crypto';
import { pathFromRoot, type Formatter } from '../results';

const severity = { error: 'major', warning: 'minor', info: 'info' } as const;

export const gitlab: Formatter = (results, context) => {
  const issues = [];
  for (const file of results) {
    const path = pathFromRoot(file, context);
    const seen = new Map<string, number>();
    for (const p of file.problems) {
      const key = `${path}\0${p.ruleId}\0${p.message}`;
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      issues.push({
        type: 'issue',
        description: p.message,
        check_name: p.ruleId,
        categories: ['Bug Risk'],
        fingerprint: createHash('md5').update(`${key}\0${occurrence}`).digest('hex'),
        severity: severity[p.severity],
        location: { path, lines: { begin: p.line, end: p.endLine } },
      });
    }
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
};
