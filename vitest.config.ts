import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Real SQLite files, real images and real OCR: give slow integration tests room, and keep
    // the two cores for the work itself rather than many parallel test files.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The browser tests poll the page; on a loaded 2-core CI machine a second is not always enough.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    pool: 'forks',
    maxWorkers: 2,
  },
});
