/**
 * @module delivery/store
 * The persistence interfaces delivery and the coordinator rely on: the delivery `Outbox` and
 * the incident `EventStore`. In-memory defaults live in `memory-store.ts`; a durable SQLite
 * implementation is `@incident-comms/store-sqlite`; a queue engine can sit behind the same shape.
 */
import type { Audience } from '../vocabulary';
import type { ChannelRef } from './channel';
import type { AppendConflictError, AppendOptions } from './store-errors';

/**
 * Where one delivery stands.
 * - `pending`: queued, waiting for a retry, or deferred by the rate cap; will be attempted.
 * - `sending`: recorded just before `send`; if a process finds one at start, that process died
 *   mid-send and the outcome is unknown.
 * - `sent`, `failed`, `unknown`: final (a re-publish reports them, never resends them, unless
 *   the host opts in with `resendUnknown` / `retryFailed`).
 * - `superseded`: final, never sent: a newer version to the same recipient was ready first.
 * - `expired`: final, never sent: the version was older than the maximum age.
 */
export type DeliveryState = 'pending' | 'sending' | 'sent' | 'failed' | 'unknown' | 'superseded' | 'expired';

/** Every {@link DeliveryState}, for schemas and stores that check them. */
export const DELIVERY_STATES: readonly DeliveryState[] = [
  'pending',
  'sending',
  'sent',
  'failed',
  'unknown',
  'superseded',
  'expired',
];

/** A delivery to enqueue: one recipient of one route for one status-update version. */
export interface NewDelivery {
  /** Idempotency key, see `deliveryKey`. */
  readonly key: string;
  readonly incidentId: string;
  readonly version: number;
  readonly channel: string;
  readonly recipient: string;
  readonly audience: Audience;
}

/** A delivery as stored in the outbox. Times are ISO-8601 UTC instants. */
export interface DeliveryRecord extends NewDelivery {
  readonly state: DeliveryState;
  /** Attempts started so far (persisted before each `send`). */
  readonly attempts: number;
  /** Native reference once `sent`. */
  readonly ref?: ChannelRef | undefined;
  /** Why it is `failed`/`unknown`, or why the last attempt was retryable. */
  readonly reason?: string | undefined;
  /** Earliest time of the next attempt while `pending` after a retryable outcome. */
  readonly nextAttemptAt?: string | undefined;
  /** First attempt's start, for the retry budget. */
  readonly firstAttemptAt?: string | undefined;
  readonly updatedAt: string;
  /**
   * Only on {@link Outbox.begin}'s result: the thread remembered for (incident, channel,
   * recipient) at that moment, read in the same step (threads are read at send time).
   */
  readonly thread?: ChannelRef | undefined;
}

/**
 * The result a finished attempt writes back (moves a `sending` record on). A `sent` completion
 * with `thread: true` also remembers `ref` as the thread of (incident, channel, recipient) in
 * the same atomic step, unless one is already set (first wins, as {@link Outbox.rememberThread}).
 */
export type DeliveryCompletion =
  | { readonly state: 'sent'; readonly ref: ChannelRef; readonly thread?: boolean | undefined }
  | { readonly state: 'failed'; readonly reason: string }
  | { readonly state: 'unknown'; readonly reason: string }
  | { readonly state: 'superseded'; readonly reason: string }
  | { readonly state: 'expired'; readonly reason: string }
  | { readonly state: 'pending'; readonly reason: string; readonly nextAttemptAt: string };

/**
 * The delivery outbox. Every state change is a single atomic compare-and-set, so a record is
 * written BEFORE its send and a crashed or concurrent publisher can never send a key twice.
 * One publisher process per store at a time (embedded stores); several processes need a queue
 * engine behind this interface.
 *
 * @example
 * const outbox = createMemoryOutbox();
 * await outbox.enqueue([{ key: 'i/v1/email/a%40x.io', incidentId: 'i', version: 1, channel: 'email', recipient: 'a@x.io', audience: 'customer' }], now);
 */
