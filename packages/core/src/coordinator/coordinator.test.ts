import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { publishEvents, resolveEvents } from '../../test/cadence';
import { checkoutStart, roleAssignments, t, testRunbook } from '../../test/support';
import { createMemoryEventStore } from '../delivery/memory-store';
import type { IncidentEvent, IncidentEventInput } from '../incident/index';
import {
  type Coordinator,
  type CoordinatorEventInput,
  CoordinatorStoppedError,
  createCoordinator,
  createSimulatedClock,
  type SimulatedClock,
  StoredLogError,
  type UpdateDueReminder,
} from './index';

const runbook = testRunbook();
const ID = 'inc-checkout';

interface Fired {
  kind: string;
  incidentId: string;
  at: string;
  dueAt: string;
  detail?: string;
}

/**
 * Records every reminder, with the simulated instant it fired at. Of an overdue update's
 * escalation only the first step is recorded; the later steps have their own tests.
 */
function record(coordinator: Coordinator): Fired[] {
  const fired: Fired[] = [];
  coordinator.on('update.due', (r) =>
    fired.push({ kind: 'update.due', incidentId: r.incidentId, at: r.at, dueAt: r.dueAt }),
  );
  coordinator.on(
    'update.overdue',
    (r) =>
      r.escalation.step === 1 &&
      fired.push({
        kind: 'update.overdue',
        incidentId: r.incidentId,
        at: r.at,
        dueAt: r.dueAt,
        detail: `${r.minutesLate} min late`,
      }),
  );
  coordinator.on('checkpoint.due', (r) =>
    fired.push({
      kind: 'checkpoint.due',
      incidentId: r.incidentId,
      at: r.at,
      dueAt: r.dueAt,
      detail: r.reasons.map((x) => x.reason).join(','),
    }),
  );
  return fired;
}

function setup(
  options: {
    severity?: 'SEV1' | 'SEV2' | 'SEV3';
    store?: ReturnType<typeof createMemoryEventStore<IncidentEvent>>;
  } = {},
) {
  const clock = createSimulatedClock(t(0));
  const coordinator = createCoordinator({ runbook, clock, store: options.store ?? createMemoryEventStore() });
  const fired = record(coordinator);
  return { clock, coordinator, fired };
}

/** Moves the clock to `minutes` after the alert and dispatches `events` there (stamped by the clock). */
async function at(
  clock: SimulatedClock,
  coordinator: Coordinator,
  minutes: number,
  events: Array<CoordinatorEventInput | IncidentEventInput> = [],
) {
  clock.advanceTo(t(minutes));
  for (const event of events) {
    const { at: _stampedByClock, ...rest } = event;
    await coordinator.dispatch(ID, rest as CoordinatorEventInput);
  }
}

const declared = (
  severity: 'SEV1' | 'SEV2' | 'SEV3' = 'SEV1',
): Extract<CoordinatorEventInput, { type: 'declared' }> => ({
  type: 'declared',
  actor: 'dana',
  title: 'Card payments failing at checkout',
  incidentType: 'checkout',
  severity,
});
const roles: CoordinatorEventInput = { type: 'roles.assigned', actor: 'dana', roles: roleAssignments() };

async function publish(
  clock: SimulatedClock,
  coordinator: Coordinator,
  minutes: number,
  status?: 'identified' | 'monitoring' | 'resolved',
) {
  clock.advanceTo(t(minutes));
  const events = publishEvents(coordinator.state(ID)!, runbook, t(minutes), status ? { status } : {});
  for (const event of events) await coordinator.dispatch(ID, event as CoordinatorEventInput);
}

