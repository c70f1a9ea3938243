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
  },
});
