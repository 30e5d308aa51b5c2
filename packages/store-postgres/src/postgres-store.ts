/**
 * @module store-postgres/postgres-store
 * The incident `EventStore` and the delivery `Outbox` on PostgreSQL (node-postgres). Every
 * state change is one statement (a compare-and-set with `RETURNING`), so any number of
 * processes can share one database: appends to an incident are totally ordered by a
 * per-incident position with a primary key, and a delivery moves from one state to the next
 * exactly once whoever tries.
 */
import {
  AppendConflictError,
  type AppendOptions,
  type ChannelRef,
  type DeliveryCompletion,
  type DeliveryRecord,
  type EventStore,
  type FiredReminderRecord,
  type IncidentEvent,
  type NewDelivery,
  type Outbox,
  type OutboxRow,
  outboxRecordFromRow,
} from '@incident-comms/core';
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { quoteSchema } from './migrations';

/**
 * Options of {@link PostgresStore.append}: core's `AppendOptions` (`expectedPosition`, refused
 * with core's `AppendConflictError` when stale) plus a transaction to run in.
 */
export interface PostgresAppendOptions extends AppendOptions {
  /** Run inside this client's open transaction (the transactional outbox uses it). */
  readonly client?: PoolClient | undefined;
}

/** The PostgreSQL store: an {@link Outbox} and an {@link EventStore} over one schema.
 *
 * `E` is the event type the log holds: `IncidentEvent` by default, what the desk and the
 * coordinator append (pass another type, or `unknown`, to keep other JSON events).
 */
export interface PostgresStore<E = IncidentEvent> extends Outbox, EventStore<E> {
  /** The schema the tables live in. */
  readonly schema: string;
  /** Appends with optimistic concurrency (see {@link AppendOptions}); returns the 1-based position. */
  append(incidentId: string, event: E, options?: PostgresAppendOptions): Promise<number>;
  /** How many events the incident's log holds (the `expectedPosition` for the next append). */
  length(incidentId: string): Promise<number>;
  /**
   * Claims a reminder for this process: `true` for exactly one caller across every process for
   * a given (incident, kind, key), `false` for the rest. Fire the reminder only on `true`.
   */
  claimReminder(incidentId: string, reminder: FiredReminderRecord): Promise<boolean>;
  /** Inserts deliveries inside an open transaction (the transactional outbox). */
  enqueueIn(client: PoolClient, deliveries: readonly NewDelivery[], at: string): Promise<void>;
}

/** Options of {@link createPostgresStore}. */
export interface PostgresStoreOptions {
  /** A node-postgres pool; the host owns it (and ends it). */
  pool: Pool;
  /** Schema migrated with `migrate()`. Default `incident_comms`. */
  schema?: string | undefined;
}

/** A `deliveries` row as node-postgres returns it (internal to this package). */
/** A `deliveries` row as pg returns it. */
export type DeliveryRow = OutboxRow & QueryResultRow;

/** Maps a `deliveries` row to the core's record shape. */
export const toRecord = (row: DeliveryRow): DeliveryRecord => outboxRecordFromRow(row);

const UNIQUE_VIOLATION = '23505';
const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: string }).code === UNIQUE_VIOLATION;

/**
 * Creates the store over a migrated schema (run `migrate()` first; see README).
 *
 * @example
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * await migrate({ pool });
 * const store = createPostgresStore({ pool });
 * await store.append('inc-1', { type: 'declared', ... }, { expectedPosition: 0 });
 */
