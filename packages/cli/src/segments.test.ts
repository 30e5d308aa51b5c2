/**
 * `lint --audience <segment>`: a segment the runbook declares is linted in its own zone, so a
 * Chicago agent's "9:30 AM CT" is right for Chicago and wrong for the London audience.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, exampleRunbook } from './cli.test-support';

let dir: string;
const DRAFT =
  'Invoices are not being sent for some customers. Our engineers are restarting the sending queue now. ' +
  'Next update by 9:30 AM CT.';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'incident-comms-segments-'));
  const base = await readFile(exampleRunbook, 'utf8');
  await writeFile(
    join(dir, 'runbook.yaml'),
    `${base}\naudiences:\n  customer-chicago: { audience: customer, timeZone: America/Chicago }\n  customer-london: { audience: customer, timeZone: Europe/London }\n`,
  );
  await writeFile(join(dir, 'draft.txt'), DRAFT);
});

const lint = (audience: string) =>
  cli([
    'lint',
    join(dir, 'draft.txt'),
    '--kind',
    'update',
    '--runbook',
    join(dir, 'runbook.yaml'),
    '--audience',
    audience,
    '--facts',
    '{"scope":"some"}',
    '--now',
    '2026-01-14T15:10:00Z',
    '--next-update',
    '2026-01-14T15:30:00Z',
    '--format',
    'json',
  ]);

describe('lint --audience with runbook segments', () => {
  it("reads each segment's clock times in its own zone", async () => {
    const chicago = await lint('customer-chicago');
    expect(chicago.stderr).toBe('');
    const [clean] = JSON.parse(chicago.stdout);
    expect(clean.diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'next-update-time')).toEqual([]);

    const [london] = JSON.parse((await lint('customer-london')).stdout);
    const zone = london.diagnostics.find((d: { ruleId: string }) => d.ruleId === 'next-update-time');
    expect(zone?.message).toMatch(/GMT/);
  });

  it('names the audiences and segments when given neither', async () => {
    const { code, stderr } = await lint('customer-paris');
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/customer-chicago, customer-london/);
  });
});
