/**
 * @module delivery/publish
 * `publishUpdate`: fans one status-update version out to every route through the outbox, in
 * version order per recipient, flood-safe, with every attempt bounded and every recipient
 * reported. The steps: plan, begin, send (per delivery, in `deliver.ts`), record, retry, summary.
 */
import type { ApprovedRelease } from '../incident/state';
import { ABORT_GRACE_MS, DEFAULT_ATTEMPT_TIMEOUT_MS } from './attempt';
import type { AnyChannel } from './channel';
import { type DeliveryReport, deliver, eventBase, iso, type Run, report } from './deliver';
import { DeliveryInputError } from './errors';
import type { ChannelSummary, DeliveryEvents, PublishSummary } from './events';
import { DEFAULT_FLOOD_POLICY, type FloodPolicy, rateTrackerOf } from './flood';
import { laneKey, lanesOf } from './lanes';
import { concurrencyProblem, type DeliveryRoute, planDeliveries } from './plan';
import { runPool } from './pool';
import { DEFAULT_RETRY_POLICY, type DeliveryClock, type RetryPolicy, systemClock } from './retry';
import type { DeliveryRecord, Outbox } from './store';

export type { DeliveryReport } from './deliver';
export type { DeliveryRoute } from './plan';

/** Input of {@link publishUpdate}. */
export interface PublishOptions {
  /**
   * The approved release to deliver: `approvedRelease(state, { version })` or
   * `approvedRelease(state, { noteId })`. Its messages are sent exactly as approved; a release
   * whose messages no longer hash to what its approvals name is refused before anything is sent.
   */
  readonly release: ApprovedRelease;
  /**
   * An approved release of the same incident and version whose messages read on their own, for
   * a recipient's FIRST message of the incident on a channel (e.g. a first `resolved` message
   * that says what happened and when it recovered). Without one (or without a message for the
   * route's audience), such a recipient gets the release's message.
   */
  readonly firstContact?: ApprovedRelease | undefined;
  readonly routes: readonly DeliveryRoute[];
  /** Channels by their unique `name`. */
  readonly channels: readonly AnyChannel[];
  readonly outbox: Outbox;
  /** Overrides of {@link DEFAULT_RETRY_POLICY}. */
  readonly retry?: Partial<RetryPolicy> | undefined;
  /** Overrides of {@link DEFAULT_FLOOD_POLICY} (maximum age, per-recipient rate cap). */
  readonly flood?: Partial<FloodPolicy> | undefined;
  /**
   * Stops the publish: no new attempt or retry starts; sends already out finish (bounded, see
   * `attemptTimeoutMs`) and are recorded. Remaining deliveries stay `pending` for a later publish.
   */
  readonly signal?: AbortSignal | undefined;
  /** Time source and sleeper; default {@link systemClock}. */
  readonly clock?: DeliveryClock | undefined;
  /** Receives per-delivery events and the summary. */
  readonly events?: DeliveryEvents | undefined;
  /** Sends in flight per channel. Default: each channel's declared `capabilities.concurrency`, else 16. */
  readonly concurrency?: number | undefined;
  /**
   * Milliseconds after which one `send` is aborted (a positive integer; default 30 000). A channel
   * that ignores the abort is given up on {@link ABORT_GRACE_MS} later and recorded `unknown`.
   * `0` or any other non-positive value is refused (`delivery_input_invalid`): never "forever".
   */
  readonly attemptTimeoutMs?: number | undefined;
  /** Resend deliveries whose outcome is `unknown` (risking a duplicate) instead of reporting them. Default false. */
  readonly resendUnknown?: boolean | undefined;
  /** Try deliveries marked `failed` by an earlier publish again. Default false. */
  readonly retryFailed?: boolean | undefined;
}

/** Result of {@link publishUpdate}: the summary plus one report per delivery, in route order. */
export interface PublishResult extends PublishSummary {
  readonly deliveries: readonly DeliveryReport[];
}

/** Sends in flight per channel when neither the options nor the channel say. */
const DEFAULT_CONCURRENCY = 16;
/** `setTimeout`'s largest delay. */
const MAX_TIMER_MS = 2_147_483_647;

