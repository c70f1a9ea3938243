// Generates the benchmark corpus: realistic Markdown policy briefs on critical minerals (front
// matter, headings, GFM tables, footnotes, links, inline HTML, code, figures, control sentences and
// dates), fully determined by a seed so every run and every machine checks the same bytes.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG; the corpus must never depend on Math.random. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MINERALS = [
  'gallium', 'germanium', 'antimony', 'graphite', 'tungsten', 'tellurium', 'bismuth', 'indium',
  'molybdenum', 'dysprosium', 'terbium', 'samarium', 'gadolinium', 'lutetium', 'scandium', 'yttrium',
  'rare earths', 'lithium', 'cobalt', 'nickel', 'manganese', 'titanium',
];
const FORMS = [
  'antimony oxides', 'antimony trioxide', 'unwrought gallium', 'germanium dioxide', 'NdFeB magnets',
  'natural graphite', 'synthetic graphite', 'ammonium paratungstate', 'wolfram', 'gallium nitride',
];
const CONTROLS = ['licensing', 'ban', 'ban to the US', 'suspended', 'none'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];
const PUBLISHERS = [
  ['USGS', 'Mineral Commodity Summaries 2025', 'https://pubs.usgs.gov/periodicals/mcs2025/mcs2025.pdf'],
  ['MOFCOM', 'Announcement No. 46 of 2024', 'https://www.mofcom.gov.cn/zwgk/gkzcfb/art/2024/art_46.html'],
  ['MOFCOM', 'Announcement No. 18 of 2025', 'https://www.mofcom.gov.cn/zwgk/gkzcfb/art/2025/art_18.html'],
  ['CSIS', 'China imposes export controls on rare earths', 'https://www.csis.org/analysis/rare-earths-2025'],
  ['USITC', 'DataWeb imports by partner', 'https://dataweb.usitc.gov/trade/search/Import/HTS'],
  ['Reuters', 'China halts exports of critical minerals to the US', 'https://www.reuters.com/markets/commodities/'],
];
// Words for prose that names no mineral, so files without any mineral mention read naturally too.
const PLAIN = [
  'the committee', 'the working group', 'the agency', 'our office', 'the review panel', 'staff',
  'the budget request', 'the hearing schedule', 'the interagency process', 'stakeholders',
];
const VERBS = ['reviewed', 'scheduled', 'discussed', 'deferred', 'approved', 'circulated', 'drafted'];

function makeText(rng) {
  const pick = (list) => list[Math.floor(rng() * list.length)];
  const int = (lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));
  const year = () => int(2019, 2026);
  const date = () => `${year()}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
  const mineral = () => (rng() < 0.2 ? pick(FORMS) : pick(MINERALS));
  const cite = (n) => (rng() < 0.6 ? `[^${n}]` : `([${pick(PUBLISHERS)[0]}](${pick(PUBLISHERS)[2]}))`);
  const period = () => {
    const r = rng();
    const y = year();
    if (r < 0.3) return `in ${y}`;
    if (r < 0.55) return `${MONTHS[int(0, 5)]}–${MONTHS[int(6, 11)]} ${y}`;
    if (r < 0.8) return `${y - 4}–${String(y - 1).slice(2)}`;
    return `as of ${pick(MONTHS)} ${y}`;
  };
  return { pick, int, year, date, mineral, cite, period };
}

function mineralSentence(t, footnote) {
  const m = t.mineral();
  switch (t.int(0, 9)) {
    case 0:
      return `China supplied ${t.int(1, 99)}% of US imports of ${m} in ${t.period()}${t.cite(footnote)}.`;
    case 1:
      return `The US is ${t.pick(['100', '95', 'over 50', 'nearly 80', 'about 60'])}% import-reliant on ${m} ${t.period()}${t.cite(footnote)}.`;
    case 2:
      return `China bans exports of ${m} to the US since ${t.pick(['December', 'October'])} ${t.year()}.`;
    case 3:
      return `Licensing is required for exports of ${m} under MOFCOM Announcement No. ${t.int(10, 62)} of ${t.year()}.`;
    case 4:
      return `Global demand for ${m} was about ${t.int(1, 20).toLocaleString('en-US')},${String(t.int(0, 999)).padStart(3, '0')} t ${t.period()}.`;
    case 5:
      return `Export controls now cover ${t.int(7, 17)} critical minerals, including ${t.int(2, 7)} rare earths such as ${t.mineral()} and ${t.mineral()}.`;
    case 6:
      return `Prices for <abbr title="${m}">${m}</abbr> rose ${t.int(5, 300)}% after ${t.date()}, see [the tracker](https://example.org/prices/${t.int(1, 999)}).`;
    case 7:
      return `There are no controls on ${m} as of ${t.date()}; the suspension runs until ${t.date()}.`;
    case 8:
      return `*${m[0].toUpperCase()}${m.slice(1)}* is used in semiconductors, defense electronics and **permanent magnets**.`;
    default:
      return `China accounted for nearly two-thirds of world production of ${m} ${t.period()}${t.cite(footnote)}.`;
  }
}

