// The cost of each stage of a check in one process: parse, claim extraction, judging (placing
// relative times and judging every claim) and judging with the rules, over the same seeded briefs,
// in CPU milliseconds (the least of several rounds: on a shared machine it is steadier than wall
// time). With --baseline DIR, a checkout of another build (a `git worktree` of an earlier commit)
// is measured in the same rounds, alternating, and the ratios are printed.
// Standalone: node test/bench/stages.mjs [--files N] [--lines L] [--rounds R] [--parser remark|lezer] [--baseline DIR]
import * as esbuild from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { root } from '../../scripts/import-ts.mjs';
import { generateBrief } from './corpus.mjs';

const { values } = parseArgs({ options: { files: { type: 'string' }, lines: { type: 'string' }, rounds: { type: 'string' }, parser: { type: 'string' }, baseline: { type: 'string' } } });
const files = Number(values.files ?? 60);
const lines = Number(values.lines ?? 300);
const rounds = Number(values.rounds ?? 5);
const parser = values.parser ?? 'lezer';
const today = '2026-11-28';

/** The core of the build in `dir`, bundled in memory (packages resolved from this checkout), with its own dataset. */
async function load(dir) {
  const result = await esbuild.build({
    stdin: {
      contents: `export { briefFromTree, parseTree } from './server/src/core/parse/index';
        export { checkParsed, extractClaims } from './server/src/core/check';
        export { createDataset } from './server/src/core/dataset/index';
        ${existsSync(join(dir, 'server/src/core/claims/resolve.ts')) ? "export { resolveDrafts } from './server/src/core/claims/resolve';" : 'export const resolveDrafts = (drafts) => drafts;'}
        export { judgeClaims } from './server/src/core/verdicts/index';`,
      resolveDir: dir,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'warning',
    nodePaths: [join(root, 'node_modules')],
    banner: { js: `import { createRequire as __cr } from 'node:module'; const require = __cr(${JSON.stringify(join(root, 'package.json'))});` },
  });
  const core = await import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
  const read = (name) => {
    const json = JSON.parse(readFileSync(join(dir, 'data', `${name}.json`), 'utf8'));
    return name in json ? json[name] : json;
  };
  const files = {
    meta: JSON.parse(readFileSync(join(dir, 'data', 'meta.json'), 'utf8')),
    sources: read('sources'), minerals: read('minerals'), measures: read('measures'), observations: read('observations'),
  };
  return { core, files };
}

const builds = { current: await load(root), ...(values.baseline ? { baseline: await load(resolve(values.baseline)) } : {}) };
const briefs = Array.from({ length: files }, (_, i) => generateBrief(1 + i, lines));
const config = { rules: {}, data: [], include: [], exclude: [], parser };
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function measureOnce({ core, files }) {
  // A new dataset each round, as each run of the CLI has: what it remembers (statuses by date, the
  // lexicon) is built within the measured stages, never carried over from an earlier round.
  const dataset = core.createDataset(files);
  const times = {};
  let t = cpu();
  const parsed = briefs.map((b) => core.briefFromTree(b, core.parseTree(b, parser)));
  times.parse = cpu() - t;
  t = cpu();
  const drafts = parsed.map((p) => core.extractClaims(p, dataset));
  times.extract = cpu() - t;
  t = cpu();
  parsed.forEach((p, i) => {
    const writtenOn = p.frontMatter.date ?? p.frontMatter.asOf;
    const asOf = p.frontMatter.asOf ?? writtenOn ?? today;
    core.judgeClaims(core.resolveDrafts(drafts[i], writtenOn ?? asOf, writtenOn, asOf), dataset, asOf);
  });
  times.judge = cpu() - t;
  t = cpu();
  parsed.forEach((p, i) => core.checkParsed(p, drafts[i], dataset, { config, today }));
  times['judge and rules'] = cpu() - t;
  return times;
}

const best = Object.fromEntries(Object.keys(builds).map((k) => [k, {}]));
for (let r = 0; r <= rounds; r++) {
  // Alternate which build goes first, so that load and heap state fall on both alike; round 0 warms up.
  const order = r % 2 ? Object.keys(builds) : Object.keys(builds).reverse();
  for (const name of order) {
    const times = measureOnce(builds[name]);
    if (r === 0) continue;
    for (const [stage, ms] of Object.entries(times)) best[name][stage] = Math.min(best[name][stage] ?? Infinity, ms);
  }
}
const stages = Object.keys(best.current);
const out = [`${files} briefs × ${lines} lines, ${parser} parser, CPU ms, least of ${rounds} rounds`, ''];
if (builds.baseline) {
  out.push('| stage | baseline | current | ratio |', '| --- | ---: | ---: | ---: |');
  for (const s of stages) out.push(`| ${s} | ${best.baseline[s].toFixed(0)} | ${best.current[s].toFixed(0)} | ${(best.current[s] / best.baseline[s]).toFixed(2)} |`);
} else {
  out.push('| stage | ms |', '| --- | ---: |');
  for (const s of stages) out.push(`| ${s} | ${best.current[s].toFixed(0)} |`);
}
process.stdout.write(`${out.join('\n')}\n`);