const emptySummary = (): ChannelSummary => ({
  sent: 0,
  failed: 0,
  unknown: 0,
  skipped: 0,
  pending: 0,
  superseded: 0,
  expired: 0,
  deferred: 0,
});

/** Per-outbox keys claimed by publishes in this process, with how many hold each. */
const claimedByOutbox = new WeakMap<Outbox, Map<string, number>>();

/** Claims `keys` for one publish (before they are enqueued); returns the release. */
function claim(claimed: Map<string, number>, keys: readonly string[]): () => void {
  for (const k of keys) claimed.set(k, (claimed.get(k) ?? 0) + 1);
  return () => {
    for (const k of keys) {
      const n = claimed.get(k)! - 1;
      if (n === 0) claimed.delete(k);
      else claimed.set(k, n);
    }
  };
}

/**
 * The publish settings with their defaults, checked: a bound that cannot be a bound (an attempt
 * timeout of 0, a maximum age of 0, a cap of 0 messages, a concurrency that starts no send) is
 * refused, never silently "forever". The desk checks its settings with it when it is created.
 *
 * @throws {DeliveryInputError} `delivery_input_invalid`, each problem naming its path
 *   (`attemptTimeoutMs`, `flood.maxAgeMs`, `flood.rateCap.max.SEV1`, `concurrency`).
 * @example
 * publishSettings({ attemptTimeoutMs: 10_000 }).flood.maxAgeMs; // the default maximum age
 */
export function publishSettings(
  options: Pick<PublishOptions, 'attemptTimeoutMs' | 'flood' | 'concurrency'>,
): { attemptTimeoutMs: number; flood: FloodPolicy } {
  const attemptTimeoutMs = options.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
  const problems = [];
  if (!Number.isInteger(attemptTimeoutMs) || attemptTimeoutMs <= 0 || attemptTimeoutMs > MAX_TIMER_MS)
    problems.push({
      path: 'attemptTimeoutMs',
      expected: `a whole number of milliseconds from 1 to ${MAX_TIMER_MS}`,
      received: String(attemptTimeoutMs),
    });
  const concurrency = concurrencyProblem('concurrency', options.concurrency);
  if (concurrency) problems.push(concurrency);
  const flood: FloodPolicy = { ...DEFAULT_FLOOD_POLICY, ...options.flood };
  if (flood.maxAgeMs !== false && !(flood.maxAgeMs > 0))
    problems.push({
      path: 'flood.maxAgeMs',
      expected: 'a positive number of milliseconds, or false',
      received: String(flood.maxAgeMs),
    });
  if (flood.rateCap !== false) {
    if (!(flood.rateCap.windowMs > 0))
      problems.push({
        path: 'flood.rateCap.windowMs',
        expected: 'a positive number of milliseconds',
        received: String(flood.rateCap.windowMs),
      });
    for (const [severity, max] of Object.entries(flood.rateCap.max))
      if (!Number.isInteger(max) || max < 1)
        problems.push({
          path: `flood.rateCap.max.${severity}`,
          expected: 'a whole number of messages, at least 1',
          received: String(max),
        });
  }
  if (problems.length > 0) throw new DeliveryInputError(problems);
  return { attemptTimeoutMs, flood };
}

/**
 * The begin step: enqueue (write before send), seed each lane from the incident's stored
 * records (newest version, whether the recipient was reached), supersede older versions left
 * waiting by an earlier process, and sort this version's records into "send" and "report".
 */
