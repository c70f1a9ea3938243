// Figure claims, assembled by role rather than word order: each quantity in a sentence is bound to
// a metric (from the cue words of its clause), to the minerals it speaks of (its "of" phrase, the
// subject, a list, "respectively", or the context), to the country whose share it is, to the
// importer whose imports are meant, and to a period. What cannot be bound from the sentence is
// taken from the block's context and the reading is then only "likely".

import type { FigureMetric, Range, ReadingConfidence } from '../types';
import type { BlockContext } from './context';
import type { MetricCue } from './cues';
import type { Quantity } from './quantities';
import type { SentenceClaim } from './types';
import { CORE_METRICS } from './metrics';
import { clauseAt, notAsserted, within, type NotAsserted, type View } from './view';
import { isJoint, pairRespectively, readMinerals, readPartners, readReporter } from './figure-roles';
import { readPeriod, yearBefore } from './figure-periods';

export interface Unread {
  range: Range;
  why: NotAsserted | 'unbound' | 'other-reporter' | 'other-country';
}

// How far (in characters) after its number a metric word may stand and still name the number's metric.
const MAX_CUE_DISTANCE = 60;
const SHARE_METRICS = new Set<FigureMetric>(['import_share', 'world_production_share', 'processing_share', 'export_share']);

// Phrases that say the US imports all it uses: a reliance of 100% written in words.
const allImported = /\brel(?:y|ies|ied)\s+(?:almost\s+)?(?:entirely|wholly|fully|completely|totally|exclusively)\s+on\s+imports\b|\b(?:fully|entirely|wholly|completely|totally)\s+(?:net[-\s]+)?import[-\s]+(?:reliant|dependent)\b|\bimports?\s+(?:all|every\s+\w+)\s+of\s+(?:the\s+|its\s+)?|\b(?:is|are|was|were)\s+(?:entirely|wholly|all)\s+imported\b|\bevery\s+(?:tonne|ton|gram|kilogram|pound|ounce)\s+of\b[^.;]{0,80}?\bimported\b|\bimports\s+(?:now\s+)?(?:cover|meet|supply|account\s+for)\s+all\b/gi;

const changeBefore = /\b(?:rose|risen|rises|rising|fell|fallen|falls|falling|dropped|drops|dropping|declined|declining|jumped|jumping|climbed|climbing|surged|surging|soared|soaring|spiked|rallied|tumbled|sank|dipped|slumped|sliding|plunging|growing|increasing|decreasing|slid|plunged|gained|lost|increased|decreased|grew|(?<!\b(?:made|makes|make|making|summed|sums|adds?|added)\s)up|down)\s+(?:by\s+)?(?:an?\s+)?$/i;
const changeAfter = /^\s*(?:fewer|more|higher|lower|less|below|above|down|up|drop|rise|fall|increase|decrease|decline|jump|gain)\b/i;

// "of 99.99% purity", "99.5%-pure", "a purity of 99.999%": a material's grade, not a figure of its trade.
const purityAfter = /^[-\s]*(?:purity|pure|grade|min(?:imum)?\.?\s+purity|(?:\w+\s+)?content\b)/i;
const purityBefore = /\b(?:purity|grade|pure)\s+(?:of\s+|above\s+|over\s+|at\s+least\s+|exceeding\s+|≥\s*)?$/i;

// "items containing 0.1% or more by value of Chinese rare earths": a content threshold (de minimis).
const thresholdAfter = /^\s*(?:or\s+(?:more|above|higher)\s+)?by\s+(?:value|weight)\b/i;
const thresholdBefore = /\b(?:containing|contains?|incorporating|as\s+little\s+as|de\s+minimis\s+(?:of|threshold\s+of))\s+(?:\S+\s+){0,2}$/i;

function isPurity(view: View, q: Quantity): boolean {
  if (q.unit !== '%') return false;
  const after = view.text.slice(q.range.end, q.range.end + 24);
  const before = view.text.slice(Math.max(view.range.start, q.range.start - 30), q.range.start);
  return purityAfter.test(after) || purityBefore.test(before) || (thresholdAfter.test(after) && thresholdBefore.test(before));
}

