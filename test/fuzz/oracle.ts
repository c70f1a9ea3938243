// What must hold for every brief, however mangled: checking never throws; it takes at most 2 s per
// 100 KB; the command line's check (checkBrief) and the editor's (the incremental checker) report
// the same problems; and --fix settles: applied until nothing changes, a second run changes nothing.
import { fixUntilSettled } from '../../server/src/cli/engine';
import { checkBrief } from '../../server/src/core/check';
import type { Dataset } from '../../server/src/core/dataset/types';
import { createIncrementalChecker } from '../../server/src/core/incremental/index';
import type { BriefResult, CheckOptions } from '../../server/src/core/types';

export const options: CheckOptions = { config: { rules: {}, data: [], include: [], exclude: [] }, today: '2026-11-28' };

/**
 * The time a check may take: 2 s per 100 KB, and 2 s for anything smaller, times `slack` (the
 * suite allows for a machine busy with other work; the campaign does not).
 */
export const budgetMs = (text: string, slack = 1) => 2000 * slack * Math.max(1, text.length / 100_000);

export type Finding = 'crash' | 'slow' | 'cli-server-differ' | 'fix-not-idempotent';

export interface Verdict {
  findings: { kind: Finding; detail: string }[];
  ms: number;
  bytes: number;
  fixed: boolean;
}

const shape = (r: BriefResult) => JSON.stringify([r.asOf, r.problems.map((p) => [p.ruleId, p.range.start, p.range.end, p.message, p.fix ?? null])]);

export async function examine(text: string, dataset: Dataset, slack = 1): Promise<Verdict> {
  const findings: Verdict['findings'] = [];
  const verdict: Verdict = { findings, ms: 0, bytes: Buffer.byteLength(text), fixed: false };
  let full: BriefResult;
  try {
    const t0 = performance.now();
    full = checkBrief(text, dataset, options);
    verdict.ms = performance.now() - t0;
  } catch (error) {
    findings.push({ kind: 'crash', detail: `checkBrief: ${(error as Error).stack ?? error}` });
    return verdict;
  }
  if (verdict.ms > budgetMs(text, slack)) findings.push({ kind: 'slow', detail: `${verdict.ms.toFixed(0)} ms for ${text.length} characters` });
  try {
    const editor = createIncrementalChecker().check(text, dataset, options);
    if (shape(editor) !== shape(full)) findings.push({ kind: 'cli-server-differ', detail: `check: ${shape(full).slice(0, 300)}\neditor: ${shape(editor).slice(0, 300)}` });
  } catch (error) {
    findings.push({ kind: 'crash', detail: `incremental check: ${(error as Error).stack ?? error}` });
  }
  try {
    const fixed = await fixUntilSettled(text, full, async (t) => checkBrief(t, dataset, options));
    verdict.fixed = fixed.text !== text;
    if (!fixed.settled) findings.push({ kind: 'fix-not-idempotent', detail: 'the fixes still change the text after the last pass' });
  } catch (error) {
    findings.push({ kind: 'crash', detail: `fix: ${(error as Error).stack ?? error}` });
  }
  return verdict;
}
