/**
 * @module coordinator/coordinator
 * The one stateful piece: appends events through the reducer, persists them, and keeps every
 * incident's cadence reminders in ONE schedule (a min-heap with a single armed clock timer).
 */
import EventEmitter from 'eventemitter3';
import { checkpointDue } from '../cadence/index';
import { createMemoryEventStore } from '../delivery/memory-store';
import type { EventStore } from '../delivery/store';
import { problem, ValidationError } from '../errors';
import {
  applyEvent,
  type IncidentEvent,
  type IncidentEventInput,
  type IncidentState,
  nextUpdateOwner,
  parseEvent,
  replay,
} from '../incident/index';
import type { Runbook } from '../runbook/define';
import { toIsoInstant } from '../time/iso-instant';
import { type Clock, createSystemClock, type TimerHandle } from './clock';
import { CoordinatorStoppedError, StoredLogError } from './errors';
import type {
  CoordinatorEventName,
  CoordinatorEventPayload,
  CoordinatorEvents,
  ReminderKind,
} from './events';
import { createMinHeap, type HeapNode } from './min-heap';
import { affectsReminders, type PlannedReminder, planReminders, REMINDER_KINDS } from './reminders';

/**
 * An event as handed to {@link Coordinator.dispatch}: any incident event, where `at` may be
 * omitted (the coordinator stamps the clock's instant) and a `declared` event's `incidentId`
 * may be omitted (the dispatch target is used).
 */
export type CoordinatorEventInput = IncidentEventInput extends infer E
  ? E extends { type: 'declared' }
    ? Omit<E, 'at' | 'incidentId'> & { at?: string; incidentId?: string }
    : E extends unknown
      ? Omit<E, 'at'> & { at?: string }
      : never
  : never;

/** Options of {@link createCoordinator}. */
export interface CoordinatorOptions {
  /** The validated runbook: cadence, reminder lead time, roles. */
  runbook: Runbook;
  /** Where time comes from; default {@link createSystemClock}. Tests and drills pass a simulated clock. */
  clock?: Clock;
  /**
   * Where the log is persisted; default an in-memory store (`createMemoryEventStore`). Pass a
   * durable store (e.g. `@incident-comms/store-sqlite`) to survive restarts.
   */
  store?: EventStore<IncidentEvent>;
  /**
   * Called when a listener throws. The coordinator carries on (other listeners and reminders
   * still run). Default: rethrow on a microtask, so the error surfaces as uncaught.
   */
  onListenerError?: (error: unknown, context: { event: CoordinatorEventName; incidentId: string }) => void;
}

/** A reminder waiting in the schedule, as {@link Coordinator.scheduled} lists it. Instants are ISO-8601 UTC. */
export interface ScheduledReminder {
  incidentId: string;
  kind: ReminderKind;
  /** When it will fire. */
  at: string;
  /** The due instant it is about. */
  dueAt: string;
}

/** The coordinator API. */
export interface Coordinator {
  /**
   * Loads every incident the store holds, replays its log and re-plans its pending reminders.
   * A reminder whose instant already passed fires once, at once (for a late update only the
   * overdue reminder, not the earlier heads-up). Idempotent; `dispatch` calls it first.
   * @throws {StoredLogError} `stored_log_invalid` when a stored log does not replay.
   * @throws {CoordinatorStoppedError} after `stop()`.
   */
  start(): Promise<void>;
  /**
   * Applies one event to an incident (a `declared` event creates it), persists it, re-plans the
   * incident's reminders and emits `incident.changed`. Events to one incident are applied in
   * call order.
   * @param incidentId - the incident.
   * @param event - the event; `at` defaults to the clock's instant (whole seconds, ISO-8601 UTC).
   * @returns the new state.
   * @throws {ValidationError} `input_invalid` for a malformed event (nothing persisted).
   * @throws {EventRejectedError} `event_rejected` / {@link NotAuthorizedError} `approval_not_authorized`
   *   from the reducer (nothing persisted).
   * @throws {CoordinatorStoppedError} after `stop()`.
   */
  dispatch(incidentId: string, event: CoordinatorEventInput): Promise<IncidentState>;
  /** The current state of an incident, or `undefined` if unknown (or not loaded yet). */
  state(incidentId: string): IncidentState | undefined;
  /** Ids of the known incidents, in order of declaration (or of loading). */
  incidents(): string[];
  /** Pending reminders (of one incident, or all), earliest first. */
  scheduled(incidentId?: string): ScheduledReminder[];
  /** Adds a listener; returns a function that removes it. */
  on<K extends CoordinatorEventName>(event: K, listener: CoordinatorEvents[K]): () => void;
  /** Removes a listener added with {@link Coordinator.on}. */
  off<K extends CoordinatorEventName>(event: K, listener: CoordinatorEvents[K]): void;
  /** Cancels the clock timer, drops the schedule and every listener. Further dispatches reject. */
  stop(): void;
}

