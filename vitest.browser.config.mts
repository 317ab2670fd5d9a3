import { defineConfig } from 'vitest/config';

// Browser tests: build the pane with webpack (test/browser/globalSetup.ts), serve dist/ on 127.0.0.1 and
// drive Debian's Chromium with playwright-core. `npm run test:browser`; SKIP_BUILD=1 reuses dist/.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/browser/globalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
