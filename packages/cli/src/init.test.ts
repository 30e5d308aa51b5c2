import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, exampleRunbook } from './cli.test-support';

describe('incident-comms init', () => {
  it('writes the starter runbook, which passes runbook check as written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'init-'));
    const file = join(dir, 'runbook.yaml');
    const run = await cli(['init', file]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`wrote ${file}`);
    expect(await readFile(file, 'utf8')).toBe(await readFile(exampleRunbook, 'utf8'));
    expect((await cli(['runbook', 'check', file])).code).toBe(0);
  });

  it('never overwrites an existing file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'init-'));
    const file = join(dir, 'runbook.yaml');
    await writeFile(file, 'roles: mine\n');
    const run = await cli(['init', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('already exists');
    expect(await readFile(file, 'utf8')).toBe('roles: mine\n');
  });
});
