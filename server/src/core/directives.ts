// Inline directives in HTML comments: `briefcheck-disable-next-line ids`, `briefcheck-disable ids` …
// `briefcheck-enable ids`, `briefcheck-disable-file ids`. No ids means every rule. Unknown ids are
// reported as `unknown-directive` problems so a typo never silently disables nothing.

import type { HtmlComment } from './parse/types';
import type { Problem, Range } from './types';
import { lineAt, lineStarts } from './lines';

type Kind = 'disable-next-line' | 'disable-line' | 'disable-file' | 'disable' | 'enable';

interface Directive {
  kind: Kind;
  ids: string[];
  range: Range;
}

export interface Suppressions {
  isSuppressed(problem: Problem): boolean;
  /** Problems about the directives themselves (unknown rule ids), before severity is applied. */
  unknownIds: { id: string; range: Range }[];
}

function parseDirective(comment: HtmlComment): Directive | undefined {
  const m = /^briefcheck-(disable-next-line|disable-line|disable-file|disable|enable)(?:\s+([\s\S]*))?$/.exec(comment.body);
  if (!m) return undefined;
  const ids = (m[2] ?? '').split(/[\s,]+/).filter((id) => id && id !== '--');
  return { kind: m[1] as Kind, ids, range: comment.range };
}

export function readDirectives(text: string, comments: readonly HtmlComment[], knownIds: ReadonlySet<string>): Suppressions {
  const directives = comments.map(parseDirective).filter((d): d is Directive => d !== undefined);
  const unknownIds = directives.flatMap((d) => d.ids.filter((id) => !knownIds.has(id)).map((id) => ({ id, range: d.range })));
  // Only line directives need line numbers: a brief without them is not scanned for line ends.
  const starts = directives.some((d) => d.kind === 'disable-line' || d.kind === 'disable-next-line') ? lineStarts(text) : [0];
  const lineText = (line: number) => text.slice(starts[line] ?? text.length, (starts[line + 1] ?? text.length + 1) - 1);

  const fileWide = new Set<string>();
  let fileAll = false;
  const lineRules = new Map<number, Set<string> | 'all'>();
  const addLine = (line: number, ids: string[]) => {
    const prior = lineRules.get(line);
    if (ids.length === 0 || prior === 'all') lineRules.set(line, 'all');
    else lineRules.set(line, new Set([...(prior ?? []), ...ids]));
  };
  for (const d of directives) {
    if (d.kind === 'disable-file') {
      if (d.ids.length === 0) fileAll = true;
      d.ids.forEach((id) => fileWide.add(id));
    } else if (d.kind === 'disable-line') {
      addLine(lineAt(starts, d.range.start), d.ids);
    } else if (d.kind === 'disable-next-line') {
      // The next line with text, so a blank line between comment and paragraph does not waste it.
      let line = lineAt(starts, d.range.end) + 1;
      while (line < starts.length && lineText(line).trim() === '') line++;
      addLine(line, d.ids);
    }
  }
  const regions = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable').sort((a, b) => a.range.start - b.range.start);

  function disabledByRegion(ruleId: string, offset: number): boolean {
    let disabled = false;
    for (const d of regions) {
      if (d.range.start > offset) break;
      if (d.ids.length === 0 || d.ids.includes(ruleId)) disabled = d.kind === 'disable';
    }
    return disabled;
  }

  return {
    unknownIds,
    isSuppressed(problem) {
      if (fileAll || fileWide.has(problem.ruleId)) return true;
      const rulesOnLine = lineRules.get(lineAt(starts, problem.range.start));
      if (rulesOnLine === 'all' || rulesOnLine?.has(problem.ruleId)) return true;
      return disabledByRegion(problem.ruleId, problem.range.start);
    },
  };
}
