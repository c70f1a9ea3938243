// Claims in table rows: the header names what each column means (a control type or status, a
// metric with its period, a period column) and the row's label cell names the mineral, so every
// status cell and figure cell is a claim read with its header's meaning.

import type { Dataset } from '../dataset/types';
import type { FigureMetric, Hedge, Range } from '../types';
import { findActors } from './actors';
import type { Mention } from './lexicon';
import { findTimes } from './periods';
import { findQuantities } from './quantities';
import { typeOf } from './control-type';
import { specific } from './control-phrases';
import type { SentenceClaim } from './types';
import { distinctMinerals, readView } from './view';

const controlHeader = /control|status|measure|regime|restriction|treatment|licen[cs]|\bban\b/i;
const hypotheticalHeader = /\b(?:propos\w*|plann\w*|possible|potential|threat\w*|scenario|option|expected|forecast|candidate|risk)\b/i;
const qualifiedCell = /\b(?:propos\w*|plann\w*|threat\w*|rumou?r\w*|possible|potential|pending|scheduled|military|end[-\s]?users?|entit(?:y|ies)|technolog\w*|partial|some|certain)\b|\?/i;
const periodHeader = /^\s*(?:period|years?|dates?|time|covering)\s*$/i;
// A table in long form names the metric in a cell ("| Antimony | Net import reliance | 85% | 2024 |").
const metricNameHeader = /^\s*(?:figure|metric|indicator|statistic|series|measure\s+of\s+dependence)\s*$/i;
const valueHeader = /^\s*(?:value|share|level|amount|%|percent|figure)\s*$/i;
const foreignLabel = /^\s*(?:Japan|EU|European Union|Korea|South Korea|Taiwan|India|Australia|Canada|UK|Germany|France|Netherlands|Russia|Indonesia|Vietnam|Brazil|Congo|DRC)\s*$/i;
const blockingLeads = new Set(['since', 'from', 'until', 'by', 'before', 'after', 'between', 'through', 'over']);

function headerMetric(header: string): { metric: FigureMetric; partner?: string; reporter: string } | undefined {
  const h = header.toLowerCase();
  const owner = findActors(header).find((a) => a.code !== 'US');
  const china = owner?.code === 'CN';
  if (/reliance|import[-\s]dependen/.test(h)) return { metric: 'net_import_reliance', reporter: 'US' };
  if (/import/.test(h) && /share|from|supplied|source/.test(h)) return { metric: 'import_share', reporter: 'US', ...(china ? { partner: 'CN' } : {}) };
  if (/refin|process|separat|smelt/.test(h)) return { metric: 'processing_share', reporter: 'world', ...(owner ? { partner: owner.code } : {}) };
  if (/output|production|mine|mined/.test(h) && /world|global|share/.test(h)) return { metric: 'world_production_share', reporter: 'world', ...(owner ? { partner: owner.code } : {}) };
  if (/demand|consumption/.test(h)) return { metric: 'demand', reporter: 'world' };
  return undefined;
}

/** A cell that names only a country other than China ("United States", "Japan"). */
function isForeignCell(cell: string): boolean {
  const trimmed = cell.trim();
  const actors = findActors(trimmed);
  return actors.length === 1 && actors[0]!.code !== 'CN' && actors[0]!.range.end - actors[0]!.range.start >= trimmed.replace(/^the\s+/i, '').length - 1;
}

function headerTime(header: string): { start: string; end: string } | undefined {
  const times = findTimes(header).filter((t) => !blockingLeads.has(t.lead));
  return times.length === 1 ? times[0] : undefined;
}

function cellText(text: string, cell: Range): string {
  return text.slice(cell.start, cell.end);
}

interface HeaderMeaning {
  hypothetical: boolean;
  control: boolean[];
  metric: (ReturnType<typeof headerMetric>)[];
  time: (ReturnType<typeof headerTime>)[];
  period: boolean[];
  /** Long form: the column naming each row's metric, and the column of its value (or -1). */
  nameColumn: number;
  valueColumn: number;
}

// Every row of a table shares its header array: its meaning is read once per table.
const headerMeanings = new WeakMap<readonly string[], HeaderMeaning>();