async function beginPublish(run: Run, options: PublishOptions): Promise<DeliveryRecord[]> {
  const { outbox, plan, clock, events, claimed } = run;
  const now = clock.now();
  // What the outbox held before this publish (other versions, and this version's records from an
  // earlier publish): the records this publish is about to queue add nothing to it.
  const stored = await outbox.list(plan.incidentId);
  const records = await outbox.enqueue(plan.deliveries, iso(now));
  const cap = run.flood.rateCap;
  if (cap) await Promise.all([...plan.channelByName.keys()].map((c) => run.rates.seed(c, now, cap.windowMs)));
  await settleOlderVersions(run, stored);
  const toSend: DeliveryRecord[] = [];
  for (let record of records) {
    if (record.state === 'sending' && claimed.get(record.key)! > 1) {
      report(run, record, { duplicate: true, state: 'pending' }); // another publish here is sending it
      continue;
    }
    if (record.state === 'sending') {
      const reason = 'interrupted: the publishing process stopped while this delivery was in flight';
      record =
        (await outbox.complete(record.key, { state: 'unknown', reason }, iso(now), ['sending'])) ?? record;
      events?.emit('unknown', { ...eventBase(record), reason });
      if (!options.resendUnknown) {
        report(run, record);
        continue;
      }
    } else if (
      !(
        record.state === 'pending' ||
        (record.state === 'failed' && options.retryFailed) ||
        (record.state === 'unknown' && options.resendUnknown)
      )
    ) {
      events?.emit('skipped-duplicate', { ...eventBase(record), state: record.state as 'sent' });
      report(run, record, { duplicate: true });
      continue;
    }
    if (record.state !== 'pending') {
      const reopened = await outbox.complete(
        record.key,
        { state: 'pending', reason: record.reason ?? 'reopened', nextAttemptAt: iso(now) },
        iso(now),
        [record.state],
      );
      if (!reopened) continue;
      record = reopened;
    }
    events?.emit('queued', eventBase(record));
    toSend.push(record);
  }
  return toSend;
}

/**
 * Seeds the lanes of this publish's recipients with this version (it is ready: an older version
 * joining a lane from now on is superseded at once) and with the stored records of every
 * version, and ends older versions no process is working on: `pending` ones are superseded (the
 * newer version is ready), `sending` ones left by a dead process become `unknown`.
 */
async function settleOlderVersions(run: Run, stored: readonly DeliveryRecord[]): Promise<void> {
  const { plan, lanes, claimed, outbox, events } = run;
  const ours = new Set<string>();
  for (const d of plan.deliveries) {
    const lane = laneKey(d);
    ours.add(lane);
    lanes.seed(lane, plan.version, false);
  }
  const at = iso(run.clock.now());
  for (const r of stored) {
    const lane = laneKey(r);
    if (!ours.has(lane)) continue;
    // `sending` may have arrived (a send cut off by a crash): the recipient may have it.
    lanes.seed(lane, r.version, r.state === 'sent' || r.state === 'unknown' || r.state === 'sending');
    if (r.version >= plan.version || claimed.has(r.key)) continue;
    if (r.state === 'pending') {
      const reason = `superseded: version ${plan.version} to this recipient is ready`;
      const done = await outbox.complete(r.key, { state: 'superseded', reason }, at, ['pending']);
      if (done) events?.emit('superseded', { ...eventBase(done), reason, supersededBy: plan.version });
    } else if (r.state === 'sending') {
      const reason = 'interrupted: the publishing process stopped while this delivery was in flight';
      const done = await outbox.complete(r.key, { state: 'unknown', reason }, at, ['sending']);
      if (done) events?.emit('unknown', { ...eventBase(done), reason });
    }
  }
}

/** The summary step: one report per planned delivery, counted per channel and in total. */
function summarize(run: Run): PublishResult {
  const byChannel: Record<string, ChannelSummary> = {};
  for (const name of run.plan.channelByName.keys()) byChannel[name] = emptySummary();
  const totals = emptySummary();
  const deliveries = run.plan.deliveries.map((d) => run.reports.get(d.key)!);
  for (const d of deliveries) {
    const field: keyof ChannelSummary = d.duplicate ? 'skipped' : d.state;
    byChannel[d.channel]![field] += 1;
    totals[field] += 1;
  }
  const { incidentId, version } = run.plan;
  const summary: PublishSummary = {
    incidentId,
    version,
    byChannel,
    totals,
    interrupted: deliveries.some((d) => d.state === 'pending'),
  };
  run.events?.emit('published', summary);
  return { ...summary, deliveries };
}

