// Markdown for hover cards, from the plain data in hover-card.ts. Kept apart from the data so the
// data can also feed other views (the Claims view, tests) without parsing Markdown.

import type { FigureCard, FigureFact, MeasureFact, MineralCard } from './hover-card';
import type { StatusValue } from '../dataset/types';
import { markdownSource } from './format';

const groupNames: Record<string, string> = {
  'rare-earths': 'rare earths',
  'light-rare-earth': 'light rare earth',
  'medium-rare-earth': 'medium rare earth',
  'heavy-rare-earth': 'heavy rare earth',
  battery: 'battery mineral',
  'strategic-metal': 'strategic metal',
  industrial: 'industrial mineral',
  'item-group': 'item group',
};

export function statusPhrase(status: StatusValue, destinations: Record<string, StatusValue>): string {
  const all = status === 'none' ? 'no export controls' : status === 'unknown' ? 'unknown' : `${status} (all destinations)`;
  const named = Object.entries(destinations)
    .filter(([, s]) => s !== status)
    .map(([country, s]) => `${s === 'none' ? 'no controls' : s} for ${country}`);
  return [all, ...named].join('; ');
}

/** Dataset names are lower case ("gallium"); a heading or table cell starts with a capital. */
export function displayName(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function measureLine(m: MeasureFact): string {
  const name = m.url ? `[${m.instrument}](${m.url})` : m.instrument;
  const endUse = m.endUse ? ` (${m.endUse} end use)` : '';
  const scope = (m.destination === 'all' ? 'all destinations' : `to ${m.destination}`) + endUse;
  const effective = m.effective ? `effective ${m.effective}` : 'never took effect';
  const state = m.state === 'suspended' && m.until ? `suspended until ${m.until}` : m.state.replace(/-/g, ' ');
  return `- ${name}: ${m.type}, ${scope}, announced ${m.announced}, ${effective} — **${state}**`;
}

function figureLine(label: string, f: FigureFact): string {
  const scope = f.scope ? `, ${f.scope}` : '';
  const cite = f.sources[0] ? ` — [${f.sources[0].title}](${f.sources[0].url})` : '';
  return `**${label}:** ${f.value} (${f.period}${scope})${cite}`;
}

export function renderMineralCard(card: MineralCard): string {
  const symbol = card.symbol ? ` (${card.symbol})` : '';
  const parts: string[] = [`### ${displayName(card.name)}${symbol}`, `*${groupNames[card.group] ?? card.group}*`];
  const confirmed = card.confirmedThrough ? ` — last confirmed ${card.confirmedThrough}; nothing later was seen` : '';
  parts.push(`**Controls on ${card.asOf}:** ${statusPhrase(card.status, card.destinations)}${confirmed}`);
  if (card.note) parts.push(card.note);
  if (card.measures.length > 0) parts.push(card.measures.map(measureLine).join('\n'));
  if (card.changes.length > 0) {
    parts.push(`**Changed since ${card.asOf}:**\n` + card.changes.map((c) => `- ${c.date}: ${c.description} (${c.measure})`).join('\n'));
  } else if (card.asOf < card.changesUntil) {
    parts.push(`No status change between ${card.asOf} and ${card.changesUntil}.`);
  }
  const figures: string[] = [];
  if (card.netImportReliance) figures.push(figureLine('US net import reliance', card.netImportReliance));
  if (card.chinaImportShare) figures.push(figureLine("China's share of US imports", card.chinaImportShare));
  if (card.newerChinaImportShare) figures.push(figureLine('Newer, published after the brief', card.newerChinaImportShare));
  if (card.unconfirmedChinaImportShare) figures.push(figureLine("China's share of US imports, unconfirmed (weak sources only; not used for checking)", card.unconfirmedChinaImportShare));
  if (figures.length > 0) parts.push(figures.join('  \n'));
  if (card.sources.length > 0) parts.push('Sources: ' + card.sources.map(markdownSource).join(' · '));
  return parts.join('\n\n');
}

const verdictNames: Record<string, string> = {
  verified: 'verified',
  stale: 'stale',
  mismatch: 'does not match the record',
  wrong: 'wrong',
  changed: 'status changed since',
  unknown: 'unknown on that date',
  unverifiable: 'unverifiable',
};

export function renderFigureCard(card: FigureCard): string {
  const parts = [`**Claim:** ${card.claim}`];
  if (card.reading) parts.push(`**Read as:** ${card.reading} (${card.confidence})`);
  if (card.alternatives.length > 0) parts.push('**Other readings:**\n' + card.alternatives.map((a) => `- ${a}`).join('\n'));
  parts.push(`**Verdict:** ${verdictNames[card.verdict] ?? card.verdict} (checked on ${card.checkedOn})`);
  if (card.explanation) parts.push(card.explanation);
  if (card.observation) {
    const o = card.observation;
    const scope = o.scope ? `, ${o.scope}` : '';
    parts.push(`**Checked against:** ${o.value} (${o.period}${scope}), published ${o.published}`);
    if (o.sources.length > 0) parts.push('Sources: ' + o.sources.map(markdownSource).join(' · '));
  } else if (card.unconfirmed) {
    const o = card.unconfirmed;
    const scope = o.scope ? `, ${o.scope}` : '';
    parts.push(`**Unconfirmed (weak sources only; not used for checking):** ${o.value} (${o.period}${scope}), published ${o.published}`);
    if (o.sources.length > 0) parts.push('Sources: ' + o.sources.map(markdownSource).join(' · '));
  }
  return parts.join('\n\n');
}
