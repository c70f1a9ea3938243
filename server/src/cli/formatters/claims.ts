// The fact-check worklist (briefcheck claims): every recognised claim with its verdict and the
// record behind it, how sure its reading is and the other readings when it is not certain, and the
// sentences the reader could not read; as an aligned table for people or as version-1 JSON for tools.

import { describeAlternative } from '../../core/claims/metrics';
import { confidenceOf, describeReading } from '../../core/reading';
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
    ...(claim.reporter ? { reporter: claim.reporter } : {}),
    ...(claim.value !== undefined ? { value: claim.value } : {}),
    ...(claim.unit ? { unit: claim.unit } : {}),
    ...(claim.hedge ? { hedge: claim.hedge } : {}),
    ...(claim.period ? { period: claim.period } : {}),
    ...(claim.control ? { control: claim.control } : {}),
    ...(claim.count !== undefined ? { count: claim.count } : {}),
    ...(claim.countOf ? { countOf: claim.countOf } : {}),
    ...(claim.kind !== 'mention' && claim.kind !== 'unread' ? { confidence: confidenceOf(claim) } : {}),
    ...(claim.alternatives?.length ? { alternatives: claim.alternatives.map((a) => ({ ...a, text: describeAlternative(a) })) } : {}),
    ...(claim.why ? { why: claim.why } : {}),
    checkedOn: claim.checkedOn,
    cited: claim.cited,
    // An unread sentence has no verdict of its own to explain; `why` says why it was not read.
    ...(claim.explanation && claim.kind !== 'unread' ? { explanation: claim.explanation } : {}),
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

/** The lines under a claim whose reading is not certain: how it was read and the other readings. */
function readingLines(claim: Claim, indent: string): string[] {
  const confidence = confidenceOf(claim);
  if (confidence === 'certain' || claim.kind === 'mention' || claim.kind === 'unread') return [];
  const reading = describeReading(claim);
  const lines = [`${indent}read as ${reading ? `${reading} ` : ''}(${confidence})`];
  for (const a of claim.alternatives ?? []) lines.push(`${indent}or as ${describeAlternative(a)}`);
  return lines;
}

export function claimsStylish(results: FileResult[], context: FormatContext): string {
  const out: string[] = [];
  const tally: Record<string, number> = {};
  let unread = 0;
  for (const file of results) {
    out.push('', `${file.path} (as of ${file.asOf})`);
    const read = file.claims.filter((c) => c.claim.kind !== 'unread');
    const notRead = file.claims.filter((c) => c.claim.kind === 'unread');
    if (read.length === 0) out.push('  no claims recognised');
    const rows = read.map((c) => [
      `${c.line}:${c.column}`,
      c.claim.kind,
      c.claim.verdict,
      clip(c.claim.minerals.join(', ') || '-', 32),
      clip(c.claim.text, 60),
      (c.claim.record ? `${c.claim.record.id}${c.claim.record.sources.length ? ` [${c.claim.record.sources.join(', ')}]` : ''}` : '') +
        (c.claim.confirmedThrough ? ` (last confirmed ${c.claim.confirmedThrough})` : ''),
    ]);
    const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    rows.forEach((row, i) => {
      tally[row[2]!] = (tally[row[2]!] ?? 0) + 1;
      const verdict = row[2]!.padEnd(widths[2]!);
      const painted = context.color ? `\u001b[${verdictColour[row[2]!] ?? 0}m${verdict}\u001b[0m` : verdict;
      out.push(`  ${row[0]!.padEnd(widths[0]!)}  ${row[1]!.padEnd(widths[1]!)}  ${painted}  ${row[3]!.padEnd(widths[3]!)}  ${row[4]}${row[5] ? `  ← ${row[5]}` : ''}`.trimEnd());
      out.push(...readingLines(read[i]!.claim, ' '.repeat(widths[0]! + 4)));
    });
    if (notRead.length > 0) {
      unread += notRead.length;
      out.push('', `  Not read (${notRead.length}): sentences naming a mineral beside a number or a control word that yield no claim`);
      const at = notRead.map((c) => `${c.line}:${c.column}`);
      const width = Math.max(...at.map((a) => a.length));
      notRead.forEach((c, i) => out.push(`  ${at[i]!.padEnd(width)}  ${clip(c.claim.text, 80)}${c.claim.why ? `  (${c.claim.why})` : ''}`));
    }
  }
  const total = Object.values(tally).reduce((a, b) => a + b, 0);
  const parts = Object.entries(tally).map(([verdict, n]) => `${n} ${verdict}`);
  const notReadPart = unread > 0 ? `; ${unread} sentence${unread === 1 ? '' : 's'} not read` : '';
  out.push('', `${total} claim${total === 1 ? '' : 's'}${parts.length ? `: ${parts.join(', ')}` : ''}${notReadPart}`);
  return out.join('\n') + '\n';
}
