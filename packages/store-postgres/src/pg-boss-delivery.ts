/**
 * @module store-postgres/pg-boss-delivery
 * Delivery on pg-boss workers. A publish writes, in ONE transaction, the published event, the
 * approved messages, one outbox row per recipient and one pg-boss job per row (transactional
 * outbox). Any number of worker processes drain the jobs. The queue's `key_strict_fifo` policy
 * with the lane (incident, channel, recipient) as singleton key keeps one delivery per lane in
 * flight, in version order, across every worker. A worker that dies mid-job leaves its job to
 * expire; the next worker to take it finds the outbox row `sending` and reports it `unknown`
 * (or settles it through the channel's lookup), never sends it blindly a second time.
 */
import {
  type AnyChannel,
  type ApprovedMessage,
  type ApprovedRelease,
  checkDeliverableRelease,
  DEFAULT_RETRY_POLICY,
  DeliveryInputError,
  type DeliveryRoute,
  deliveryKey,
  IncidentCommsError,
  type NewDelivery,
  type RetryPolicy,
  releaseDeliveryMessages,
} from '@incident-comms/core';
import type { Pool, PoolClient } from 'pg';
import type { PgBoss } from 'pg-boss';
import { quoteSchema } from './migrations';
import { createPgBossJobHandler, type DeliveryJob } from './pg-boss-worker';
import type { PostgresStore } from './postgres-store';

/** Options of {@link createPgBossDelivery}. */
export interface PgBossDeliveryOptions {
  /** The host's pool (the same database as pg-boss). */
  readonly pool: Pool;
  /** A started pg-boss instance (`new PgBoss({ connectionString })`, `await boss.start()`). */
  readonly boss: PgBoss;
  /** The PostgreSQL store (outbox and event log) over a migrated schema. */
  readonly store: PostgresStore<unknown>;
  /** Channels by their unique `name` (workers need them; publishers only check names). */
  readonly channels: readonly AnyChannel[];
  /** Queue name. Default `incident-comms.delivery`. */
  readonly queue?: string | undefined;
  /** Overrides of the retry policy for retryable outcomes (attempts and waits stay in one job). */
  readonly retry?: Partial<RetryPolicy> | undefined;
  /** Hard bound of one `send`, milliseconds. Default 30 000. */
  readonly attemptTimeoutMs?: number | undefined;
  /**
   * Seconds after which a job whose worker stopped answering is handed to another worker
   * (which reports the delivery `unknown`, never resends it). Default 120; must exceed the
   * longest attempt plus retry waits.
   */
  readonly leaseSeconds?: number | undefined;
  /** Waits between pg-boss polls while idle, seconds. Default 0.5. */
  readonly pollingIntervalSeconds?: number | undefined;
}

/** What {@link PgBossDelivery.publish} takes: one approved release and where it goes. */
export interface PgBossPublishInput {
  /**
   * The approved release, as `approvedRelease(state, { version })` returns it: its messages must
   * still hash to its hash, every approval must name that hash, and no placeholder may be left
   * (the same checks as `publishUpdate`), or nothing is written.
   */
  readonly release: ApprovedRelease;
  readonly routes: readonly DeliveryRoute[];
  /** The event that records the publish, appended in the same transaction (optional). */
  readonly event?: { readonly value: unknown; readonly expectedPosition?: number | undefined } | undefined;
  /** ISO-8601 UTC instant written on the outbox rows. */
  readonly at: string;
}

/** Delivery through pg-boss; see the module comment for the guarantees. */
export interface PgBossDelivery {
  /** Creates the queue (idempotent). Call once per process before `publish` or `work`. */
  prepare(): Promise<void>;
  /**
   * Appends the event, stores the messages and enqueues every delivery in one transaction.
   * @returns the deliveries enqueued (keys already present are kept as they are).
   * @throws {AppendConflictError} when `event.expectedPosition` is stale (nothing is written).
   * @throws {IncidentCommsError} `delivery_input_invalid` for a release that may not go out
   *   (edited after approval, an approval naming another hash, a placeholder left; each problem
   *   path-named) or a route naming an unknown channel or audience.
   */
  publish(input: PgBossPublishInput): Promise<NewDelivery[]>;
  /**
   * Starts draining jobs in this process: `batchSize` jobs per fetch (default 16), sent
   * concurrently (each lane still has at most one job in flight: the queue policy), with
   * `localConcurrency` fetch loops (default 2).
   */
  work(options?: { localConcurrency?: number | undefined; batchSize?: number | undefined }): Promise<void>;
  /** Stops this process's workers after the jobs in hand finish. */
  stop(): Promise<void>;
}

const laneOf = (r: { incidentId: string; channel: string; recipient: string }) =>
  JSON.stringify([r.incidentId, r.channel, r.recipient]);

