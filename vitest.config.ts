import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser tests share two cores with Chromium; generous limits, never a timing assertion.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Browser suites start Chromium each; two cores fit two at a time.
    maxWorkers: 2,
  },
});
