/**
 * @module delivery/flood
 * Flood safety for a publish: versions too old to send (maximum age) and a per-recipient rate
 * cap across incidents, with a larger burst for SEV1's faster cadence.
 */
import type { Severity } from '../vocabulary';
import type { Outbox } from './store';

/** Messages per recipient per window, by the severity of the message being sent. */
export interface RateCap {
  /** The sliding window, in milliseconds. Default one hour. */
  readonly windowMs: number;
  /**
   * Most messages one recipient (on one channel) gets in a window, across incidents, by
   * severity id; a severity not listed gets the largest listed limit.
   */
  readonly max: Readonly<Record<Severity, number>>;
}

/** Flood safety of a publish; see {@link DEFAULT_FLOOD_POLICY}. */
export interface FloodPolicy {
  /**
   * A delivery whose version was published (`ApprovedMessage.publishedAt`) longer ago than this
   * is marked `expired` and reported, never sent. Milliseconds; `false` turns the check off.
   */
  readonly maxAgeMs: number | false;
  /** The per-recipient cap; `false` turns it off (e.g. for an internal channel). */
  readonly rateCap: RateCap | false;
}

/**
 * The defaults: versions older than 6 hours expire (a status that old misleads more than it
 * helps); at most 8 messages per recipient per hour for SEV1 (a 15-minute cadence plus the first
 * and resolved messages), 4 for SEV2 and 3 for SEV3.
 */
export const DEFAULT_FLOOD_POLICY: FloodPolicy = Object.freeze({
  maxAgeMs: 6 * 60 * 60_000,
  rateCap: Object.freeze({ windowMs: 60 * 60_000, max: Object.freeze({ SEV1: 8, SEV2: 4, SEV3: 3 }) }),
});

/**
 * Why a version is too old to send, or `undefined` when it is fresh enough.
 *
 * @example
 * expiredReason('2026-03-03T08:00:00Z', Date.parse('2026-03-03T15:00:00Z'), 6 * 3_600_000);
 * // 'expired: published 7 h ago (2026-03-03T08:00:00Z), older than the 6 h maximum age'
 */
export function expiredReason(
  publishedAt: string,
  nowMs: number,
  maxAgeMs: number | false,
): string | undefined {
  if (maxAgeMs === false) return undefined;
  const age = nowMs - Date.parse(publishedAt);
  if (!(age > maxAgeMs)) return undefined;
  return `expired: published ${hours(age)} ago (${publishedAt}), older than the ${hours(maxAgeMs)} maximum age`;
}

const hours = (ms: number) =>
  ms >= 3_600_000 ? `${Math.floor(ms / 3_600_000)} h` : `${Math.max(0, Math.floor(ms / 60_000))} min`;

/** What the rate cap says about one more message to a recipient. */
export type Admission =
  | { readonly ok: true; release(): void }
  | { readonly ok: false; readonly reason: string; readonly nextAt: number };

/** The per-recipient send history of one outbox in this process. */
export interface RateTracker {
  /** Loads the channel's sends in the last `windowMs` from the outbox once per process. */
  seed(channel: string, nowMs: number, windowMs: number): Promise<void>;
  /**
   * Counts one message to (channel, recipient) if the cap allows it now. `release` takes the
   * count back when nothing was sent after all (failed, superseded, expired).
   */
  admit(channel: string, recipient: string, severity: Severity, nowMs: number, cap: RateCap): Admission;
}

const trackers = new WeakMap<Outbox, RateTracker>();

/**
 * The rate tracker of `outbox` in this process: sends counted as they are admitted, seeded from
 * the outbox's `recentSends` the first time a channel is used, so a restart keeps the cap.
 */
export function rateTrackerOf(outbox: Outbox): RateTracker {
  let tracker = trackers.get(outbox);
  if (!tracker) {
    tracker = createRateTracker(outbox);
    trackers.set(outbox, tracker);
  }
  return tracker;
}

function createRateTracker(outbox: Outbox): RateTracker {
  const history = new Map<string, number[]>();
  const seeded = new Map<string, Promise<void>>();
  const key = (channel: string, recipient: string) => `${channel}\u0000${recipient}`;
  return {
    seed(channel, nowMs, windowMs) {
      let loading = seeded.get(channel);
      if (!loading) {
        loading = outbox.recentSends(channel, new Date(nowMs - windowMs).toISOString()).then((sends) => {
          for (const s of sends) {
            const k = key(channel, s.recipient);
            const list = history.get(k) ?? [];
            list.push(Date.parse(s.at));
            history.set(k, list);
          }
        });
        seeded.set(channel, loading);
        loading.catch(() => seeded.delete(channel));
      }
      return loading;
    },
    admit(channel, recipient, severity, nowMs, cap) {
      const k = key(channel, recipient);
      const since = nowMs - cap.windowMs;
      const seen = history.get(k);
      const list =
        seen === undefined ? [] : seen.every((at) => at > since) ? seen : seen.filter((at) => at > since);
      // A severity the cap does not list (a runbook's own ladder) gets the most generous limit.
      const max = cap.max[severity] ?? Math.max(...Object.values(cap.max));
      if (list.length >= max) {
        history.set(k, list);
        const nextAt = Math.min(...list) + cap.windowMs;
        return {
          ok: false,
          nextAt,
          reason: `deferred: ${list.length} messages to this recipient in the last ${cap.windowMs / 60_000} min reach the ${severity} cap of ${max}; next allowed at ${new Date(nextAt).toISOString()}`,
        };
      }
      list.push(nowMs);
      history.set(k, list);
      let released = false;
      return {
        ok: true,
        release() {
          if (released) return;
          released = true;
          const current = history.get(k);
          const i = current?.lastIndexOf(nowMs) ?? -1;
          if (i >= 0) current!.splice(i, 1);
        },
      };
    },
  };
}
