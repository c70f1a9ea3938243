// Writes the generated parts of the extension (npm run generate): `contributes.configuration` in
// package.json from the rules' metadata, and syntaxes/briefcheck-markdown.tmLanguage.json from the
// bundled dataset's surface forms. The TypeScript sources are bundled in memory with esbuild.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importTs, root } from './import-ts.mjs';

const mod = await importTs(`
  import { rules } from './server/src/core/rules/index';
  import { loadDataset } from './server/src/node/dataset';
  import { configurationContribution, markdownGrammar } from './scripts/extension-manifest';
  export const configuration = configurationContribution(rules);
  export async function grammar(dataDir) {
    const { dataset } = await loadDataset([], { dataDir });
    return markdownGrammar(dataset.surfaceForms());
  }
`);

const manifestPath = join(root, 'package.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
manifest.contributes = { ...manifest.contributes, configuration: mod.configuration };
writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
console.log(`wrote package.json contributes.configuration (${Object.keys(mod.configuration.properties['briefcheck.rules'].properties).length} rules)`);

const grammarPath = join(root, 'syntaxes', 'briefcheck-markdown.tmLanguage.json');
writeFileSync(grammarPath, JSON.stringify(await mod.grammar(join(root, 'data')), null, 2) + '\n');
console.log('wrote syntaxes/briefcheck-markdown.tmLanguage.json');