describe('createCoordinator: a SEV1 incident from declaration to resolution', () => {
  it('fires every reminder at the right instant, to the communication owner', async () => {
    const { clock, coordinator, fired } = setup();
    const owners: string[] = [];
    coordinator.on('update.due', (r) => owners.push(r.owner?.id ?? 'nobody'));

    await at(clock, coordinator, 0, [declared(), roles]);
    // Confirming the first scope is a scope change: a checkpoint at once.
    await at(clock, coordinator, 5, [checkoutStart()[2]!]);
    await at(clock, coordinator, 7, [{ type: 'checkpoint.held', actor: 'dana' }]);
    await publish(clock, coordinator, 12); // 14:22 + 15 → 14:40 promised
    await publish(clock, coordinator, 27, 'identified'); // 14:37 + 15 → 14:55
    await at(clock, coordinator, 38, [{ type: 'checkpoint.held', actor: 'dana' }]);
    await at(clock, coordinator, 41, [{ type: 'recovery.started', actor: 'alex' }]);
    await publish(clock, coordinator, 43, 'monitoring'); // 14:53 + 30 → 15:25
    await at(clock, coordinator, 44, [{ type: 'checkpoint.held', actor: 'dana' }]);
    await at(clock, coordinator, 72, [
      { type: 'recovery.confirmed', actor: 'lee', customerCheck: 'placed a real card order end to end' },
    ]);
    await publish(clock, coordinator, 72, 'resolved');
    clock.advanceTo(t(300));

    expect(fired).toEqual([
      { kind: 'checkpoint.due', incidentId: ID, at: t(5), dueAt: t(5), detail: 'scope-changed' },
      { kind: 'update.due', incidentId: ID, at: t(10), dueAt: t(15) },
      { kind: 'update.due', incidentId: ID, at: t(25), dueAt: t(30) },
      { kind: 'checkpoint.due', incidentId: ID, at: t(37), dueAt: t(37), detail: 'interval' },
      { kind: 'update.due', incidentId: ID, at: t(40), dueAt: t(45) },
      { kind: 'checkpoint.due', incidentId: ID, at: t(41), dueAt: t(41), detail: 'recovery-started' },
      { kind: 'update.due', incidentId: ID, at: t(70), dueAt: t(75) },
    ]);
    expect(owners.every((id) => id === 'dana')).toBe(true);
    expect(coordinator.state(ID)?.status).toBe('resolved');
    expect(coordinator.scheduled()).toEqual([]);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('tells the owner once when the promised time passes with no update', async () => {
    const { clock, coordinator, fired } = setup();
    await at(clock, coordinator, 0, [declared(), roles]);
    await publish(clock, coordinator, 12);
    clock.advanceTo(t(45));
    expect(fired.filter((f) => f.kind.startsWith('update.'))).toEqual([
      { kind: 'update.due', incidentId: ID, at: t(10), dueAt: t(15) },
      { kind: 'update.due', incidentId: ID, at: t(25), dueAt: t(30) },
      { kind: 'update.overdue', incidentId: ID, at: t(30), dueAt: t(30), detail: '0 min late' },
    ]);
    // A late update re-plans from its own publication time.
    await publish(clock, coordinator, 46); // 14:56 + 15 → 15:15
    clock.advanceTo(t(61));
    expect(fired.at(-1)).toEqual({ kind: 'update.due', incidentId: ID, at: t(60), dueAt: t(65) });
  });

  it('addresses reminders to the backup while the communication owner is unavailable', async () => {
    const { clock, coordinator } = setup();
    const reminders: UpdateDueReminder[] = [];
    coordinator.on('update.due', (r) => reminders.push(r));
    await at(clock, coordinator, 0, [declared(), roles]);
    await at(clock, coordinator, 2, [
      { type: 'availability.changed', actor: 'dana', personId: 'dana', available: false },
    ]);
    clock.advanceTo(t(11));
    expect(reminders.map((r) => [r.owner?.id, r.leadMinutes, r.severity, r.status])).toEqual([
      ['sam', 5, 'SEV1', 'investigating'],
    ]);
  });
});

describe('createCoordinator: re-planning', () => {
  it('brings the next update forward at once when severity is raised', async () => {
    const { clock, coordinator, fired } = setup();
    await at(clock, coordinator, 0, [declared('SEV3'), roles]);
    await publish(clock, coordinator, 12); // SEV3: 14:22 + 60 → 15:25
    expect(coordinator.scheduled(ID).filter((r) => r.kind === 'update.due')).toEqual([
      { incidentId: ID, kind: 'update.due', at: t(70), dueAt: t(75) },
    ]);
    await at(clock, coordinator, 20, [{ type: 'severity.set', actor: 'lee', severity: 'SEV1' }]); // 14:30 + 15 → 14:45
    expect(coordinator.scheduled(ID)).toEqual([
      { incidentId: ID, kind: 'update.due', at: t(30), dueAt: t(35) },
      { incidentId: ID, kind: 'checkpoint.due', at: t(30), dueAt: t(30) },
      { incidentId: ID, kind: 'update.overdue', at: t(35), dueAt: t(35) },
    ]);
    clock.advanceTo(t(120));
    expect(fired.filter((f) => f.kind.startsWith('update.'))).toEqual([
      { kind: 'update.due', incidentId: ID, at: t(10), dueAt: t(15) },
      { kind: 'update.due', incidentId: ID, at: t(30), dueAt: t(35) },
      { kind: 'update.overdue', incidentId: ID, at: t(35), dueAt: t(35), detail: '0 min late' },
    ]);
  });

  it('keeps the time already promised to customers when severity is lowered', async () => {
    const { clock, coordinator, fired } = setup();
    await at(clock, coordinator, 0, [declared('SEV1'), roles]);
    await publish(clock, coordinator, 12); // 14:22 + 15 → 14:40
    const before = coordinator.scheduled(ID);
    await at(clock, coordinator, 14, [{ type: 'severity.set', actor: 'lee', severity: 'SEV3' }]);
    expect(coordinator.scheduled(ID)).toEqual(before);
    clock.advanceTo(t(31));
    expect(fired.filter((f) => f.kind.startsWith('update.'))).toEqual([
      { kind: 'update.due', incidentId: ID, at: t(10), dueAt: t(15) },
      { kind: 'update.due', incidentId: ID, at: t(25), dueAt: t(30) },
      { kind: 'update.overdue', incidentId: ID, at: t(30), dueAt: t(30), detail: '0 min late' },
    ]);
  });

  it('brings the checkpoint forward when a workaround is found, then resumes the interval', async () => {
    const { clock, coordinator, fired } = setup();
    await at(clock, coordinator, 0, [declared(), roles]);
    await at(clock, coordinator, 12, [
      { type: 'workaround.found', actor: 'lee', workaround: 'Pay by bank transfer from the order page.' },
    ]);
    expect(fired.at(-1)).toEqual({
      kind: 'checkpoint.due',
      incidentId: ID,
      at: t(12),
      dueAt: t(12),
      detail: 'workaround-found',
    });
    clock.advanceTo(t(14));
    await at(clock, coordinator, 15, [{ type: 'checkpoint.held', actor: 'dana' }]);
    clock.advanceTo(t(50));
    expect(fired.filter((f) => f.kind === 'checkpoint.due')).toEqual([
      { kind: 'checkpoint.due', incidentId: ID, at: t(12), dueAt: t(12), detail: 'workaround-found' },
      { kind: 'checkpoint.due', incidentId: ID, at: t(45), dueAt: t(45), detail: 'interval' },
    ]);
  });

  it('announces a new trigger after a checkpoint held at the same instant (regression: key reused)', async () => {
    const { clock, coordinator, fired } = setup();
    const workaround: CoordinatorEventInput = {
      type: 'workaround.found',
      actor: 'lee',
      workaround: 'Pay by bank transfer.',
    };
    await at(clock, coordinator, 0, [declared(), roles]);
    await at(clock, coordinator, 4, [workaround, { type: 'checkpoint.held', actor: 'dana' }, workaround]);
    expect(fired.filter((f) => f.kind === 'checkpoint.due')).toEqual([
      { kind: 'checkpoint.due', incidentId: ID, at: t(4), dueAt: t(4), detail: 'workaround-found' },
      { kind: 'checkpoint.due', incidentId: ID, at: t(4), dueAt: t(4), detail: 'workaround-found' },
    ]);
  });

  it('fires nothing after resolution, and nothing twice', async () => {
    const { clock, coordinator, fired } = setup();
    await at(clock, coordinator, 0, [declared(), roles]);
    clock.advanceTo(t(10));
    await at(clock, coordinator, 11, [
      {
        type: 'question.logged',
        actor: 'tom',
        question: 'Is my card charged twice?',
        topic: 'billing',
        from: 'customer',
      },
      { type: 'severity.set', actor: 'lee', severity: 'SEV1' },
      { type: 'roles.assigned', actor: 'dana', roles: roleAssignments() },
    ]);
    await at(clock, coordinator, 13, resolveEvents(t(13)));
    clock.advanceTo(t(600));
    expect(fired).toEqual([{ kind: 'update.due', incidentId: ID, at: t(10), dueAt: t(15) }]);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('keeps one clock timer for any number of incidents', async () => {
    const { clock, coordinator, fired } = setup();
    for (let i = 0; i < 50; i++) {
      await coordinator.dispatch(`inc-${i}`, declared(i % 2 === 0 ? 'SEV1' : 'SEV2'));
      expect(clock.pendingTimers()).toBe(1);
    }
    expect(coordinator.scheduled()).toHaveLength(150);
    clock.advanceTo(t(31));
    // Each incident: heads-up and overdue for the 14:25 first-update target, checkpoint at 14:40.
    expect(fired).toHaveLength(150);
    expect(new Set(fired.map((f) => `${f.incidentId} ${f.kind}`)).size).toBe(150);
    expect(fired.map((f) => `${f.kind} ${f.at}`)).toEqual([
      ...Array(50).fill(`update.due ${t(10)}`),
      ...Array(50).fill(`update.overdue ${t(15)}`),
      ...Array(50).fill(`checkpoint.due ${t(30)}`),
    ]);
    // Nobody published: the overdue escalation keeps its one timer armed.
    expect(clock.pendingTimers()).toBe(1);
  });
});

describe('createCoordinator: restart', () => {
  it('re-plans from the stored logs; a reminder already overdue fires once, at once', async () => {
    const store = createMemoryEventStore<IncidentEvent>();
    const first = setup({ store });
    await at(first.clock, first.coordinator, 0, [declared(), roles]);
    first.clock.advanceTo(t(8));
    await first.coordinator.dispatch('inc-b', declared('SEV2'));
    await first.coordinator.dispatch('inc-b', roles);
    first.coordinator.stop(); // the process dies at 14:18

    const clock = createSimulatedClock(t(18));
    const coordinator = createCoordinator({ runbook, clock, store });
    const fired = record(coordinator);
    await coordinator.start();
    // inc-checkout was due 14:25 (first-update target): only the overdue reminder, 3 minutes late.
    expect(fired).toEqual([
      { kind: 'update.overdue', incidentId: ID, at: t(18), dueAt: t(15), detail: '3 min late' },
    ]);
    expect(coordinator.incidents()).toEqual([ID, 'inc-b']);
    // inc-b (declared 14:18) is due 14:35: its heads-up at 14:30 is still ahead.
    clock.advanceTo(t(60));
    expect(fired).toEqual([
      { kind: 'update.overdue', incidentId: ID, at: t(18), dueAt: t(15), detail: '3 min late' },
      { kind: 'update.due', incidentId: 'inc-b', at: t(20), dueAt: t(25) },
      { kind: 'update.overdue', incidentId: 'inc-b', at: t(25), dueAt: t(25), detail: '0 min late' },
      { kind: 'checkpoint.due', incidentId: ID, at: t(30), dueAt: t(30), detail: 'interval' },
      { kind: 'checkpoint.due', incidentId: 'inc-b', at: t(38), dueAt: t(38), detail: 'interval' },
    ]);
    await coordinator.start(); // idempotent: nothing re-fires
    expect(fired).toHaveLength(5);
  });

  it('sends the heads-up at once when restarted inside the lead time', async () => {
    const store = createMemoryEventStore<IncidentEvent>();
    const first = setup({ store });
    await at(first.clock, first.coordinator, 0, [declared(), roles]);
    first.coordinator.stop();
    const clock = createSimulatedClock('2026-03-03T14:22:30Z');
    const coordinator = createCoordinator({ runbook, clock, store });
    const fired = record(coordinator);
    await coordinator.start();
    clock.advanceTo(t(16));
    expect(fired).toEqual([
      { kind: 'update.due', incidentId: ID, at: '2026-03-03T14:22:30Z', dueAt: t(15) },
      { kind: 'update.overdue', incidentId: ID, at: t(15), dueAt: t(15), detail: '0 min late' },
    ]);
  });

  it('continues the log of a loaded incident', async () => {
    const store = createMemoryEventStore<IncidentEvent>();
    const first = setup({ store });
    await at(first.clock, first.coordinator, 0, [declared(), roles]);
    first.coordinator.stop();
    const clock = createSimulatedClock(t(3));
    const coordinator = createCoordinator({ runbook, clock, store });
    const state = await coordinator.dispatch(ID, { type: 'checkpoint.held', actor: 'dana' });
    expect(state.eventCount).toBe(3);
    await expect(coordinator.dispatch(ID, declared())).rejects.toMatchObject({ rule: 'declared-once' });
    expect(await store.load(ID)).toHaveLength(3);
  });

  it('quarantines an incident whose stored log does not replay; the others keep working', async () => {
    const store = createMemoryEventStore<IncidentEvent>();
    const first = setup({ store });
    await at(first.clock, first.coordinator, 0, [declared(), roles]);
    first.coordinator.stop();
    await store.append('broken', { type: 'checkpoint.held', at: t(0), actor: 'dana' });
    await store.append('bad-second', { ...declared(), incidentId: 'bad-second', at: t(0) } as IncidentEvent);
    await store.append('bad-second', {
      type: 'severity.set',
      at: t(1),
      actor: 'lee',
      severity: 'SEV9',
    } as never);

    const clock = createSimulatedClock(t(1));
    const coordinator = createCoordinator({ runbook, clock, store });
    const quarantined: Array<{ id: string; index: number | undefined; type: string | undefined }> = [];
    coordinator.on('incident.quarantined', ({ incidentId, error }) => {
      expect(error).toBeInstanceOf(StoredLogError);
      expect(error.code).toBe('stored_log_invalid');
      quarantined.push({ id: incidentId, index: error.eventIndex, type: error.eventType });
    });
    const fired = record(coordinator);
    await coordinator.start();
    expect(quarantined).toEqual([
      { id: 'broken', index: 0, type: 'checkpoint.held' },
      { id: 'bad-second', index: 1, type: 'severity.set' },
    ]);
    expect(coordinator.quarantined().map((e) => e.incidentId)).toEqual(['broken', 'bad-second']);
    expect(coordinator.incidents()).toEqual([ID]);
    await expect(
      coordinator.dispatch('broken', { type: 'checkpoint.held', actor: 'dana' }),
    ).rejects.toMatchObject({
      code: 'incident_quarantined',
      incidentId: 'broken',
    });
    // The healthy incident keeps its reminders and accepts events; a new incident can be declared.
    await coordinator.dispatch(ID, { type: 'checkpoint.held', actor: 'dana' });
    await coordinator.dispatch('inc-new', declared('SEV2'));
    expect(coordinator.incidents()).toEqual([ID, 'inc-new']);
    clock.advanceTo(t(20));
    expect(fired.map((f) => `${f.incidentId} ${f.kind}`)).toEqual([
      `${ID} update.due`,
      'inc-new update.due',
      `${ID} update.overdue`,
      'inc-new update.overdue',
    ]);
  });
});

describe('createCoordinator: overdue escalation', () => {
  it('repeats an overdue update on schedule, owner then backup then incident lead, until published', async () => {
    const clock = createSimulatedClock(t(0));
    const coordinator = createCoordinator({ runbook, clock, escalation: { repeatMinutes: 4 } });
    const steps: string[] = [];
    coordinator.on('update.overdue', (r) =>
      steps.push(
        `${r.at} ${r.escalation.step} ${r.escalation.to} ${r.escalation.person?.id} ${r.minutesLate}`,
      ),
    );
    await coordinator.dispatch(ID, declared());
    await coordinator.dispatch(ID, roles);
    const assigned = coordinator.state(ID)!.roles;
    const owner = assigned.communicationOwner!;
    const lead = assigned.incidentLead!;
    clock.advanceTo(t(28));
    expect(steps).toEqual([
      `${t(15)} 1 owner ${owner.primary.id} 0`,
      `${t(19)} 2 backup ${owner.backup.id} 4`,
      `${t(23)} 3 incidentLead ${lead.primary.id} 8`,
      `${t(27)} 4 incidentLead ${lead.primary.id} 12`,
    ]);
    await publish(clock, coordinator, 28);
    clock.advanceTo(t(42));
    expect(steps).toHaveLength(4);
  });

  it('refuses a repeat interval that is not a positive number of minutes', () => {
    for (const repeatMinutes of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => createCoordinator({ runbook, escalation: { repeatMinutes } })).toThrow(
        expect.objectContaining({ code: 'input_invalid' }),
      );
    }
  });

  it('neither repeats nor loses a reminder across restarts at random instants', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 25 }), { minLength: 1, maxLength: 6 }),
        async (gaps) => {
          const store = createMemoryEventStore<IncidentEvent>();
          const seen: string[] = [];
          const listen = (c: Coordinator) => {
            c.on('update.due', (r) => seen.push(`due ${r.dueAt}`));
            c.on('update.overdue', (r) => seen.push(`overdue ${r.dueAt} ${r.escalation.step}`));
            c.on('checkpoint.due', (r) => seen.push(`checkpoint ${r.dueAt}`));
          };
          // One uninterrupted run as the reference.
          const reference: string[] = [];
          {
            const clock = createSimulatedClock(t(0));
            const c = createCoordinator({ runbook, clock });
            c.on('update.due', (r) => reference.push(`due ${r.dueAt}`));
            c.on('update.overdue', (r) => reference.push(`overdue ${r.dueAt} ${r.escalation.step}`));
            c.on('checkpoint.due', (r) => reference.push(`checkpoint ${r.dueAt}`));
            await c.dispatch(ID, declared());
            await c.dispatch(ID, roles);
            clock.advanceTo(t(gaps.reduce((a, b) => a + b, 0)));
            c.stop();
          }
          let minute = 0;
          let clock = createSimulatedClock(t(0));
          let c = createCoordinator({ runbook, clock, store });
          listen(c);
          await c.dispatch(ID, declared());
          await c.dispatch(ID, roles);
          for (const gap of gaps) {
            // Restart exactly on the instant the reference run reached: same reminders by then.
            minute += gap;
            clock.advanceTo(t(minute));
            c.stop();
            clock = createSimulatedClock(t(minute));
            c = createCoordinator({ runbook, clock, store });
            listen(c);
            await c.start();
          }
          c.stop();
          expect(new Set(seen).size).toBe(seen.length);
          expect(seen).toEqual(reference);
        },
      ),
      { numRuns: 60, seed: 16 },
    );
  });
});

