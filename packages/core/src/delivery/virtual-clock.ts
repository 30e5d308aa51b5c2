/**
 * @module delivery/virtual-clock
 * A delivery clock for tests and drills: sleeps advance time at once and are recorded.
 */
import type { DeliveryClock } from './retry';

/** A {@link DeliveryClock} for tests: `sleep` advances `now` instantly and records each wait. */
export interface VirtualClock extends DeliveryClock {
  /** Every `sleep` duration requested, in milliseconds, in call order. */
  readonly sleeps: number[];
  /** Moves time forward by `ms`. */
  advance(ms: number): void;
}

/**
 * Creates a {@link VirtualClock}: retries and rate limits run without real waiting.
 *
 * @example
 * const clock = createVirtualClock(Date.parse('2026-03-03T14:00:00Z'));
 * await clock.sleep(1000); // returns at once; clock.now() is one second later
 */
export function createVirtualClock(startMs = Date.parse('2026-03-03T14:00:00.000Z')): VirtualClock {
  let now = startMs;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    async sleep(ms) {
      sleeps.push(ms);
      if (ms > 0) now += ms;
      await Promise.resolve();
    },
  };
}