/**
 * Publishes one status-update version: every route's recipients get that audience's approved
 * message at most once, in order. The rules, per (incident, channel, recipient):
 *
 * 1. **Exactly once.** The idempotency key is (incident, version, channel, recipient); the outbox
 *    records `sending` BEFORE each send, so a retry, a second publish or a restart never sends a
 *    recipient the same version twice, and never drops one (pending deliveries are resumed).
 * 2. **In version order.** A later version never starts before every earlier version to that
 *    recipient in this process is final. An older version that is still waiting (queued, in
 *    retry backoff, deferred, or left pending by an earlier process) when a newer one is ready is
 *    `superseded` and reported, never sent: customers get the current status, not a backlog. An
 *    older version published after a newer one is superseded at once.
 * 3. **Threads at send time.** Each attempt reads the recipient's thread when it begins, so a
 *    version replies under the first delivered message even if that landed a moment earlier.
 * 4. **First contact reads on its own.** A recipient with no earlier message of the incident on
 *    the channel gets the `firstContact` release's message for its route, when there is one.
 * 5. **Flood safety.** A version published longer ago than `flood.maxAgeMs` is `expired`, never
 *    sent (a replay of old incidents sends nothing); more than `flood.rateCap` messages per
 *    recipient per window (across incidents) are `deferred`: they stay pending, and a later
 *    publish sends them, or a newer version supersedes them.
 * 6. **Liveness.** Each attempt ends within `attemptTimeoutMs` + {@link ABORT_GRACE_MS}, even if
 *    the channel ignores its abort (then `unknown`); retries back off with jitter, honour
 *    Retry-After and stop at `retry.maxAttempts` / `retry.budgetMs` (`failed`). So a publish
 *    always finishes and reports every recipient.
 * 7. **Unknown is not resent.** A record found `sending` (a process killed mid-send) or a send
 *    that may have arrived (timeout, 5xx after the body) is `unknown`: reported, not resent
 *    (unless `resendUnknown`). Settle it with the channel's `lookup`, when it has one.
 * Failures are isolated per channel (separate pools) and per recipient. A process keeps one
 * small entry per lane (its newest version) for ordering; one publishing process per embedded
 * store at a time.
 *
 * @returns per-delivery reports and per-channel counts (also emitted as `published`).
 * @throws {DeliveryInputError} `delivery_input_invalid` (before anything is queued) when routes,
 *   messages and channels do not fit together or a setting cannot hold; each problem names its path.
 * @example
 * const result = await publishUpdate({
 *   release: approvedRelease(state, { version: 2 }),
 *   routes: [{ channel: 'email', audience: 'customer', recipients: ['a@example.com'] }],
 *   channels: [emailChannel],
 *   outbox: createMemoryOutbox(),
 * });
 * result.totals.sent; // 1
 */
export async function publishUpdate(options: PublishOptions): Promise<PublishResult> {
  const plan = planDeliveries(options);
  const { attemptTimeoutMs, flood } = publishSettings(options);
  const { outbox } = options;
  const claimed = claimedByOutbox.get(outbox) ?? new Map<string, number>();
  claimedByOutbox.set(outbox, claimed);
  const run: Run = {
    plan,
    outbox,
    clock: options.clock ?? systemClock,
    policy: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    flood,
    attemptTimeoutMs,
    resendUnknown: options.resendUnknown ?? false,
    signal: options.signal,
    events: options.events,
    lanes: lanesOf(outbox),
    rates: rateTrackerOf(outbox),
    claimed,
    reports: new Map(),
  };
  const unclaim = claim(
    claimed,
    plan.deliveries.map((d) => d.key),
  );
  try {
    await sendAll(run, await beginPublish(run, options), options.concurrency);
  } finally {
    unclaim();
  }
  return summarize(run);
}

/** The send step for every channel at once, each through its own pool (failures stay per channel). */
async function sendAll(run: Run, toSend: readonly DeliveryRecord[], concurrency: number | undefined) {
  const byChannel = new Map<string, DeliveryRecord[]>();
  for (const r of toSend) {
    const list = byChannel.get(r.channel);
    if (list) list.push(r);
    else byChannel.set(r.channel, [r]);
  }
  await Promise.all(
    [...byChannel].map(([name, list]) =>
      runPool(
        list,
        concurrency ?? run.plan.channelByName.get(name)!.capabilities.concurrency ?? DEFAULT_CONCURRENCY,
        (r, release) => deliver(run, r, release),
      ),
    ),
  );
}
