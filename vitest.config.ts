import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser tests share two cores with Chromium; generous limits, never a timing assertion.
    testTimeout: 60_000,
    // expect.poll waits on the UI (debounced previews, a busy CI machine): 1 s is too tight.
    expect: { poll: { timeout: 10_000, interval: 50 } },
    hookTimeout: 60_000,
    // Browser suites start Chromium each; two cores fit two at a time.
    maxWorkers: 2,
  },
});
