// The fact-check worklist (briefcheck claims): every recognised claim with its verdict and the
// record behind it, as an aligned table for people or as version-1 JSON for tools.

import type { Claim } from '../../core/types';
import type { FileResult, FormatContext } from '../results';

function claimJson(c: FileResult['claims'][number]) {
  const claim: Claim = c.claim;
  return {
    kind: claim.kind,
    minerals: claim.minerals,
    text: claim.text,
    line: c.line,
    column: c.column,
    endLine: c.endLine,
    endColumn: c.endColumn,
    verdict: claim.verdict,
    ...(claim.record ? { record: claim.record } : {}),
    ...(claim.metric ? { metric: claim.metric } : {}),
    ...(claim.partner ? { partner: claim.partner } : {}),
    ...(claim.value !== undefined ? { value: claim.value } : {}),
    ...(claim.unit ? { unit: claim.unit } : {}),
    ...(claim.hedge ? { hedge: claim.hedge } : {}),
    ...(claim.period ? { period: claim.period } : {}),
    ...(claim.control ? { control: claim.control } : {}),
    ...(claim.count !== undefined ? { count: claim.count } : {}),
    checkedOn: claim.checkedOn,
    cited: claim.cited,
    ...(claim.explanation ? { explanation: claim.explanation } : {}),
    ...(claim.confirmedThrough ? { confirmedThrough: claim.confirmedThrough } : {}),
  };
}

export function claimsJson(results: FileResult[]): string {
  const report = {
    version: 1,
    files: results.map((file) => ({ path: file.path, asOf: file.asOf, claims: file.claims.map(claimJson) })),
  };
  return JSON.stringify(report, null, 2) + '\n';
}

const verdictColour: Record<string, number> = { verified: 32, stale: 33, mismatch: 31, wrong: 31, changed: 33, unknown: 35, unverifiable: 2 };
const clip = (text: string, width: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
};

export function claimsStylish(results: FileResult[], context: FormatContext): string {
  const out: string[] = [];
  const tally: Record<string, number> = {};
  for (const file of results) {
    out.push('', `${file.path} (as of ${file.asOf})`);
    if (file.claims.length === 0) out.push('  no claims recognised');
    const rows = file.claims.map((c) => [
      `${c.line}:${c.column}`,
      c.claim.kind,
      c.claim.verdict,
      clip(c.claim.minerals.join(', ') || '-', 32),
      clip(c.claim.text, 60),
      (c.claim.record ? `${c.claim.record.id}${c.claim.record.sources.length ? ` [${c.claim.record.sources.join(', ')}]` : ''}` : '') +
        (c.claim.confirmedThrough ? ` (last confirmed ${c.claim.confirmedThrough})` : ''),
    ]);
    const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const row of rows) {
      tally[row[2]!] = (tally[row[2]!] ?? 0) + 1;
      const verdict = row[2]!.padEnd(widths[2]!);
      const painted = context.color ? `\u001b[${verdictColour[row[2]!] ?? 0}m${verdict}\u001b[0m` : verdict;
      out.push(`  ${row[0]!.padEnd(widths[0]!)}  ${row[1]!.padEnd(widths[1]!)}  ${painted}  ${row[3]!.padEnd(widths[3]!)}  ${row[4]}${row[5] ? `  ← ${row[5]}` : ''}`.trimEnd());
    }
  }
  const total = Object.values(tally).reduce((a, b) => a + b, 0);
  const parts = Object.entries(tally).map(([verdict, n]) => `${n} ${verdict}`);
  out.push('', `${total} claim${total === 1 ? '' : 's'}${parts.length ? `: ${parts.join(', ')}` : ''}`);
  return out.join('\n') + '\n';
}
