/**
 * The fault test as a test: runs the driver (three worker processes, SIGKILLs, a PostgreSQL
 * restart, a real SMTP server) and asserts on the line it prints. Run with `npm run test:faults`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const driver = fileURLToPath(new URL('./run-faults.ts', import.meta.url));

it('no delivery is lost, duplicated or out of order while workers are killed and PostgreSQL restarts', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', driver], { encoding: 'utf8', timeout: 900_000 });
  const line = run.stdout.split('\n').find((l) => l.startsWith('faults: '));
  process.stdout.write(`${run.stderr}\n${line ?? run.stdout}\n`);
  expect(line).toBeDefined();
  const figures = Object.fromEntries(
    line!
      .slice('faults: '.length)
      .split(' ')
      .map((pair) => pair.split('=') as [string, string])
      .map(([k, v]) => [k, Number(v)]),
  );
  expect(figures.kills).toBeGreaterThanOrEqual(20);
  expect(figures.pg_restarts).toBe(1);
  expect(figures.recipients).toBe(10_000);
  expect(figures).toMatchObject({ lost: 0, duplicated: 0, out_of_order: 0 });
  expect(run.status).toBe(0);
}, 900_000);
