// Plain-text formatting of dataset records for the editor: values with their qualifiers, source
// links and citations in a brief's own style. Pure functions over the dataset's types.

import type { Dataset, Observation, Source, SourceRef } from '../dataset/types';

/** A source as the editor shows it: enough to render a link and a footnote. */
export interface SourceLink {
  id: string;
  title: string;
  publisher: string;
  url: string;
  published: string | null;
}

/** "63%", ">50%", "about 1,200 t", "net exporter". */
export function formatValue(observation: Pick<Observation, 'value' | 'qualifier' | 'unit'>): string {
  if (observation.qualifier === 'net-exporter' || observation.value === null) return 'net exporter';
  const number = observation.value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  const unit = observation.unit === '%' ? '%' : ` ${observation.unit}`;
  const prefix = observation.qualifier === '>' ? '>' : observation.qualifier === '<' ? '<' : observation.qualifier === '~' ? '~' : '';
  return `${prefix}${number}${unit}`;
}

export function sourceLinks(dataset: Dataset, refs: readonly SourceRef[]): SourceLink[] {
  const seen = new Set<string>();
  const links: SourceLink[] = [];
  for (const ref of refs) {
    if (seen.has(ref.source)) continue;
    seen.add(ref.source);
    const source = dataset.source(ref.source);
    if (source) links.push(toLink(source));
  }
  return links;
}

function toLink(source: Source): SourceLink {
  return { id: source.id, title: source.title, publisher: source.publisher, url: source.url, published: source.published };
}

/** A Markdown link to the source, with publisher and date. */
export function markdownSource(link: SourceLink): string {
  const date = link.published ? `, ${link.published}` : '';
  return `[${escapeLinkText(link.title)}](${link.url}) (${link.publisher}${date})`;
}

function escapeLinkText(text: string): string {
  return text.replace(/([[\]])/g, '\\$1');
}

/** A footnote label made from a source id: letters, digits and dashes only. */
export function footnoteLabel(sourceId: string): string {
  return sourceId.replace(/[^A-Za-z0-9_-]+/g, '-');
}

export function footnoteDefinition(label: string, link: SourceLink): string {
  return `[^${label}]: ${markdownSource(link)}.`;
}

/** Footnote labels the text already defines. */
export function definedFootnotes(text: string): Set<string> {
  const labels = new Set<string>();
  for (const m of text.matchAll(/^[ \t]{0,3}\[\^([^\]\s]+)\]:/gm)) labels.add(m[1]!);
  return labels;
}

/** True when the brief cites with footnotes; otherwise new citations are inline links. */
export function usesFootnotes(text: string): boolean {
  return definedFootnotes(text).size > 0;
}

/**
 * The edit that appends footnote definitions at the end of the text, separated by a blank line,
 * skipping labels the text already defines.
 */
export function appendFootnotes(text: string, definitions: ReadonlyArray<{ label: string; link: SourceLink }>): { offset: number; text: string } | undefined {
  const existing = definedFootnotes(text);
  const fresh = new Map<string, string>();
  for (const d of definitions) if (!existing.has(d.label) && !fresh.has(d.label)) fresh.set(d.label, footnoteDefinition(d.label, d.link));
  if (fresh.size === 0) return undefined;
  const body = [...fresh.values()].join('\n');
  const endsWithFootnote = /^[ \t]{0,3}\[\^[^\]\s]+\]:.*\n?$/m.test(lastLine(text));
  const lead = text.length === 0 ? '' : text.endsWith('\n') ? (endsWithFootnote ? '' : '\n') : endsWithFootnote ? '\n' : '\n\n';
  return { offset: text.length, text: `${lead}${body}\n` };
}

function lastLine(text: string): string {
  const trimmed = text.endsWith('\n') ? text.slice(0, -1) : text;
  return trimmed.slice(trimmed.lastIndexOf('\n') + 1);
}