function qualitativeReliance(view: View): Quantity[] {
  const out: Quantity[] = [];
  allImported.lastIndex = view.range.start;
  const slice = view.text.slice(0, view.range.end);
  let m: RegExpExecArray | null;
  while ((m = allImported.exec(slice)) !== null) {
    const range = { start: m.index, end: m.index + m[0].trimEnd().length };
    // "relies entirely on imports (100%)": the number is written too; "…all of its gallium and more
    // than half of its germanium" is another figure.
    if (view.quantities.some((q) => q.unit === '%' && q.range.start >= range.start - 12 && q.range.start < range.end + 15 && !/\band\b/i.test(view.text.slice(range.end, q.range.start)))) continue;
    out.push({ value: 100, unit: '%', hedge: 'exact', decimals: 0, inWords: true, numberRange: range, valueRange: range, range });
  }
  // "The US remains a net exporter of molybdenum": a reliance of at most nothing (USGS writes "E").
  netExporter.lastIndex = view.range.start;
  while ((m = netExporter.exec(slice)) !== null) {
    const range = { start: m.index, end: m.index + m[0].length };
    out.push({ value: 0, unit: '%', hedge: 'at-most', decimals: 0, inWords: true, numberRange: range, valueRange: range, range });
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}

const netExporter = /\bnet[-\s]exporter\b/gi;

function changeGoverns(view: View, q: Quantity): boolean {
  return changeBefore.test(view.text.slice(Math.max(view.range.start, q.range.start - 30), q.range.start)) || changeAfter.test(view.text.slice(q.range.end, q.range.end + 20));
}

/** The nearest cue of each kind in the clause, by distance from the quantity. */
function cueDistances(view: View, q: Quantity, clause: Range): Map<MetricCue, number> {
  const out = new Map<MetricCue, number>();
  for (const c of view.metricCues) {
    if (!within(c.range, clause)) continue;
    const d = c.range.start >= q.range.end ? c.range.start - q.range.end : Math.max(0, q.range.start - c.range.end);
    // Words far from the number belong to another part of the clause ("…, which is why its producers…").
    if (c.range.start >= q.range.end && d > MAX_CUE_DISTANCE) continue;
    if (d < (out.get(c.kind) ?? Infinity)) out.set(c.kind, d);
  }
  return out;
}

interface MetricReading {
  metric: FigureMetric;
  fromContext: boolean;
  alternatives: FigureMetric[];
}

function readMetric(view: View, q: Quantity, clause: Range, ctx: BlockContext, qualitative: boolean): MetricReading | undefined {
  const d = cueDistances(view, q, clause);
  const has = (k: MetricCue, limit = Infinity) => d.has(k) && d.get(k)! <= limit;
  const near = (a: MetricCue, b: MetricCue) => (d.get(a) ?? Infinity) < (d.get(b) ?? Infinity);
  const plain = (metric: FigureMetric): MetricReading => ({ metric, fromContext: false, alternatives: [] });
  if (qualitative) return plain('net_import_reliance');
  if (q.unit === 'USD') return plain(has('price') || /\/|per|a\s|each/.test(view.text.slice(q.numberRange.end, q.range.end)) ? 'price' : 'other');
  if (q.unit === 'lb') return plain('intensity');
  if (q.unit === 't') {
    if (has('demand') || has('consume')) return plain('demand');
    if (has('export') && (!has('import') || near('export', 'import'))) return plain('exports');
    if (has('import')) return plain('imports');
    if (ctx.figure && (ctx.figure.metric === 'exports' || ctx.figure.metric === 'imports' || ctx.figure.metric === 'demand')) return { metric: ctx.figure.metric, fromContext: true, alternatives: [] };
    return plain('other');
  }
  if (q.bareShare && !has('share') && !/recorded\s+as|at\s+$/.test(view.text.slice(clause.start, q.range.start))) return undefined;
  if (has('tariff', 60)) return plain('tariff');
  const changed = changeGoverns(view, q);
  if (has('price') && !has('import') && !has('reliance') && !has('production') && !has('processing')) return plain(changed ? 'price_change' : 'price');
  // The share families a clause may hold at once ("China produced 79% of world graphite, and US
  // reliance was 100%"): the one whose words stand nearest the number wins.
  const dist = (...ks: MetricCue[]) => Math.min(...ks.map((k) => d.get(k) ?? Infinity));
  const families: [FigureMetric, number][] = [];
  if (has('reliance')) families.push(['net_import_reliance', dist('reliance')]);
  else if (has('import') && has('consume') && !has('share') && !has('from') && !has('supply')) families.push(['net_import_reliance', dist('import', 'consume')]);
  if ((has('import') || has('from')) && !(has('export') && near('export', 'import'))) families.push(['import_share', dist('import', 'from')]);
  if (has('processing') && !has('price')) families.push(['processing_share', dist('processing')]);
  if (has('production') || (has('world') && has('supply'))) families.push(['world_production_share', has('production') ? dist('production') : dist('world', 'supply')]);
  const family = families.sort((a, b) => a[1] - b[1])[0]?.[0];
  if (family === 'import_share') {
    if (changed && !has('share')) return plain('import_change');
    return { metric: 'import_share', fromContext: false, alternatives: has('consume') && !has('reliance') ? ['net_import_reliance'] : [] };
  }
  if (family) return plain(family);
  if (has('export')) return plain(changed ? 'export_change' : 'export_share');
  if (has('demand')) return plain('other');
  if ((has('share') || has('supply') || /\bthat\s+(?:share|figure|proportion)|\bthe\s+figure\b/i.test(view.text.slice(clause.start, clause.end))) && ctx.figure && SHARE_METRICS.has(ctx.figure.metric) || (has('share') && ctx.figure?.metric === 'net_import_reliance')) {
    return { metric: ctx.figure!.metric, fromContext: true, alternatives: [] };
  }
  if (/\bthe\s+figure\b|\bthat\s+figure\b|\bthe\s+\d{4}\s+figure\b/i.test(view.text.slice(clause.start, clause.end)) && ctx.figure) return { metric: ctx.figure.metric, fromContext: true, alternatives: [] };
  const cueless = [...d.keys()].every((k) => k === 'change' || k === 'world');
  if (cueless && changed) return plain(view.quantities.some((o) => o.unit === 'USD') ? 'price_change' : 'other');
  // "X, Y and Z remained at 100%": no metric word, so the one the paragraph is speaking of.
  if (cueless && ctx.figure && (ctx.figure.metric === 'net_import_reliance' || SHARE_METRICS.has(ctx.figure.metric))) return { metric: ctx.figure.metric, fromContext: true, alternatives: [] };
  return undefined;
}

export function readFigures(view: View, ctx: BlockContext, out: SentenceClaim[], unread: Unread[]): void {
  const qualitative = qualitativeReliance(view);
  const qs = [...view.quantities, ...qualitative].sort((a, b) => a.range.start - b.range.start);
  const paired = pairRespectively(view, view.quantities);
  let previous: SentenceClaim | undefined;
  for (const q of qs) {
    if (isPurity(view, q)) continue;
    const why = notAsserted(view, q.range.start);
    if (why) {
      if (view.mentions.length) unread.push({ range: q.range, why });
      continue;
    }
    const clause = clauseAt(view, q.range.start);
    // "a little under half, at 47%" and "about half of those imports (52%)": the number restates the words.
    if (q.inWords && qs.some((o) => o !== q && !o.inWords && o.unit === '%' && o.range.start > q.range.end && /^[^.;]{0,40}$/.test(view.text.slice(q.range.end, o.range.start)) && /^\s*(?:,\s*at\s*|\(\s*|,\s*or\s+|—\s*|–\s*)$/.test(view.text.slice(q.range.end, o.range.start).replace(/\s+(?:of\s+)?(?:US\s+|American\s+)?(?:\S+\s+){0,3}?imports?\s*/i, ' ')))) continue;
    const metric = readMetric(view, q, clause, ctx, qualitative.includes(q));
    if (!metric) {
      if (view.mentions.length && q.unit === '%' && !q.bareShare) unread.push({ range: q.range, why: 'unbound' });
      continue;
    }
    // No mineral in the block: a figure on the dataset's metrics takes it from earlier in the brief.
    const read = readMinerals(view, q, clause, paired, ctx, qs);
    if (read === 'unnamed') {
      unread.push({ range: q.range, why: 'unbound' });
      continue;
    }
    const bound = read ?? (CORE_METRICS.has(metric.metric) ? { mentions: [], minerals: [], fromContext: true } : undefined);
    // A figure of another metric that names no mineral is not a mineral figure ("9.7% of Chinese exports").
    if (!bound || (bound.fromContext && !CORE_METRICS.has(metric.metric))) continue;
    const share = SHARE_METRICS.has(metric.metric);
    let { partners, actor } = share ? readPartners(view, q, clause, metric.metric) : { partners: [] as string[], actor: undefined };
    let partnerFromContext = false;
    if (share && partners.length === 0) {
      const pronoun = /\b(?:it|its|they|their)\b/i.test(view.text.slice(clause.start, q.range.start));
      const inherited = ctx.figure && ctx.figure.metric === metric.metric ? ctx.figure.partner : pronoun ? ctx.actor : undefined;
      if (inherited) (partners = [inherited]), (partnerFromContext = true);
    }
    const reporter = metric.metric === 'import_share' || metric.metric === 'net_import_reliance' ? (readReporter(view, q, clause, partners) ?? 'US') : share || metric.metric === 'demand' ? 'world' : undefined;
    // Another country's imports, or a share held jointly with another country, are not a US figure
    // the brief asserts about China: listed as unread.
    if (reporter && reporter !== 'US' && reporter !== 'world') {
      unread.push({ range: q.range, why: 'other-reporter' });
      continue;
    }
    if (share && isJoint(view, q, clause)) {
      unread.push({ range: q.range, why: 'unbound' });
      continue;
    }
    const period = readPeriod(view, q, clause, qs, ctx, metric.fromContext);
    const shifted = !period.time && !period.relative ? yearBefore(previous?.draft.period ?? ctx.figure?.period, view, q) : undefined;
    const time = period.time ? { start: period.time.start, end: period.time.end, range: period.time.range } : shifted ?? period.inherited;
    const fromContext = metric.fromContext || bound.fromContext || partnerFromContext || (!!period.inherited && !period.time) || !!period.otherClause;
    // "up from about 50% in 2019": a figure cited for comparison, read but only likely.
    const compared = /\b(?:from|than|versus|vs\.?|compared\s+with|against)\s+(?:\S+\s+){0,2}$/i.test(view.text.slice(Math.max(clause.start, q.range.start - 30), q.range.start));
    const confidence: ReadingConfidence = metric.alternatives.length ? 'ambiguous' : fromContext || compared ? 'likely' : 'certain';
    // Shares by value are a different measure from the shares by quantity the dataset holds.
    const byValue = /\b(?:by|in)\s+(?:(?:dollar|customs|trade|import)\s+)?value\b|\bin\s+(?:value|dollar)\s+terms\b/i.test(view.text.slice(q.range.end, clause.end));
    const scopeMention = byValue ? 'by value' : bound.mentions.length === 1 && bound.mentions[0]!.form.kind === 'form' ? bound.mentions[0]!.form.text : bound.fromContext && metric.fromContext ? ctx.figure?.scope : undefined;
    // The claim runs from its subject (the country, the metric's words or the mineral before the
    // number) to its number and period, so a diagnostic underlines what the sentence asserts.
    const subject = [...view.actors.filter((a) => a.range.start < q.range.start && (a === actor || a.code === 'US')), ...view.metricCues.filter((c) => c.range.end <= q.range.start && c.kind !== 'change' && c.kind !== 'world')]
      .map((x) => x.range.start)
      .filter((s) => s >= clause.start && q.range.start - s < 80);
    const starts = [q.range.start, ...bound.mentions.map((m) => m.range.start), ...subject].filter((s) => s >= clause.start);
    const ends = [q.range.end, ...bound.mentions.map((m) => m.range.end), ...(period.time && period.time.range.start >= q.range.end ? [period.time.range.end] : [])];
    const range = { start: Math.min(...starts), end: Math.min(clause.end, Math.max(...ends)) };
    const article = /\b(?:the|The)\s+$/.exec(view.text.slice(Math.max(clause.start, range.start - 4), range.start));
    if (article) range.start -= article[0].length;
    // A claim that opened a bracket ends after the bracket closes: "(January–November 2024)".
    const opened = (view.text.slice(range.start, range.end).match(/\(/g) ?? []).length - (view.text.slice(range.start, range.end).match(/\)/g) ?? []).length;
    if (opened > 0 && view.text[range.end] === ')') range.end += 1;
    for (const partner of partners.length ? partners : [undefined]) {
      for (const [i, mineral] of (bound.minerals.length ? bound.minerals : ['']).entries()) {
        const claim: SentenceClaim = {
          draft: {
            kind: 'figure',
            minerals: mineral ? [mineral] : [],
            ...(mineral ? {} : { mineralsFromBrief: true }),
            metric: metric.metric,
            ...(reporter ? { reporter } : {}),
            ...(partner ? { partner } : {}),
            ...(scopeMention ? { scope: scopeMention } : {}),
            value: q.value,
            decimals: q.decimals,
            hedge: q.inWords && q.hedge === 'exact' && !qualitative.includes(q) ? 'about' : q.hedge,
            unit: q.unit === 'USD' ? 'USD' : q.unit === 'lb' ? 'lb' : q.unit,
            ...(time ? { period: { start: time.start, end: time.end, range: time.range } } : {}),
            ...(!time && period.relative ? { relative: { time: period.relative, range: period.relative.range, use: 'period' as const } } : {}),
            confidence,
            ...(!time && !period.relative && period.same ? { periodFromBrief: true } : {}),
            ...(metric.alternatives.length ? { readings: metric.alternatives.map((m) => ({ metric: m })) } : {}),
          },
          range,
          mentionRanges: bound.mentions[i] ? [bound.mentions[i]!.range] : [],
          valueRange: q.numberRange,
          ...(q.valueRange.start !== q.numberRange.start ? { hedgeRange: q.valueRange } : {}),
        };
        out.push(claim);
        previous = claim;
      }
    }
    ctx.figure = { minerals: bound.minerals, metric: metric.metric, ...(partners[0] ? { partner: partners[0] } : {}), ...(reporter ? { reporter } : {}), ...(scopeMention ? { scope: scopeMention } : {}), ...(time ? { period: time } : {}) };
  }
}
