import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Tests run against the TypeScript sources; `test/built/` checks the built artifacts
// the way a consumer imports them.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@incident-comms\/core\/(.+)$/, replacement: src('./packages/core/src/entries/$1.ts') },
      { find: /^@incident-comms\/core$/, replacement: src('./packages/core/src/index.ts') },
      { find: /^@incident-comms\/templates$/, replacement: src('./packages/templates/src/index.ts') },
      { find: /^@incident-comms\/channel-slack$/, replacement: src('./packages/channel-slack/src/index.ts') },
      { find: /^@incident-comms\/channel-email$/, replacement: src('./packages/channel-email/src/index.ts') },
      {
        find: /^@incident-comms\/channel-teams\/testing$/,
        replacement: src('./packages/channel-teams/src/testing/index.ts'),
      },
      { find: /^@incident-comms\/channel-teams$/, replacement: src('./packages/channel-teams/src/index.ts') },
      {
        find: /^@incident-comms\/channel-webhook\/testing$/,
        replacement: src('./packages/channel-webhook/src/testing/index.ts'),
      },
      {
        find: /^@incident-comms\/channel-webhook$/,
        replacement: src('./packages/channel-webhook/src/index.ts'),
      },
      {
        find: /^@incident-comms\/channel-statuspage\/testing$/,
        replacement: src('./packages/channel-statuspage/src/testing/index.ts'),
      },
      {
        find: /^@incident-comms\/channel-statuspage$/,
        replacement: src('./packages/channel-statuspage/src/index.ts'),
      },
      { find: /^@incident-comms\/http$/, replacement: src('./packages/http/src/index.ts') },
      { find: /^@incident-comms\/store-sqlite$/, replacement: src('./packages/store-sqlite/src/index.ts') },
      {
        find: /^@incident-comms\/store-postgres\/testing$/,
        replacement: src('./packages/store-postgres/src/testing/index.ts'),
      },
      {
        find: /^@incident-comms\/store-postgres$/,
        replacement: src('./packages/store-postgres/src/index.ts'),
      },
    ],
  },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'examples/**/*.test.ts',
      'test/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    // The long fault tests run apart: `npm run test:faults`.
    exclude: [...configDefaults.exclude, '**/*.faults.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