function meaningOf(header: readonly string[]): HeaderMeaning {
  let meaning = headerMeanings.get(header);
  if (!meaning) {
    meaning = {
      hypothetical: header.some((h) => hypotheticalHeader.test(h)),
      control: header.map((h) => controlHeader.test(h)),
      metric: header.map((h) => headerMetric(h)),
      time: header.map((h) => headerTime(h)),
      period: header.map((h) => periodHeader.test(h)),
      nameColumn: header.findIndex((h) => metricNameHeader.test(h)),
      valueColumn: -1,
    };
    const names = meaning.nameColumn;
    meaning.valueColumn = names < 0 ? -1 : header.findIndex((h, i) => i !== names && valueHeader.test(h));
    headerMeanings.set(header, meaning);
  }
  return meaning;
}

export function readTableRow(text: string, cells: readonly Range[], header: readonly string[], mentions: readonly Mention[], dataset: Dataset): SentenceClaim[] {
  const meaning = meaningOf(header);
  if (meaning.hypothetical) return [];
  if (cells.some((cell) => foreignLabel.test(cellText(text, cell)) || isForeignCell(cellText(text, cell)))) return [];
  const out: SentenceClaim[] = [];
  const controlColumns = cells.map((_, i) => meaning.control[i] ?? false).map((b, i) => (b ? i : -1)).filter((i) => i >= 0);
  const metricColumns = new Set(cells.map((_, i) => (meaning.metric[i] ? i : -1)).filter((i) => i >= 0));
  const labelCells = cells.map((_, i) => i).filter((i) => !controlColumns.includes(i) && !metricColumns.has(i) && !(meaning.period[i] ?? false));
  const rowMentions = distinctMinerals(mentions.filter((m) => labelCells.some((i) => m.range.start >= cells[i]!.start && m.range.end <= cells[i]!.end)));
  const minerals = specific(rowMentions, dataset);
  if (minerals.length === 0) return [];
  const rowRange = { start: cells[0]!.start, end: cells[cells.length - 1]!.end };

  // Control status: the measure column gives the type, a status column may say it is in force,
  // suspended (for all or for one destination) or absent.
  if (controlColumns.length > 0) {
    let base: { type: 'licensing' | 'ban' | 'none'; destination: string; date?: { start: string; end: string } } | undefined;
    const found: { type: string; destination: string; date?: { start: string; end: string } }[] = [];
    for (const i of controlColumns) {
      const cell = cells[i]!;
      const raw = cellText(text, cell).trim();
      if (!raw || /^[—–-]+$/.test(raw)) continue;
      if (/^(?:none|no\s+(?:export\s+)?controls?|not\s+controlled|uncontrolled|none\s+found)\b/i.test(raw)) {
        base ??= { type: 'none', destination: 'all' };
        continue;
      }
      const date = /status|as\s+of|on\b/i.test(header[i] ?? '') ? meaning.time[i] : undefined;
      for (const part of raw.split(/\s*;\s*/)) {
        const start = cell.start + raw.indexOf(part);
        if (qualifiedCell.test(part)) continue;
        const view = readView(text, { start, end: start + part.length }, []);
        const typed = typeOf(view, view.range);
        const toUs = /\b(?:US|U\.S\.|United\s+States)\b/.test(part);
        if (/^(?:in\s+force|active|applies|applied|effective|yes|required)\b/i.test(part) && !typed) {
          found.push({ type: base?.type ?? 'licensing', destination: 'all', ...(date ? { date } : {}) });
        } else if (typed && (typed.type === 'suspension' || typed.type === 'lifted') ) {
          found.push({ type: typed.type, destination: toUs ? 'US' : 'all', ...(date ? { date } : {}) });
        } else if (/^(?:suspended|paused|lifted)\b/i.test(part)) {
          found.push({ type: /^lifted/i.test(part) ? 'lifted' : 'suspension', destination: toUs ? 'US' : 'all', ...(date ? { date } : {}) });
        } else if (typed && (typed.type === 'ban' || typed.type === 'licensing') && !(typed.alternatives.length && !/licen/i.test(part))) {
          if (!base) base = { type: typed.type, destination: toUs || /\(US(?:\s+only)?\)/i.test(part) ? 'US' : 'all', ...(date ? { date } : {}) };
          else found.push({ type: typed.type, destination: toUs ? 'US' : 'all', ...(date ? { date } : {}) });
        }
      }
    }
    // A status that suspends the measure for everyone replaces the measure's own type.
    const replaces = found.some((f) => (f.type === 'suspension' || f.type === 'lifted') && f.destination === 'all');
    const stated = found.some((f) => f.type === base?.type && f.destination === base?.destination);
    const claims = [...(base && !replaces && !stated ? [{ ...base }] : []), ...found];
    for (const c of claims) {
      out.push({
        draft: {
          kind: 'control',
          minerals: minerals.map((m) => m.mineral),
          control: { type: c.type as 'licensing', destination: c.destination, ...('date' in c && c.date ? { date: c.date.end } : {}) },
          ...('date' in c && c.date ? { dateFrom: c.date.start } : {}),
          confidence: 'certain',
        },
        range: rowRange,
        mentionRanges: minerals.map((m) => m.range),
      });
    }
  }

  // Long form: the metric is named in a cell of the row, the number in the value column.
  const { nameColumn, valueColumn } = meaning;
  if (nameColumn >= 0 && valueColumn >= 0 && cells[nameColumn] && cells[valueColumn]) {
    const nameText = cellText(text, cells[nameColumn]!);
    const column = headerMetric(nameText);
    const cell = cells[valueColumn]!;
    const q = column ? findQuantities(text, cell.start, cell.end).find((x) => x.unit === '%' || (column.metric === 'demand' && x.unit === 't')) : undefined;
    const labelMentions = minerals.filter((m) => m.range.end <= cells[nameColumn]!.start);
    if (column && q && labelMentions.length) {
      const lead = text.slice(cell.start, q.range.start).trim();
      const hedge: Hedge = lead === '>' || lead === '&gt;' ? 'over' : lead === '<' || lead === '&lt;' ? 'under' : lead === '~' ? 'about' : q.hedge;
      const periodIndex = header.findIndex((h) => periodHeader.test(h));
      const time = periodIndex >= 0 && cells[periodIndex] ? findTimes(text, cells[periodIndex]!.start, cells[periodIndex]!.end)[0] : undefined;
      const scope = /\(([^)]+)\)/.exec(nameText)?.[1] ?? /\(([^)]+)\)/.exec(cellText(text, cells[labelCells[0] ?? 0]!))?.[1];
      for (const m of labelMentions) {
        out.push({
          draft: {
            kind: 'figure', minerals: [m.mineral], metric: column.metric, reporter: column.reporter,
            ...(column.partner ? { partner: column.partner } : {}),
            ...(scope ? { scope } : {}),
            value: q.value, decimals: q.decimals, hedge, unit: q.unit,
            ...(time ? { period: { start: time.start, end: time.end, range: time.range } } : {}),
            confidence: 'certain',
          },
          range: { start: m.range.start, end: Math.max(q.range.end, time?.range.end ?? 0) },
          mentionRanges: [m.range],
          valueRange: q.numberRange,
        });
      }
      return out;
    }
  }

  // Figures: each numeric cell under a metric header.
  const periodColumn = cells.findIndex((_, i) => meaning.period[i] ?? false);
  const periodCell = periodColumn >= 0 ? findTimes(text, cells[periodColumn]!.start, cells[periodColumn]!.end)[0] : undefined;
  for (const i of metricColumns) {
    const cell = cells[i]!;
    const column = meaning.metric[i]!;
    const q = findQuantities(text, cell.start, cell.end).find((x) => x.unit === '%' || (column.metric === 'demand' && x.unit === 't'));
    if (!q) continue;
    const lead = text.slice(cell.start, q.range.start).trim();
    const hedge: Hedge = lead === '>' || lead === '&gt;' ? 'over' : lead === '<' || lead === '&lt;' ? 'under' : lead === '~' ? 'about' : q.hedge;
    const time = meaning.time[i] ?? (periodCell ? { start: periodCell.start, end: periodCell.end } : undefined);
    const timeRange = !meaning.time[i] && periodCell ? periodCell.range : undefined;
    const label = minerals.length === 1 ? /\(([^)]+)\)/.exec(cellText(text, cells[labelCells[0] ?? 0]!))?.[1] : undefined;
    for (const m of minerals) {
      out.push({
        draft: {
          kind: 'figure',
          minerals: [m.mineral],
          metric: column.metric,
          reporter: column.reporter,
          ...(column.partner ? { partner: column.partner } : {}),
          ...(label || m.form.kind === 'form' ? { scope: label ?? m.form.text } : {}),
          value: q.value,
          decimals: q.decimals,
          hedge,
          unit: q.unit,
          ...(time && timeRange ? { period: { start: time.start, end: time.end, range: timeRange } } : {}),
          ...(time && !timeRange ? { period: { start: time.start, end: time.end, text: (header[i] ?? '').trim() } } : {}),
          confidence: 'certain',
        },
        range: { start: Math.min(m.range.start, q.range.start), end: Math.max(q.range.end, timeRange?.end ?? 0) },
        mentionRanges: [m.range],
        valueRange: q.numberRange,
      });
    }
  }
  return out;
}
