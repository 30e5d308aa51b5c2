/**
 * @module delivery/deliver
 * The per-delivery steps of a publish, each one screen: wait for the lane (ordering), check
 * before an attempt (signal, age, rate cap, supersede), attempt (begin, render, bounded send),
 * record the outcome, retry or give up.
 */

import { refuseUndeliverable } from '../release/deliverable';
import { sendBounded } from './attempt';
import type { ChannelRef, DeliveryOutcome } from './channel';
import type { DeliveryEventBase, DeliveryEvents } from './events';
import { type Admission, expiredReason, type FloodPolicy, type RateTracker } from './flood';
import { type Lanes, laneKey, type Turn } from './lanes';
import type { Plan } from './plan';
import { backoffDelay, type DeliveryClock, type RetryPolicy } from './retry';
import type { DeliveryRecord, DeliveryState, Outbox } from './store';

/** What happened to one delivery in this publish (see `PublishResult.deliveries`). */
export interface DeliveryReport {
  readonly key: string;
  readonly channel: string;
  readonly recipient: string;
  readonly audience: DeliveryRecord['audience'];
  /**
   * State after this publish: `sent`, `failed`, `unknown`, `superseded`, `expired` (final);
   * `deferred` (held by the rate cap, still pending); `pending` (the publish was stopped by its
   * signal, or another publish in this process holds it).
   */
  readonly state: Exclude<DeliveryState, 'sending'> | 'deferred';
  /** True when the state was already final before this publish and nothing was sent. */
  readonly duplicate: boolean;
  /** Attempts started in total (across publishes and restarts). */
  readonly attempts: number;
  readonly ref?: ChannelRef | undefined;
  /** Why it is not `sent` (or why the last attempt was retried). */
  readonly reason?: string | undefined;
  /** True when the release's first-contact message was sent (the recipient's first message). */
  readonly firstContact?: boolean | undefined;
}

/** Everything the steps of one publish share. */
export interface Run {
  readonly plan: Plan;
  readonly outbox: Outbox;
  readonly clock: DeliveryClock;
  readonly policy: RetryPolicy;
  readonly flood: FloodPolicy;
  readonly attemptTimeoutMs: number;
  readonly resendUnknown: boolean;
  readonly signal: AbortSignal | undefined;
  readonly events: DeliveryEvents | undefined;
  readonly lanes: Lanes;
  readonly rates: RateTracker;
  /**
   * Keys publishes in this process are working on, with how many hold each (so a `sending`
   * record is not stale, and an older version in flight is left to its own publish).
   */
  readonly claimed: Map<string, number>;
  readonly reports: Map<string, DeliveryReport>;
}

let lastMs = Number.NaN;
let lastIso = '';
/** ISO-8601 UTC text of an instant in milliseconds (the last one is reused: a publish asks for the same millisecond many times). */
export const iso = (ms: number): string => {
  if (ms !== lastMs) {
    lastIso = new Date(ms).toISOString();
    lastMs = ms;
  }
  return lastIso;
};

export const eventBase = (r: DeliveryRecord): DeliveryEventBase => ({
  key: r.key,
  incidentId: r.incidentId,
  version: r.version,
  channel: r.channel,
  recipient: r.recipient,
  audience: r.audience,
  attempts: r.attempts,
});

/** Records the report of `r` for this publish. */
export function report(
  run: Run,
  r: DeliveryRecord,
  extra: { state?: DeliveryReport['state']; duplicate?: boolean; firstContact?: boolean } = {},
): void {
  const { key, channel, recipient, audience, attempts, ref, reason } = r;
  const state = extra.state ?? (r.state === 'sending' ? 'pending' : r.state);
  const duplicate = extra.duplicate ?? false;
  run.reports.set(key, {
    key,
    channel,
    recipient,
    audience,
    state,
    duplicate,
    attempts,
    ref,
    reason,
    firstContact: extra.firstContact,
  });
}

/** Ends a delivery without sending it: `superseded` or `expired`, from `pending`. */
export async function finishUnsent(
  run: Run,
  record: DeliveryRecord,
  state: 'superseded' | 'expired',
  reason: string,
  supersededBy = 0,
): Promise<void> {
  const done =
    (await run.outbox.complete(record.key, { state, reason }, iso(run.clock.now()), ['pending'])) ??
    (await run.outbox.get(record.key)) ??
    record;
  if (state === 'superseded') run.events?.emit('superseded', { ...eventBase(done), reason, supersededBy });
  else run.events?.emit('expired', { ...eventBase(done), reason });
  report(run, done);
}

const supersededReason = (by: number) => `superseded: version ${by} to this recipient was ready first`;

