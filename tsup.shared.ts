/**
 * The one build configuration every package uses: ESM + CJS + .d.ts for Node 22+, from the
 * package's `tsconfig.build.json`. Each package's tsup.config.ts names only its entries.
 */
import { defineConfig, type Options } from 'tsup';

export function packageBuild(entry: Record<string, string>): ReturnType<typeof defineConfig> {
  const options: Options = {
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    // Shared chunks in CJS too: every entry of a package (`.`, `./node`, `./testing`) loads one
    // copy of the package's modules, so classes and registries are the same across entries.
    splitting: true,
    sourcemap: true,
    target: 'node22',
    // `import.meta.url` in the CJS build (and `__dirname` in ESM) for modules that locate files.
    shims: true,
    tsconfig: 'tsconfig.build.json',
  };
  return defineConfig(options);
}
