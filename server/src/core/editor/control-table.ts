// The control-status table the editor inserts for the minerals a brief mentions, as of its date,
// with each measure's sources as footnotes. Returns text edits over the original text.

import type { Claim, IsoDate, TextEdit } from '../types';
import type { Dataset } from '../dataset/types';
import { appendFootnotes, footnoteLabel, sourceLinks, type SourceLink } from './format';
import { displayName, statusPhrase } from './render-card';

/** Mineral ids in the order the brief first names them. */
export function mentionedMinerals(claims: readonly Claim[]): string[] {
  // A set keeps first-seen order: the editor asks after every check of a brief of thousands of claims.
  const seen = new Set<string>();
  for (const claim of claims) for (const m of claim.minerals) seen.add(m);
  return [...seen];
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The table's Markdown and the footnotes its rows cite. */
export function controlTable(dataset: Dataset, minerals: readonly string[], asOf: IsoDate): { table: string; footnotes: Array<{ label: string; link: SourceLink }> } {
  const footnotes: Array<{ label: string; link: SourceLink }> = [];
  const rows = [`| Mineral | Status on ${asOf} | Measures |`, '| --- | --- | --- |'];
  for (const id of minerals) {
    const mineral = dataset.mineral(id);
    if (!mineral) continue;
    const status = dataset.statusOn(id, asOf);
    const measures = status.clauses.map((c) => {
      // One source per measure: the table cites, the hover card has the rest.
      const links = sourceLinks(dataset, c.measure.sources.slice(0, 1));
      for (const link of links) footnotes.push({ label: footnoteLabel(link.id), link });
      const refs = links.map((l) => `[^${footnoteLabel(l.id)}]`).join('');
      const scope = (c.clause.destination === 'all' ? '' : ` to ${c.clause.destination}`) + (c.clause.endUse ? `, ${c.clause.endUse} end use` : '');
      const state = c.state === 'suspended' && c.event?.until ? `suspended until ${c.event.until}` : c.state.replace(/-/g, ' ');
      return `${c.measure.shortName} (${c.clause.type}${scope}, ${state})${refs}`;
    });
    const name = displayName(mineral.symbol ? `${mineral.name} (${mineral.symbol})` : mineral.name);
    const unique = [...new Set(measures)];
    rows.push(`| ${cell(name)} | ${cell(statusPhrase(status.status, status.destinations))} | ${cell(unique.join('; ') || '—')} |`);
  }
  return { table: rows.join('\n'), footnotes };
}

/**
 * Edits that insert the table at `offset` (moved to the start of its line) as its own block, and
 * append the footnotes the text does not define yet. Undefined when no mineral is known.
 */
export function controlTableEdits(text: string, offset: number, dataset: Dataset, minerals: readonly string[], asOf: IsoDate): TextEdit[] | undefined {
  const known = minerals.filter((m) => dataset.mineral(m));
  if (known.length === 0) return undefined;
  const { table, footnotes } = controlTable(dataset, known, asOf);
  const at = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const lineStart = offset === 0 ? 0 : at;
  const before = text.slice(0, lineStart);
  const lead = before.length === 0 || before.endsWith('\n\n') ? '' : '\n';
  const after = text.slice(lineStart);
  const trail = after.length === 0 || after.startsWith('\n') ? '\n' : '\n\n';
  const edits: TextEdit[] = [{ range: { start: lineStart, end: lineStart }, text: `${lead}${table}${trail}` }];
  const notes = appendFootnotes(text, footnotes);
  if (notes) edits.push({ range: { start: notes.offset, end: notes.offset }, text: notes.text });
  return edits;
}
