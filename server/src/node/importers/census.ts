// Reads a saved response of the US Census Bureau's international trade API
// (timeseries/intltrade/imports/hs: a JSON array of arrays whose first row names the fields) and
// derives China's share of US imports by quantity, for each mineral the dataset maps HS codes to,
// over a period of whole months the user names. The response becomes a primary source.

import type { Dataset, Mineral, Observation, Source } from '../../core/dataset/types';
import { ImportError, slug, type ImportResult } from './common';

const REQUIRED = ['I_COMMODITY', 'CTY_CODE', 'CON_QY1_MO', 'UNIT_QY1', 'time'];
const CHINA = '5700';
const API = 'https://api.census.gov/data/timeseries/intltrade/imports/hs';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface CensusOptions {
  fileName: string;
  /** First and last month, YYYY-MM. */
  from: string;
  to: string;
  /** The API query the response came from, when the user kept it. */
  query?: string;
  /** When the response was retrieved (YYYY-MM-DD): the source's date. */
  retrieved: string;
}

interface Row {
  code: string;
  country: string;
  countryName: string;
  quantity: number;
  unit: string;
  month: string;
}

function table(text: string): Row[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ImportError(`not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(json) || !json.length || !json.every((r) => Array.isArray(r))) {
    throw new ImportError('unrecognised layout: expected the Census API response, an array of arrays whose first row names the fields');
  }
  const [header, ...data] = json as unknown[][];
  const names = header!.map(String);
  const missing = REQUIRED.filter((f) => !names.includes(f));
  if (missing.length) throw new ImportError(`unrecognised layout: the header row lacks ${missing.join(', ')} (found: ${names.join(', ')}); request get=I_COMMODITY,CTY_CODE,CTY_NAME,CON_QY1_MO,UNIT_QY1,GEN_VAL_MO`);
  const at = (f: string) => names.indexOf(f);
  return data.map((r) => ({
    code: String(r[at('I_COMMODITY')] ?? '').replace(/\D/g, ''),
    country: String(r[at('CTY_CODE')] ?? '').trim(),
    countryName: at('CTY_NAME') === -1 ? '' : String(r[at('CTY_NAME')] ?? ''),
    quantity: Number(r[at('CON_QY1_MO')] ?? NaN),
    unit: String(r[at('UNIT_QY1')] ?? '').trim(),
    month: String(r[at('time')] ?? '').trim(),
  }));
}

/** Total for all countries: the API's total row ("-" or "TOTAL FOR ALL COUNTRIES"). */
function isTotal(r: Row): boolean {
  return r.country === '-' || /total for all countries/i.test(r.countryName);
}

/** An individual country's code (four digits, not a group such as 0003 or a continent such as 5XXX). */
function isCountry(r: Row): boolean {
  return /^[1-9]\d{3}$/.test(r.country);
}

function usCodes(m: Mineral): string[] {
  return (m.hsCodes ?? []).filter((c) => c.startsWith('US ') || c.startsWith('HS ')).map((c) => c.slice(3).replace(/\D/g, ''));
}

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let [y, m] = from.split('-').map(Number) as [number, number]; `${y}-${String(m).padStart(2, '0')}` <= to; m === 12 ? ((m = 1), y++) : m++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

function periodLabel(from: string, to: string): string {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  if (from === to) return `${MONTHS[fm - 1]} ${fy}`;
  return fy === ty ? `${MONTHS[fm - 1]}–${MONTHS[tm - 1]} ${ty}` : `${MONTHS[fm - 1]} ${fy}–${MONTHS[tm - 1]} ${ty}`;
}

export function importCensus(text: string, dataset: Dataset, options: CensusOptions): ImportResult {
  if (!/^\d{4}-\d{2}$/.test(options.from) || !/^\d{4}-\d{2}$/.test(options.to) || options.from > options.to) {
    throw new ImportError(`the period must be two months written YYYY-MM, the first not after the last (got ${options.from}..${options.to})`);
  }
  const all = table(text);
  const months = monthsBetween(options.from, options.to);
  const rows = all.filter((r) => months.includes(r.month));
  const absent = months.filter((m) => !rows.some((r) => r.month === m));
  if (absent.length) throw new ImportError(`the file holds no rows for ${absent.join(', ')} (it covers ${[...new Set(all.map((r) => r.month))].sort().join(', ') || 'no month'})`);
  const source: Source = {
    id: `census-${slug(options.fileName.replace(/\.json$/i, ''))}`,
    title: `US imports by HS code and country, ${periodLabel(options.from, options.to)} (Census Bureau international trade API, saved as ${options.fileName})`,
    publisher: 'U.S. Census Bureau',
    url: options.query ?? API,
    published: options.retrieved,
    tier: 'primary',
  };
  const observations: Observation[] = [];
  const skipped: string[] = [];
  const codesInFile = new Set(rows.map((r) => r.code));
  const claimedBy = new Map<string, string[]>();
  for (const m of dataset.files.minerals) for (const c of usCodes(m)) claimedBy.set(c, [...(claimedBy.get(c) ?? []), m.id]);
  for (const mineral of dataset.files.minerals) {
    const codes = usCodes(mineral);
    if (!codes.length) continue;
    const shared = codes.filter((c) => (claimedBy.get(c) ?? []).length > 1);
    if (shared.length) {
      skipped.push(`${mineral.id}: HS ${shared.join(', ')} also maps to ${shared.flatMap((c) => claimedBy.get(c)!.filter((id) => id !== mineral.id)).join(', ')}; a shared code cannot give one mineral's share`);
      continue;
    }
    const mine = rows.filter((r) => codes.some((c) => r.code.startsWith(c)) && Number.isFinite(r.quantity));
    if (!mine.length) continue;
    const units = [...new Set(mine.map((r) => r.unit))];
    if (units.length > 1) {
      skipped.push(`${mineral.id}: quantities in different units (${units.join(', ')}) cannot be added`);
      continue;
    }
    const totals = mine.filter(isTotal);
    const total = (totals.length ? totals : mine.filter(isCountry)).reduce((s, r) => s + r.quantity, 0);
    const china = mine.filter((r) => r.country === CHINA).reduce((s, r) => s + r.quantity, 0);
    if (total <= 0) {
      skipped.push(`${mineral.id}: no imports by quantity in the period`);
      continue;
    }
    const share = Math.round((1000 * china) / total) / 10;
    const used = [...new Set(mine.map((r) => r.code))].sort();
    observations.push({
      id: `CENSUS-${slug(options.from)}-${slug(options.to)}-${mineral.id}`,
      metric: 'import_share',
      mineral: mineral.id,
      reporter: 'US',
      partner: 'CN',
      basis: 'quantity',
      period: { start: `${options.from}-01`, end: lastDay(options.to), label: periodLabel(options.from, options.to) },
      value: share,
      unit: '%',
      published: options.retrieved,
      sources: [{ source: source.id, locator: `HS ${used.join(', ')}; CON_QY1_MO (${units[0]}), China (5700) over ${totals.length ? 'the total for all countries' : 'the sum of individual countries'}` }],
      notes: `Derived by briefcheck data import census: ${china} of ${total} ${units[0]} imported for consumption.`,
    } as Observation);
  }
  const unmapped = [...codesInFile].filter((code) => ![...claimedBy.keys()].some((c) => code.startsWith(c))).map((code) => `HS ${code}`);
  return {
    overlay: { sources: [source], observations },
    unmapped,
    skipped,
    summary: `Census imports ${periodLabel(options.from, options.to)}: ${rows.length} rows, China's share by quantity for ${observations.length} mineral${observations.length === 1 ? '' : 's'}`,
  };
}
