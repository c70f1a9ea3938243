// briefcheck's rows in the benchmark: the built CLI over the corpus on every core, then on one
// thread (both with the default, fast parser), then with the reference parser (`--parser remark`)
// on every core and on one (every output must be byte-identical), then the --cache scenarios of issue 6: a first run,
// a second with nothing changed, one brief changed, and the configuration changed.
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CONFIG = '.briefcheck.json';

/** "briefcheck: checked N briefs, M from the cache" as BRIEFCHECK_DEBUG prints it, or undefined. */
function checkedCount(stderrFile) {
  const m = /checked (\d+) briefs?, (\d+) from the cache/.exec(readFileSync(stderrFile, 'utf8'));
  return m ? { checked: Number(m[1]), cached: Number(m[2]) } : undefined;
}

/**
 * The corpus is made a brief repository of its own (a `.git` folder and a `.briefcheck.json`), as
 * briefs are in practice; otherwise this repository's .gitignore, which ignores .cache/, would hide it.
 */
function prepareRepository(corpusDir) {
  mkdirSync(join(corpusDir, '.git'), { recursive: true });
  writeFileSync(join(corpusDir, CONFIG), '{}\n');
}

export async function briefcheckRuns({ root, benchDir, corpusDir, corpus, run }) {
  const cli = join(root, 'dist/cli.js');
  if (!existsSync(cli)) return { notes: ['briefcheck not measured: dist/cli.js is not built (npm run build)'] };
  prepareRepository(corpusDir);
  const node = process.execPath;
  const args = [cli, '.', '--format', 'json'];
  const out = (name) => join(benchDir, `briefcheck-${name}.out`);
  const err = (name) => join(benchDir, `briefcheck-${name}.err`);
  const files = (name) => ({ stdoutFile: out(name), stderrFile: err(name), env: { BRIEFCHECK_DEBUG: '1' } });
  const same = (a, b) => readFileSync(out(a)).equals(readFileSync(out(b)));
  const notes = [];

  await run('briefcheck', node, args, files('parallel'));
  await run('briefcheck, 1 thread', node, args, { ...files('single'), env: { BRIEFCHECK_DEBUG: '1', BRIEFCHECK_WORKERS: '1' } });
  const identical = same('parallel', 'single');
  if (!identical) notes.push('parallel and single-threaded output differ: compare .cache/bench/briefcheck-parallel.out and -single.out');
  // The reference parser on the same corpus, in the same run: the default's output must be the same bytes.
  await run('briefcheck --parser remark', node, [...args, '--parser', 'remark'], files('remark'));
  await run('briefcheck --parser remark, 1 thread', node, [...args, '--parser', 'remark'], { ...files('remark-single'), env: { BRIEFCHECK_DEBUG: '1', BRIEFCHECK_WORKERS: '1' } });
  const sameAcrossParsers = same('parallel', 'remark') && same('parallel', 'remark-single');
  if (!sameAcrossParsers) notes.push('output differs with --parser remark: compare .cache/bench/briefcheck-parallel.out and -remark.out');

  const cacheFile = join(corpusDir, '.briefcheckcache');
  rmSync(cacheFile, { force: true });
  const cached = [...args, '--cache'];
  await run('briefcheck --cache, first', node, cached, files('cache-first'));
  await run('briefcheck --cache, unchanged', node, cached, files('cache-warm'));
  const changedFile = join(corpusDir, 'batch-000', 'brief-00000.md');
  const original = readFileSync(changedFile);
  const config = readFileSync(join(corpusDir, CONFIG));
  try {
    appendFileSync(changedFile, '\nChina supplied 63% of US imports of antimony oxides in 2024.\n');
    await run('briefcheck --cache, 1 brief changed', node, cached, files('cache-one'));
    writeFileSync(changedFile, original);
    writeFileSync(join(corpusDir, CONFIG), JSON.stringify({ rules: { 'unsourced-figure': 'off' } }));
    await run('briefcheck --cache, config changed', node, cached, files('cache-config'));
  } finally {
    writeFileSync(changedFile, original);
    writeFileSync(join(corpusDir, CONFIG), config);
  }
  const counts = Object.fromEntries(['cache-first', 'cache-warm', 'cache-one', 'cache-config'].map((n) => [n, checkedCount(err(n))]));
  if (!counts['cache-warm']) notes.push('the CLI did not report how many briefs it checked (BRIEFCHECK_DEBUG)');
  const fresh = (name) => (counts[name] ? counts[name].checked - counts[name].cached : undefined);
  return {
    identical,
    sameAcrossParsers,
    cache: {
      files: corpus.files,
      identical: same('parallel', 'cache-first') && same('parallel', 'cache-warm'),
      warm: fresh('cache-warm'),
      oneChanged: fresh('cache-one'),
      configChanged: fresh('cache-config'),
    },
    notes,
  };
}
