/**
 * The one build configuration every package uses: ESM + CJS + .d.ts for Node 20, from the
 * package's `tsconfig.build.json`. Each package's tsup.config.ts names only its entries.
 */
import { defineConfig, type Options } from 'tsup';

export function packageBuild(entry: Record<string, string>): ReturnType<typeof defineConfig> {
  const options: Options = {
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    tsconfig: 'tsconfig.build.json',
  };
  return defineConfig(options);
}
