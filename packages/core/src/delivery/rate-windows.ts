/**
 * @module delivery/rate-windows
 * Pacing for services that document their limits as "at most N requests per window", several
 * windows at once (Teams webhooks: per second, per 30 s, per hour, per day; Statuspage: 60 per
 * rolling minute). Sliding windows per key, time injected so tests never wait.
 */
import type { DeliveryClock } from './retry';

/** One documented limit: at most `limit` requests in any `windowMs` milliseconds. */
export interface RateWindow {
  readonly limit: number;
  readonly windowMs: number;
}

/** Options of {@link createRateWindows}. */
export interface RateWindowsOptions {
  /** Every limit that applies to one key; all must hold. */
  readonly windows: readonly RateWindow[];
  readonly clock: DeliveryClock;
  /**
   * Longest wait `take` sleeps through before sending (ms). A longer wait (an hourly or daily
   * limit reached) is returned instead, so the send resolves `retryable` with that delay and the
   * publisher's retry budget decides. Default 5 000.
   */
  readonly maxWaitMs?: number | undefined;
}

/** The answer of {@link RateWindows.take}. */
export type RateDecision =
  | {
      readonly type: 'go';
      /**
       * Call when the answer came back: the request then counts from that moment. The service
       * counts it somewhere between sending and answering, so counting from the answer keeps
       * the next request outside the window whatever the network delay.
       */
      readonly done: () => void;
    }
  | { readonly type: 'aborted' }
  | { readonly type: 'later'; readonly waitMs: number };

/** Per-key pacing over several sliding windows. */
export interface RateWindows {
  /** Waits (up to `maxWaitMs`) until a request for `key` fits every window, and records it. */
  take(key: string, signal?: AbortSignal): Promise<RateDecision>;
  /** Holds `key` back for at least `ms` milliseconds (after a 429 with Retry-After). */
  penalize(key: string, ms: number): void;
}

/**
 * Creates {@link RateWindows}. A request is recorded at the moment it is let through (so
 * requests in flight count), and moved to the moment its answer came when the caller says
 * `done`, so windows are measured between real requests, never planned ones.
 *
 * @example
 * const pace = createRateWindows({ windows: [{ limit: 4, windowMs: 1_000 }], clock: systemClock });
 * const d = await pace.take('eng-incidents');
 * if (d.type === 'go') {
 *   await send();
 *   d.done();
 * }
 */
export function createRateWindows(options: RateWindowsOptions): RateWindows {
  const { windows, clock } = options;
  const maxWaitMs = options.maxWaitMs ?? 5_000;
  const longest = Math.max(0, ...windows.map((w) => w.windowMs));
  const sent = new Map<string, Array<{ at: number }>>();
  const blockedUntil = new Map<string, number>();

  const waitFor = (key: string, now: number): number => {
    const entries = (sent.get(key) ?? []).filter((e) => e.at > now - longest);
    sent.set(key, entries);
    const times = entries.map((e) => e.at).sort((a, b) => a - b);
    let wait = Math.max(0, (blockedUntil.get(key) ?? 0) - now);
    for (const w of windows) {
      const inWindow = times.filter((t) => t > now - w.windowMs);
      if (inWindow.length >= w.limit) {
        const oldestThatMustLeave = inWindow[inWindow.length - w.limit]!;
        wait = Math.max(wait, oldestThatMustLeave + w.windowMs - now);
      }
    }
    return wait;
  };

  return {
    async take(key, signal) {
      for (;;) {
        if (signal?.aborted) return { type: 'aborted' };
        const now = clock.now();
        const wait = waitFor(key, now);
        if (wait <= 0) {
          const entry = { at: now };
          sent.get(key)!.push(entry);
          return {
            type: 'go',
            done: () => {
              entry.at = Math.max(entry.at, clock.now());
            },
          };
        }
        if (wait > maxWaitMs) return { type: 'later', waitMs: wait };
        await clock.sleep(wait, signal);
      }
    },
    penalize(key, ms) {
      const until = clock.now() + ms;
      blockedUntil.set(key, Math.max(blockedUntil.get(key) ?? 0, until));
    },
  };
}
