import { startPgCluster, type PgCluster } from '@incident-comms/store-postgres/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cli } from './cli.test-support';

let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startPgCluster();
}, 60_000);
afterAll(() => cluster?.stop());

it('db migrate creates the schema once, then reports it up to date', async () => {
  const first = await cli(['db', 'migrate', '--url', cluster.url, '--schema', 'cli_test']);
  expect(first.code).toBe(0);
  expect(first.stdout).toMatch(/^schema cli_test: applied migration 1\n$/);
  const again = await cli(['db', 'migrate', '--url', cluster.url, '--schema', 'cli_test']);
  expect(again.stdout).toBe('schema cli_test: already up to date\n');
});

it('db migrate without a URL says how to give one', async () => {
  const saved = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  try {
    const result = await cli(['db', 'migrate']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--url or set DATABASE_URL/);
  } finally {
    if (saved !== undefined) process.env.DATABASE_URL = saved;
  }
});
