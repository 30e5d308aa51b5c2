import { defineConfig } from 'vitest/config';
import base from './vitest.config';

// `npm run test:faults`: the long fault tests (worker kills, server restarts), run by CI apart
// from the main suite.
export default defineConfig({
  ...base,
  test: { ...base.test, include: ['packages/*/test/**/*.faults.test.ts'], exclude: [], testTimeout: 900_000 },
});
