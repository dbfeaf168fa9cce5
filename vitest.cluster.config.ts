import { defineConfig } from 'vitest/config';
import { shared } from './vitest.config.ts';

// `npm run test:cluster`: the suites that submit work to a real scheduler (a one-node Slurm
// cluster from Debian's packages, scripts/cluster/slurm-up.sh). Run as root; CI runs it.
export default defineConfig({
  test: {
    ...shared,
    include: ['test/**/*.cluster.test.ts'],
    testTimeout: 900_000,
    hookTimeout: 300_000,
    maxWorkers: 1,
  },
});
