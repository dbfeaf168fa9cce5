import { defineConfig } from 'vitest/config';

// `npm test`: every suite that needs nothing beside the repository. Suites that read the large
// sample sets in ../shared are named *.samples.test.ts and run with `npm run test:samples`
// (vitest.samples.config.ts), which CI runs too. Suites that need a running scheduler are named
// *.cluster.test.ts and run with `npm run test:cluster` (vitest.cluster.config.ts), in CI too.
export const shared = {
  globalSetup: ['test/global-setup.ts'],
  // Real SQLite files, real images and real OCR: give slow integration tests room, and keep
  // the two cores for the work itself rather than many parallel test files.
  testTimeout: 120_000,
  hookTimeout: 120_000,
  // The browser tests poll the page; on a loaded 2-core CI machine a second is not always enough.
  expect: { poll: { timeout: 15_000, interval: 100 } },
  pool: 'forks' as const,
  maxWorkers: 2,
};

export default defineConfig({
  test: {
    ...shared,
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/**/*.samples.test.ts', 'test/**/*.cluster.test.ts'],
  },
});
