// The long fuzz campaign behind `npm run fuzz`: N mutated briefs (default 10,000) through the same
// oracle as the property suite, with no allowance for a busy machine, then the figures. Failing
// briefs are written to .cache/fuzz/ to replay. Exits 1 when anything was found.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { bundledDataset } from '../core/bundled-dataset';
import { mutatedBrief, seedBriefs } from './mutate';
import { examine, type Finding } from './oracle';

interface Options {
  runs: number;
  seed: number;
  out: string;
}

function parse(argv: string[]): Options {
  const o: Options = { runs: 10_000, seed: 1, out: resolve(process.cwd(), '.cache/fuzz') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') o.runs = Number(argv[++i]);
    else if (a === '--seed') o.seed = Number(argv[++i]);
    else if (a === '--out') o.out = resolve(argv[++i]!);
    else throw new Error(`unknown option ${a}; usage: npm run fuzz -- [--runs N] [--seed S] [--out DIR]`);
  }
  if (!Number.isInteger(o.runs) || o.runs < 1 || !Number.isInteger(o.seed)) throw new Error('--runs and --seed need integers');
  return o;
}

async function main(): Promise<number> {
  const o = parse(process.argv.slice(2));
  const dataset = bundledDataset();
  const seeds = seedBriefs();
  const counts: Record<Finding, number> = { crash: 0, slow: 0, 'cli-server-differ': 0, 'fix-not-idempotent': 0 };
  const times: number[] = [];
  let bytes = 0;
  let fixed = 0;
  let worstPer100k = 0;
  let failures = 0;
  const started = performance.now();
  const batch = 250;
  for (let done = 0; done < o.runs; done += batch) {
    const texts = fc.sample(mutatedBrief(seeds), { seed: o.seed * 1_000_003 + done, numRuns: Math.min(batch, o.runs - done) });
    for (const [k, text] of texts.entries()) {
      const verdict = await examine(text, dataset);
      times.push(verdict.ms);
      bytes += verdict.bytes;
      if (verdict.fixed) fixed++;
      worstPer100k = Math.max(worstPer100k, verdict.ms / Math.max(1, text.length / 100_000));
      for (const f of verdict.findings) counts[f.kind]++;
      if (verdict.findings.length > 0) {
        failures++;
        mkdirSync(o.out, { recursive: true });
        const name = `seed${o.seed}-run${done + k}`;
        writeFileSync(join(o.out, `${name}.md`), text);
        writeFileSync(join(o.out, `${name}.txt`), verdict.findings.map((f) => `${f.kind}: ${f.detail}`).join('\n\n') + '\n');
      }
    }
    process.stderr.write(`\r${Math.min(done + batch, o.runs)} / ${o.runs} briefs`);
  }
  process.stderr.write('\n');
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(1);
  const lines = [
    `briefcheck fuzz campaign: ${o.runs.toLocaleString('en-US')} mutated briefs, seed ${o.seed}, ${((performance.now() - started) / 1000).toFixed(0)} s`,
    `  input                  ${(bytes / 1e6).toFixed(1)} MB, ${seeds.length} seed briefs`,
    `  crashes                ${counts.crash}`,
    `  checks over budget     ${counts.slow}   (2 s per 100 KB; worst ${worstPer100k.toFixed(0)} ms per 100 KB)`,
    `  check time             median ${pct(50)} ms, p99 ${pct(99)} ms, max ${times[times.length - 1]!.toFixed(0)} ms`,
    `  CLI/editor differences ${counts['cli-server-differ']}`,
    `  --fix not idempotent   ${counts['fix-not-idempotent']}   (of ${fixed.toLocaleString('en-US')} briefs --fix changed)`,
    failures > 0 ? `  ${failures} failing briefs written to ${o.out}` : '  no failing brief',
  ];
  process.stdout.write(lines.join('\n') + '\n');
  return failures > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`fuzz: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