/** Resolves `promise`, or `'aborted'` as soon as `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T | 'aborted'> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.resolve('aborted');
  return new Promise((resolve) => {
    const onAbort = () => resolve('aborted');
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then((v) => {
      signal.removeEventListener('abort', onAbort);
      resolve(v);
    });
  });
}

/**
 * One delivery from queued to reported: joins its lane (versions to one recipient go one at a
 * time, in order; an older one still waiting is superseded), then attempts until final.
 */
export async function deliver(run: Run, record: DeliveryRecord, release: () => void): Promise<void> {
  const turn = run.lanes.join(laneKey(record), record.version);
  try {
    const ready = await untilAborted(turn.ready, run.signal);
    if (ready === 'aborted') return report(run, record, { state: 'pending' });
    if (ready !== 'go')
      return await finishUnsent(
        run,
        record,
        'superseded',
        supersededReason(ready.supersededBy),
        ready.supersededBy,
      );
    await attemptUntilFinal(run, record, turn, release);
  } finally {
    turn.leave();
  }
}

/** The attempt loop of a delivery that holds its lane. */
async function attemptUntilFinal(run: Run, initial: DeliveryRecord, turn: Turn, release: () => void) {
  let record = initial;
  let admission: Admission | undefined;
  try {
    for (;;) {
      const go = await checkBeforeAttempt(run, record, turn, admission);
      if (go.stop) return;
      admission = go.admission;
      const attempt = await attemptOnce(run, record, turn);
      if (attempt.lost) {
        const current = (await run.outbox.get(record.key)) ?? record;
        return report(run, current, {
          duplicate: true,
          state: current.state === 'sending' ? 'pending' : undefined,
        });
      }
      const next = await recordOutcome(run, attempt, turn, release);
      if (!next) return;
      record = next;
    }
  } finally {
    const state = run.reports.get(initial.key)?.state;
    if (admission?.ok && state !== 'sent' && state !== 'unknown') admission.release();
  }
}

/**
 * Before each attempt: the publish's signal, the maximum age, the rate cap (once per
 * delivery), then the wait until `nextAttemptAt` (a pause during which a newer version
 * supersedes this one).
 */
async function checkBeforeAttempt(
  run: Run,
  record: DeliveryRecord,
  turn: Turn,
  admission: Admission | undefined,
): Promise<{ stop: true } | { stop: false; admission: Admission | undefined }> {
  const message = run.plan.messageByKey.get(record.key)!;
  const now = run.clock.now();
  if (run.signal?.aborted) {
    report(run, record, { state: 'pending' });
    return STOP;
  }
  const expired = expiredReason(message.publishedAt, now, run.flood.maxAgeMs);
  if (expired) {
    await finishUnsent(run, record, 'expired', expired);
    return STOP;
  }
  const cap = run.flood.rateCap;
  if (!admission && cap) {
    admission = run.rates.admit(record.channel, record.recipient, message.severity, now, cap);
    if (!admission.ok) {
      await defer(run, record, admission.reason, admission.nextAt);
      return STOP;
    }
  }
  const wait = record.nextAttemptAt ? Date.parse(record.nextAttemptAt) - now : 0;
  if (wait > 0) {
    turn.waiting(true);
    const signal = run.signal ? AbortSignal.any([turn.signal, run.signal]) : turn.signal;
    if (!signal.aborted) await run.clock.sleep(wait, signal);
    turn.waiting(false);
  }
  const by = turn.supersededBy();
  if (by !== undefined) {
    await finishUnsent(run, record, 'superseded', supersededReason(by), by);
    return STOP;
  }
  if (run.signal?.aborted) {
    report(run, record, { state: 'pending' });
    return STOP;
  }
  return { stop: false, admission };
}

const STOP = { stop: true } as const;

/** Held back by the rate cap: stays `pending` (eligible at once for a later publish), reported `deferred`. */
async function defer(run: Run, record: DeliveryRecord, reason: string, nextAt: number): Promise<void> {
  const now = iso(run.clock.now());
  const held =
    (await run.outbox.complete(record.key, { state: 'pending', reason, nextAttemptAt: now }, now, [
      'pending',
    ])) ?? record;
  run.events?.emit('deferred', { ...eventBase(held), reason, nextAttemptAt: iso(nextAt) });
  report(run, held, { state: 'deferred' });
}

interface Attempt {
  readonly lost?: false;
  readonly record: DeliveryRecord;
  readonly outcome: DeliveryOutcome;
  readonly thread: ChannelRef | undefined;
  readonly firstContact: boolean;
}

/**
 * One attempt: `begin` (write before send; it also reads the lane's thread, so every version
 * sees the thread the earlier ones created), render (the first-contact message when the
 * recipient has had nothing yet), then a bounded send.
 */
