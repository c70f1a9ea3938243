// GitHub Actions workflow commands: one annotation per problem, escaped as the runner expects
// (data: %, CR, LF; properties also ':' and ','). Written one brief at a time.

import { pathFromRoot, wholeOutput, type StreamFormatter } from '../results';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const command = { error: 'error', warning: 'warning', info: 'notice' } as const;

// Paths are from the repository root (GITHUB_WORKSPACE), which is what the runner resolves them against.
export const githubStream: StreamFormatter = (context) => ({
  file(file) {
    let out = '';
    for (const p of file.problems) {
      const props = [
        `file=${escapeProperty(pathFromRoot(file, context))}`,
        `line=${p.line}`,
        `col=${p.column}`,
        `endLine=${p.endLine}`,
        `endColumn=${p.endColumn}`,
        `title=${escapeProperty(`briefcheck ${p.ruleId}`)}`,
      ];
      out += `::${command[p.severity]} ${props.join(',')}::${escapeData(p.message)}\n`;
    }
    return out;
  },
  end: () => '',
});

export const github = wholeOutput(githubStream);
