// The esbuild options every bundle shares, used by scripts/build.mjs and by the tests that build a
// bundle of their own, so a test runs what the build ships.
import { configValidatorPlugin } from './config-validator.mjs';

export const bundleOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  mainFields: ['module', 'main'],
  // ESM dependencies (tinyglobby's fdir) call createRequire(import.meta.url), which is empty in a
  // CommonJS bundle; give them the bundle's own URL instead.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  // The configuration's validator, compiled at build time (scripts/config-validator.mjs).
  plugins: [configValidatorPlugin],
};
