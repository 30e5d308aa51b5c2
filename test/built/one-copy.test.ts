/**
 * Regression (issue 17): `@incident-comms/core/node` in CommonJS once bundled its own copy of
 * core, so its errors failed `instanceof RunbookError` and a check registered through the root
 * entry was missing from `loadRunbook`. Every entry of a package, ESM or CJS, must share one copy.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const core = join(root, 'packages/core');
const requireFromCore = createRequire(join(core, 'package.json'));
type Core = typeof import('@incident-comms/core');
type CoreNode = typeof import('@incident-comms/core/node');

const badRunbook = join(mkdtempSync(join(tmpdir(), 'one-copy-')), 'runbook.yaml');
writeFileSync(badRunbook, 'roles: 42\n');

describe('one copy of core per module system', () => {
  it('CJS: errors from ./node are instances of the root entry classes', async () => {
    const index = requireFromCore(join(core, 'dist/index.cjs')) as Core;
    const node = requireFromCore(join(core, 'dist/node.cjs')) as CoreNode;
    const error = await node.loadRunbook(badRunbook).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(index.RunbookError);
    expect(error).toBeInstanceOf(index.IncidentCommsError);
    const missing = await node.loadRunbook(join(root, 'no-such-runbook.yaml')).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(index.IncidentCommsError);
  });

  it('ESM: errors from ./node are instances of the root entry classes', async () => {
    const index = (await import(pathToFileURL(join(core, 'dist/index.js')).href)) as Core;
    const node = (await import(pathToFileURL(join(core, 'dist/node.js')).href)) as CoreNode;
    const error = await node.loadRunbook(badRunbook).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(index.RunbookError);
  });

  it('CJS: another package requiring core gets the same copy as the host', () => {
    const index = requireFromCore(join(core, 'dist/index.cjs')) as Core;
    const fromTemplates = createRequire(join(root, 'packages/templates/package.json'))(
      '@incident-comms/core',
    ) as Core;
    expect(fromTemplates.IncidentCommsError).toBe(index.IncidentCommsError);
  });
});
