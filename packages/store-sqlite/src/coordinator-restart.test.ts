/**
 * The coordinator on the SQLite store across process restarts (issue 16): every reminder fires
 * exactly once however often the process restarts, and an incident whose stored log no longer
 * replays is quarantined while the others keep working.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Coordinator, createCoordinator, createSimulatedClock } from '@incident-comms/core';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { roleAssignments, t, testRunbook } from '../../core/test/support';
import { createSqliteStore } from './index';

const dir = mkdtempSync(join(tmpdir(), 'store-sqlite-coordinator-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const runbook = testRunbook();
const roles = roleAssignments();

function listen(coordinator: Coordinator, seen: string[]) {
  coordinator.on('update.due', (r) => seen.push(`${r.incidentId} due ${r.dueAt}`));
  coordinator.on('update.overdue', (r) =>
    seen.push(`${r.incidentId} overdue ${r.dueAt} step ${r.escalation.step} ${r.escalation.to}`),
  );
  coordinator.on('checkpoint.due', (r) => seen.push(`${r.incidentId} checkpoint ${r.dueAt}`));
}

async function declare(coordinator: Coordinator, id: string, severity: 'SEV1' | 'SEV2') {
  await coordinator.dispatch(id, {
    type: 'declared',
    actor: 'dana',
    title: `Incident ${id}`,
    incidentType: 'checkout',
    severity,
  });
  await coordinator.dispatch(id, { type: 'roles.assigned', actor: 'dana', roles } as never);
}

describe('coordinator on the SQLite store', () => {
  it('fires each reminder exactly once across restarts every few minutes', async () => {
    const path = join(dir, 'restarts.db');
    const seen: string[] = [];
    let store = createSqliteStore({ path });
    let clock = createSimulatedClock(t(0));
    let coordinator = createCoordinator({ runbook, clock, store });
    listen(coordinator, seen);
    await declare(coordinator, 'inc-a', 'SEV1');
    await declare(coordinator, 'inc-b', 'SEV2');
    for (const minute of [3, 11, 15, 16, 22, 31, 47, 60]) {
      clock.advanceTo(t(minute));
      coordinator.stop();
      store.close(); // the process exits
      store = createSqliteStore({ path });
      clock = createSimulatedClock(t(minute));
      coordinator = createCoordinator({ runbook, clock, store });
      listen(coordinator, seen);
      await coordinator.start();
    }
    coordinator.stop();
    store.close();

    // The same run without restarts fires the same reminders.
    const reference: string[] = [];
    const referenceClock = createSimulatedClock(t(0));
    const uninterrupted = createCoordinator({ runbook, clock: referenceClock });
    listen(uninterrupted, reference);
    await declare(uninterrupted, 'inc-a', 'SEV1');
    await declare(uninterrupted, 'inc-b', 'SEV2');
    referenceClock.advanceTo(t(60));
    uninterrupted.stop();

    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...reference].sort());
    expect(seen).toContain(`inc-a overdue ${t(15)} step 2 backup`);
  });

  it('quarantines a corrupt incident log; the other incidents and new ones keep working', async () => {
    const path = join(dir, 'corrupt.db');
    let store = createSqliteStore({ path });
    const first = createCoordinator({ runbook, clock: createSimulatedClock(t(0)), store });
    await declare(first, 'inc-good', 'SEV1');
    await declare(first, 'inc-bad', 'SEV1');
    first.stop();
    store.close();
    // Corrupt the second event of inc-bad on disk.
    const raw = new Database(path);
    raw
      .prepare(
        'UPDATE events SET event = \'{"type":"roles.assigned"}\' WHERE incident_id = \'inc-bad\' AND seq = 2',
      )
      .run();
    raw.close();

    store = createSqliteStore({ path });
    const clock = createSimulatedClock(t(1));
    const coordinator = createCoordinator({ runbook, clock, store });
    const quarantined: string[] = [];
    coordinator.on('incident.quarantined', ({ incidentId, error }) =>
      quarantined.push(`${incidentId} ${error.code} event ${error.eventIndex} ${error.eventType}`),
    );
    const seen: string[] = [];
    listen(coordinator, seen);
    await coordinator.start();
    expect(quarantined).toEqual(['inc-bad stored_log_invalid event 1 roles.assigned']);
    await expect(
      coordinator.dispatch('inc-bad', { type: 'checkpoint.held', actor: 'dana' }),
    ).rejects.toMatchObject({ code: 'incident_quarantined' });
    await coordinator.dispatch('inc-good', { type: 'checkpoint.held', actor: 'dana' });
    await declare(coordinator, 'inc-new', 'SEV2');
    clock.advanceTo(t(11));
    expect(seen).toEqual([`inc-good due ${t(15)}`]);
    expect(coordinator.incidents()).toEqual(['inc-good', 'inc-new']);
    coordinator.stop();
    store.close();
  });
});
