// An esbuild plugin that replaces server/src/node/config-validator.ts in a bundle with the
// validator already compiled: ajv's standalone code for schemas/briefcheck.schema.json, made with
// the module's own options (configAjv), so the bundle does not compile the schema at every start.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = resolve(root, 'server/src/node/config-validator.ts');

/** The standalone validator's CommonJS source, compiled by the module's own configAjv. */
async function standaloneSource() {
  const built = await esbuild.build({ entryPoints: [source], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'warning' });
  const module = { exports: {} };
  const require = createRequire(source);
  new Function('module', 'exports', 'require', built.outputFiles[0].text)(module, module.exports, require);
  const { configAjv } = module.exports;
  const standaloneCode = require('ajv/dist/standalone').default;
  const ajv = configAjv({ source: true });
  const validate = ajv.compile(JSON.parse(readFileSync(resolve(root, 'schemas/briefcheck.schema.json'), 'utf8')));
  return standaloneCode(ajv, validate);
}

export const configValidatorPlugin = {
  name: 'briefcheck-config-validator',
  setup(build) {
    let code;
    build.onLoad({ filter: /[\\/]server[\\/]src[\\/]node[\\/]config-validator\.ts$/ }, async () => {
      code ??= await standaloneSource();
      // The standalone module assigns module.exports; it runs in a scope of its own here.
      const contents = `const validate = (() => { const module = { exports: {} }; const exports = module.exports;\n${code}\nreturn module.exports.default; })();\nexports.compileConfigValidator = () => validate;\n`;
      return { contents, loader: 'js', resolveDir: root };
    });
  },
};
