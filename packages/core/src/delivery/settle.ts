/**
 * @module delivery/settle
 * Settling `unknown` deliveries (a timeout, a 5xx after the body, a process killed mid-send)
 * with a channel's optional `lookup`: found → `sent`; surely absent → `pending` (safe to resend
 * by the next publish of that version, or superseded by a newer one); otherwise left `unknown`.
 */
import type { AnyChannel, ChannelRef } from './channel';
import type { DeliveryClock } from './retry';
import { systemClock } from './retry';
import type { DeliveryRecord, Outbox } from './store';

/** What a channel's `lookup` found for one idempotency key. */
export type LookupOutcome =
  /** The message is there (it arrived); `ref` is its native reference. */
  | { readonly type: 'delivered'; readonly ref: ChannelRef }
  /** The channel is sure it never arrived: resending cannot duplicate it. */
  | { readonly type: 'absent' }
  /** The channel cannot tell (lookup failed, or the history is out of reach). */
  | { readonly type: 'unknown'; readonly reason: string };

/** Input of a channel's `lookup`. */
export interface LookupQuery {
  /** The delivery's idempotency key, as `render` and `send` saw it. */
  readonly idempotencyKey: string;
  readonly recipient: string;
  /** The thread the delivery would have replied in, if any. */
  readonly thread?: ChannelRef | undefined;
  /** The delivery's first attempt (ISO-8601 UTC): the message cannot be older. */
  readonly since?: string | undefined;
  /** Aborts the lookup. */
  readonly signal: AbortSignal;
}

/** What {@link settleUnknown} did to one `unknown` delivery. */
export interface SettledDelivery {
  readonly key: string;
  readonly channel: string;
  readonly recipient: string;
  /** `sent` (found), `pending` (surely absent: the next publish resends it) or `unknown` (still). */
  readonly state: 'sent' | 'pending' | 'unknown';
  readonly reason?: string | undefined;
}

/** Options of {@link settleUnknown}. */
export interface SettleOptions {
  readonly incidentId: string;
  readonly outbox: Outbox;
  /** Channels by name; only those with a `lookup` can settle anything. */
  readonly channels: readonly AnyChannel[];
  /** Upper bound of one lookup in milliseconds (default 10 000); then it counts as `unknown`. */
  readonly lookupTimeoutMs?: number | undefined;
  readonly clock?: DeliveryClock | undefined;
}

/**
 * Asks each channel that implements `lookup` about the incident's `unknown` deliveries, one at
 * a time. A found message is recorded `sent` (and starts the recipient's thread if none is
 * set); a surely absent one goes back to `pending`, so the next `publishUpdate` of that version
 * resends it (or supersedes it when a newer version is out). Nothing is sent here.
 *
 * @returns one entry per `unknown` delivery of a channel with a lookup.
 * @example
 * const settled = await settleUnknown({ incidentId: 'inc-1', outbox, channels: [slack] });
 * settled.filter((s) => s.state === 'pending').length; // safe to resend with the next publish
 */
export async function settleUnknown(options: SettleOptions): Promise<SettledDelivery[]> {
  const clock = options.clock ?? systemClock;
  const byName = new Map(options.channels.map((c) => [c.name, c]));
  const settled: SettledDelivery[] = [];
  for (const record of await options.outbox.list(options.incidentId)) {
    const channel = byName.get(record.channel);
    if (record.state !== 'unknown' || !channel?.lookup) continue;
    settled.push(await settleOne(options, channel, record, clock));
  }
  return settled;
}

async function settleOne(
  options: SettleOptions,
  channel: AnyChannel,
  record: DeliveryRecord,
  clock: DeliveryClock,
): Promise<SettledDelivery> {
  const { key, recipient } = record;
  const thread = await options.outbox.thread(record.incidentId, record.channel, recipient);
  const outcome = await lookupBounded(channel, {
    idempotencyKey: key,
    recipient,
    thread,
    since: record.firstAttemptAt,
    timeoutMs: options.lookupTimeoutMs ?? 10_000,
  });
  const at = new Date(clock.now()).toISOString();
  const base = { key, channel: record.channel, recipient };
  if (outcome.type === 'delivered') {
    const threads = channel.capabilities.threads && thread === undefined;
    await options.outbox.complete(key, { state: 'sent', ref: outcome.ref, thread: threads }, at, ['unknown']);
    return { ...base, state: 'sent' };
  }
  if (outcome.type === 'absent') {
    const reason = 'lookup: it never arrived; safe to resend';
    await options.outbox.complete(key, { state: 'pending', reason, nextAttemptAt: at }, at, ['unknown']);
    return { ...base, state: 'pending', reason };
  }
  return { ...base, state: 'unknown', reason: outcome.reason };
}

function lookupBounded(
  channel: AnyChannel,
  query: Omit<LookupQuery, 'signal'> & { timeoutMs: number },
): Promise<LookupOutcome> {
  const controller = new AbortController();
  const { timeoutMs, ...rest } = query;
  return new Promise<LookupOutcome>((resolve) => {
    const timer = setTimeout(() => {
      controller.abort();
      resolve({ type: 'unknown', reason: `lookup did not answer within ${timeoutMs} ms` });
    }, timeoutMs);
    Promise.resolve()
      .then(() => channel.lookup!({ ...rest, signal: controller.signal }))
      .then(
        (outcome) => resolve(outcome),
        (error: unknown) =>
          resolve({
            type: 'unknown',
            reason: `lookup failed: ${error instanceof Error ? error.message : String(error)}`,
          }),
      )
      .finally(() => clearTimeout(timer));
  });
}
