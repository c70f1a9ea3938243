// `briefcheck init`: writes a commented .briefcheck.json in the working folder and, with
// --workflow, a GitHub Actions workflow that runs this repository's action. It never overwrites a
// file: one that exists is left as it is and named, and the command then exits 2.

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { findDataDir } from '../node/dataset';
import { CONFIG_FILE_NAME } from '../node/config';
import type { CliOptions } from './args';
import type { CliIo } from './io';
import { VERSION } from './version';

export const WORKFLOW_FILE = '.github/workflows/briefcheck.yml';
const REPOSITORY = 'briefcheck/briefcheck';

/**
 * The installed package's schema, relative to cwd when the package is installed in the project cwd
 * lies in (its node_modules); else (a global install, a checkout) the release's copy online.
 */
export function schemaReference(cwd: string, packageRoot = dirname(findDataDir())): string {
  const at = packageRoot.lastIndexOf(`${sep}node_modules${sep}`);
  const project = at >= 0 ? packageRoot.slice(0, at) : undefined;
  const fromProject = project === undefined ? undefined : relative(project, cwd);
  if (fromProject !== undefined && !fromProject.startsWith('..') && !isAbsolute(fromProject)) {
    const rel = relative(cwd, join(packageRoot, 'schemas', 'briefcheck.schema.json')).split(sep).join('/');
    return rel.startsWith('..') ? rel : `./${rel}`;
  }
  return `https://raw.githubusercontent.com/${REPOSITORY}/v${VERSION}/schemas/briefcheck.schema.json`;
}

export function configText(schema: string): string {
  return `{
  // briefcheck configuration: https://github.com/${REPOSITORY}/blob/main/docs/cli.md
  // The schema gives completion and checking in editors.
  "$schema": ${JSON.stringify(schema)},
  // Configuration files in folders above this one do not apply. Without it, this file extends them.
  "root": true,
  // The date briefs are checked as of when neither --as-of nor their front matter (as_of: or
  // date:) gives one; without it, today.
  // "asOf": "2026-01-01",
  // Rule severities: "error", "warning", "info" or "off". \`briefcheck rules\` lists the rules.
  "rules": {
    // "stale-figure": "error",
    // "unsourced-figure": "off"
  },
  // Dataset overlay files (JSON), relative to this file: your own sourced figures and measures.
  "data": [],
  // The briefs checked when no paths are given, relative to this file. A pattern that matches no
  // brief is an error (exit 2), so a moved folder is noticed.
  "include": ["**/*.md"],
  // .gitignore-style patterns of Markdown files that are not briefs.
  "exclude": []
}
`;
}

export function workflowText(): string {
  return `# Checks the repository's briefs with briefcheck on every pull request and push to main:
# annotations on the changed lines, a summary table on the run's page, and code-scanning alerts.
name: briefcheck
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
  security-events: write # to upload the SARIF report to code scanning
jobs:
  briefcheck:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # changed-files-only compares with the pull request's base
      - uses: ${REPOSITORY}@v${VERSION}
        with:
          files: .
          upload-sarif: true
          # changed-files-only: true
          # max-warnings: 0
`;
}

export async function runInit(options: CliOptions, io: CliIo): Promise<number> {
  const wanted: [string, string][] = [[CONFIG_FILE_NAME, configText(schemaReference(io.cwd))]];
  if (options.workflow) wanted.push([WORKFLOW_FILE, workflowText()]);
  let code = 0;
  for (const [name, text] of wanted) {
    const path = join(io.cwd, name);
    try {
      await mkdir(dirname(path), { recursive: true });
      // 'wx' fails when the file exists, so nothing is ever overwritten, even in a race.
      await writeFile(path, text, { flag: 'wx' });
      io.stdout(`wrote ${name}\n`);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'EEXIST' ? 'already exists; left unchanged' : `cannot be written (${(error as Error).message})`;
      io.stderr(`briefcheck: ${name} ${reason}\n`);
      code = 2;
    }
  }
  return code;
}