export interface Outbox {
  /**
   * Inserts the deliveries whose key is absent (state `pending`, 0 attempts) in one
   * transaction; existing records are left as they are.
   * @returns the stored record of every given key, in input order.
   */
  enqueue(deliveries: readonly NewDelivery[], at: string): Promise<DeliveryRecord[]>;
  /**
   * Atomically moves `key` from one of `from` to `sending`, incrementing `attempts` and setting
   * `firstAttemptAt` if unset. This is the write-before-send.
   * @returns the updated record with `thread` set to the lane's remembered thread (if any), or
   *   `undefined` if the record is not in one of `from`.
   */
  begin(key: string, from: readonly DeliveryState[], at: string): Promise<DeliveryRecord | undefined>;
  /**
   * Atomically moves `key` from `from` (default `sending`) to the completion's state.
   * @returns the updated record, or `undefined` if it was not in `from`.
   */
  complete(
    key: string,
    completion: DeliveryCompletion,
    at: string,
    from?: readonly DeliveryState[],
  ): Promise<DeliveryRecord | undefined>;
  /** The record of `key`, if any. */
  get(key: string): Promise<DeliveryRecord | undefined>;
  /** Records of an incident (optionally one version), ordered by key. */
  list(incidentId: string, version?: number): Promise<DeliveryRecord[]>;
  /** The first delivered ref for (incident, channel, recipient): the thread later versions reply in. */
  thread(incidentId: string, channel: string, recipient: string): Promise<ChannelRef | undefined>;
  /**
   * Every remembered thread of an incident on one channel, by recipient: what `thread` returns
   * for each, in one read (a publish looks its recipients' threads up once, not per delivery).
   */
  threads(incidentId: string, channel: string): Promise<Map<string, ChannelRef>>;
  /** Remembers `ref` as the thread for (incident, channel, recipient) unless one is already set (first wins). */
  rememberThread(incidentId: string, channel: string, recipient: string, ref: ChannelRef): Promise<void>;
  /**
   * Deliveries on `channel` that became `sent` at or after `since` (their `updatedAt`), across
   * incidents, in any order: what the per-recipient rate cap counts after a restart.
   */
  recentSends(channel: string, since: string): Promise<Array<{ recipient: string; at: string }>>;
}

/** A reminder the coordinator fired, persisted with its incident so a restart never repeats it. */
export interface FiredReminderRecord {
  /** Reminder kind, e.g. `update.overdue`. */
  readonly kind: string;
  /** The reminder's key within its kind (its due instant, plus the escalation step or checkpoint count). */
  readonly key: string;
  /** When it fired (ISO-8601 UTC). */
  readonly at: string;
}

/**
 * Append-only incident event log (design.md "Shape of the core"): the coordinator appends
 * every event and replays `load()` to rebuild state. Events are stored as JSON, so `E` must be
 * JSON data. Appends to one incident are totally ordered.
 *
 * @example
 * const events = createMemoryEventStore<{ type: string }>();
 * await events.append('inc-1', { type: 'declared' }); // 1
 * await events.load('inc-1'); // [{ type: 'declared' }]
 * await events.recordReminder('inc-1', { kind: 'update.due', key: '2026-03-03T14:25:00Z', at: '2026-03-03T14:20:00Z' });
 */
export interface EventStore<E = unknown> {
  /**
   * Appends `event` to the incident's log. With `options.expectedPosition`, appends only if the
   * log still holds exactly that many events, else throws {@link AppendConflictError} and
   * appends nothing (stores shared by several instances must honour it; a store used by one
   * process may too, cheaply).
   * @returns the event's 1-based position in that incident's log.
   */
  append(incidentId: string, event: E, options?: AppendOptions): Promise<number>;
  /** The incident's events in append order; `[]` for an unknown incident. */
  load(incidentId: string): Promise<E[]>;
  /** Ids of every incident with at least one event, in order of first append. */
  incidents(): Promise<string[]>;
  /**
   * Persists that a reminder fired (idempotent: the same kind and key are stored once). The
   * coordinator issues it in the same turn as it fires the reminder.
   */
  recordReminder(incidentId: string, reminder: FiredReminderRecord): Promise<void>;
  /** The incident's fired reminders, in the order they were recorded; `[]` when none. */
  firedReminders(incidentId: string): Promise<FiredReminderRecord[]>;
  /**
   * Optional, for stores shared by several instances (PostgreSQL): records the reminder only if
   * no instance has yet, and says whether this call did. The coordinator then fires a reminder
   * only on `true`, so every reminder fires once across all instances. Embedded stores, used by
   * one process, leave it out.
   */
  claimReminder?(incidentId: string, reminder: FiredReminderRecord): Promise<boolean>;
}
