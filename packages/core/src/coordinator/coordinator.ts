/**
 * @module coordinator/coordinator
 * The one stateful piece: appends events through the reducer, persists them, and keeps every
 * incident's cadence reminders in ONE schedule (a min-heap with a single armed clock timer).
 */
import EventEmitter from 'eventemitter3';
import { createMemoryEventStore } from '../delivery/memory-store';
import type { FiredReminderRecord } from '../delivery/store';
import { AppendConflictError } from '../delivery/store-errors';
import { IncidentCommsError, problem, ValidationError } from '../errors';
import { applyEvent, type IncidentEvent, type IncidentState, replay } from '../incident/index';
import { toIsoInstant } from '../time/iso-instant';
import type { Coordinator, CoordinatorEventInput, CoordinatorOptions } from './api';
import { createSystemClock, type TimerHandle } from './clock';
import { dispatchedEvent } from './dispatched-event';
import { CoordinatorStoppedError, IncidentQuarantinedError, StoredLogError } from './errors';
import type {
  CoordinatorEventName,
  CoordinatorEventPayload,
  CoordinatorEvents,
  ReminderKind,
} from './events';
import { createMinHeap, type HeapNode } from './min-heap';
import {
  affectsReminders,
  DEFAULT_ESCALATION_MINUTES,
  firedId,
  type PlannedReminder,
  planReminders,
  REMINDER_KINDS,
  reminderPayload,
} from './reminders';

export type { Coordinator, CoordinatorEventInput, CoordinatorOptions, ScheduledReminder } from './api';

interface Entry extends HeapNode {
  atMs: number;
  rank: number;
  seq: number;
  incidentId: string;
  kind: ReminderKind;
  dueAt: string;
  key: string;
  step: number | undefined;
}

interface Tracked {
  state: IncidentState;
  /** Scheduled entries by kind (at most one each). */
  pending: Partial<Record<ReminderKind, Entry>>;
  /** Reminders that fired (persisted in the store): the same key never fires again. */
  fired: Map<string, number>;
  /** How many events of the incident's log `state` was built from (the next expected position). */
  position: number;
}

/** How many times one dispatch reloads and decides again after another writer appended first. */
const CONFLICT_RETRIES = 8;

const RANK: Record<ReminderKind, number> = Object.fromEntries(
  REMINDER_KINDS.map((kind, i) => [kind, i]),
) as Record<ReminderKind, number>;

/**
 * Creates the coordinator: the one stateful piece of the core.
 *
 * One min-heap holds every pending reminder of every incident, and the clock has at most ONE
 * timer armed, for the earliest. Each change to an incident re-plans only that incident's
 * (at most three) reminders: O(log n) in the number of scheduled reminders. A reminder fires
 * once per due instant; none after `resolved`. Practice: customers are never left past the
 * promised time without the owner being told, and engineering checkpoints happen on rhythm.
 *
 * @param options - `{ runbook, clock?, store?, onListenerError? }`.
 * @returns a {@link Coordinator}; call `await coordinator.start()` to load a store that
 *   already holds incidents (dispatch does so by itself).
 * @example
 * const clock = createSimulatedClock('2026-03-03T14:10:00Z');
 * const coordinator = createCoordinator({ runbook, clock });
 * coordinator.on('update.due', (r) => notify(r.owner, `Next update due at ${r.dueAt}`));
 * await coordinator.dispatch('inc-1', { type: 'declared', actor: 'dana', title: 'Card payments failing',
 *   incidentType: 'checkout', severity: 'SEV1' });
 * clock.advanceBy(10); // update.due fires at 14:20Z for the 14:25Z first-update target
 */
