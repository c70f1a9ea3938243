// Pure helpers for showing claims: the icon, label and order of each verdict, a claim's one-line
// label, description and tooltip (how it was read, how sure, other readings), and the groups of the
// Claims view. No VS Code API here, so test/client can test them directly.

import type { ClaimItem, ClaimsResult } from '../../server/src/shared/protocol';

interface VerdictLook {
  label: string;
  /** A codicon id. */
  icon: string;
  /** A theme colour id for the icon. */
  color: string;
  /** Lower sorts first: what needs attention comes first in the worklist. */
  rank: number;
}

const looks: Record<string, VerdictLook> = {
  wrong: { label: 'wrong', icon: 'error', color: 'problemsErrorIcon.foreground', rank: 0 },
  mismatch: { label: 'mismatch', icon: 'error', color: 'problemsErrorIcon.foreground', rank: 1 },
  stale: { label: 'stale', icon: 'history', color: 'problemsWarningIcon.foreground', rank: 2 },
  changed: { label: 'status changed since', icon: 'diff-modified', color: 'problemsWarningIcon.foreground', rank: 3 },
  unknown: { label: 'unknown on that date', icon: 'question', color: 'problemsInfoIcon.foreground', rank: 4 },
  unverifiable: { label: 'unverifiable', icon: 'circle-slash', color: 'disabledForeground', rank: 5 },
  verified: { label: 'verified', icon: 'pass', color: 'testing.iconPassed', rank: 6 },
};

export function verdictLook(verdict: string): VerdictLook {
  return looks[verdict] ?? { label: verdict, icon: 'circle-outline', color: 'foreground', rank: 7 };
}

/** The claim as one line: its text with runs of white space collapsed, cut at `max` characters. */
export function claimLabel(claim: ClaimItem, max = 80): string {
  const text = claim.text.replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export interface ClaimGroups {
  /** Figures, control statuses and counts, in document order. */
  checked: ClaimItem[];
  /** Plain mentions of minerals. */
  mentions: ClaimItem[];
  /** Sentences that name a mineral beside a number or a control word but yield no claim. */
  unread: ClaimItem[];
}

export function groupClaims(result: ClaimsResult): ClaimGroups {
  return {
    checked: result.claims.filter((c) => c.kind !== 'mention' && c.kind !== 'unread'),
    mentions: result.claims.filter((c) => c.kind === 'mention'),
    unread: result.claims.filter((c) => c.kind === 'unread'),
  };
}

/** True when the reader was not sure of a checked claim's reading (it then raises at most info). */
export function isUncertain(claim: ClaimItem): boolean {
  return claim.confidence !== undefined && claim.confidence !== 'certain';
}

/** The description beside a checked claim: its verdict, and its confidence when not certain. */
export function claimDescription(claim: ClaimItem): string {
  const verdict = verdictLook(claim.verdict).label;
  return isUncertain(claim) ? `${verdict} · ${claim.confidence} reading` : verdict;
}

/** The tooltip of a claim, as plain lines: how it was read, the other readings, why it was not read. */
export function claimTooltip(claim: ClaimItem): string {
  if (claim.kind === 'unread') return `Not read${claim.why ? ` (${claim.why})` : ''}: the sentence names a mineral but yields no claim to check.`;
  const lines = [`${claim.kind} · ${verdictLook(claim.verdict).label}`];
  if (claim.reading) lines.push(`Read as: ${claim.reading} (${claim.confidence ?? 'certain'})`);
  if (isUncertain(claim) && claim.alternatives?.length) lines.push(['Other readings:', ...claim.alternatives.map((a) => `- ${a}`)].join('\n'));
  if (claim.explanation) lines.push(claim.explanation);
  if (claim.problems.length > 0) lines.push(`Problems: ${claim.problems.join(', ')}`);
  return lines.join('\n\n');
}

/** The status bar text: dataset version and the brief's as-of date. */
export function statusText(result: Pick<ClaimsResult, 'asOf' | 'datasetVersion' | 'asOfSource'>): string {
  const version = result.datasetVersion ? `data ${result.datasetVersion}` : 'no data';
  return `$(law) briefcheck · ${version} · as of ${result.asOf}`;
}

/** Counts of checked claims by verdict, worst first; unread sentences are counted apart, not as verdicts. */
export function summary(result: ClaimsResult): string {
  const { checked, unread } = groupClaims(result);
  const counts = new Map<string, number>();
  for (const c of checked) counts.set(c.verdict, (counts.get(c.verdict) ?? 0) + 1);
  const parts = [...counts.entries()].sort((a, b) => verdictLook(a[0]).rank - verdictLook(b[0]).rank).map(([v, n]) => `${n} ${verdictLook(v).label}`);
  const verdicts = parts.length > 0 ? parts.join(', ') : 'no checkable claims';
  return unread.length > 0 ? `${verdicts} · ${unread.length} not read` : verdicts;
}
