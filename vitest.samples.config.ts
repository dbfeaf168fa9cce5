import { defineConfig } from 'vitest/config';
import { shared } from './vitest.config.ts';

// `npm run test:samples`: the suites that read ../shared/samples (scans, more pages, real pages).
export default defineConfig({ test: { ...shared, include: ['test/**/*.samples.test.ts'] } });
