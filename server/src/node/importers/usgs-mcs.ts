// Reads the CSV files of a USGS Mineral Commodity Summaries data release, as a user downloads them,
// into an overlay: Figure 2 (MCS20xx_Fig2_Net_Import_Reliance.csv: net import reliance and the
// ranked major import sources) and the all-commodities table (MCS20xx_Commodities_Data.csv: the
// net import reliance rows and China's percentage of US imports where the table gives one).
// The release itself becomes a primary source; every row that is not used is reported.

import { parse } from 'csv-parse/sync';
import type { Dataset, Observation, Qualifier, Source } from '../../core/dataset/types';
import { countryCode, ImportError, mapCommodity, slug, yearRangeLabel, type ImportResult } from './common';

/** Releases whose publication date and address are known; others need --published and --url. */
const RELEASES: Record<string, { published: string; url: string; title: string }> = {
  MCS2025: { published: '2025-01-31', url: 'https://doi.org/10.5066/P13XCP3R', title: 'Mineral Commodity Summaries 2025 Data Release' },
  MCS2026: { published: '2026-02-06', url: 'https://www.sciencebase.gov/catalog/item/696a75d5d4be0228872d3bf8', title: 'Mineral Commodity Summaries 2026 Data Release' },
};

const FIG2_COLUMNS = ['Commodity', 'Net_Import_Reliance_pct_YYYY', 'Major_Import_Sources_YYYY_YYYY'];
const COMMODITIES_COLUMNS = ['MCS chapter', 'Section', 'Commodity', 'Country', 'Statistics', 'Statistics_detail', 'Unit', 'Year', 'Value'];

export interface UsgsOptions {
  /** The file's name as given, for the source record and messages. */
  fileName: string;
  /** Publication date and address of the release, when it is not one of the known ones. */
  published?: string;
  url?: string;
}

type Row = Record<string, string>;

/** A USGS value cell: "85", ">95", "<25", "E" (net exporter); W, NA and blanks give nothing. */
export function readValue(cell: string): { value: number | null; qualifier?: Qualifier } | { missing: string } {
  const text = cell.replace(/,/g, '').trim();
  if (text === 'E') return { value: null, qualifier: 'net-exporter' };
  const m = /^([<>])?\s*(\d+(?:\.\d+)?)$/.exec(text);
  if (m) return { value: Number(m[2]), ...(m[1] ? { qualifier: m[1] as Qualifier } : {}) };
  if (text === 'W') return { missing: 'W (withheld)' };
  if (text === 'NA' || text === '') return { missing: 'NA (not available)' };
  return { missing: `unreadable value "${cell}"` };
}

