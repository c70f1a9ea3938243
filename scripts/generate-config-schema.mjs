// Writes schemas/briefcheck.schema.json from the rules' metadata (npm run generate). The TypeScript
// sources are imported through esbuild in memory, so no build step is needed first.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importTs, root } from './import-ts.mjs';

const { schema } = await importTs(`
  import { rules } from './server/src/core/rules/index';
  import { buildConfigSchema } from './server/src/node/config-schema';
  export const schema = buildConfigSchema(rules);
`);
const out = join(root, 'schemas', 'briefcheck.schema.json');
writeFileSync(out, JSON.stringify(schema, null, 2) + '\n');
console.log(`wrote ${out.slice(root.length + 1)} (${Object.keys(schema.properties.rules.properties).length} rules)`);
