/**
 * @module delivery/publish
 * `publishUpdate`: fans one status-update version out to every route, exactly once per
 * recipient, through the outbox (write before send), with isolated failures and retries.
 */
import { z } from 'zod';
import { describeValue } from '../errors';
import type { ApprovedRelease } from '../incident/state';
import type { ApprovedMessage } from '../message';
import {
  checkDeliverableRelease,
  refuseUndeliverable,
  releaseDeliveryMessages,
} from '../release/deliverable';
import { AUDIENCES, type Audience } from '../vocabulary';
import {
  type AnyChannel,
  type ChannelRef,
  type DeliveryOutcome,
  deliveryKey,
  deliveryOutcomeSchema,
  type RenderContext,
} from './channel';
import { DeliveryInputError, type DeliveryProblem, deliveryProblemsFromIssues } from './errors';
import type { ChannelSummary, DeliveryEventBase, DeliveryEvents, PublishSummary } from './events';
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  type DeliveryClock,
  type RetryPolicy,
  systemClock,
} from './retry';
import type { DeliveryRecord, NewDelivery, Outbox } from './store';

/** Where one audience's message goes: a channel and its recipients (Slack channel ids, email addresses, …). */
export interface DeliveryRoute {
  /** `Channel.name` of a channel passed to `publishUpdate`. */
  readonly channel: string;
  readonly audience: Audience;
  /**
   * The IANA zone these recipients read times in, when the release has a message per zone for
   * this audience. Optional when the audience has one message.
   */
  readonly timeZone?: string | undefined;
  /** Channel-specific recipients; duplicates are delivered once. */
  readonly recipients: readonly string[];
}

/** Input of {@link publishUpdate}. */
export interface PublishOptions {
  /**
   * The approved release to deliver: `approvedRelease(state, { version })` or
   * `approvedRelease(state, { noteId })`. Its messages are sent exactly as approved; a release
   * whose messages no longer hash to what its approvals name is refused before anything is sent.
   */
  readonly release: ApprovedRelease;
  readonly routes: readonly DeliveryRoute[];
  /** Channels by their unique `name`. */
  readonly channels: readonly AnyChannel[];
  readonly outbox: Outbox;
  /** Overrides of {@link DEFAULT_RETRY_POLICY}. */
  readonly retry?: Partial<RetryPolicy> | undefined;
  /**
   * Stops the publish: no new attempt or retry starts; sends already out finish (bounded by
   * `attemptTimeoutMs`) and are recorded. Remaining deliveries stay `pending` for a later publish.
   */
  readonly signal?: AbortSignal | undefined;
  /** Time source and sleeper; default {@link systemClock}. */
  readonly clock?: DeliveryClock | undefined;
  /** Receives per-delivery events and the summary. */
  readonly events?: DeliveryEvents | undefined;
  /**
   * Sends in flight per channel. Default: each channel's declared `capabilities.concurrency`,
   * else 16.
   */
  readonly concurrency?: number | undefined;
  /** Abort one `send` after this many milliseconds (its outcome is then `unknown`). Default 30 000; 0 = never. */
  readonly attemptTimeoutMs?: number | undefined;
  /** Resend deliveries whose outcome is `unknown` (risking a duplicate) instead of reporting them. Default false. */
  readonly resendUnknown?: boolean | undefined;
  /** Try deliveries marked `failed` by an earlier publish again. Default false. */
  readonly retryFailed?: boolean | undefined;
}

/** What happened to one delivery in this publish. */
export interface DeliveryReport {
  readonly key: string;
  readonly channel: string;
  readonly recipient: string;
  readonly audience: Audience;
  /** State after this publish; `pending` only when the publish was stopped by its signal. */
  readonly state: 'sent' | 'failed' | 'unknown' | 'pending';
  /** True when the state was already final before this publish and nothing was sent. */
  readonly duplicate: boolean;
  /** Attempts started in total (across publishes and restarts). */
  readonly attempts: number;
  readonly ref?: ChannelRef | undefined;
  readonly reason?: string | undefined;
}

/** Result of {@link publishUpdate}: the summary plus one report per delivery, in route order. */
export interface PublishResult extends PublishSummary {
  readonly deliveries: readonly DeliveryReport[];
}

