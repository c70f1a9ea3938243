// Writes schemas/briefcheck.schema.json from the rules' metadata (npm run generate). The TypeScript
// sources are bundled in memory with esbuild, so no build step is needed first.
import * as esbuild from 'esbuild';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = `
  import { rules } from './server/src/core/rules/index';
  import { buildConfigSchema } from './server/src/node/config-schema';
  export const schema = buildConfigSchema(rules);
`;
const result = await esbuild.build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  write: false,
  logLevel: 'warning',
});
const code = result.outputFiles[0].text;
const { schema } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
const out = join(root, 'schemas', 'briefcheck.schema.json');
writeFileSync(out, JSON.stringify(schema, null, 2) + '\n');
console.log(`wrote ${out.slice(root.length + 1)} (${Object.keys(schema.properties.rules.properties).length} rules)`);
