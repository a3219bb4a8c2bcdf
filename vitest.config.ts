import { defineConfig } from 'vitest/config';

// Unit and integration tests sit beside the code they test. Browser tests (e2e/) run separately
// in Debian's Chromium, and benchmarks (bench/) print figures instead of asserting times.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.{ts,tsx}', 'data/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'e2e/**', 'bench/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
