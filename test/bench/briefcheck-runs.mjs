// briefcheck's rows in the benchmark: the built CLI over the corpus (placeholder until it lands).
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export async function briefcheckRuns({ root }) {
  if (!existsSync(join(root, 'dist/cli.js'))) return { notes: ['briefcheck not measured: dist/cli.js is not built'] };
  return { notes: [] };
}