function rows(text: string): { header: string[]; records: Row[] } {
  let records: Row[];
  let header: string[] = [];
  try {
    records = parse(text, {
      columns: (h: string[]) => (header = h.map((c) => c.trim())),
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as Row[];
  } catch (error) {
    throw new ImportError(`not a readable CSV file: ${(error as Error).message}`);
  }
  return { header, records };
}

function releaseOf(records: Row[], fileName: string): string {
  const fromColumn = records.find((r) => /^MCS\d{4}$/.test(r['Source'] ?? ''))?.['Source'];
  const fromName = /MCS(\d{4})/i.exec(fileName)?.[1];
  const release = fromColumn ?? (fromName ? `MCS${fromName}` : undefined);
  if (!release) throw new ImportError('cannot tell which MCS release this is: no "Source" column with MCS20xx and no MCS20xx in the file name');
  return release;
}

function sourceFor(release: string, options: UsgsOptions, table: string): Source {
  const known = RELEASES[release];
  const published = options.published ?? known?.published;
  const url = options.url ?? known?.url;
  if (!published || !url) throw new ImportError(`${release} is not a release briefcheck knows: give its publication date and address with --published YYYY-MM-DD --url URL`);
  return {
    id: `usgs-${release.toLowerCase()}-data-release`,
    title: `${known?.title ?? `Mineral Commodity Summaries ${release.slice(3)} Data Release`} (${table}, imported from ${options.fileName})`,
    publisher: 'U.S. Geological Survey',
    url,
    published,
    tier: 'primary',
  };
}

export function importUsgsMcs(text: string, dataset: Dataset, options: UsgsOptions): ImportResult {
  const { header, records } = rows(text);
  if (header.includes('Commodity') && header.some((h) => /^Net_Import_Reliance_pct_\d{4}$/.test(h))) return importFigure2(header, records, dataset, options);
  if (COMMODITIES_COLUMNS.every((c) => header.includes(c))) return importCommodities(records, dataset, options);
  throw new ImportError(
    `unrecognised layout. Expected the columns of MCS20xx_Fig2_Net_Import_Reliance.csv (${FIG2_COLUMNS.join(', ')}) or of MCS20xx_Commodities_Data.csv (${COMMODITIES_COLUMNS.join(', ')}); found: ${header.join(', ') || 'no header'}`,
  );
}

function importFigure2(header: string[], records: Row[], dataset: Dataset, options: UsgsOptions): ImportResult {
  const release = releaseOf(records, options.fileName);
  const source = sourceFor(release, options, 'Figure 2');
  const nirColumn = header.find((h) => /^Net_Import_Reliance_pct_\d{4}$/.test(h))!;
  const year = Number(nirColumn.slice(-4));
  const sourcesColumn = header.find((h) => /^Major_Import_Sources_\d{4}_\d{2,4}$/.test(h));
  const span = sourcesColumn ? /(\d{4})_(\d{2,4})$/.exec(sourcesColumn)! : undefined;
  const from = span ? Number(span[1]) : undefined;
  const to = span ? (span[2]!.length === 2 ? Number(span[1]!.slice(0, 2) + span[2]) : Number(span[2])) : undefined;
  const observations: Observation[] = [];
  const unmapped: string[] = [];
  const skipped: string[] = [];
  records.forEach((row, i) => {
    const line = i + 2;
    const commodity = row['Commodity'] ?? '';
    const mapped = mapCommodity(dataset, commodity);
    if (!mapped) return void unmapped.push(`${commodity} (line ${line})`);
    const id = `${mapped.mineral}${observations.some((o) => o.mineral === mapped.mineral && o.metric === 'net_import_reliance') ? `-${slug(mapped.scope ?? 'other')}` : ''}`;
    const base = { mineral: mapped.mineral, reporter: 'US', ...(mapped.scope ? { scope: mapped.scope } : {}), published: source.published! };
    const value = readValue(row[nirColumn] ?? '');
    if ('missing' in value) skipped.push(`${commodity} (line ${line}): net import reliance ${value.missing}`);
    else {
      observations.push({
        id: `NIR-${release}-${id}`,
        metric: 'net_import_reliance',
        ...base,
        period: { start: `${year}-01-01`, end: `${year}-12-31`, label: `${year} (estimated)` },
        ...value,
        unit: '%',
        sources: [{ source: source.id, locator: `Figure 2, row ${commodity}` }],
      } as Observation);
    }
    if (!sourcesColumn || from === undefined || to === undefined) return;
    const names = (row[sourcesColumn] ?? '').split(',').map((n) => n.trim()).filter(Boolean);
    const codes = names.map(countryCode);
    const unknown = names.filter((_, k) => !codes[k]);
    if (!names.length) return;
    if (unknown.length) return void skipped.push(`${commodity} (line ${line}): import sources name countries briefcheck cannot code (${unknown.join(', ')})`);
    const ranking = codes as string[];
    const rank = ranking.indexOf('CN');
    observations.push({
      id: `SRC-${release}-${id}`,
      metric: 'import_sources',
      ...base,
      partner: 'CN',
      period: { start: `${from}-01-01`, end: `${to}-12-31`, label: yearRangeLabel(from, to) },
      value: rank === -1 ? null : rank + 1,
      unit: 'rank',
      ranking,
      sources: [{ source: source.id, locator: `Figure 2, row ${commodity}, major import sources (descending order of import share)` }],
    } as Observation);
  });
  const nir = observations.filter((o) => o.metric === 'net_import_reliance').length;
  return {
    overlay: { sources: [source], observations },
    unmapped,
    skipped,
    summary: `${release} Figure 2: ${records.length} rows, ${nir} net import reliance figures for ${year} and ${observations.length - nir} import-source rankings`,
  };
}

function importCommodities(records: Row[], dataset: Dataset, options: UsgsOptions): ImportResult {
  const release = releaseOf(records, options.fileName);
  const source = sourceFor(release, options, 'all commodities table');
  const observations: Observation[] = [];
  const unmapped = new Set<string>();
  const skipped: string[] = [];
  let used = 0;
  records.forEach((row, i) => {
    const line = i + 2;
    const statistic = `${row['Statistics'] ?? ''} ${row['Statistics_detail'] ?? ''}`.toLowerCase();
    const isReliance = /net import reliance/.test(statistic);
    const isChinaShare = /import sources?/.test(`${statistic} ${(row['Section'] ?? '').toLowerCase()}`) && countryCode(row['Country'] ?? '') === 'CN' && /percent|%/i.test(row['Unit'] ?? '');
    if (!isReliance && !isChinaShare) return;
    const commodity = row['Commodity'] ?? '';
    const mapped = mapCommodity(dataset, commodity);
    if (!mapped) return void unmapped.add(commodity);
    const years = /^(\d{4})(?:\s*[-–]\s*(\d{2,4}))?/.exec((row['Year'] ?? '').trim());
    if (!years) return void skipped.push(`${commodity} (line ${line}): unreadable year "${row['Year']}"`);
    const from = Number(years[1]);
    const to = years[2] ? (years[2].length === 2 ? Number(years[1]!.slice(0, 2) + years[2]) : Number(years[2])) : from;
    const value = readValue(row['Value'] ?? '');
    if ('missing' in value) return void skipped.push(`${commodity} (line ${line}): ${isReliance ? 'net import reliance' : "China's share"} ${years[0]} ${value.missing}`);
    const estimated = /e|estim/i.test((row['Year'] ?? '').slice(4));
    const label = from === to ? `${from}${estimated ? ' (estimated)' : ''}` : yearRangeLabel(from, to);
    const scopeSlug = mapped.scope ? `-${slug(mapped.scope)}` : '';
    used++;
    observations.push({
      id: `${isReliance ? 'NIR' : 'SRC'}-${release}-${mapped.mineral}${scopeSlug}${from === to ? `-${from}` : `-${from}-${to}`}`,
      metric: isReliance ? 'net_import_reliance' : 'import_share',
      mineral: mapped.mineral,
      reporter: 'US',
      ...(isReliance ? {} : { partner: 'CN', basis: 'quantity' as const }),
      ...(mapped.scope ? { scope: mapped.scope } : {}),
      period: { start: `${from}-01-01`, end: `${to}-12-31`, label },
      ...value,
      unit: '%',
      published: source.published!,
      sources: [{ source: source.id, locator: `${row['MCS chapter'] || commodity}, ${row['Section']}, ${row['Statistics']}${row['Statistics_detail'] ? ` (${row['Statistics_detail']})` : ''}, ${row['Year']}` }],
    } as Observation);
  });
  // A statistic given twice for the same commodity and years is kept once when the rows agree and
  // left out, with a note, when they do not: the importer never picks one of two values.
  const byId = new Map<string, Observation[]>();
  for (const o of observations) byId.set(o.id, [...(byId.get(o.id) ?? []), o]);
  const unique: Observation[] = [];
  for (const [id, list] of byId) {
    const values = new Set(list.map((o) => `${o.qualifier ?? ''}${o.value}`));
    if (values.size === 1) unique.push(list[0]!);
    else skipped.push(`${id}: ${list.length} rows give different values (${[...values].join(', ')}); none imported`);
  }
  return {
    overlay: { sources: [source], observations: unique },
    unmapped: [...unmapped],
    skipped,
    summary: `${release} all-commodities table: ${records.length} rows, ${used} net import reliance and China import-share rows used`,
  };
}
