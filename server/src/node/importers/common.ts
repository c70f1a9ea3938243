// What the importers share: decoding a downloaded file (UTF-8, else Windows-1252 as USGS writes its
// CSVs), mapping a commodity's name to a mineral id through the dataset's own names, and the
// result every importer returns: an overlay plus what it could not use, so nothing is lost silently.

import { normalizeForm } from '../../core/dataset/index';
import type { Dataset, Overlay } from '../../core/dataset/types';

export interface ImportResult {
  overlay: Overlay;
  /** Rows whose commodity names no mineral of the dataset, by name, with their row numbers. */
  unmapped: string[];
  /** Rows read but not turned into observations, with why ("W (withheld)", "no China row"). */
  skipped: string[];
  /** One line on what was read: layout, release, counts. */
  summary: string;
}

/** Raised for a file the importer cannot read; the message is for the user, without a stack trace. */
export class ImportError extends Error {}

// Windows-1252 differs from Latin-1 only in 0x80–0x9F (dashes, quotes, €). Node's TextDecoder
// decodes the "windows-1252" label as Latin-1, so those 32 bytes are mapped here.
const CP1252_HIGH = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b);
  return out;
}

/** Text of a downloaded file: UTF-8 when it is valid UTF-8, else Windows-1252 (the USGS encoding). */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = decodeWindows1252(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}

/**
 * The mineral a commodity line names, and the scope its qualifier gives: "GALLIUM, metal" →
 * gallium, "metal"; "GRAPHITE (NATURAL)" → graphite, "natural"; "NIOBIUM (COLUMBIUM)" → niobium (the
 * parenthesis is an alias). Only whole names the dataset knows are mapped, never a first word.
 */
export function mapCommodity(dataset: Dataset, commodity: string): { mineral: string; scope?: string } | undefined {
  const text = commodity.replace(/\s+/g, ' ').trim();
  const comma = text.indexOf(',');
  const head = (comma === -1 ? text : text.slice(0, comma)).trim();
  const tail = comma === -1 ? '' : text.slice(comma + 1).trim();
  const paren = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(head);
  const name = (paren ? paren[1]! : head).trim();
  const mineral = dataset.resolve(name.toLowerCase());
  if (!mineral) return undefined;
  const scopes: string[] = [];
  // A product form ("titanium mineral concentrates") is a narrower commodity than the mineral: it
  // becomes the scope, so it is never compared with a figure for the mineral as a whole.
  const key = normalizeForm(name);
  if (dataset.surfaceForms().some((f) => f.kind === 'form' && f.mineral === mineral.id && normalizeForm(f.text) === key)) scopes.push(name.toLowerCase());
  if (paren && dataset.resolve(paren[2]!.toLowerCase())?.id !== mineral.id) scopes.push(paren[2]!.toLowerCase());
  if (tail) scopes.push(tail.toLowerCase());
  const scope = scopes.join(', ');
  return scope ? { mineral: mineral.id, scope } : { mineral: mineral.id };
}

/** A period label in the dataset's style: "2020–23", "2021–24". */
export function yearRangeLabel(from: number, to: number): string {
  return `${from}–${String(to).slice(-2)}`;
}

/** An id fragment: lower case letters, digits and hyphens. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

const COUNTRY_CODES: Record<string, string> = {
  argentina: 'AR', australia: 'AU', austria: 'AT', belgium: 'BE', bolivia: 'BO', brazil: 'BR', burma: 'MM', canada: 'CA',
  chile: 'CL', china: 'CN', colombia: 'CO', 'congo (kinshasa)': 'CD', estonia: 'EE', finland: 'FI', france: 'FR', gabon: 'GA',
  georgia: 'GE', germany: 'DE', greece: 'GR', guinea: 'GN', india: 'IN', indonesia: 'ID', israel: 'IL', italy: 'IT', jamaica: 'JM',
  japan: 'JP', kazakhstan: 'KZ', kyrgyzstan: 'KG', madagascar: 'MG', tajikistan: 'TJ', 'hong kong': 'HK', 'republic of korea': 'KR', 'korea, republic of': 'KR', malaysia: 'MY', mexico: 'MX', morocco: 'MA',
  mozambique: 'MZ', netherlands: 'NL', norway: 'NO', peru: 'PE', philippines: 'PH', poland: 'PL', russia: 'RU', 'saudi arabia': 'SA',
  'south africa': 'ZA', spain: 'ES', sweden: 'SE', switzerland: 'CH', taiwan: 'TW', thailand: 'TH', turkey: 'TR', turkiye: 'TR',
  'türkiye': 'TR', ukraine: 'UA', 'united arab emirates': 'AE', 'united kingdom': 'GB', vietnam: 'VN', zimbabwe: 'ZW',
};

/** ISO 3166 alpha-2 code of a country as USGS writes it, or undefined. */
export function countryCode(name: string): string | undefined {
  return COUNTRY_CODES[name.trim().toLowerCase()];
}
