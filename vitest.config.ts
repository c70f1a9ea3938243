import { defineConfig } from 'vitest/config';

// Unit, fixture and protocol tests. The end-to-end suite runs inside VS Code (test/e2e), not here.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', '.cache/**'],
    testTimeout: 20000,
  },
});
