/**
 * Two desk instances on one database (issue 21): each runs its own coordinator over the shared
 * PostgreSQL store on its own (simulated) clock. Over two hours of a SEV1 cadence, every
 * reminder fires exactly once across both, the same set a single instance fires alone.
 */
import { type Coordinator, createCoordinator, createSimulatedClock, replay } from '@incident-comms/core';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { roleAssignments, t, testRunbook } from '../../core/test/support';
import { createPostgresStore, migrate } from './index';
import { type PgCluster, startPgCluster } from './testing/index';

let cluster: PgCluster;
const pools: pg.Pool[] = [];
beforeAll(async () => {
  cluster = await startPgCluster();
}, 60_000);
afterAll(async () => {
  for (const p of pools) await p.end();
  await cluster?.stop();
});

const runbook = testRunbook();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function listen(coordinator: Coordinator, seen: string[]) {
  coordinator.on('update.due', (r) => seen.push(`due ${r.dueAt}`));
  coordinator.on('update.overdue', (r) => seen.push(`overdue ${r.dueAt} step ${r.escalation.step}`));
  coordinator.on('checkpoint.due', (r) => seen.push(`checkpoint ${r.dueAt}`));
}

async function declare(coordinator: Coordinator) {
  await coordinator.dispatch('inc-1', {
    type: 'declared',
    actor: 'dana',
    title: 'Checkout down',
    incidentType: 'checkout',
    severity: 'SEV1',
  });
  await coordinator.dispatch('inc-1', {
    type: 'roles.assigned',
    actor: 'dana',
    roles: roleAssignments(),
  } as never);
}

it('two instances on one database: every reminder of a two-hour SEV1 incident fires once', async () => {
  const instance = async () => {
    const pool = new pg.Pool({ connectionString: cluster.url, max: 4 });
    pool.on('error', () => {});
    pools.push(pool);
    const store = createPostgresStore({ pool, schema: 'shared' });
    const clock = createSimulatedClock(t(0));
    return { store, clock, coordinator: createCoordinator({ runbook, clock, store }) };
  };
  const admin = new pg.Pool({ connectionString: cluster.url, max: 1 });
  admin.on('error', () => {});
  pools.push(admin);
  await migrate({ pool: admin, schema: 'shared' });
  const a = await instance();
  const b = await instance();
  const seenA: string[] = [];
  const seenB: string[] = [];
  listen(a.coordinator, seenA);
  listen(b.coordinator, seenB);
  await declare(a.coordinator);
  await b.coordinator.start(); // the second instance picks the incident up from the database
  for (let minute = 1; minute <= 120; minute++) {
    a.clock.advanceTo(t(minute));
    b.clock.advanceTo(t(minute));
    await sleep(25);
  }
  await sleep(1_000);
  a.coordinator.stop();
  b.coordinator.stop();

  const reference: string[] = [];
  const alone = createSimulatedClock(t(0));
  const single = createCoordinator({ runbook, clock: alone });
  listen(single, reference);
  await declare(single);
  alone.advanceTo(t(120));
  single.stop();

  const all = [...seenA, ...seenB];
  expect(reference.length).toBeGreaterThan(8);
  expect(new Set(all).size).toBe(all.length); // none fired twice
  expect([...all].sort()).toEqual([...reference].sort()); // none lost
  expect(seenA.length).toBeGreaterThan(0);
}, 120_000);

it('two instances deciding at once on one database: every event lands once, the log replays', async () => {
  const admin = new pg.Pool({ connectionString: cluster.url, max: 1 });
  admin.on('error', () => {});
  pools.push(admin);
  await migrate({ pool: admin, schema: 'race' });
  const make = () => {
    const pool = new pg.Pool({ connectionString: cluster.url, max: 4 });
    pool.on('error', () => {});
    pools.push(pool);
    const store = createPostgresStore({ pool, schema: 'race' });
    return { store, coordinator: createCoordinator({ runbook, clock: createSimulatedClock(t(0)), store }) };
  };
  const a = make();
  const b = make();
  await a.coordinator.start();
  await b.coordinator.start();
  const declared = {
    type: 'declared',
    actor: 'dana',
    title: 'Checkout down',
    incidentType: 'checkout',
    severity: 'SEV1',
  } as const;
  // both declare the same incident at once: exactly one declaration stands
  const declarations = await Promise.allSettled([
    a.coordinator.dispatch('inc-race', declared),
    b.coordinator.dispatch('inc-race', declared),
  ]);
  expect(declarations.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
  await b.coordinator.dispatch('inc-race', {
    type: 'roles.assigned',
    actor: 'dana',
    roles: roleAssignments(),
  } as never);
  const notes = Array.from({ length: 20 }, (_, i) => `hold ${i}`);
  const held = await Promise.allSettled(
    notes.map((note, i) =>
      (i % 2 ? a : b).coordinator.dispatch('inc-race', {
        type: 'checkpoint.held',
        actor: 'lee',
        note,
      } as never),
    ),
  );
  expect(held.filter((o) => o.status === 'rejected')).toEqual([]);
  const log = await a.store.load('inc-race');
  expect(log.filter((e) => e.type === 'declared')).toHaveLength(1);
  const stored = log.flatMap((e) => ('note' in e && typeof e.note === 'string' ? [e.note] : []));
  expect([...stored].sort()).toEqual([...notes].sort());
  expect(() => replay(log)).not.toThrow();
  expect(await a.coordinator.refresh('inc-race')).toEqual(await b.coordinator.refresh('inc-race'));
  a.coordinator.stop();
  b.coordinator.stop();
}, 60_000);
