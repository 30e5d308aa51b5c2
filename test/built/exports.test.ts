/**
 * The built packages work the way a consumer loads them: ESM `import` and CJS `require` of
 * every `exports` entry resolve, expose the same names, and the CLI binary runs.
 * (Runs after `npm test` has built the packages; see scripts/setup.mjs.)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** Every published package of the workspace (a new package is covered without editing this list). */
const packages = readdirSync(join(root, 'packages')).filter((name) => {
  const file = join(root, 'packages', name, 'package.json');
  return existsSync(file) && !(JSON.parse(readFileSync(file, 'utf8')) as { private?: boolean }).private;
});

interface ConditionalExport {
  import: { types: string; default: string };
  require: { types: string; default: string };
}

describe.each(packages)('@incident-comms/%s (built)', (name) => {
  const dir = join(root, 'packages', name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    exports: Record<string, ConditionalExport | string>;
  };
  const entries = Object.entries(pkg.exports).filter(
    (e): e is [string, ConditionalExport] => typeof e[1] === 'object',
  );

  it.each(entries.map(([subpath, target]) => [subpath, target] as const))(
    '%s loads as ESM and CJS with the same names',
    async (_subpath, target) => {
      const esm = (await import(pathToFileURL(join(dir, target.import.default)).href)) as Record<
        string,
        unknown
      >;
      const cjs = createRequire(join(dir, 'package.json'))(join(dir, target.require.default)) as Record<
        string,
        unknown
      >;
      const esmNames = Object.keys(esm)
        .filter((k) => k !== 'default')
        .sort();
      expect(esmNames.length).toBeGreaterThan(0);
      expect(Object.keys(cjs).sort()).toEqual(esmNames);
      expect(readFileSync(join(dir, target.import.types), 'utf8')).toMatch(/export/);
      expect(readFileSync(join(dir, target.require.types), 'utf8')).toMatch(/export/);
    },
  );
});

describe('built behaviour', () => {
  it('core lints a draft from the CJS build exactly as from the ESM build', async () => {
    const core = join(root, 'packages/core');
    const esm = (await import(
      pathToFileURL(join(core, 'dist/index.js')).href
    )) as typeof import('@incident-comms/core');
    const cjs = createRequire(join(core, 'package.json'))(
      join(core, 'dist/index.cjs'),
    ) as typeof import('@incident-comms/core');
    const draft = 'Checkout is fixed. It was probably our payment provider.';
    const context = { kind: 'update', audience: 'customer' } as const;
    expect(cjs.lintMessage(draft, context)).toEqual(esm.lintMessage(draft, context));
    expect(esm.lintMessage(draft, context).map((d) => d.ruleId)).toContain('no-premature-resolution');
  });

  it('the incident-comms binary prints its help', () => {
    const out = execFileSync(process.execPath, [join(root, 'packages/cli/dist/bin.js'), '--help'], {
      encoding: 'utf8',
    });
    expect(out).toMatch(/^Usage: incident-comms \[options\] \[command\]/);
    expect(out).toMatch(/lint \[options\] \[file\]/);
  });
});