const routeSchema = z.object({
  channel: z.string().min(1),
  audience: z.enum(AUDIENCES),
  timeZone: z.string().min(1).optional(),
  recipients: z.array(z.string().min(1, 'a non-empty recipient')),
});

/** Keys this process is sending right now, per outbox: not stale, even though they are `sending`. */
const inFlight = new WeakMap<Outbox, Set<string>>();

interface Plan {
  readonly incidentId: string;
  readonly version: number;
  readonly deliveries: NewDelivery[];
  /** The message of each delivery, by delivery key. */
  readonly messageByKey: Map<string, ApprovedMessage>;
  readonly channelByName: Map<string, AnyChannel>;
}

/** The idempotency key of one delivery of a release: a version's, or a side note's own. */
function releaseKey(release: ApprovedRelease, channel: string, recipient: string): string {
  if (release.noteId === undefined)
    return deliveryKey(release.incidentId, release.version, channel, recipient);
  const e = encodeURIComponent;
  return `${e(release.incidentId)}/note-${e(release.noteId)}/${e(channel)}/${e(recipient)}`;
}

/** The release's message for a route: its audience's, in the route's zone when it names one. */
function messageForRoute(
  messages: readonly ApprovedMessage[],
  route: { audience: Audience; timeZone?: string | undefined },
): ApprovedMessage | string {
  const ofAudience = messages.filter((m) => m.audience === route.audience);
  if (ofAudience.length === 0) return 'an audience with a message in the approved release';
  if (route.timeZone !== undefined) {
    return (
      ofAudience.find((m) => m.timeZone === route.timeZone) ??
      `one of the release's zones for ${route.audience}: ${ofAudience.map((m) => m.timeZone).join(', ')}`
    );
  }
  if (ofAudience.length > 1) {
    return `a route timeZone (${route.audience} has a message per zone: ${ofAudience.map((m) => m.timeZone).join(', ')})`;
  }
  return ofAudience[0]!;
}

function plan(options: PublishOptions): Plan {
  const refused = checkDeliverableRelease(options.release);
  if (refused.length > 0) throw new DeliveryInputError(refused);
  const routes = z.array(routeSchema).safeParse(options.routes);
  if (!routes.success)
    throw new DeliveryInputError(deliveryProblemsFromIssues(routes.error.issues, 'routes'));

  const problems: DeliveryProblem[] = [];
  const release = options.release;
  const messages = releaseDeliveryMessages(release);
  const messageByKey = new Map<string, ApprovedMessage>();

  const channelByName = new Map<string, AnyChannel>();
  options.channels.forEach((c, i) => {
    if (channelByName.has(c.name)) {
      problems.push({
        path: `channels.${i}.name`,
        expected: 'a unique channel name',
        received: JSON.stringify(c.name),
      });
    }
    channelByName.set(c.name, c);
  });

  const deliveries = new Map<string, NewDelivery>();
  options.routes.forEach((route, i) => {
    if (!channelByName.has(route.channel)) {
      problems.push({
        path: `routes.${i}.channel`,
        expected: `one of ${[...channelByName.keys()].map((n) => JSON.stringify(n)).join(', ') || '(no channels given)'}`,
        received: JSON.stringify(route.channel),
      });
      return;
    }
    const message = messageForRoute(messages, route);
    if (typeof message === 'string') {
      problems.push({
        path: route.timeZone === undefined ? `routes.${i}.audience` : `routes.${i}.timeZone`,
        expected: message,
        received: JSON.stringify(route.timeZone ?? route.audience),
      });
      return;
    }
    route.recipients.forEach((recipient, j) => {
      const key = releaseKey(release, route.channel, recipient);
      const existing = deliveries.get(key);
      if (existing && existing.audience !== route.audience) {
        problems.push({
          path: `routes.${i}.recipients.${j}`,
          expected: `one audience per recipient on channel ${JSON.stringify(route.channel)} (already routed ${existing.audience})`,
          received: JSON.stringify(recipient),
        });
        return;
      }
      messageByKey.set(key, message);
      deliveries.set(key, {
        key,
        incidentId: release.incidentId,
        version: release.version,
        channel: route.channel,
        recipient,
        audience: route.audience,
      });
    });
  });
  if (problems.length > 0) throw new DeliveryInputError(problems);
  return {
    incidentId: release.incidentId,
    version: release.version,
    deliveries: [...deliveries.values()],
    messageByKey,
    channelByName,
  };
}

