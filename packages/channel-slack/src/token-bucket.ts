/**
 * @module channel-slack/token-bucket
 * A token bucket per key (Slack channel): about one message per second with a small burst,
 * as Slack asks for `chat.postMessage`. Time is injected so tests never wait.
 */
import type { DeliveryClock } from '@incident-comms/core';

/** Options of {@link createTokenBucket}. */
export interface TokenBucketOptions {
  /** Sustained rate, tokens per second. */
  readonly perSecond: number;
  /** Bucket size: how many sends may go at once after a quiet period. */
  readonly burst: number;
  readonly clock: DeliveryClock;
}

/** Per-key rate limiter. */
export interface TokenBucket {
  /** Waits for a token for `key`. Resolves `true` when the caller may send, `false` if `signal` aborted. */
  take(key: string, signal?: AbortSignal): Promise<boolean>;
  /** Blocks `key` for at least `ms` milliseconds (after a 429 with Retry-After). */
  penalize(key: string, ms: number): void;
}

/**
 * Creates a {@link TokenBucket}. A caller takes a token only when one is available at the
 * moment it wakes, so a timer that fires late never lets the next send follow too closely
 * (spacing is measured between actual sends, not planned ones).
 *
 * @example
 * const bucket = createTokenBucket({ perSecond: 1, burst: 3, clock: systemClock });
 * await bucket.take('C024BE91L');
 */
export function createTokenBucket(options: TokenBucketOptions): TokenBucket {
  const { perSecond, burst, clock } = options;
  const state = new Map<string, { tokens: number; at: number }>();
  const refill = (key: string) => {
    const now = clock.now();
    const s = state.get(key) ?? { tokens: burst, at: now };
    s.tokens = Math.min(burst, s.tokens + ((now - s.at) / 1000) * perSecond);
    s.at = now;
    state.set(key, s);
    return s;
  };
  return {
    async take(key, signal) {
      for (;;) {
        if (signal?.aborted) return false;
        const s = refill(key);
        if (s.tokens >= 1) {
          s.tokens -= 1;
          return true;
        }
        await clock.sleep(Math.max(1, Math.ceil(((1 - s.tokens) / perSecond) * 1000)), signal);
      }
    },
    penalize(key, ms) {
      const s = refill(key);
      s.tokens = Math.min(s.tokens, 1 - (ms / 1000) * perSecond);
    },
  };
}
