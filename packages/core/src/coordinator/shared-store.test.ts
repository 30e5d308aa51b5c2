/**
 * Several coordinators on one store (a host running more than one instance): each decides on
 * its own view of an incident, and the store's `expectedPosition` check turns a decision made
 * on a stale view into a reload and a fresh decision, never into a log that does not replay.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { roleAssignments, t, testRunbook } from '../../test/support';
import { createMemoryEventStore } from '../delivery/memory-store';
import type { EventStore } from '../delivery/store';
import { EventRejectedError } from '../errors';
import { type IncidentEvent, replay } from '../incident/index';
import {
  type Coordinator,
  type CoordinatorEventInput,
  createCoordinator,
  createSimulatedClock,
} from './index';

const runbook = testRunbook();
const ID = 'inc-1';

/** One memory log shared by every instance, with the claim a shared database store offers. */
function sharedStore(): EventStore<IncidentEvent> {
  const inner = createMemoryEventStore<IncidentEvent>();
  const claimed = new Set<string>();
  return {
    ...inner,
    async claimReminder(incidentId, reminder) {
      const id = `${incidentId} ${reminder.kind} ${reminder.key}`;
      if (claimed.has(id)) return false;
      claimed.add(id);
      await inner.recordReminder(incidentId, reminder);
      return true;
    },
  };
}

function instances(store: EventStore<IncidentEvent>, count: number) {
  return Array.from({ length: count }, () => {
    const clock = createSimulatedClock(t(0));
    return { clock, coordinator: createCoordinator({ runbook, clock, store }) };
  });
}

const declared: CoordinatorEventInput = {
  type: 'declared',
  actor: 'dana',
  title: 'Checkout down',
  incidentType: 'checkout',
  severity: 'SEV1',
};
const roles = { type: 'roles.assigned', actor: 'dana', roles: roleAssignments() } as CoordinatorEventInput;

it('an incident declared on one instance is taken up by another at its first dispatch', async () => {
  const store = sharedStore();
  const [a, b] = instances(store, 2);
  await a!.coordinator.start();
  await b!.coordinator.start();
  await a!.coordinator.dispatch(ID, declared);
  const state = await b!.coordinator.dispatch(ID, roles); // b never saw the declaration
  expect(state.roles.communicationOwner?.primary.id).toBe('dana');
  // a's view lacks the roles: its next event is decided again on the stored log, not appended blindly
  await a!.coordinator.dispatch(ID, { type: 'checkpoint.held', actor: 'lee' });
  const log = await store.load(ID);
  expect(log.map((e) => e.type)).toEqual(['declared', 'roles.assigned', 'checkpoint.held']);
  expect(a!.coordinator.state(ID)).toEqual(replay(log));
  await expect(b!.coordinator.dispatch(ID, declared)).rejects.toBeInstanceOf(EventRejectedError);
  expect(await store.load(ID)).toHaveLength(3);
});

it('concurrent dispatches from several instances all land once, on a log that replays', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.record({ instance: fc.nat(2), actor: fc.constantFrom('dana', 'lee', 'alex') }), {
        minLength: 1,
        maxLength: 12,
      }),
      async (moves) => {
        const store = sharedStore();
        const all = instances(store, 3);
        await all[0]!.coordinator.dispatch(ID, declared);
        await all[0]!.coordinator.dispatch(ID, roles);
        const outcomes = await Promise.allSettled(
          moves.map((m, i) =>
            all[m.instance]!.coordinator.dispatch(ID, {
              type: 'checkpoint.held',
              actor: m.actor,
              note: `move ${i}`,
            } as CoordinatorEventInput),
          ),
        );
        expect(outcomes.every((o) => o.status === 'fulfilled')).toBe(true);
        const log = await store.load(ID);
        const notes = log.flatMap((e) => ('note' in e && typeof e.note === 'string' ? [e.note] : []));
        expect([...notes].sort()).toEqual(moves.map((_, i) => `move ${i}`).sort()); // each once
        expect(() => replay(log)).not.toThrow();
        for (const { coordinator } of all) coordinator.stop();
      },
    ),
    { seed: 21, numRuns: 40 },
  );
});

it('a decision that no longer holds after another instance acted is refused, not appended', async () => {
  const store = sharedStore();
  const [a, b] = instances(store, 2);
  await a!.coordinator.start();
  await b!.coordinator.start();
  // both instances declare the same incident at once: one declaration stands
  const both = await Promise.allSettled([
    a!.coordinator.dispatch(ID, declared),
    b!.coordinator.dispatch(ID, declared),
  ]);
  expect(both.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
  const refused = both.find((o) => o.status === 'rejected') as PromiseRejectedResult;
  expect(refused.reason).toBeInstanceOf(EventRejectedError);
  expect((await store.load(ID)).map((e) => e.type)).toEqual(['declared']);
});

function listen(coordinator: Coordinator, seen: string[]) {
  coordinator.on('update.due', (r) => seen.push(`due ${r.dueAt}`));
  coordinator.on('update.overdue', (r) => seen.push(`overdue ${r.dueAt} step ${r.escalation.step}`));
  coordinator.on('checkpoint.due', (r) => seen.push(`checkpoint ${r.dueAt}`));
}

it('across instances each reminder fires once, and none for a state another instance replaced', async () => {
  const drive = async (count: number) => {
    const store = sharedStore();
    const all = instances(store, count);
    const seen: string[] = [];
    for (const { coordinator } of all) listen(coordinator, seen);
    await all[0]!.coordinator.dispatch(ID, declared);
    await all[0]!.coordinator.dispatch(ID, roles);
    for (const { coordinator } of all) await coordinator.start();
    for (let minute = 1; minute <= 120; minute++) {
      for (const { clock } of all) clock.advanceTo(t(minute));
      // the first instance holds checkpoints the others do not know of until they reload
      if (minute === 28 || minute === 68)
        await all[0]!.coordinator.dispatch(ID, { type: 'checkpoint.held', actor: 'lee' });
      for (let turn = 0; turn < 10; turn++) await Promise.resolve();
    }
    await new Promise((r) => setTimeout(r, 20));
    for (const { coordinator } of all) coordinator.stop();
    return seen;
  };
  const alone = await drive(1);
  const together = await drive(3);
  expect(alone.length).toBeGreaterThan(6);
  expect(alone.some((s) => s.startsWith('checkpoint'))).toBe(true);
  expect(new Set(together).size).toBe(together.length); // none twice
  expect([...together].sort()).toEqual([...alone].sort()); // none stale, none lost
});
