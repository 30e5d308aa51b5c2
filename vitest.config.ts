import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Tests run against the TypeScript sources through the one source map of the workspace, the
 * `paths` of tsconfig.json (`@incident-comms/core/testing` → `packages/core/src/entries/testing.ts`),
 * so a new entry is added in one place. `test/built/` checks the built artifacts the way a
 * consumer imports them.
 */
function sourceAliases(): Array<{ find: RegExp; replacement: string }> {
  const tsconfig = JSON.parse(readFileSync(src('./tsconfig.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, [string]> };
  };
  const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return (
    Object.entries(tsconfig.compilerOptions.paths)
      // Exact names first: a wildcard (`core/*`) must not catch `core/testing`'s own entry.
      .sort(([a], [b]) => Number(a.includes('*')) - Number(b.includes('*')))
      .map(([name, [target]]) => ({
        find: new RegExp(`^${name.split('*').map(escapeRegExp).join('(.+)')}$`),
        replacement: src(`./${target.replace('*', '$1')}`),
      }))
  );
}

export default defineConfig({
  resolve: { alias: sourceAliases() },
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
