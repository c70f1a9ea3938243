// Names records and sources in words for rule messages: "China's share of US imports of antimony
// (oxide)", "MOFCOM Announcement No. 72 of 2025", "USGS, Mineral Commodity Summaries 2025".

import type { Dataset, Measure, Observation, SourceRef } from '../dataset/types';
import type { Claim } from '../types';

const countries: Record<string, string> = { CN: 'China', US: 'the US', JP: 'Japan' };

export function place(code: string | undefined): string {
  if (!code) return '';
  return countries[code] ?? code;
}

export function mineralName(dataset: Dataset, id: string): string {
  return dataset.mineral(id)?.name.toLowerCase() ?? id;
}

export function mineralList(dataset: Dataset, ids: readonly string[]): string {
  const names = ids.map((id) => mineralName(dataset, id));
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function describeObservation(dataset: Dataset, obs: Observation): string {
  const mineral = mineralName(dataset, obs.mineral) + (obs.scope ? ` (${obs.scope})` : '');
  const reporter = obs.reporter === 'world' ? 'world' : obs.reporter === 'US' ? 'US' : obs.reporter;
  switch (obs.metric) {
    case 'import_share':
      return `${place(obs.partner) || 'the partner'}'s share of ${reporter} imports of ${mineral}`;
    case 'net_import_reliance':
      return `${reporter} net import reliance on ${mineral}`;
    case 'world_production_share':
      return `${place(obs.partner) || 'the leading producer'}'s share of world ${mineral} production`;
    case 'demand':
      return `${reporter === 'world' ? 'global' : reporter} demand for ${mineral}`;
    default:
      return `${obs.metric.replace(/_/g, ' ')} of ${mineral}`;
  }
}

/**
 * The best source behind a value in words (the dataset lists each value's sources best first). When
 * someone else stated the figure, they are named first: "USGS, Mineral Commodity Summaries 2026, as
 * reported by E&E News, …".
 */
export function describeSources(dataset: Dataset, refs: readonly SourceRef[], statedBy?: string): string {
  const first = refs[0];
  if (!first) return 'no source recorded';
  const source = dataset.source(first.source);
  if (!source) return first.source;
  const cited = `${source.publisher}, ${source.title}`;
  return statedBy && !source.publisher.toLowerCase().includes(statedBy.split(/[ ,(]/)[0]!.toLowerCase()) ? `${statedBy}, as reported by ${cited}` : cited;
}

export function formatNumber(value: number): string {
  const [whole, fraction] = String(value).split('.');
  const grouped = Math.abs(value) >= 1000 ? whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole!;
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** An observation's value in words ("more than 50%", "1,200 t", "net exporter"). */
export function formatObservedValue(obs: Observation, withUnit = true): string {
  if (obs.value === null) return 'net exporter';
  const unit = !withUnit ? '' : obs.unit === '%' ? '%' : ` ${obs.unit}`;
  const prefix = obs.qualifier === '>' ? 'more than ' : obs.qualifier === '<' ? 'less than ' : obs.qualifier === '~' ? 'about ' : '';
  return `${prefix}${formatNumber(obs.value)}${unit}`;
}

/** A claim's value as written, with its period ("63% for January–November 2024"). */
export function describeClaimedFigure(claim: Claim, text: string): string {
  const range = claim.hedgeRange ?? claim.valueRange;
  const written = range ? text.slice(range.start, range.end) : String(claim.value);
  const unit = claim.unit === '%' ? (/\d$/.test(written) ? '%' : '') : ` ${claim.unit ?? ''}`;
  return `${written}${unit}${claim.period ? ` for ${claim.period.text}` : ''}`;
}

/** The instrument without its parenthetical title ("MOFCOM Announcement No. 72 of 2025"). */
export function measureName(measure: Measure): string {
  return measure.instrument.replace(/\s*\([^)]*\)\s*$/, '').trim() || measure.shortName;
}