async function attemptOnce(run: Run, record: DeliveryRecord, turn: Turn): Promise<Attempt | { lost: true }> {
  const begun = await run.outbox.begin(record.key, ['pending'], iso(run.clock.now()));
  if (!begun) return { lost: true };
  const channel = run.plan.channelByName.get(begun.channel)!;
  const thread = channel.capabilities.threads ? begun.thread : undefined;
  const standalone =
    !turn.reached() && begun.thread === undefined ? run.plan.firstContactByKey.get(begun.key) : undefined;
  const message = standalone ?? run.plan.messageByKey.get(begun.key)!;
  const base = { record: begun, thread, firstContact: standalone !== undefined };
  // The last line: only an approved message of the release, placeholder-free, is rendered.
  const refusal = refuseUndeliverable(standalone ? run.plan.firstContact! : run.plan.release, message);
  if (refusal) return { ...base, outcome: { type: 'rejected', reason: `refused before send: ${refusal}` } };
  let payload: unknown;
  try {
    payload = channel.render(message, begun.recipient, { idempotencyKey: begun.key, thread });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const why = error instanceof Error ? error.message : String(error);
    return {
      ...base,
      outcome: {
        type: 'rejected',
        reason: `render failed${typeof code === 'string' ? ` (${code})` : ''}: ${why}`,
      },
    };
  }
  const options = { idempotencyKey: begun.key, attempt: begun.attempts, thread };
  return { ...base, outcome: await sendBounded(channel, payload, options, run.attemptTimeoutMs) };
}

/**
 * Records an attempt's outcome. Final outcomes hand the pool slot on first (the next delivery's
 * `begin` joins this write's commit). Returns the `pending` record to retry, or `undefined`.
 */
async function recordOutcome(
  run: Run,
  a: Attempt,
  turn: Turn,
  release: () => void,
): Promise<DeliveryRecord | undefined> {
  let outcome = a.outcome;
  if (outcome.type === 'unknown' && run.resendUnknown)
    outcome = { type: 'retryable', reason: `unknown outcome, resending: ${outcome.reason}` };
  if (outcome.type === 'retryable') return retryOrGiveUp(run, a.record, outcome, release);
  release();
  const at = iso(run.clock.now());
  const channel = run.plan.channelByName.get(a.record.channel)!;
  if (outcome.type === 'delivered') {
    // The first delivered message to a recipient starts its thread (same atomic step).
    const thread = channel.capabilities.threads && !a.thread;
    const done =
      (await run.outbox.complete(a.record.key, { state: 'sent', ref: outcome.ref, thread }, at)) ?? a.record;
    turn.markReached();
    run.events?.emit('sent', { ...eventBase(done), ref: outcome.ref, warnings: outcome.warnings });
    report(run, done, { firstContact: a.firstContact });
    return undefined;
  }
  const state = outcome.type === 'rejected' ? 'failed' : 'unknown';
  if (state === 'unknown') turn.markReached();
  const done = (await run.outbox.complete(a.record.key, { state, reason: outcome.reason }, at)) ?? a.record;
  run.events?.emit(state, { ...eventBase(done), reason: outcome.reason });
  report(run, done, { firstContact: a.firstContact });
  return undefined;
}

/** A retryable outcome: back off (jitter, Retry-After) within the attempt and time budget, else failed. */
async function retryOrGiveUp(
  run: Run,
  record: DeliveryRecord,
  outcome: Extract<DeliveryOutcome, { type: 'retryable' }>,
  release: () => void,
): Promise<DeliveryRecord | undefined> {
  const now = run.clock.now();
  const delayMs = backoffDelay(record.attempts, run.policy, outcome.retryAfterMs);
  const spent = now - Date.parse(record.firstAttemptAt ?? iso(now));
  const giveUp =
    record.attempts >= run.policy.maxAttempts
      ? `gave up after ${record.attempts} attempts`
      : spent + delayMs > run.policy.budgetMs
        ? `retry budget of ${run.policy.budgetMs} ms exhausted after ${record.attempts} attempts`
        : undefined;
  if (giveUp) {
    release();
    const reason = `${giveUp}: ${outcome.reason}`;
    const done = (await run.outbox.complete(record.key, { state: 'failed', reason }, iso(now))) ?? record;
    run.events?.emit('failed', { ...eventBase(done), reason });
    report(run, done);
    return undefined;
  }
  const nextAttemptAt = iso(now + delayMs);
  const pending =
    (await run.outbox.complete(
      record.key,
      { state: 'pending', reason: outcome.reason, nextAttemptAt },
      iso(now),
    )) ?? record;
  run.events?.emit('retrying', { ...eventBase(pending), reason: outcome.reason, delayMs });
  return pending;
}
