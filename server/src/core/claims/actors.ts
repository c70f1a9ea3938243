// Who a sentence speaks of: China (and the words that stand for it), the United States, and other
// countries and blocs, each found with its range and the role its form suggests: a possessive
// ("Japan's imports"), an adjective ("Chinese material"), or a plain name.

import type { Range } from '../types';

export interface Actor {
  range: Range;
  /** ISO 3166 alpha-2 code, "EU", or "CN" / "US". */
  code: string;
  form: 'name' | 'possessive' | 'adjective';
}

/** Names and demonyms, by code. Longest forms first within a code is not needed: one regex. */
const names: Record<string, string[]> = {
  CN: ['China', 'Beijing', 'PRC', 'People’s Republic of China', "People's Republic of China", 'MOFCOM', 'Ministry of Commerce', 'Chinese'],
  US: ['United States', 'US', 'U\\.S\\.', 'USA', 'America', 'American', 'Americans', 'Washington'],
  JP: ['Japan', 'Japanese', 'Tokyo'],
  EU: ['EU', 'E\\.U\\.', 'European Union', 'Europe', 'European', 'Brussels'],
  KR: ['South Korea', 'Korea', 'Korean', 'Seoul'],
  TW: ['Taiwan', 'Taiwanese'],
  IN: ['India', 'Indian', 'IREL'],
  AU: ['Australia', 'Australian'],
  CA: ['Canada', 'Canadian'],
  GB: ['United Kingdom', 'UK', 'Britain', 'British'],
  DE: ['Germany', 'German'],
  FR: ['France', 'French'],
  NL: ['Netherlands', 'Dutch'],
  RU: ['Russia', 'Russian'],
  VN: ['Vietnam', 'Viet Nam', 'Vietnamese'],
  ID: ['Indonesia', 'Indonesian', 'Jakarta'],
  BR: ['Brazil', 'Brazilian'],
  MY: ['Malaysia', 'Malaysian'],
  TH: ['Thailand', 'Thai'],
  MX: ['Mexico', 'Mexican'],
  EE: ['Estonia', 'Estonian'],
  PE: ['Peru', 'Peruvian'],
  CL: ['Chile', 'Chilean'],
  BO: ['Bolivia', 'Bolivian'],
  AR: ['Argentina', 'Argentine'],
  ZA: ['South Africa', 'South African'],
  CD: ['Democratic Republic of the Congo', 'DRC', 'DR Congo', 'Congo', 'Congolese', 'Kinshasa'],
  ZW: ['Zimbabwe', 'Zimbabwean'],
  MM: ['Myanmar', 'Burma', 'Burmese'],
  PH: ['Philippines', 'Philippine'],
  KZ: ['Kazakhstan'],
  TR: ['Turkey', 'Türkiye', 'Turkish'],
  BE: ['Belgium', 'Belgian'],
  NO: ['Norway', 'Norwegian'],
  G7: ['G7', 'G-7'],
};

const adjectives = new Set(['chinese', 'american', 'japanese', 'european', 'korean', 'taiwanese', 'indian', 'australian', 'canadian', 'british', 'german', 'french', 'dutch', 'russian', 'vietnamese', 'indonesian', 'brazilian', 'malaysian', 'thai', 'mexican', 'estonian', 'peruvian', 'chilean', 'bolivian', 'argentine', 'south african', 'congolese', 'zimbabwean', 'burmese', 'philippine', 'turkish', 'belgian', 'norwegian']);

const byForm = new Map<string, string>();
const alternatives: string[] = [];
for (const [code, forms] of Object.entries(names)) {
  for (const form of forms) {
    byForm.set(form.replace(/\\/g, '').toLowerCase(), code);
    alternatives.push(form.replace(/ /g, '\\s+'));
  }
}
alternatives.sort((a, b) => b.length - a.length);
// Case-sensitive: "US" the country, not "us" the pronoun; names are capitalised in prose.
const actorRe = new RegExp(`(?<![\\p{L}\\p{N}])(?:the\\s+)?(${alternatives.join('|')})(?:(['’]s)|(?![\\p{L}\\p{N}]))`, 'gu');

/** Every actor named in `text` between `from` and `to`. */
export function findActors(text: string, from = 0, to = text.length): Actor[] {
  const out: Actor[] = [];
  actorRe.lastIndex = from;
  const slice = text.slice(0, to);
  let m: RegExpExecArray | null;
  while ((m = actorRe.exec(slice)) !== null) {
    const name = m[1]!;
    const code = byForm.get(name.replace(/\s+/g, ' ').toLowerCase());
    if (!code) continue;
    const start = m.index + m[0].length - name.length - (m[2]?.length ?? 0);
    // "US" in "US$" or a heading's all-caps word is still the US; "Chinese" is always an adjective.
    const form = m[2] ? 'possessive' : adjectives.has(name.toLowerCase()) ? 'adjective' : 'name';
    out.push({ range: { start, end: m.index + m[0].length }, code, form });
  }
  return out;
}

export function isChina(actor: Actor | undefined): boolean {
  return actor?.code === 'CN';
}