function plainSentence(t) {
  const s = `${t.pick(PLAIN)} ${t.pick(VERBS)} ${t.pick(PLAIN)} on ${t.date()}`;
  return `${s[0].toUpperCase()}${s.slice(1)}${t.pick(['.', ', with notes to follow.', ' (see the <em>agenda</em>).', ', per [the memo](https://example.org/memo).'])}`;
}

/** Word-wraps a paragraph the way editors save briefs: lines of at most ~90 characters. */
function wrap(text, width = 90) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function paragraph(t, state) {
  const sentences = [];
  for (let i = t.int(2, 5); i > 0; i--) {
    sentences.push(state.minerals && t.int(0, 9) < 6 ? mineralSentence(t, ++state.footnotes) : plainSentence(t));
  }
  return [...wrap(sentences.join(' ')), ''];
}

function table(t, state) {
  if (!state.minerals) {
    const rows = ['| Meeting | Date | Owner |', '| --- | --- | --- |'];
    for (let i = t.int(3, 8); i > 0; i--) rows.push(`| ${t.pick(VERBS)} item | ${t.date()} | ${t.pick(PLAIN)} |`);
    return [...rows, ''];
  }
  const rows = ['| Mineral | Control | Since | US import reliance | Source |', '| :--- | :---: | --- | ---: | --- |'];
  for (let i = t.int(3, 10); i > 0; i--) {
    rows.push(`| ${t.mineral()} | ${t.pick(CONTROLS)} | ${t.date()} | ${t.int(10, 100)}% | [^${++state.footnotes}] |`);
  }
  return [...rows, ''];
}

function block(t, state) {
  const r = t.rng();
  if (r < 0.5) return paragraph(t, state);
  if (r < 0.62) return table(t, state);
  if (r < 0.72) return [`## ${t.pick(['Background', 'Findings', 'Outlook', 'Risks', 'Options', 'Annex'])} ${t.int(1, 9)}`, ''];
  if (r < 0.84) {
    const items = [];
    for (let i = t.int(2, 6); i > 0; i--) items.push(`- ${state.minerals ? mineralSentence(t, ++state.footnotes) : plainSentence(t)}`);
    return [...items, ''];
  }
  if (r < 0.9) return [`> ${state.minerals ? mineralSentence(t, ++state.footnotes) : plainSentence(t)}`, ''];
  if (r < 0.95) return ['```json', `{ "asOf": "${t.date()}", "rules": { "stale-figure": "warning" } }`, '```', ''];
  return ['<details><summary>Methodology</summary>', '', ...wrap(plainSentence(t)), '', '</details>', ''];
}

/** One brief of exactly `lines` lines. About one in ten names no mineral at all (meeting notes). */
export function generateBrief(seed, lines) {
  const rng = mulberry32(seed);
  const t = { rng, ...makeText(rng) };
  const state = { minerals: rng() >= 0.1, footnotes: 0 };
  const asOf = t.date();
  const out = ['---', `title: ${state.minerals ? `${t.mineral()} supply brief` : 'Meeting notes'}`,
    `${rng() < 0.5 ? 'as_of' : 'date'}: ${asOf}`, `authors: [${t.pick(PLAIN)}]`, '---', '',
    `# ${state.minerals ? `China's controls on ${t.mineral()}` : 'Weekly coordination notes'}`, ''];
  // Leave room for footnote definitions, roughly one line per reference made.
  const body = Math.max(0, Math.floor(lines * 0.82) - out.length);
  while (out.length < body + 8) out.push(...block(t, state));
  out.length = Math.min(out.length, body + 8);
  out.push('');
  for (let n = 1; out.length < lines; n++) {
    const [publisher, title, url] = t.pick(PUBLISHERS);
    out.push(state.minerals && n <= state.footnotes ? `[^${n}]: ${publisher}, *${title}*, <${url}>, ${t.date()}.` : plainSentence(t));
  }
  out.length = lines;
  return `${out.join('\n')}\n`;
}

/** Writes `files` briefs of `lines` lines under `dir`, reusing a complete earlier copy. */
export function generateCorpus({ dir, files, lines, seed }) {
  const manifest = join(dir, 'manifest.json');
  try {
    const previous = JSON.parse(readFileSync(manifest, 'utf8'));
    if (previous.files === files && previous.lines === lines && previous.seed === seed) return previous;
  } catch {
    // No usable manifest: generate from scratch.
  }
  rmSync(dir, { recursive: true, force: true });
  const hash = createHash('sha256');
  const paths = [];
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const text = generateBrief((seed * 100003 + i) >>> 0, lines);
    const sub = join(dir, `batch-${String(Math.floor(i / 200)).padStart(3, '0')}`);
    if (i % 200 === 0) mkdirSync(sub, { recursive: true });
    const path = join(sub, `brief-${String(i).padStart(5, '0')}.md`);
    writeFileSync(path, text);
    hash.update(text);
    paths.push(path);
    bytes += Buffer.byteLength(text);
  }
  const result = { files, lines, seed, bytes, sha256: hash.digest('hex') };
  writeFileSync(manifest, JSON.stringify(result, null, 2));
  return result;
}
