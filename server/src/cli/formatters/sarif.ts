// SARIF 2.1.0 for code scanning: rule metadata with help links, one result per problem with its
// region, and fixes as character-offset replacements on the original file.

import type { Log, ReportingDescriptor, Result } from 'sarif';
import { pathToFileURL } from 'node:url';
import { pathFromRoot, type Formatter } from '../results';

const level = { error: 'error', warning: 'warning', info: 'note' } as const;
const defaultLevel = (severity: string) =>
  severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : severity === 'info' ? 'note' : 'none';

const uriOf = (path: string) => path.split('/').map(encodeURIComponent).join('/');

export const sarif: Formatter = (results, context) => {
  const ruleIndex = new Map(context.rules.map((r, i) => [r.id, i]));
  const rules: ReportingDescriptor[] = context.rules.map((r) => ({
    id: r.id,
    name: r.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: r.description },
    helpUri: r.docsUrl,
    help: { text: `${r.description}. See ${r.docsUrl}` },
    defaultConfiguration: { level: defaultLevel(r.defaultSeverity), enabled: r.defaultSeverity !== 'off' },
    properties: { fixable: r.fixable },
  }));
  const out: Result[] = [];
  for (const file of results) {
    const artifactLocation = { uri: uriOf(pathFromRoot(file, context)), uriBaseId: '%SRCROOT%' };
    for (const p of file.problems) {
      const result: Result = {
        ruleId: p.ruleId,
        level: level[p.severity],
        message: { text: p.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation,
              region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
            },
          },
        ],
      };
      const index = ruleIndex.get(p.ruleId);
      if (index !== undefined) result.ruleIndex = index;
      if (p.fix) {
        result.fixes = [
          {
            description: { text: `Fix ${p.ruleId}` },
            artifactChanges: [
              {
                artifactLocation,
                replacements: p.fix.edits.map((e) => ({
                  deletedRegion: { charOffset: e.range.start, charLength: e.range.end - e.range.start },
                  insertedContent: { text: e.text },
                })),
              },
            ],
          },
        ];
      }
      out.push(result);
    }
  }
  const root = pathToFileURL(context.cwd).href;
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'briefcheck',
            version: context.version,
            semanticVersion: context.version,
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: root.endsWith('/') ? root : `${root}/` } },
        columnKind: 'utf16CodeUnits',
        results: out,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
