/**
 * @module coordinator/api
 * The coordinator's public shapes: its options, the events it accepts and the object it returns.
 */
import type { EventStore } from '../delivery/store';
import type { IncidentEvent, IncidentEventInput, IncidentState } from '../incident/index';
import type { Runbook } from '../runbook/define';
import type { Clock } from './clock';
import type { StoredLogError } from './errors';
import type { CoordinatorEventName, CoordinatorEvents, ReminderKind } from './events';
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
   * How an overdue update escalates: `repeatMinutes` (positive, default 5) between steps (owner,
   * then the owner's backup, then the incident lead, who is reminded every `repeatMinutes` until
   * an update is published).
   */
  escalation?: { repeatMinutes?: number };
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
   * Loads every incident the store holds, replays its log, loads which reminders already fired
   * and re-plans the rest. A reminder that fired before a restart never fires again; one whose
   * instant passed while the process was down fires once, at once (for a late update only the
   * next escalation step, not the earlier heads-up). An incident whose log does not replay is
   * quarantined: an `incident.quarantined` event names it and the failing event, and every other
   * incident loads as usual. Idempotent; `dispatch` calls it first.
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
   * @throws {IncidentQuarantinedError} `incident_quarantined` for a quarantined incident.
   * @throws {CoordinatorStoppedError} after `stop()`.
   */
  dispatch(incidentId: string, event: CoordinatorEventInput): Promise<IncidentState>;
  /**
   * Reloads one incident from the store and returns its fresh state (`undefined` when the store
   * does not hold it). For stores shared by several instances: another instance may have
   * appended since this one last looked. `dispatch` needs no refresh first: it appends with
   * the store's `expectedPosition` check and, when another instance appended first (or its own
   * view refused the event), reloads and decides again, so no event is ever appended on a
   * stale state. Runs after the incident's earlier dispatches.
   * @throws {CoordinatorStoppedError} after `stop()`.
   */
  refresh(incidentId: string): Promise<IncidentState | undefined>;
  /** The current state of an incident, or `undefined` if unknown (or not loaded yet). */
  state(incidentId: string): IncidentState | undefined;
  /** Ids of the known incidents, in order of declaration (or of loading). */
  incidents(): string[];
  /** Incidents set aside because their stored log does not replay, with the reason. */
  quarantined(): StoredLogError[];
  /** Pending reminders (of one incident, or all), earliest first. */
  scheduled(incidentId?: string): ScheduledReminder[];
  /** Adds a listener; returns a function that removes it. */
  on<K extends CoordinatorEventName>(event: K, listener: CoordinatorEvents[K]): () => void;
  /** Removes a listener added with {@link Coordinator.on}. */
  off<K extends CoordinatorEventName>(event: K, listener: CoordinatorEvents[K]): void;
  /** Cancels the clock timer, drops the schedule and every listener. Further dispatches reject. */
  stop(): void;
}
