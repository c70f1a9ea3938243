// `briefcheck data import usgs-mcs FILE.csv` and `briefcheck data import census FILE.json --period
// 2025-01..2025-06`: turn a downloaded USGS release table or a saved Census API response into a
// validated overlay (stdout, or --out FILE) and report on stderr what was read, what did not map to
// a mineral and what was skipped. Exit 0 on success, 2 on a usage error or a file it cannot import.

import { resolve } from 'node:path';
import { isIsoDate } from '../core/dataset/dates';
import { formatDataError, loadDataset } from '../node/dataset';
import { writeFileAtomic } from '../node/files';
import { importFile, ImportError, overlayText, validateOverlayText, type ImportKind, type ImportOptions } from '../node/importers/index';
import type { CliIo } from './io';
import { flagArgs } from './flag-args';

export const IMPORT_USAGE = `  briefcheck data import usgs-mcs FILE.csv [--out overlay.json] [--published YYYY-MM-DD --url URL]
  briefcheck data import census FILE.json --period YYYY-MM..YYYY-MM [--out overlay.json] [--query URL] [--published YYYY-MM-DD]
`;

class Usage extends Error {}

interface ImportArgs {
  kind: ImportKind;
  file: string;
  out?: string;
  options: Omit<ImportOptions, 'retrieved'>;
}

function parseImport(args: readonly string[]): ImportArgs {
  const [kind, ...rest] = args;
  if (kind !== 'usgs-mcs' && kind !== 'census') throw new Usage(kind ? `unknown import "${kind}" (usgs-mcs or census)` : 'data import needs usgs-mcs or census');
  const positional: string[] = [];
  const parsed: ImportArgs = { kind, file: '', options: {} };
  for (const { flag, value } of flagArgs(rest, (f) => new Usage(`${f} needs a value`))) {
    if (flag === '--out') parsed.out = value();
    else if (flag === '--url' || flag === '--query') parsed.options[flag === '--url' ? 'url' : 'query'] = value();
    else if (flag === '--published') {
      const d = value();
      if (!isIsoDate(d)) throw new Usage(`--published needs a date written YYYY-MM-DD, not "${d}"`);
      parsed.options.published = d;
    } else if (flag === '--period') {
      const m = /^(\d{4}-\d{2})\.\.(\d{4}-\d{2})$/.exec(value());
      if (!m) throw new Usage('--period needs two months written YYYY-MM..YYYY-MM');
      parsed.options.from = m[1]!;
      parsed.options.to = m[2]!;
    } else if (flag.startsWith('--')) throw new Usage(`unknown option ${flag}`);
    else positional.push(flag);
  }
  if (positional.length !== 1) throw new Usage(`data import ${kind} needs one FILE`);
  if (kind === 'census' && !parsed.options.from) throw new Usage('data import census needs --period YYYY-MM..YYYY-MM');
  parsed.file = positional[0]!;
  return parsed;
}

export async function runDataImport(args: readonly string[], io: CliIo, today: string): Promise<number> {
  let parsed: ImportArgs;
  try {
    parsed = parseImport(args);
  } catch (error) {
    if (!(error instanceof Usage)) throw error;
    io.stderr(`briefcheck: ${error.message}\nUsage:\n${IMPORT_USAGE}`);
    return 2;
  }
  const { dataset } = await loadDataset([], { cwd: io.cwd });
  let result;
  try {
    result = await importFile(parsed.kind, resolve(io.cwd, parsed.file), dataset, { ...parsed.options, retrieved: today });
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    io.stderr(`briefcheck: ${parsed.file}: ${error.message}\n`);
    return 2;
  }
  const text = overlayText(result);
  const problems = await validateOverlayText(text);
  if (problems.length) {
    for (const p of problems) io.stderr(`briefcheck: ${parsed.file}: the imported overlay is not valid: ${formatDataError(p)}\n`);
    return 2;
  }
  const lines = [`${parsed.file}: ${result.summary}.`];
  if (result.unmapped.length) lines.push(`Not mapped to a mineral (${result.unmapped.length}): ${result.unmapped.join('; ')}`);
  if (result.skipped.length) lines.push(`Skipped (${result.skipped.length}):`, ...result.skipped.map((s) => `  ${s}`));
  if (parsed.out) {
    await writeFileAtomic(resolve(io.cwd, parsed.out), text);
    lines.push(`Wrote ${result.overlay.observations?.length ?? 0} observations to ${parsed.out}; list it under "data" in .briefcheck.json or pass it with --data.`);
  } else {
    io.stdout(text);
  }
  io.stderr(`${lines.join('\n')}\n`);
  return 0;
}
