import { defineConfig } from 'vitest/config';

// Unit, fixture and protocol tests. The end-to-end suite runs inside VS Code (test/e2e), not here.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', '.cache/**'],
    testTimeout: 20000,
    // dist/ is built once for every test that runs the bundles (test/global-build.ts).
    globalSetup: ['test/global-build.ts'],
    // A fixed seed for property tests (test/fast-check-seed.ts says how to explore others).
    setupFiles: ['test/fast-check-seed.ts'],
    // Servers the tests start remember no results in the user's cache folder (node/result-memory.ts):
    // one test's results would answer another's first pull. Tests of that memory choose a folder.
    // Nor V8 code caches (node/code-cache.ts) there, for the built servers and command line: tests of
    // those caches choose a folder of their own.
    env: { BRIEFCHECK_RESULT_CACHE: 'off', BRIEFCHECK_CODE_CACHE: 'off' },
  },
});