/**
 * Creates pg-boss delivery over the PostgreSQL store.
 *
 * @example
 * const delivery = createPgBossDelivery({ pool, boss, store, channels: [email] });
 * await delivery.prepare();
 * await delivery.publish({ release: approvedRelease(state, { version: 2 }), routes, at: new Date().toISOString() }); // any instance
 * await delivery.work({ localConcurrency: 8 }); // worker instances
 */
export function createPgBossDelivery(options: PgBossDeliveryOptions): PgBossDelivery {
  const { pool, boss, store } = options;
  const queue = options.queue ?? 'incident-comms.delivery';
  const s = quoteSchema(store.schema);
  const channels = new Map(options.channels.map((c) => [c.name, c]));
  const retry: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const timeoutMs = options.attemptTimeoutMs ?? 30_000;
  if (!(timeoutMs > 0))
    throw new IncidentCommsError(
      'delivery_input_invalid',
      'attemptTimeoutMs: expected a positive number of milliseconds',
    );
  const leaseSeconds = options.leaseSeconds ?? 120;
  const workers: string[] = [];

  const prepare = async () => {
    const existing = await boss.getQueue(queue);
    if (!existing)
      await boss.createQueue(queue, {
        policy: 'key_strict_fifo',
        expireInSeconds: leaseSeconds,
        // A job must never end `failed`: a failed job holds its lane back for good. Every
        // outcome is recorded in the outbox and the job completes; only a dead worker retries.
        retryLimit: 1_000_000,
        retryDelay: 1,
      });
  };

  const handle = createPgBossJobHandler({ pool, store, channels, retry, timeoutMs });

  /** The release's messages and one delivery per route recipient; refuses what may not go out. */
  const planOf = (input: PgBossPublishInput): { messages: ApprovedMessage[]; deliveries: NewDelivery[] } => {
    const refused = checkDeliverableRelease(input.release);
    if (refused.length > 0) throw new DeliveryInputError(refused);
    const messages = releaseDeliveryMessages(input.release);
    const first = messages[0]!;
    const byAudience = new Map(messages.map((m) => [m.audience, m]));
    const seen = new Set<string>();
    const deliveries: NewDelivery[] = [];
    input.routes.forEach((route, i) => {
      if (!channels.has(route.channel))
        throw new IncidentCommsError(
          'delivery_input_invalid',
          `routes.${i}.channel: expected one of ${[...channels.keys()].join(', ')}, got ${JSON.stringify(route.channel)}`,
        );
      if (!byAudience.has(route.audience))
        throw new IncidentCommsError(
          'delivery_input_invalid',
          `routes.${i}.audience: no approved message for ${JSON.stringify(route.audience)}`,
        );
      for (const recipient of route.recipients) {
        const key = deliveryKey(first.incidentId, first.version, route.channel, recipient);
        if (seen.has(key)) continue;
        seen.add(key);
        deliveries.push({
          key,
          incidentId: first.incidentId,
          version: first.version,
          channel: route.channel,
          recipient,
          audience: route.audience,
        });
      }
    });
    return { messages, deliveries };
  };

  const insertJobs = async (client: PoolClient, deliveries: readonly NewDelivery[]) => {
    const db = { executeSql: (text: string, values?: unknown[]) => client.query(text, values) };
    for (let i = 0; i < deliveries.length; i += 1_000) {
      const batch = deliveries.slice(i, i + 1_000);
      await boss.insert(
        queue,
        batch.map((d) => ({ data: { key: d.key } satisfies DeliveryJob, singletonKey: laneOf(d) })),
        { db },
      );
    }
  };

  return {
    prepare,
    async publish(input) {
      const { messages, deliveries } = planOf(input);
      const first = messages[0]!;
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        if (input.event)
          await store.append(first.incidentId, input.event.value, {
            expectedPosition: input.event.expectedPosition,
            client,
          });
        for (const m of messages)
          await client.query(
            `INSERT INTO ${s}.messages (incident_id, version, audience, message) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
            [m.incidentId, m.version, m.audience, JSON.stringify(m)],
          );
        // Only rows this transaction inserts get a job: a repeated publish enqueues nothing twice.
        const { rows } = await client.query<{ key: string }>(
          `SELECT key FROM ${s}.deliveries WHERE key = ANY($1::text[])`,
          [deliveries.map((d) => d.key)],
        );
        const present = new Set(rows.map((r) => r.key));
        const fresh = deliveries.filter((d) => !present.has(d.key));
        await store.enqueueIn(client, fresh, input.at);
        await insertJobs(client, fresh);
        await client.query('COMMIT');
        return fresh;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async work(workOptions = {}) {
      const id = await boss.work<DeliveryJob>(
        queue,
        {
          localConcurrency: workOptions.localConcurrency ?? 2,
          batchSize: workOptions.batchSize ?? 16,
          pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5,
        },
        async (jobs) => {
          await Promise.all(jobs.map(handle));
        },
      );
      workers.push(id);
    },
    async stop() {
      for (const id of workers.splice(0)) await boss.offWork(queue, { id });
    },
  };
}
