// status-unknown: a control claim whose status the dataset cannot know on the as-of date, because
// the records schedule a change (a suspension's end, an effective date) that no later record confirms.

import type { Dataset } from '../dataset/types';
import type { Claim, IsoDate, RecordRef } from '../types';
import type { ControlEvidence } from '../verdicts/types';
import { defineRule } from './define-rule';
import { mineralList } from './describe';
import { claimedWords, clauseRecord, explainingClause } from './control-words';

interface Described {
  record?: RecordRef;
  data: { claimed: string; asOf: string; minerals: string; reason: string; record: string; source: string };
}

/**
 * The report's words depend only on the evidence (never changed once made), the claimed control
 * and minerals, the as-of date and the dataset. The editor keeps one evidence object per unchanged
 * claim between keystrokes, so its words are made once; every input is compared before reuse.
 */
const described = new WeakMap<ControlEvidence, { claimed: Claimed; asOf: IsoDate; dataset: Dataset; described: Described }>();

/** What the words take from the claim. */
type Claimed = Pick<NonNullable<Claim['control']>, 'type' | 'destination'> & { minerals: readonly string[] };

const claimedOf = (claim: Claim): Claimed => ({ type: claim.control?.type ?? 'none', destination: claim.control?.destination, minerals: claim.minerals });

function sameClaimed(a: Claimed, b: Claimed): boolean {
  return a.type === b.type && a.destination === b.destination && a.minerals.length === b.minerals.length && a.minerals.every((m, i) => m === b.minerals[i]);
}

function describe(claim: Claim, control: ControlEvidence, asOf: IsoDate, dataset: Dataset): Described {
  const first = control.unknownOnAsOf[0]!;
  const clause = explainingClause(first.status, claim.control?.destination ?? 'all');
  const reason = first.status.note ?? 'no record covers that date';
  return {
    ...(clause ? { record: { kind: 'measure' as const, id: clause.measure.id, sources: clause.measure.sources.map((s) => s.source) } } : {}),
    data: {
      claimed: claimedWords(claim, dataset),
      asOf,
      minerals: mineralList(dataset, control.unknownOnAsOf.map((u) => u.mineral)),
      reason: reason.replace(/\.$/, '').replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase()),
      ...clauseRecord(dataset, clause),
    },
  };
}

export default defineRule({
  id: 'status-unknown',
  meta: {
    description: 'A status that the dataset cannot know on the as-of date',
    defaultSeverity: 'info',
    fixable: false,
    messages: {
      unknown: 'The status behind {claimed} cannot be known on {asOf} for {minerals}: {reason}; last record {record} ({source}).',
    },
    defaultOptions: {},
  },
  check(brief, context) {
    brief.claims.forEach((claim, index) => {
      const control = brief.evidence[index]?.control;
      if (claim.kind !== 'control' || !control || control.unknownOnAsOf.length === 0) return;
      const known = described.get(control);
      let words: Described;
      const claimed = claimedOf(claim);
      if (known && known.asOf === brief.asOf && known.dataset === context.dataset && sameClaimed(known.claimed, claimed)) {
        words = known.described;
      } else {
        words = describe(claim, control, brief.asOf, context.dataset);
        described.set(control, { claimed, asOf: brief.asOf, dataset: context.dataset, described: words });
      }
      context.report({ messageId: 'unknown', claim: index, ...(words.record ? { record: words.record } : {}), data: words.data });
    });
  },
});
