// The two parse paths side by side in one process: core/parse with remark (the reference) and with
// lezer (the fast path), parse only and the whole check (parse, claims, rules), over the same
// seeded briefs, alternating rounds so machine load falls on both alike. Prints MB/s and ratios.
// Standalone: node test/bench/parsers.mjs [--files N] [--lines L] [--rounds R]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importTs, root } from '../../scripts/import-ts.mjs';
import { generateBrief } from './corpus.mjs';

const { values } = parseArgs({ options: { files: { type: 'string' }, lines: { type: 'string' }, rounds: { type: 'string' } } });
const files = Number(values.files ?? 200);
const lines = Number(values.lines ?? 300);
const rounds = Number(values.rounds ?? 3);

const core = await importTs(`
  export { parseBrief } from './server/src/core/parse/index';
  export { checkBrief } from './server/src/core/check';
  export { createDataset } from './server/src/core/dataset/index';
`);
const read = (name) => {
  const json = JSON.parse(readFileSync(join(root, 'data', `${name}.json`), 'utf8'));
  return name in json ? json[name] : json;
};
const dataset = core.createDataset({
  meta: JSON.parse(readFileSync(join(root, 'data', 'meta.json'), 'utf8')),
  sources: read('sources'), minerals: read('minerals'), measures: read('measures'), observations: read('observations'),
});

const briefs = Array.from({ length: files }, (_, i) => generateBrief(1 + i, lines));
const mb = briefs.reduce((n, b) => n + Buffer.byteLength(b), 0) / 1e6;
const config = { rules: {}, data: [], include: [], exclude: [] };

const tasks = {
  'parse, remark': () => briefs.forEach((b) => core.parseBrief(b, 'remark')),
  'parse, lezer': () => briefs.forEach((b) => core.parseBrief(b, 'lezer')),
  'check, remark': () => briefs.forEach((b) => core.checkBrief(b, dataset, { config: { ...config, parser: 'remark' }, today: '2026-11-28' })),
  'check, lezer': () => briefs.forEach((b) => core.checkBrief(b, dataset, { config: { ...config, parser: 'lezer' }, today: '2026-11-28' })),
};
const times = Object.fromEntries(Object.keys(tasks).map((k) => [k, []]));
for (let r = 0; r <= rounds; r++) {
  for (const [name, task] of Object.entries(tasks)) {
    const t = performance.now();
    task();
    // Round 0 is the cold one (unoptimised code); it is reported apart.
    times[name].push(performance.now() - t);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const out = [`${files} briefs × ${lines} lines, ${mb.toFixed(1)} MB, ${rounds} warm rounds (median) after a cold one`, '',
  '| path | cold MB/s | warm MB/s |', '| --- | ---: | ---: |'];
for (const [name, ts] of Object.entries(times)) out.push(`| ${name} | ${(mb / (ts[0] / 1000)).toFixed(2)} | ${(mb / (median(ts.slice(1)) / 1000)).toFixed(2)} |`);
const ratio = (a, b) => (median(times[a].slice(1)) / median(times[b].slice(1))).toFixed(2);
out.push('', `warm parse: lezer is ${ratio('parse, remark', 'parse, lezer')}x remark; warm check: ${ratio('check, remark', 'check, lezer')}x`);
process.stdout.write(`${out.join('\n')}\n`);
