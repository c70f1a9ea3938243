// Which figure metrics the dataset measures, and an alternative reading in words (for the claims
// list, hovers and the Claims view).

import type { Metric } from '../dataset/types';
import type { Alternative, FigureMetric } from '../types';

const datasetMetrics: ReadonlySet<string> = new Set<Metric>(['net_import_reliance', 'import_share', 'import_sources', 'world_production_share', 'demand', 'export_share', 'exports', 'imports']);

/** True for the metrics the dataset holds observations of; other figures are read, never judged. */
export function isDatasetMetric(metric: FigureMetric | undefined): metric is Metric {
  return metric !== undefined && datasetMetrics.has(metric);
}

/** The metrics a figure is checked on: the dataset's shares, reliance and demand. */
export const CORE_METRICS: ReadonlySet<FigureMetric> = new Set<FigureMetric>(['import_share', 'net_import_reliance', 'world_production_share', 'processing_share', 'demand']);

const metricWords: Record<string, string> = {
  import_share: 'share of US imports',
  net_import_reliance: 'US net import reliance',
  world_production_share: 'share of world production',
  processing_share: 'share of world processing',
  demand: 'demand',
};

/** "share of US imports from CN, 2020–23: verified" */
export function describeAlternative(a: Alternative): string {
  const parts = [a.destination ? `control for exports to ${a.destination === 'all' ? 'all destinations' : a.destination}` : metricWords[a.metric ?? ''] ?? a.metric?.replace(/_/g, ' ') ?? 'figure'];
  if (a.partner) parts.push(`from ${a.partner}`);
  if (a.reporter && a.reporter !== 'US' && a.reporter !== 'world') parts.push(`(${a.reporter})`);
  const head = parts.join(' ');
  return `${head}${a.period ? `, ${a.period.text}` : ''}: ${a.verdict}`;
}
