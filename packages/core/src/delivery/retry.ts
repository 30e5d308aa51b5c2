/**
 * @module delivery/retry
 * Retry policy and clock for deliveries: exponential backoff with full jitter, Retry-After,
 * and a budget, with injectable time so tests never wait for real.
 */

/** Time source and sleeper for the publisher; inject a fake one in tests and drills. */
export interface DeliveryClock {
  /** Current time in milliseconds since the Unix epoch. */
  now(): number;
  /** Resolves after `ms` milliseconds, or early (without rejecting) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * The real clock: `Date.now` and `setTimeout`. The publisher uses it unless one is injected.
 *
 * @example
 * await systemClock.sleep(10);
 */
export const systemClock: DeliveryClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted || ms <= 0) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
    }),
};

/** How a delivery is retried after `retryable` outcomes. All durations in milliseconds. */
export interface RetryPolicy {
  /** Attempts per delivery, including the first; then the delivery is marked failed. Default 5. */
  maxAttempts: number;
  /** Backoff before the 2nd attempt (before jitter). Default 500. */
  baseDelayMs: number;
  /** Cap of one backoff (before jitter). Default 30 000. */
  maxDelayMs: number;
  /** Total time a delivery may spend retrying, from its first attempt; then failed. Default 300 000. */
  budgetMs: number;
  /** Uniform random number in [0, 1) for jitter. Default `Math.random`; inject for deterministic tests. */
  random: () => number;
}

/** The defaults of {@link RetryPolicy}. */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  budgetMs: 300_000,
  random: Math.random,
});

/**
 * Wait before the next attempt: "full jitter" exponential backoff
 * (`random × min(maxDelay, base × 2^(attempt−1))`), never shorter than the server's
 * Retry-After. Source: AWS Architecture Blog, "Exponential Backoff And Jitter".
 *
 * @param attempt - the attempt that just failed, 1-based.
 * @param retryAfterMs - the server's requested wait, if any.
 * @returns milliseconds to wait.
 * @example
 * backoffDelay(3, { ...DEFAULT_RETRY_POLICY, random: () => 0.5 }); // 0.5 × 2000 = 1000
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, retryAfterMs?: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.floor(policy.random() * ceiling);
  return Math.max(jittered, retryAfterMs ?? 0);
}