export function createPostgresStore<E = IncidentEvent>(options: PostgresStoreOptions): PostgresStore<E> {
  const { pool } = options;
  const schema = options.schema ?? 'incident_comms';
  const s = quoteSchema(schema);
  const q = async <R extends QueryResultRow>(sql: string, values: unknown[], client?: PoolClient) =>
    (await (client ?? pool).query<R>(sql, values)).rows;

  const insertDeliveries = async (
    client: Pool | PoolClient,
    deliveries: readonly NewDelivery[],
    at: string,
  ) => {
    if (deliveries.length === 0) return;
    await client.query(
      `INSERT INTO ${s}.deliveries (key, incident_id, version, channel, recipient, audience, state, attempts, updated_at)
       SELECT * , 'pending', 0, $7 FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[])
       ON CONFLICT (key) DO NOTHING`,
      [
        deliveries.map((d) => d.key),
        deliveries.map((d) => d.incidentId),
        deliveries.map((d) => d.version),
        deliveries.map((d) => d.channel),
        deliveries.map((d) => d.recipient),
        deliveries.map((d) => d.audience),
        at,
      ],
    );
  };

  const appendOnce = async (incidentId: string, json: string, options: PostgresAppendOptions) => {
    const expected = options.expectedPosition;
    const rows =
      expected === undefined
        ? await q<{ position: number }>(
            `INSERT INTO ${s}.events (incident_id, position, event)
             SELECT $1, COALESCE(MAX(position), 0) + 1, $2 FROM ${s}.events WHERE incident_id = $1
             RETURNING position`,
            [incidentId, json],
            options.client,
          )
        : await q<{ position: number }>(
            `INSERT INTO ${s}.events (incident_id, position, event)
             SELECT $1, $3::int + 1, $2
             WHERE (SELECT COALESCE(MAX(position), 0) FROM ${s}.events WHERE incident_id = $1) = $3::int
             RETURNING position`,
            [incidentId, json, expected],
            options.client,
          );
    if (rows.length === 0) throw new AppendConflictError(incidentId, expected ?? 0);
    return rows[0]!.position;
  };

  return {
    schema,
    async append(incidentId, event, appendOptions = {}) {
      const json = JSON.stringify(event);
      if (json === undefined) throw new TypeError('EventStore.append: event must be JSON data');
      // Two appends racing for the same position: the primary key lets exactly one win. With
      // an expected position the loser's decision is stale (a conflict); without one it simply
      // goes after the winner (outside a caller's transaction, where a retry is possible).
      for (let attempt = 0; ; attempt++) {
        try {
          return await appendOnce(incidentId, json, appendOptions);
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          if (appendOptions.expectedPosition !== undefined || appendOptions.client || attempt >= 20)
            throw new AppendConflictError(incidentId, appendOptions.expectedPosition ?? -1);
        }
      }
    },
    async length(incidentId) {
      const rows = await q<{ n: number }>(
        `SELECT COALESCE(MAX(position), 0)::int AS n FROM ${s}.events WHERE incident_id = $1`,
        [incidentId],
      );
      return rows[0]?.n ?? 0;
    },
    async load(incidentId) {
      const rows = await q<{ event: string }>(
        `SELECT event FROM ${s}.events WHERE incident_id = $1 ORDER BY position`,
        [incidentId],
      );
      return rows.map((r) => JSON.parse(r.event) as E);
    },
    async incidents() {
      const rows = await q<{ incident_id: string }>(
        `SELECT incident_id FROM ${s}.events GROUP BY incident_id ORDER BY MIN(global_seq)`,
        [],
      );
      return rows.map((r) => r.incident_id);
    },
    async recordReminder(incidentId, reminder) {
      await q(
        `INSERT INTO ${s}.reminders (incident_id, kind, key, fired_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [incidentId, reminder.kind, reminder.key, reminder.at],
      );
    },
    async claimReminder(incidentId, reminder) {
      const rows = await q(
        `INSERT INTO ${s}.reminders (incident_id, kind, key, fired_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING 1`,
        [incidentId, reminder.kind, reminder.key, reminder.at],
      );
      return rows.length === 1;
    },
    async firedReminders(incidentId) {
      const rows = await q<{ kind: string; key: string; fired_at: string }>(
        `SELECT kind, key, fired_at FROM ${s}.reminders WHERE incident_id = $1 ORDER BY seq`,
        [incidentId],
      );
      return rows.map((r) => ({ kind: r.kind, key: r.key, at: r.fired_at }));
    },

    async enqueue(deliveries, at) {
      await insertDeliveries(pool, deliveries, at);
      if (deliveries.length === 0) return [];
      const rows = await q<DeliveryRow>(`SELECT * FROM ${s}.deliveries WHERE key = ANY($1::text[])`, [
        deliveries.map((d) => d.key),
      ]);
      const byKey = new Map(rows.map((r) => [r.key, toRecord(r)]));
      return deliveries.map((d) => byKey.get(d.key)!);
    },
    async enqueueIn(client, deliveries, at) {
      await insertDeliveries(client, deliveries, at);
    },
    async begin(key, from, at) {
      const rows = await q<DeliveryRow & { thread: string | null }>(
        `WITH moved AS (
           UPDATE ${s}.deliveries SET state = 'sending', attempts = attempts + 1,
             first_attempt_at = COALESCE(first_attempt_at, $1), next_attempt_at = NULL, updated_at = $1
           WHERE key = $2 AND state = ANY($3::text[]) RETURNING *)
         SELECT moved.*, t.ref AS thread FROM moved
         LEFT JOIN ${s}.threads t USING (incident_id, channel, recipient)`,
        [at, key, [...from]],
      );
      const row = rows[0];
      return (
        row && {
          ...toRecord(row),
          thread: row.thread === null ? undefined : (JSON.parse(row.thread) as ChannelRef),
        }
      );
    },
    async complete(key, completion: DeliveryCompletion, at, from = ['sending']) {
      const ref = completion.state === 'sent' ? JSON.stringify(completion.ref) : null;
      const reason = completion.state === 'sent' ? null : completion.reason;
      const next = completion.state === 'pending' ? completion.nextAttemptAt : null;
      const startsThread = completion.state === 'sent' && completion.thread === true;
      const rows = await q<DeliveryRow>(
        `WITH moved AS (
           UPDATE ${s}.deliveries SET state = $1, ref = COALESCE($2, ref), reason = $3,
             next_attempt_at = $4, updated_at = $5
           WHERE key = $6 AND state = ANY($7::text[]) RETURNING *),
         thread AS (
           INSERT INTO ${s}.threads (incident_id, channel, recipient, ref)
           SELECT incident_id, channel, recipient, $2 FROM moved WHERE $8::boolean
           ON CONFLICT DO NOTHING)
         SELECT * FROM moved`,
        [completion.state, ref, reason, next, at, key, [...from], startsThread],
      );
      return rows[0] && toRecord(rows[0]);
    },
    async get(key) {
      const rows = await q<DeliveryRow>(`SELECT * FROM ${s}.deliveries WHERE key = $1`, [key]);
      return rows[0] && toRecord(rows[0]);
    },
    async list(incidentId, version) {
      const rows =
        version === undefined
          ? await q<DeliveryRow>(`SELECT * FROM ${s}.deliveries WHERE incident_id = $1 ORDER BY key`, [
              incidentId,
            ])
          : await q<DeliveryRow>(
              `SELECT * FROM ${s}.deliveries WHERE incident_id = $1 AND version = $2 ORDER BY key`,
              [incidentId, version],
            );
      return rows.map(toRecord);
    },
    async thread(incidentId, channel, recipient) {
      const rows = await q<{ ref: string }>(
        `SELECT ref FROM ${s}.threads WHERE incident_id = $1 AND channel = $2 AND recipient = $3`,
        [incidentId, channel, recipient],
      );
      return rows[0] && (JSON.parse(rows[0].ref) as ChannelRef);
    },
    async threads(incidentId, channel) {
      const rows = await q<{ recipient: string; ref: string }>(
        `SELECT recipient, ref FROM ${s}.threads WHERE incident_id = $1 AND channel = $2`,
        [incidentId, channel],
      );
      return new Map(rows.map((r) => [r.recipient, JSON.parse(r.ref) as ChannelRef]));
    },
    async rememberThread(incidentId, channel, recipient, ref) {
      await q(
        `INSERT INTO ${s}.threads (incident_id, channel, recipient, ref) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [incidentId, channel, recipient, JSON.stringify(ref)],
      );
    },
    async recentSends(channel, since) {
      const rows = await q<{ recipient: string; updated_at: string }>(
        `SELECT recipient, updated_at FROM ${s}.deliveries WHERE channel = $1 AND state = 'sent' AND updated_at >= $2`,
        [channel, since],
      );
      return rows.map((r) => ({ recipient: r.recipient, at: r.updated_at }));
    },
  };
}