export function createCoordinator(options: CoordinatorOptions): Coordinator {
  const { runbook } = options;
  const clock = options.clock ?? createSystemClock();
  const store = options.store ?? createMemoryEventStore<IncidentEvent>();
  const onListenerError =
    options.onListenerError ??
    ((error: unknown) =>
      queueMicrotask(() => {
        throw error;
      }));
  const repeatMinutes = options.escalation?.repeatMinutes ?? DEFAULT_ESCALATION_MINUTES;
  if (!(repeatMinutes > 0) || !Number.isFinite(repeatMinutes)) {
    throw new ValidationError('coordinator options', [
      problem('escalation.repeatMinutes', 'a positive number of minutes', String(repeatMinutes)),
    ]);
  }
  const emitter = new EventEmitter<CoordinatorEvents>();
  const tracked = new Map<string, Tracked>();
  const quarantine = new Map<string, StoredLogError>();
  const plan = (entry: Tracked) =>
    planReminders(entry.state, runbook, clock.now(), entry.fired, repeatMinutes);
  const chains = new Map<string, Promise<unknown>>();
  const schedule = createMinHeap<Entry>(
    (a, b) =>
      a.atMs < b.atMs || (a.atMs === b.atMs && (a.rank < b.rank || (a.rank === b.rank && a.seq < b.seq))),
  );
  let seq = 0;
  let armed: { atMs: number; handle: TimerHandle } | undefined;
  let draining = false;
  let stopped = false;
  let starting: Promise<void> | undefined;

  function emit<K extends CoordinatorEventName>(
    event: K,
    payload: CoordinatorEventPayload<K>,
    incidentId: string,
  ) {
    for (const listener of emitter.listeners(event)) {
      try {
        (listener as (p: CoordinatorEventPayload<K>) => void)(payload);
      } catch (error) {
        onListenerError(error, { event, incidentId });
      }
    }
  }

  function arm() {
    const first = schedule.peek();
    if (armed && (first === undefined || armed.atMs !== first.atMs)) {
      clock.clearTimer(armed.handle);
      armed = undefined;
    }
    if (first !== undefined && armed === undefined && !stopped) {
      const atMs = first.atMs;
      armed = { atMs, handle: clock.setTimer(atMs, onTimer) };
    }
  }

  function onTimer() {
    armed = undefined;
    drain();
  }

  /** Re-plans one incident's reminders against what is scheduled. */
  function replan(id: string, entry: Tracked, wanted: readonly PlannedReminder[]) {
    for (const kind of REMINDER_KINDS) {
      const want = wanted.find((w) => w.kind === kind);
      const have = entry.pending[kind];
      if (have && have.key === want?.key && have.atMs === want.atMs) continue;
      if (have) {
        schedule.remove(have);
        delete entry.pending[kind];
      }
      if (want) {
        const node: Entry = {
          heapIndex: -1,
          ...want,
          step: want.step,
          rank: RANK[kind],
          seq: seq++,
          incidentId: id,
        };
        schedule.push(node);
        entry.pending[kind] = node;
      }
    }
  }

  /**
   * Fires every reminder whose instant has come, in order, then re-arms the clock. Each one is
   * recorded in the store in the same turn as it fires (a restart never repeats it), and the
   * incident is re-planned so the next escalation step is scheduled.
   */
  function drain() {
    if (draining) return;
    draining = true;
    try {
      const nowMs = clock.now();
      for (let next = schedule.peek(); next && next.atMs <= nowMs && !stopped; next = schedule.peek()) {
        schedule.pop();
        const entry = tracked.get(next.incidentId)!;
        delete entry.pending[next.kind];
        entry.fired.set(firedId(next.kind, next.key), nowMs);
        const record = { kind: next.kind, key: next.key, at: toIsoInstant(nowMs) };
        const failed = (error: unknown) =>
          onListenerError(error, { event: next.kind, incidentId: next.incidentId });
        if (store.claimReminder) {
          const reminder = next;
          serialized(reminder.incidentId, () => sharedFire(reminder, record, nowMs)).catch(failed);
        } else {
          store.recordReminder(next.incidentId, record).catch(failed);
          fire(next, entry.state, nowMs);
        }
        if (next.kind === 'update.overdue') replan(next.incidentId, entry, plan(entry));
      }
    } finally {
      draining = false;
      arm();
    }
  }

  /**
   * Shared store (several instances): another instance may have changed the incident since this
   * one planned the reminder. Reload it, fire only if the fresh state still wants this reminder
   * and this instance claimed it first.
   */
  async function sharedFire(reminder: Entry, record: FiredReminderRecord, nowMs: number) {
    const entry = await track(reminder.incidentId);
    if (!entry || stopped) return;
    const fired = new Map(entry.fired);
    fired.delete(firedId(reminder.kind, reminder.key));
    const fresh = planReminders(entry.state, runbook, reminder.atMs - 1, fired, repeatMinutes);
    if (!fresh.some((w) => w.kind === reminder.kind && w.key === reminder.key)) return;
    if ((await store.claimReminder!(reminder.incidentId, record)) && !stopped)
      fire(reminder, entry.state, nowMs);
  }

  function fire(reminder: Entry, state: IncidentState, nowMs: number) {
    const { name, payload } = reminderPayload(reminder, state, runbook, nowMs);
    emit(name, payload as never, reminder.incidentId);
  }

  function assertRunning() {
    if (stopped) throw new CoordinatorStoppedError();
  }

  /** Runs `task` after every earlier task of the same incident (a failed one does not block it). */
  function serialized<T>(id: string, task: () => Promise<T>): Promise<T> {
    const previous = chains.get(id) ?? Promise.resolve();
    const run = previous.then(task, task);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    chains.set(id, settled);
    void settled.then(() => {
      if (chains.get(id) === settled) chains.delete(id);
    });
    return run;
  }

  /** Whether the stored log of `id` is longer than `position`; if so, the incident is reloaded. */
  async function moved(id: string, position: number): Promise<boolean> {
    if ((await store.load(id)).length <= position) return false;
    await track(id);
    return true;
  }

  async function load(): Promise<void> {
    const ids = await store.incidents();
    for (const id of ids) {
      if (tracked.has(id) || quarantine.has(id)) continue;
      await track(id);
      if (stopped) return;
    }
    drain();
  }

  /**
   * (Re)builds incident `id` from the store: replays its log, merges the fired reminders and
   * re-plans. Used at start, for an incident another instance declared, and after an append
   * conflict (another instance appended first). A log that does not replay quarantines the
   * incident. Returns the tracked entry, or `undefined` when the store holds no such incident.
   */
  async function track(id: string): Promise<Tracked | undefined> {
    const events = await store.load(id);
    if (events.length === 0) return tracked.get(id);
    const fired = await store.firedReminders(id);
    let state: IncidentState;
    try {
      state = replay(events);
    } catch (error) {
      const stored = new StoredLogError(id, error, events);
      quarantine.set(id, stored);
      tracked.delete(id);
      emit('incident.quarantined', { incidentId: id, error: stored }, id);
      return undefined;
    }
    if (stopped) return tracked.get(id);
    const entry: Tracked = tracked.get(id) ?? { state, pending: {}, fired: new Map(), position: 0 };
    entry.state = state;
    entry.position = events.length;
    for (const r of fired) entry.fired.set(`${r.kind} ${r.key}`, Date.parse(r.at));
    tracked.set(id, entry);
    replan(id, entry, plan(entry));
    return entry;
  }

  async function apply(id: string, input: CoordinatorEventInput): Promise<IncidentState> {
    assertRunning();
    const quarantined = quarantine.get(id);
    if (quarantined) throw new IncidentQuarantinedError(quarantined);
    const event = dispatchedEvent(id, input, clock.now());
    // An incident this instance has not seen may have been declared by another one.
    if (!tracked.has(id)) await track(id);
    for (let conflicts = 0; ; conflicts++) {
      const quarantinedNow = quarantine.get(id);
      if (quarantinedNow) throw new IncidentQuarantinedError(quarantinedNow);
      const entry = tracked.get(id);
      const previous = entry?.state;
      let state: IncidentState;
      try {
        state = applyEvent(previous, event);
      } catch (error) {
        // Refused on this instance's view; if another instance moved the log on, decide again.
        const retry = error instanceof IncidentCommsError && conflicts < CONFLICT_RETRIES;
        if (!retry || !(await moved(id, entry?.position ?? 0))) throw error;
        continue;
      }
      // Plan before persisting, so a plan that cannot be made leaves nothing half-applied.
      const current: Tracked = entry ?? { state, pending: {}, fired: new Map(), position: 0 };
      const wanted =
        previous === undefined || affectsReminders(previous, state)
          ? planReminders(state, runbook, clock.now(), current.fired, repeatMinutes)
          : undefined;
      let position: number;
      try {
        position = await store.append(id, event, { expectedPosition: current.position });
      } catch (error) {
        // Another instance appended first: this decision was made on a stale state. Reload the
        // log and decide again; the reducer refuses the event if it no longer applies.
        if (!(error instanceof AppendConflictError) || conflicts >= CONFLICT_RETRIES) throw error;
        await track(id);
        continue;
      }
      current.state = state;
      current.position = position;
      if (!entry) tracked.set(id, current);
      if (wanted && !stopped) replan(id, current, wanted);
      emit('incident.changed', { incidentId: id, event, state, previous }, id);
      drain();
      return state;
    }
  }

  function start(): Promise<void> {
    if (stopped) return Promise.reject(new CoordinatorStoppedError());
    if (!starting) {
      const loading = load();
      starting = loading;
      // A failed start may be retried (e.g. after repairing the store).
      loading.catch(() => {
        if (starting === loading) starting = undefined;
      });
    }
    return starting;
  }

  return {
    start,
    async dispatch(incidentId, event) {
      assertRunning();
      await start();
      return serialized(incidentId, () => apply(incidentId, event));
    },
    async refresh(incidentId) {
      assertRunning();
      await start();
      return serialized(incidentId, async () => (await track(incidentId))?.state);
    },
    state: (incidentId) => tracked.get(incidentId)?.state,
    incidents: () => [...tracked.keys()],
    quarantined: () => [...quarantine.values()],
    scheduled(incidentId) {
      const entries =
        incidentId === undefined
          ? [...schedule.values()]
          : Object.values(tracked.get(incidentId)?.pending ?? {}).filter((e): e is Entry => e !== undefined);
      return entries
        .sort((a, b) => a.atMs - b.atMs || a.rank - b.rank || a.seq - b.seq)
        .map((e) => ({ incidentId: e.incidentId, kind: e.kind, at: toIsoInstant(e.atMs), dueAt: e.dueAt }));
    },
    on<K extends CoordinatorEventName>(event: K, listener: CoordinatorEvents[K]) {
      const fn = listener as EventEmitter.EventListener<CoordinatorEvents, K>;
      emitter.on(event, fn);
      return () => {
        emitter.off(event, fn);
      };
    },
    off<K extends CoordinatorEventName>(event: K, listener: CoordinatorEvents[K]) {
      emitter.off(event, listener as EventEmitter.EventListener<CoordinatorEvents, K>);
    },
    stop() {
      stopped = true;
      if (armed) clock.clearTimer(armed.handle);
      armed = undefined;
      schedule.clear();
      for (const entry of tracked.values()) entry.pending = {};
      emitter.removeAllListeners();
    },
  };
}
