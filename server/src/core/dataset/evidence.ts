// How much a value can be trusted follows from its sources: each source has a tier, a value's
// confidence is derived from the tiers of the sources behind it, and its source references are
// ordered best first (primary, then authoritative, then weak; newest first within a tier) so that
// every message, hover and fix that cites "the source" cites the best one.

import type { Confidence, DatasetFiles, Observation, Source, SourceRef, SourceTier, StatusEvent } from './types';

const TIER_RANK: Record<SourceTier, number> = { primary: 0, authoritative: 1, weak: 2 };
const CONFIDENCE_RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

/** A source without a recognised tier (an unvalidated record) counts as weak. */
export function tierOf(source: Source | undefined): SourceTier {
  return source && source.tier in TIER_RANK ? source.tier : 'weak';
}

/**
 * Confidence from the sources behind a value: any primary source, or two authoritative sources from
 * different publishers, is `high`; one authoritative publisher is `medium`; weak sources alone are `low`.
 */
export function confidenceFrom(refs: readonly SourceRef[], sources: ReadonlyMap<string, Source>): Confidence {
  const authoritative = new Set<string>();
  for (const ref of refs) {
    const source = sources.get(ref.source);
    const tier = tierOf(source);
    if (tier === 'primary') return 'high';
    if (tier === 'authoritative') authoritative.add(source!.publisher.toLowerCase());
  }
  return authoritative.size >= 2 ? 'high' : authoritative.size === 1 ? 'medium' : 'low';
}

export function lowerConfidence(a: Confidence, b: Confidence | undefined): Confidence {
  return b !== undefined && CONFIDENCE_RANK[b] < CONFIDENCE_RANK[a] ? b : a;
}

/** References best first: by tier, then newest publication first; otherwise in their listed order. */
export function bestFirst(refs: readonly SourceRef[], sources: ReadonlyMap<string, Source>): SourceRef[] {
  const key = (ref: SourceRef) => {
    const source = sources.get(ref.source);
    return { tier: TIER_RANK[tierOf(source)], published: source?.published ?? '' };
  };
  return refs
    .map((ref, index) => ({ ref, index, ...key(ref) }))
    .sort((a, b) => a.tier - b.tier || (a.published < b.published ? 1 : a.published > b.published ? -1 : 0) || a.index - b.index)
    .map((entry) => entry.ref);
}

function withEvidence<T extends { sources: SourceRef[] }>(record: T, sources: ReadonlyMap<string, Source>): T {
  return { ...record, sources: bestFirst(record.sources, sources) };
}

function observationWithEvidence(o: Observation, sources: ReadonlyMap<string, Source>): Observation {
  return { ...withEvidence(o, sources), confidence: lowerConfidence(confidenceFrom(o.sources, sources), o.maxConfidence) };
}

function eventWithEvidence(e: StatusEvent, sources: ReadonlyMap<string, Source>): StatusEvent {
  return { ...withEvidence(e, sources), confidence: confidenceFrom(e.sources, sources) };
}

/** The files with every confidence derived and every source list ordered best first. */
export function applyEvidence(files: DatasetFiles): DatasetFiles {
  const sources = new Map(files.sources.map((s) => [s.id, s]));
  return {
    ...files,
    observations: files.observations.map((o) => observationWithEvidence(o, sources)),
    measures: files.measures.map((m) => ({
      ...withEvidence(m, sources),
      confidence: confidenceFrom(m.sources, sources),
      events: m.events.map((e) => eventWithEvidence(e, sources)),
    })),
    minerals: files.minerals.map((m) => (m.sources ? withEvidence({ ...m, sources: m.sources }, sources) : m)),
  };
}
