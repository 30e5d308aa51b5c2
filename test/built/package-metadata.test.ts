/**
 * What an adopter installing one tarball relies on (issue 17): a license file inside the
 * package, real repository metadata, a `prepack` that builds (packing a fresh clone never
 * yields a package without `dist/`), and `engines` naming the Node versions CI tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
interface Manifest {
  name: string;
  private?: boolean;
  license?: string;
  files?: string[];
  engines?: { node?: string };
  repository?: { url?: string; directory?: string };
  scripts?: Record<string, string>;
}
const manifests = readdirSync(join(root, 'packages'))
  .filter((dir) => existsSync(join(root, 'packages', dir, 'package.json')))
  .map(
    (dir) =>
      [
        dir,
        JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) as Manifest,
      ] as const,
  )
  .filter(([, pkg]) => !pkg.private);

describe.each(manifests)('packages/%s', (dir, pkg) => {
  it('ships the MIT license file', () => {
    expect(pkg.license).toBe('MIT');
    expect(pkg.files).toContain('LICENSE');
    expect(readFileSync(join(root, 'packages', dir, 'LICENSE'), 'utf8')).toBe(
      readFileSync(join(root, 'LICENSE'), 'utf8'),
    );
  });

  it('names its repository folder and builds before packing', () => {
    expect(pkg.repository?.url).toMatch(/^git\+https:\/\/github\.com\//);
    expect(pkg.repository?.directory).toBe(`packages/${dir}`);
    expect(pkg.scripts?.prepack).toMatch(/tsup/);
  });

  it('declares the Node versions CI tests (22 and 24)', () => {
    expect(pkg.engines?.node).toBe('>=22');
  });
});
