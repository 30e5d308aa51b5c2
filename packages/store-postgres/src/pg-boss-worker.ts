/**
 * @module store-postgres/pg-boss-worker
 * What a pg-boss worker does with one delivery job: begin the send if it is still the lane's
 * newest, attempt it until its outcome is final (retries in the same job), or settle the send
 * of a worker that died (reported `unknown`, never resent) and supersede an older version.
 */
import {
  type AnyChannel,
  type ApprovedMessage,
  backoffDelay,
  type ChannelRef,
  type DeliveryOutcome,
  type DeliveryRecord,
  IncidentCommsError,
  type RetryPolicy,
  sendBounded,
} from '@incident-comms/core';
import type { Pool } from 'pg';
import type { Job } from 'pg-boss';
import { quoteSchema } from './migrations';
import { type DeliveryRow, type PostgresStore, toRecord } from './postgres-store';

/** The job a publish enqueues per delivery. */
export interface DeliveryJob {
  readonly key: string;
}

/** What a worker needs: the database, the store, the channels and the retry rules. */
export interface PgBossWorkerOptions {
  readonly pool: Pool;
  readonly store: PostgresStore<unknown>;
  readonly channels: ReadonlyMap<string, AnyChannel>;
  readonly retry: RetryPolicy;
  /** Hard bound of one `send`, milliseconds. */
  readonly timeoutMs: number;
}

type Begun = DeliveryRecord & { thread?: ChannelRef | undefined };

const now = () => new Date().toISOString();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A write that must land: retried while the database is unreachable (a restart), up to ~60 s. */
async function persist<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= 60 || error instanceof IncidentCommsError) throw error;
      await sleep(1_000);
    }
  }
}

/** Renders and sends one begun delivery; a render that throws is a rejection. */
async function attemptOnce(
  channel: AnyChannel,
  message: ApprovedMessage,
  begun: Begun,
  timeoutMs: number,
): Promise<DeliveryOutcome> {
  try {
    const payload = channel.render(message, begun.recipient, {
      idempotencyKey: begun.key,
      thread: begun.thread,
    });
    return await sendBounded(
      channel,
      payload,
      { idempotencyKey: begun.key, attempt: begun.attempts, thread: begun.thread },
      timeoutMs,
    );
  } catch (error) {
    return {
      type: 'rejected',
      reason: `render failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/**
 * Creates the job handler of a pg-boss worker.
 *
 * @example
 * const handle = createPgBossJobHandler({ pool, store, channels, retry, timeoutMs: 30_000 });
 * await boss.work(queue, async (jobs) => { await Promise.all(jobs.map(handle)); });
 */
export function createPgBossJobHandler(
  options: PgBossWorkerOptions,
): (job: Job<DeliveryJob>) => Promise<void> {
  const { pool, store, channels, retry, timeoutMs } = options;
  const s = quoteSchema(store.schema);
  const messageCache = new Map<string, ApprovedMessage>();

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

  /**
   * The happy path in one statement: `pending` → `sending` unless a newer version waits in the
   * same lane, with the lane's thread read in the same step.
   */
  const beginIfCurrent = async (key: string): Promise<Begun | undefined> => {
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
    return {
      ...toRecord(row),
      thread: row.thread === null ? undefined : (JSON.parse(row.thread) as ChannelRef),
    };
  };

  /** Records an outcome; returns how long to wait before the next attempt, or undefined when final. */
  const record = async (
    begun: Begun,
    outcome: DeliveryOutcome,
    channel: AnyChannel,
    started: number,
  ): Promise<number | undefined> => {
    const complete = (result: Parameters<PostgresStore['complete']>[1]) =>
      persist(() => store.complete(begun.key, result, now()));
    if (outcome.type === 'delivered') {
      await complete({ state: 'sent', ref: outcome.ref, thread: channel.capabilities.threads === true });
      return undefined;
    }
    if (outcome.type === 'rejected' || outcome.type === 'unknown') {
      await complete({ state: outcome.type === 'rejected' ? 'failed' : 'unknown', reason: outcome.reason });
      return undefined;
    }
    const wait = backoffDelay(begun.attempts, retry, outcome.retryAfterMs);
    if (begun.attempts >= retry.maxAttempts || Date.now() - started + wait > retry.budgetMs) {
      await complete({
        state: 'failed',
        reason: `gave up after ${begun.attempts} attempts: ${outcome.reason}`,
      });
      return undefined;
    }
    const nextAttemptAt = new Date(Date.now() + wait).toISOString();
    await complete({ state: 'pending', reason: outcome.reason, nextAttemptAt });
    return wait;
  };

  /** Attempts a begun delivery until its outcome is final; retries wait inside the job. */
  const attemptUntilFinal = async (first: Begun) => {
    const channel = channels.get(first.channel);
    const message = await persist(() => messageFor(first));
    if (!channel || !message) {
      const reason = channel
        ? 'no approved message stored for this delivery'
        : `no channel named ${first.channel} in this worker`;
      await persist(() =>
        store.complete(first.key, { state: 'failed', reason }, now(), ['pending', 'sending']),
      );
      return;
    }
    const started = Date.now();
    let begun: Begun | undefined = first;
    while (begun) {
      const outcome = await attemptOnce(channel, message, begun, timeoutMs);
      const wait = await record(begun, outcome, channel, started);
      if (wait === undefined) return;
      await sleep(wait);
      const key: string = begun.key;
      // undefined: another worker settled it meanwhile.
      begun = await persist((): Promise<Begun | undefined> => store.begin(key, ['pending'], now()));
    }
  };

  /** One job: attempt until final, or settle a dead worker's send, or supersede. */
  return async (job) => {
    const begun = await persist(() => beginIfCurrent(job.data.key));
    if (begun) return attemptUntilFinal(begun);
    const found = await persist(() => store.get(job.data.key));
    if (found?.state === 'sending') {
      // The worker that began this send died: it may have arrived. Report, never resend.
      const reason = 'the worker died during the send; it may have arrived';
      await persist(() => store.complete(found.key, { state: 'unknown', reason }, now()));
      return;
    }
    if (found?.state === 'pending') {
      const reason = 'a newer version to this recipient was ready first';
      await persist(() => store.complete(found.key, { state: 'superseded', reason }, now(), ['pending']));
    }
  };
}