describe('createCoordinator: dispatch', () => {
  it('stamps events with the clock, in whole seconds, and emits incident.changed after persisting', async () => {
    const store = createMemoryEventStore<IncidentEvent>();
    const { clock, coordinator } = setup({ store });
    const seen: Array<[string, number]> = [];
    coordinator.on('incident.changed', (change) => seen.push([change.event.at, change.state.eventCount]));
    clock.advanceBy(0.51); // 30.6 seconds
    const state = await coordinator.dispatch(ID, declared());
    expect(state.declaredAt).toBe('2026-03-03T14:10:30Z');
    expect(seen).toEqual([['2026-03-03T14:10:30Z', 1]]);
    expect(await store.load(ID)).toEqual([{ ...declared(), incidentId: ID, at: '2026-03-03T14:10:30Z' }]);
  });

  it('persists nothing and changes nothing when the reducer rejects an event', async () => {
    const store = createMemoryEventStore<IncidentEvent>();
    const { clock, coordinator } = setup({ store });
    await at(clock, coordinator, 0, [declared(), roles]);
    const before = coordinator.state(ID);
    await expect(
      coordinator.dispatch(ID, { type: 'severity.set', actor: 'tom', severity: 'SEV2' }),
    ).rejects.toMatchObject({ code: 'event_not_authorized', rule: 'severity-set-by-incident-lead' });
    await expect(
      coordinator.dispatch(ID, { type: 'severity.set', actor: 'lee', severity: 'SEV9' }),
    ).rejects.toMatchObject({ code: 'event_rejected', rule: 'severity-on-ladder' });
    await expect(
      coordinator.dispatch(ID, { type: 'checkpoint.held', actor: 'dana', at: t(-5) }),
    ).rejects.toMatchObject({
      rule: 'events-in-time-order',
    });
    await expect(coordinator.dispatch('other', { ...declared(), incidentId: ID })).rejects.toMatchObject({
      code: 'input_invalid',
    });
    expect(coordinator.state(ID)).toBe(before);
    expect(await store.load(ID)).toHaveLength(2);
    expect(await store.incidents()).toEqual([ID]);
  });

  it('applies concurrent dispatches to one incident in call order', async () => {
    const { coordinator } = setup();
    const results = await Promise.all([
      coordinator.dispatch(ID, declared()),
      coordinator.dispatch(ID, roles),
      coordinator.dispatch(ID, { type: 'checkpoint.held', actor: 'dana' }),
    ]);
    expect(results.map((s) => s.eventCount)).toEqual([1, 2, 3]);
  });

  it('keeps reminding when a listener throws, and reports the error', async () => {
    const errors: string[] = [];
    const clock = createSimulatedClock(t(0));
    const coordinator = createCoordinator({
      runbook,
      clock,
      onListenerError: (error, context) =>
        errors.push(`${context.event} ${context.incidentId} ${(error as Error).message}`),
    });
    const fired = record(coordinator);
    coordinator.on('update.due', () => {
      throw new Error('pager down');
    });
    await coordinator.dispatch('a', declared());
    await coordinator.dispatch('b', declared());
    clock.advanceTo(t(16));
    expect(errors).toEqual(['update.due a pager down', 'update.due b pager down']);
    expect(fired.map((f) => `${f.kind} ${f.incidentId}`)).toEqual([
      'update.due a',
      'update.due b',
      'update.overdue a',
      'update.overdue b',
    ]);
  });

  it('stops: no timer, no reminders, no more events', async () => {
    const { clock, coordinator, fired } = setup();
    await coordinator.dispatch(ID, declared());
    const off = coordinator.on('incident.changed', () =>
      fired.push({ kind: 'changed', incidentId: ID, at: '', dueAt: '' }),
    );
    off();
    coordinator.stop();
    expect(clock.pendingTimers()).toBe(0);
    clock.advanceTo(t(100));
    expect(fired).toEqual([]);
    await expect(coordinator.dispatch(ID, roles)).rejects.toBeInstanceOf(CoordinatorStoppedError);
  });

  it('types listeners by event name', () => {
    const { coordinator } = setup();
    // @ts-expect-error: a misspelt event name does not compile
    coordinator.on('update.dew', () => {});
    // @ts-expect-error: the payload of update.overdue has no leadMinutes
    coordinator.on('update.overdue', (r: UpdateDueReminder) => r.leadMinutes);
    coordinator.on('update.overdue', (r) => expectTypeOf(r.minutesLate).toEqualTypeOf<number>());
    coordinator.on('checkpoint.due', (r) =>
      expectTypeOf(r.reasons[0]!.reason).toEqualTypeOf<
        'interval' | 'scope-changed' | 'workaround-found' | 'recovery-started'
      >(),
    );
    coordinator.stop();
  });
});