async function safeSend(
  channel: AnyChannel,
  payload: unknown,
  options: Parameters<AnyChannel['send']>[1],
): Promise<DeliveryOutcome> {
  try {
    const outcome = deliveryOutcomeSchema.safeParse(await channel.send(payload, options));
    if (outcome.success) return outcome.data;
    return {
      type: 'unknown',
      reason: `channel ${channel.name} returned an invalid outcome: ${outcome.error.issues[0]?.message}`,
    };
  } catch (error) {
    return {
      type: 'unknown',
      reason: `channel ${channel.name} threw: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/**
 * Runs `work` over `items` with at most `limit` of them holding a slot at once, in order.
 * `work` gets `release` to hand its slot on before it finishes: a delivery releases it once
 * its send settled for good, so the next delivery's `begin` is issued while the outcome is
 * still being recorded (a group-committing outbox then writes both in one transaction). After
 * a `work` rejects, no further item starts and the pool rejects with that error.
 */
function runPool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, release: () => void) => Promise<void>,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let next = 0;
    let finished = 0;
    let free = Math.max(1, limit);
    let failed = false;
    const fill = (): void => {
      while (free > 0 && next < items.length && !failed) {
        free--;
        const item = items[next++]!;
        let released = false;
        const release = () => {
          if (released) return;
          released = true;
          free++;
          fill();
        };
        work(item, release).then(
          () => {
            release();
            if (++finished === items.length) resolve();
          },
          (error: unknown) => {
            failed = true;
            reject(error);
          },
        );
      }
    };
    if (items.length === 0) resolve();
    else fill();
  });
}

/** Sends in flight per channel when neither the options nor the channel say. */
const DEFAULT_CONCURRENCY = 16;

const emptySummary = (): ChannelSummary => ({ sent: 0, failed: 0, unknown: 0, skipped: 0, pending: 0 });

/**
 * Publishes one status-update version: every route's recipients get that audience's approved
 * message once. Issue 7 rules encoded here:
 * - Idempotency key = incident, version, channel, recipient; the outbox records `sending`
 *   BEFORE each send, so a retry, a second publish or a restart never sends a recipient the
 *   same version twice, and never drops one (pending deliveries are resumed).
 * - A record found `sending` at start belongs to a process that died mid-send: it is reported
 *   `unknown`, not resent blindly (unless `resendUnknown`).
 * - Failures are isolated per channel (separate worker pools) and per recipient.
 * - `retryable` outcomes back off exponentially with full jitter, honour Retry-After, and stop
 *   after `retry.maxAttempts` or `retry.budgetMs`; the delivery is then `failed` (event + report).
 * - Later versions reply in the thread of the first delivered message when the channel threads.
 *
 * @returns per-delivery reports and per-channel counts (also emitted as `published`).
 * @throws {DeliveryInputError} `delivery_input_invalid` (before anything is queued) when routes,
 *   messages and channels do not fit together; each problem names its path.
 * @example
 * const result = await publishUpdate({
 *   messages: [customerMessage],
 *   routes: [{ channel: 'email', audience: 'customer', recipients: ['a@example.com'] }],
 *   channels: [emailChannel],
 *   outbox: createMemoryOutbox(),
 * });
 * result.totals.sent; // 1
 */
export async function publishUpdate(options: PublishOptions): Promise<PublishResult> {
  const p = plan(options);
  const clock = options.clock ?? systemClock;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const events = options.events;
  const signal = options.signal;
  const { outbox } = options;
  const iso = (ms = clock.now()) => new Date(ms).toISOString();
  const attemptTimeoutMs = options.attemptTimeoutMs ?? 30_000;
  const active = inFlight.get(outbox) ?? new Set<string>();
  inFlight.set(outbox, active);

  const reports = new Map<string, DeliveryReport>();
  const base = (r: DeliveryRecord): DeliveryEventBase => ({
    key: r.key,
    incidentId: r.incidentId,
    version: r.version,
    channel: r.channel,
    recipient: r.recipient,
    audience: r.audience,
    attempts: r.attempts,
  });
  const report = (r: DeliveryRecord, duplicate: boolean, state: DeliveryReport['state'] = finalState(r)) => {
    reports.set(r.key, {
      key: r.key,
      channel: r.channel,
      recipient: r.recipient,
      audience: r.audience,
      state,
      duplicate,
      attempts: r.attempts,
      ref: r.ref,
      reason: r.reason,
    });
  };

  const records = await outbox.enqueue(p.deliveries, iso());
  const toSend: DeliveryRecord[] = [];
  for (let record of records) {
    if (record.state === 'sending' && active.has(record.key)) {
      // Another publish in this process is sending it right now: not ours, not stale.
      report(record, true, 'pending');
      continue;
    }
    if (record.state === 'sending') {
      const reason = 'interrupted: the publishing process stopped while this delivery was in flight';
      record =
        (await outbox.complete(record.key, { state: 'unknown', reason }, iso(), ['sending'])) ?? record;
      events?.emit('unknown', { ...base(record), reason });
      if (!options.resendUnknown) {
        report(record, false);
        continue;
      }
    } else if (
      record.state === 'sent' ||
      (record.state === 'failed' && !options.retryFailed) ||
      (record.state === 'unknown' && !options.resendUnknown)
    ) {
      events?.emit('skipped-duplicate', { ...base(record), state: record.state });
      report(record, true);
      continue;
    }
    if (record.state !== 'pending') {
      const reopened = await outbox.complete(
        record.key,
        { state: 'pending', reason: record.reason ?? 'reopened', nextAttemptAt: iso() },
        iso(),
        [record.state],
      );
      if (!reopened) continue;
      record = reopened;
    }
    events?.emit('queued', base(record));
    toSend.push(record);
  }

  const byChannel = new Map<string, DeliveryRecord[]>();
  for (const r of toSend) {
    const list = byChannel.get(r.channel);
    if (list) list.push(r);
    else byChannel.set(r.channel, [r]);
  }
  // Each threading channel's threads of this incident, read once: no recipient appears twice
  // in one publish, so none of its deliveries can start a thread another one needs.
  const threadsByChannel = new Map<string, Map<string, ChannelRef>>();
  for (const name of byChannel.keys()) {
    if (p.channelByName.get(name)!.capabilities.threads) {
      threadsByChannel.set(name, await outbox.threads(p.incidentId, name));
    }
  }

  const deliver = async (initial: DeliveryRecord, release: () => void): Promise<void> => {
    let record = initial;
    const channel = p.channelByName.get(record.channel)!;
    const message = p.messageByKey.get(record.key)!;
    const thread = threadsByChannel.get(channel.name)?.get(record.recipient);
    const context: RenderContext = { idempotencyKey: record.key, thread };
    // The last line: only an approved message of this release, placeholder-free, is rendered.
    const refusal = refuseUndeliverable(options.release, message);
    if (refusal) {
      const reason = `refused before send: ${refusal}`;
      record = (await outbox.complete(record.key, { state: 'failed', reason }, iso(), ['pending'])) ?? record;
      events?.emit('failed', { ...base(record), reason });
      return report(record, false);
    }
    let payload: unknown;
    try {
      payload = channel.render(message, record.recipient, context);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const reason = `render failed${typeof code === 'string' ? ` (${code})` : ''}: ${error instanceof Error ? error.message : String(error)}`;
      record = (await outbox.complete(record.key, { state: 'failed', reason }, iso(), ['pending'])) ?? record;
      events?.emit('failed', { ...base(record), reason });
      return report(record, false);
    }

    for (;;) {
      if (signal?.aborted) return report(record, false, 'pending');
      if (record.nextAttemptAt) {
        const wait = Date.parse(record.nextAttemptAt) - clock.now();
        if (wait > 0) await clock.sleep(wait, signal);
        if (signal?.aborted) return report(record, false, 'pending');
      }
      const started = await outbox.begin(record.key, ['pending'], iso());
      if (!started) {
        const current = (await outbox.get(record.key)) ?? record;
        return report(current, true, current.state === 'sending' ? 'pending' : finalState(current));
      }
      record = started;
      active.add(record.key);
      let outcome: DeliveryOutcome;
      // A plain timer, cleared when the send settles (cheaper than `AbortSignal.timeout`, whose
      // timer outlives the send).
      const attempt = new AbortController();
      const timer =
        attemptTimeoutMs > 0
          ? setTimeout(
              () => attempt.abort(new DOMException('attempt timed out', 'TimeoutError')),
              attemptTimeoutMs,
            )
          : undefined;
      try {
        try {
          outcome = await safeSend(channel, payload, {
            idempotencyKey: record.key,
            attempt: record.attempts,
            signal: attempt.signal,
            thread,
          });
        } finally {
          clearTimeout(timer);
        }
        if (outcome.type === 'unknown' && options.resendUnknown) {
          outcome = { type: 'retryable', reason: `unknown outcome, resending: ${outcome.reason}` };
        }
        const now = clock.now();
        // Final unless retryable: the next delivery may start while this outcome is recorded.
        if (outcome.type !== 'retryable') release();
        if (outcome.type === 'delivered') {
          // The first delivered message to a recipient starts its thread (same atomic step).
          const startsThread = channel.capabilities.threads && !thread;
          record =
            (await outbox.complete(
              record.key,
              { state: 'sent', ref: outcome.ref, thread: startsThread },
              iso(now),
            )) ?? record;
          events?.emit('sent', { ...base(record), ref: outcome.ref, warnings: outcome.warnings });
          return report(record, false);
        }
        if (outcome.type === 'rejected' || outcome.type === 'unknown') {
          const state = outcome.type === 'rejected' ? 'failed' : 'unknown';
          record = (await outbox.complete(record.key, { state, reason: outcome.reason }, iso(now))) ?? record;
          events?.emit(state, { ...base(record), reason: outcome.reason });
          return report(record, false);
        }
        const delayMs = backoffDelay(record.attempts, policy, outcome.retryAfterMs);
        const spent = now - Date.parse(record.firstAttemptAt ?? iso(now));
        const giveUp =
          record.attempts >= policy.maxAttempts
            ? `gave up after ${record.attempts} attempts`
            : spent + delayMs > policy.budgetMs
              ? `retry budget of ${policy.budgetMs} ms exhausted after ${record.attempts} attempts`
              : undefined;
        if (giveUp) {
          release();
          const reason = `${giveUp}: ${outcome.reason}`;
          record = (await outbox.complete(record.key, { state: 'failed', reason }, iso(now))) ?? record;
          events?.emit('failed', { ...base(record), reason });
          return report(record, false);
        }
        const nextAttemptAt = iso(now + delayMs);
        record =
          (await outbox.complete(
            record.key,
            { state: 'pending', reason: outcome.reason, nextAttemptAt },
            iso(now),
          )) ?? record;
        events?.emit('retrying', { ...base(record), reason: outcome.reason, delayMs });
      } finally {
        active.delete(record.key);
      }
    }
  };

  await Promise.all(
    [...byChannel].map(([name, list]) =>
      runPool(
        list,
        options.concurrency ?? p.channelByName.get(name)!.capabilities.concurrency ?? DEFAULT_CONCURRENCY,
        deliver,
      ),
    ),
  );

  const summaries: Record<string, ChannelSummary> = {};
  for (const name of p.channelByName.keys()) summaries[name] = emptySummary();
  const totals = emptySummary();
  const deliveries = p.deliveries.map((d) => reports.get(d.key)!);
  for (const d of deliveries) {
    const s = summaries[d.channel] ?? emptySummary();
    summaries[d.channel] = s;
    const field: keyof ChannelSummary = d.duplicate ? 'skipped' : d.state;
    s[field] += 1;
    totals[field] += 1;
  }
  const summary: PublishSummary = {
    incidentId: p.incidentId,
    version: p.version,
    byChannel: summaries,
    totals,
    interrupted: deliveries.some((d) => d.state === 'pending'),
  };
  events?.emit('published', summary);
  return { ...summary, deliveries };
}

function finalState(r: DeliveryRecord): DeliveryReport['state'] {
  return r.state === 'sending' ? 'pending' : r.state;
}
