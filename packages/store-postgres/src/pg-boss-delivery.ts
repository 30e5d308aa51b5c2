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
  type ChannelRef,
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  type DeliveryOutcome,
  type DeliveryRecord,
  type DeliveryRoute,
  deliveryKey,
  IncidentCommsError,
  type NewDelivery,
  type RetryPolicy,
  sendBounded,
} from '@incident-comms/core';
import type { Job, PgBoss } from 'pg-boss';
import type { Pool, PoolClient } from 'pg';
import { quoteSchema } from './migrations';
import { type DeliveryRow, type PostgresStore, toRecord } from './postgres-store';

/** The job a publish enqueues per delivery. */
interface DeliveryJob {
  readonly key: string;
}

/** Options of {@link createPgBossDelivery}. */
export interface PgBossDeliveryOptions {
  /** The host's pool (the same database as pg-boss). */
  readonly pool: Pool;
  /** A started pg-boss instance (`new PgBoss({ connectionString })`, `await boss.start()`). */
  readonly boss: PgBoss;
  /** The PostgreSQL store (outbox and event log) over a migrated schema. */
  readonly store: PostgresStore;
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

/** What {@link PgBossDelivery.publish} takes: the approved messages of one release and where they go. */
export interface PgBossPublishInput {
  /** One release's approved messages, one per audience (same incident and version). */
  readonly messages: readonly ApprovedMessage[];
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
   * @throws {IncidentCommsError} `delivery_input_invalid` for a route naming an unknown channel or audience.
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
 * await delivery.publish({ messages, routes, at: new Date().toISOString() }); // any instance
 * await delivery.work({ localConcurrency: 8 }); // worker instances
 */
export function createPgBossDelivery(options: PgBossDeliveryOptions): PgBossDelivery {
  const { pool, boss, store } = options;
  const queue = options.queue ?? 'incident-comms.delivery';
  const s = quoteSchema(store.schema);
  const channels = new Map(options.channels.map((c) => [c.name, c]));
  const retry: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const timeoutMs = options.attemptTimeoutMs ?? 30_000;
  if (!(timeoutMs > 0)) throw new IncidentCommsError('delivery_input_invalid', 'attemptTimeoutMs: expected a positive number of milliseconds');
  const leaseSeconds = options.leaseSeconds ?? 120;
  const workers: string[] = [];
  const messageCache = new Map<string, ApprovedMessage>();

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

  const messageFor = async (record: DeliveryRecord): Promise<ApprovedMessage | undefined> => {
    const id = JSON.stringify([record.incidentId, record.version, record.audience]);
    const cached = messageCache.get(id);
    if (cached) return cached;
    const { rows } = await pool.query<{ message: string }>(
      `SELECT message FROM ${s}.messages WHERE incident_id = $1 AND version = $2 AND audience = $3`,
      [record.incidentId, record.version, record.audience],
    );
    if (!rows[0]) return undefined;
    const message = JSON.parse(rows[0].message) as ApprovedMessage;
    messageCache.set(id, message);
    return message;
  };

  /** A write that must land: retried while the database is unreachable (a restart), up to ~60 s. */
  const persist = async <T>(write: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await write();
      } catch (error) {
        if (attempt >= 60 || error instanceof IncidentCommsError) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  };
  const now = () => new Date().toISOString();

  /**
   * The happy path in one statement: `pending` → `sending` unless a newer version waits in the
   * same lane, with the lane's thread read in the same step.
   */
  const beginIfCurrent = async (key: string): Promise<(DeliveryRecord & { thread?: ChannelRef | undefined }) | undefined> => {
    const { rows } = await pool.query<DeliveryRow & { thread: string | null }>(
      `WITH moved AS (
         UPDATE ${s}.deliveries d SET state = 'sending', attempts = attempts + 1,
           first_attempt_at = COALESCE(first_attempt_at, $2), next_attempt_at = NULL, updated_at = $2
         WHERE key = $1 AND state = 'pending' AND NOT EXISTS (
           SELECT 1 FROM ${s}.deliveries n WHERE n.incident_id = d.incident_id AND n.channel = d.channel
             AND n.recipient = d.recipient AND n.version > d.version)
         RETURNING d.*)
       SELECT moved.*, t.ref AS thread FROM moved LEFT JOIN ${s}.threads t USING (incident_id, channel, recipient)`,
      [key, now()],
    );
    const row = rows[0];
    if (!row) return undefined;
    return { ...toRecord(row), thread: row.thread === null ? undefined : (JSON.parse(row.thread) as ChannelRef) };
  };

  /** One job: attempt until final, or settle a dead worker's send, or supersede. */
  const handle = async (job: Job<DeliveryJob>) => {
    const begun = await persist(() => beginIfCurrent(job.data.key));
    if (begun) return attemptUntilFinal(begun, begun);
    const record = await persist(() => store.get(job.data.key));
    if (!record) return;
    if (record.state === 'sending') {
      // The worker that began this send died: it may have arrived. Report, never resend.
      await persist(() =>
        store.complete(record.key, { state: 'unknown', reason: 'the worker died during the send; it may have arrived' }, now()),
      );
      return;
    }
    if (record.state === 'pending')
      await persist(() =>
        store.complete(record.key, { state: 'superseded', reason: 'a newer version to this recipient was ready first' }, now(), ['pending']),
      );
  };

  const attemptUntilFinal = async (
    initial: DeliveryRecord,
    alreadyBegun?: DeliveryRecord & { thread?: ChannelRef | undefined },
  ) => {
    const channel = channels.get(initial.channel);
    const message = await persist(() => messageFor(initial));
    if (!channel || !message) {
      await persist(() =>
        store.complete(initial.key, { state: 'failed', reason: channel ? 'no approved message stored for this delivery' : `no channel named ${initial.channel} in this worker` }, now(), ['pending', 'sending']),
      );
      return;
    }
    const started = Date.now();
    let first = alreadyBegun;
    for (;;) {
      const begun = first ?? (await persist(() => store.begin(initial.key, ['pending'], now())));
      first = undefined;
      if (!begun) return; // another worker settled it
      const context = { idempotencyKey: begun.key, thread: begun.thread };
      let outcome: DeliveryOutcome;
      try {
        const payload = channel.render(message, begun.recipient, context);
        outcome = await sendBounded(channel, payload, { idempotencyKey: begun.key, attempt: begun.attempts, thread: begun.thread }, timeoutMs);
      } catch (error) {
        outcome = { type: 'rejected', reason: `render failed: ${error instanceof Error ? error.message : String(error)}` };
      }
      if (outcome.type === 'delivered') {
        await persist(() => store.complete(begun.key, { state: 'sent', ref: outcome.ref, thread: channel.capabilities.threads === true }, now()));
        return;
      }
      if (outcome.type === 'rejected' || outcome.type === 'unknown') {
        await persist(() => store.complete(begun.key, { state: outcome.type === 'rejected' ? 'failed' : 'unknown', reason: outcome.reason }, now()));
        return;
      }
      const wait = backoffDelay(begun.attempts, retry, outcome.retryAfterMs);
      if (begun.attempts >= retry.maxAttempts || Date.now() - started + wait > retry.budgetMs) {
        await persist(() => store.complete(begun.key, { state: 'failed', reason: `gave up after ${begun.attempts} attempts: ${outcome.reason}` }, now()));
        return;
      }
      const nextAttemptAt = new Date(Date.now() + wait).toISOString();
      await persist(() => store.complete(begun.key, { state: 'pending', reason: outcome.reason, nextAttemptAt }, now()));
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  };

  const planOf = (input: PgBossPublishInput): NewDelivery[] => {
    const first = input.messages[0];
    if (!first) throw new IncidentCommsError('delivery_input_invalid', 'messages: expected at least one approved message');
    const byAudience = new Map(input.messages.map((m) => [m.audience, m]));
    const seen = new Set<string>();
    const deliveries: NewDelivery[] = [];
    input.routes.forEach((route, i) => {
      if (!channels.has(route.channel))
        throw new IncidentCommsError('delivery_input_invalid', `routes.${i}.channel: expected one of ${[...channels.keys()].join(', ')}, got ${JSON.stringify(route.channel)}`);
      if (!byAudience.has(route.audience))
        throw new IncidentCommsError('delivery_input_invalid', `routes.${i}.audience: no approved message for ${JSON.stringify(route.audience)}`);
      for (const recipient of route.recipients) {
        const key = deliveryKey(first.incidentId, first.version, route.channel, recipient);
        if (seen.has(key)) continue;
        seen.add(key);
        deliveries.push({ key, incidentId: first.incidentId, version: first.version, channel: route.channel, recipient, audience: route.audience });
      }
    });
    return deliveries;
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
      const deliveries = planOf(input);
      const first = input.messages[0]!;
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        if (input.event)
          await store.append(first.incidentId, input.event.value, { expectedPosition: input.event.expectedPosition, client });
        for (const m of input.messages)
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