interface Entry extends HeapNode {
  atMs: number;
  rank: number;
  seq: number;
  incidentId: string;
  kind: ReminderKind;
  dueAt: string;
  key: string;
}

interface Tracked {
  state: IncidentState;
  /** Scheduled entries by kind (at most one each). */
  pending: Partial<Record<ReminderKind, Entry>>;
  /** Key of the last reminder of each kind that fired: the same key never fires again. */
  fired: Partial<Record<ReminderKind, string>>;
}

const RANK: Record<ReminderKind, number> = Object.fromEntries(
  REMINDER_KINDS.map((kind, i) => [kind, i]),
) as Record<ReminderKind, number>;

/** Events the coordinator stamps carry whole seconds, the log's own style. */
const stampOf = (ms: number) => toIsoInstant(Math.floor(ms / 1000) * 1000);

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
  const emitter = new EventEmitter<CoordinatorEvents>();
  const tracked = new Map<string, Tracked>();
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
      let want = wanted.find((w) => w.kind === kind);
      if (want && entry.fired[kind] === want.key) want = undefined;
      const have = entry.pending[kind];
      if (have && have.key === want?.key && have.atMs === want.atMs) continue;
      if (have) {
        schedule.remove(have);
        delete entry.pending[kind];
      }
      if (want) {
        const node: Entry = { heapIndex: -1, ...want, rank: RANK[kind], seq: seq++, incidentId: id };
        schedule.push(node);
        entry.pending[kind] = node;
      }
    }
  }

  /** Fires every reminder whose instant has come, in order, then re-arms the clock. */
  function drain() {
    if (draining) return;
    draining = true;
    try {
      const nowMs = clock.now();
      for (let next = schedule.peek(); next && next.atMs <= nowMs && !stopped; next = schedule.peek()) {
        schedule.pop();
        const entry = tracked.get(next.incidentId)!;
        delete entry.pending[next.kind];
        entry.fired[next.kind] = next.key;
        fire(next, entry.state, nowMs);
      }
    } finally {
      draining = false;
      arm();
    }
  }

  function fire(reminder: Entry, state: IncidentState, nowMs: number) {
    const at = toIsoInstant(nowMs);
    const base = {
      incidentId: reminder.incidentId,
      at,
      owner: nextUpdateOwner(state),
      severity: state.severity,
      status: state.status,
      dueAt: reminder.dueAt,
    };
    if (reminder.kind === 'update.due') {
      emit('update.due', { ...base, leadMinutes: runbook.cadence.reminderLeadMinutes }, reminder.incidentId);
    } else if (reminder.kind === 'update.overdue') {
      const minutesLate = Math.max(0, Math.floor((nowMs - reminder.atMs) / 60_000));
      emit('update.overdue', { ...base, minutesLate }, reminder.incidentId);
    } else {
      const { reasons } = checkpointDue(state, runbook, at);
      emit('checkpoint.due', { ...base, reasons }, reminder.incidentId);
    }
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

  async function load(): Promise<void> {
    const ids = await store.incidents();
    for (const id of ids) {
      if (tracked.has(id)) continue;
      const events = await store.load(id);
      if (events.length === 0) continue;
      let state: IncidentState;
      try {
        state = replay(events);
      } catch (error) {
        throw new StoredLogError(id, error);
      }
      if (stopped) return;
      const entry: Tracked = { state, pending: {}, fired: {} };
      tracked.set(id, entry);
      replan(id, entry, planReminders(state, runbook, clock.now()));
    }
    drain();
  }

  async function apply(id: string, input: CoordinatorEventInput): Promise<IncidentState> {
    assertRunning();
    const raw: Record<string, unknown> = { ...input, at: input.at ?? stampOf(clock.now()) };
    if (input.type === 'declared') {
      raw.incidentId = input.incidentId ?? id;
      if (raw.incidentId !== id) {
        throw new ValidationError('event', [
          problem(
            'event.incidentId',
            `the dispatched incident id ${JSON.stringify(id)}`,
            JSON.stringify(input.incidentId),
          ),
        ]);
      }
    }
    const event = parseEvent(raw);
    const entry = tracked.get(id);
    const previous = entry?.state;
    const state = applyEvent(previous, event);
    // Plan before persisting, so a plan that cannot be made leaves nothing half-applied.
    const wanted =
      previous === undefined || affectsReminders(previous, state)
        ? planReminders(state, runbook, clock.now())
        : undefined;
    await store.append(id, event);
    const current: Tracked = entry ?? { state, pending: {}, fired: {} };
    current.state = state;
    if (!entry) tracked.set(id, current);
    if (wanted && !stopped) replan(id, current, wanted);
    emit('incident.changed', { incidentId: id, event, state, previous }, id);
    drain();
    return state;
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
    state: (incidentId) => tracked.get(incidentId)?.state,
    incidents: () => [...tracked.keys()],
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