describe('createCoordinator: properties', () => {
  type Action =
    | { kind: 'advance'; minutes: number }
    | { kind: 'severity'; severity: 'SEV1' | 'SEV2' | 'SEV3' }
    | { kind: 'publish'; status: 'investigating' | 'identified' | 'monitoring' }
    | { kind: 'checkpoint' }
    | { kind: 'workaround' }
    | { kind: 'resolve' };

  const action = fc.oneof(
    fc.record({ kind: fc.constant('advance' as const), minutes: fc.integer({ min: 0, max: 40 }) }),
    fc.record({
      kind: fc.constant('severity' as const),
      severity: fc.constantFrom('SEV1', 'SEV2', 'SEV3' as const),
    }),
    fc.record({
      kind: fc.constant('publish' as const),
      status: fc.constantFrom('investigating', 'identified', 'monitoring' as const),
    }),
    fc.record({ kind: fc.constant('checkpoint' as const) }),
    fc.record({ kind: fc.constant('workaround' as const) }),
    fc.record({ kind: fc.constant('resolve' as const) }),
  );

  it('never fires a reminder twice, early, after resolution, or with more than one timer armed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { maxLength: 30 }), async (actions: Action[]) => {
        const clock = createSimulatedClock(t(0));
        const errors: unknown[] = [];
        const coordinator = createCoordinator({
          runbook,
          clock,
          // Every 30 minutes: the day-long tail of an unanswered escalation stays short to check.
          escalation: { repeatMinutes: 30 },
          onListenerError: (error) => errors.push(error),
        });
        const keys: string[] = [];
        let resolvedAt: number | undefined;
        const check = (key: string, at: string, plannedAt: string) => {
          expect(Date.parse(at)).toBe(clock.now());
          expect(Date.parse(at)).toBeGreaterThanOrEqual(
            Date.parse(plannedAt) - runbook.cadence.reminderLeadMinutes * 60_000,
          );
          if (resolvedAt !== undefined) expect(clock.now()).toBeLessThan(resolvedAt);
          keys.push(key);
        };
        coordinator.on('update.due', (r) => check(`due ${r.dueAt}`, r.at, r.dueAt));
        const steps = new Map<string, number>();
        coordinator.on('update.overdue', (r) => {
          check(`overdue ${r.dueAt} ${r.escalation.step}`, r.at, r.dueAt);
          expect(clock.now()).toBeGreaterThanOrEqual(
            Date.parse(r.dueAt) + (r.escalation.step - 1) * 30 * 60_000,
          );
          // Steps of one due instant come one by one, in order, and climb the chain.
          expect(r.escalation.step).toBe((steps.get(r.dueAt) ?? 0) + 1);
          steps.set(r.dueAt, r.escalation.step);
          expect(r.escalation.to).toBe(
            r.escalation.step === 1 ? 'owner' : r.escalation.step === 2 ? 'backup' : 'incidentLead',
          );
        });
        coordinator.on('checkpoint.due', (r) => {
          check(
            `checkpoint ${r.dueAt} ${coordinator.state(ID)!.checkpoints.length} ${r.reasons.filter((x) => x.reason !== 'interval').length}`,
            r.at,
            r.dueAt,
          );
          expect(clock.now()).toBeGreaterThanOrEqual(Date.parse(r.dueAt));
        });
        await coordinator.dispatch(ID, declared());
        await coordinator.dispatch(ID, roles);
        for (const a of actions) {
          const state = coordinator.state(ID)!;
          if (state.status === 'resolved' && a.kind !== 'advance') continue;
          const now = clock.isoNow();
          if (a.kind === 'advance') clock.advanceBy(a.minutes);
          else if (a.kind === 'severity')
            await coordinator.dispatch(ID, { type: 'severity.set', actor: 'lee', severity: a.severity });
          else if (a.kind === 'checkpoint')
            await coordinator.dispatch(ID, { type: 'checkpoint.held', actor: 'dana' });
          else if (a.kind === 'workaround')
            await coordinator.dispatch(ID, {
              type: 'workaround.found',
              actor: 'lee',
              workaround: 'Pay by bank transfer.',
            });
          else if (a.kind === 'publish') {
            for (const e of publishEvents(state, runbook, now, { status: a.status }))
              await coordinator.dispatch(ID, e as CoordinatorEventInput);
          } else {
            for (const e of resolveEvents(now)) await coordinator.dispatch(ID, e as CoordinatorEventInput);
            resolvedAt = clock.now();
          }
          expect(clock.pendingTimers()).toBeLessThanOrEqual(1);
        }
        clock.advanceBy(24 * 60);
        if (errors.length > 0) throw errors[0];
        expect(new Set(keys).size).toBe(keys.length);
        coordinator.stop();
      }),
      { numRuns: 300 },
    );
    // Each publication goes through the permission table (gates asked, granted, checked).
  }, 120_000);
});
