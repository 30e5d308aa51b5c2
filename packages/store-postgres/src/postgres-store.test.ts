import { eventStoreConformanceCases, outboxConformanceCases } from '@incident-comms/core/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AppendConflictError,
  createPostgresStore,
  migrate,
  PostgresStoreError,
  SCHEMA_VERSION,
} from './index';
import { type PgCluster, startPgCluster } from './testing/index';

let cluster: PgCluster;
let pool: pg.Pool;
beforeAll(async () => {
  cluster = await startPgCluster();
  pool = new pg.Pool({ connectionString: cluster.url, max: 10 });
  // The server shutting down at the end reaches idle clients as an error event.
  pool.on('error', () => {});
}, 60_000);
afterAll(async () => {
  await pool?.end();
  await cluster?.stop();
});

let n = 0;
const fresh = async () => {
  const schema = `conf_${++n}`;
  await migrate({ pool, schema });
  return createPostgresStore<unknown>({ pool, schema });
};

describe('createPostgresStore (a real PostgreSQL server)', () => {
  const cases = [...outboxConformanceCases(fresh), ...eventStoreConformanceCases(fresh)];
  for (const c of cases) it(c.name, () => c.run());

  it('migrate is explicit, versioned and idempotent, and safe to run concurrently', async () => {
    const results = await Promise.all([1, 2, 3].map(() => migrate({ pool, schema: 'migrate_twice' })));
    expect(results.flat()).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
    expect(await migrate({ pool, schema: 'migrate_twice' })).toEqual([]);
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(migrate({ pool, schema: 'x"; DROP TABLE y; --' })).rejects.toBeInstanceOf(
      PostgresStoreError,
    );
  });

  it('two appends with the same expected position: exactly one wins, the other gets a typed conflict', async () => {
    const store = await fresh();
    await store.append('inc', { type: 'declared' }, { expectedPosition: 0 });
    for (let round = 0; round < 20; round++) {
      const base = await store.length('inc');
      const results = await Promise.allSettled(
        [0, 1, 2, 3].map((i) => store.append('inc', { type: 'note', round, i }, { expectedPosition: base })),
      );
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      for (const r of lost) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(AppendConflictError);
    }
    expect(await store.length('inc')).toBe(21);
  });

  it('appends without an expected position from many clients are all kept, totally ordered', async () => {
    const store = await fresh();
    const positions = await Promise.all(Array.from({ length: 40 }, (_, i) => store.append('inc', { i })));
    expect([...positions].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect((await store.load('inc')).length).toBe(40);
  });

  it('a reminder is claimed by exactly one of many concurrent claimers', async () => {
    const store = await fresh();
    const reminder = { kind: 'update.due', key: '2026-03-03T14:30:00.000Z', at: '2026-03-03T14:25:00.000Z' };
    const claims = await Promise.all(Array.from({ length: 10 }, () => store.claimReminder('inc', reminder)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await store.firedReminders('inc')).toEqual([reminder]);
  });
});
