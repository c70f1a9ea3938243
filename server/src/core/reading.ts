// What the reader took a claim to say, in words, for the claims worklist, hover cards and the Claims
// view: a figure's metric, partner, reporter and period; a control's type, destination and date; a
// count and what it counts. A claim without a confidence was read from its own words: certain.

import type { Claim, ClaimControlType, CountScope, FigureMetric, ReadingConfidence } from './types';

const metricWords: Record<FigureMetric, string> = {
  import_share: 'share of US imports',
  import_sources: 'US import sources',
  net_import_reliance: 'US net import reliance',
  world_production_share: 'share of world production',
  processing_share: 'share of world processing',
  export_share: 'share of exports',
  exports: 'exports',
  imports: 'imports',
  demand: 'demand',
  price: 'price',
  price_change: 'price change',
  export_change: 'change in exports',
  import_change: 'change in imports',
  tariff: 'tariff',
  intensity: 'intensity',
  other: 'a figure the dataset does not measure',
};

const controlWords: Record<ClaimControlType, string> = {
  ban: 'export ban',
  licensing: 'export licensing',
  none: 'no export control',
  suspension: 'suspension of a control',
  lifted: 'control lifted',
  proposed: 'proposed control',
};

const countWords: Record<CountScope, string> = {
  total: 'every controlled mineral',
  'rare-earths': 'the rare earths among them',
  added: 'the minerals one measure added',
  'banned-to-US': 'the minerals banned to the US',
  subset: 'a subset of them',
};

/** The reading's confidence; a claim the reader gave none was read wholly from its own words. */
export function confidenceOf(claim: Pick<Claim, 'confidence'>): ReadingConfidence {
  return claim.confidence ?? 'certain';
}

/** "US net import reliance, 2024", "export ban to US on 2024-12-31", "12 minerals (every controlled mineral)". */
export function describeReading(claim: Claim): string | undefined {
  switch (claim.kind) {
    case 'figure': {
      const parts = [claim.metric ? (metricWords[claim.metric] ?? claim.metric.replace(/_/g, ' ')) : 'figure'];
      if (claim.partner) parts.push(`from ${claim.partner}`);
      if (claim.reporter && claim.reporter !== 'US' && claim.reporter !== 'world') parts.push(`(${claim.reporter})`);
      return `${parts.join(' ')}${claim.period ? `, ${claim.period.text}` : ''}`;
    }
    case 'control': {
      if (!claim.control) return undefined;
      const { type, destination, date } = claim.control;
      const to = destination && destination !== 'all' ? ` to ${destination}` : ', all destinations';
      return `${controlWords[type] ?? type}${to}${date ? `, on ${date}` : ''}`;
    }
    case 'count':
      if (claim.count === undefined) return undefined;
      return `${claim.count} controlled minerals (${countWords[claim.countOf ?? 'total'] ?? claim.countOf})`;
    default:
      return undefined;
  }
}
