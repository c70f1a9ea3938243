// Writes the generated parts of the extension (npm run generate): `contributes.configuration` in
// package.json from the rules' metadata, and syntaxes/briefcheck-markdown.tmLanguage.json from the
// bundled dataset's surface forms. The TypeScript sources are bundled in memory with esbuild.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = `
  import { rules } from './server/src/core/rules/index';
  import { loadDataset } from './server/src/node/dataset';
  import { configurationContribution, markdownGrammar } from './scripts/extension-manifest';
  export const configuration = configurationContribution(rules);
  export async function grammar(dataDir) {
    const { dataset } = await loadDataset([], { dataDir });
    return markdownGrammar(dataset.surfaceForms());
  }
`;
const result = await esbuild.build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  write: false,
  logLevel: 'warning',
  // Bundled packages that use require() need it in an ES module.
  banner: { js: `import { createRequire as __cr } from 'node:module'; const require = __cr(${JSON.stringify(join(root, 'package.json'))});` },
});
const code = result.outputFiles[0].text;
const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);

const manifestPath = join(root, 'package.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
manifest.contributes = { ...manifest.contributes, configuration: mod.configuration };
writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
console.log(`wrote package.json contributes.configuration (${Object.keys(mod.configuration.properties['briefcheck.rules'].properties).length} rules)`);

const grammarPath = join(root, 'syntaxes', 'briefcheck-markdown.tmLanguage.json');
writeFileSync(grammarPath, JSON.stringify(await mod.grammar(join(root, 'data')), null, 2) + '\n');
console.log('wrote syntaxes/briefcheck-markdown.tmLanguage.json');
