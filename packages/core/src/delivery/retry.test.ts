import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_RETRY_POLICY, systemClock } from './retry';

describe('backoffDelay', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1_000 };
  it('grows exponentially under full jitter and caps at maxDelayMs', () => {
    const top = { ...policy, random: () => 0.999999 };
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffDelay(a, top))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(backoffDelay(3, { ...policy, random: () => 0 })).toBe(0);
  });
  it('never waits less than Retry-After', () => {
    expect(backoffDelay(1, { ...policy, random: () => 0.5 }, 3_000)).toBe(3_000);
  });
  it('the doc example holds', () => {
    expect(backoffDelay(3, { ...DEFAULT_RETRY_POLICY, random: () => 0.5 })).toBe(1000);
  });
  it('systemClock.sleep resolves early when its signal aborts', async () => {
    const c = new AbortController();
    const started = Date.now();
    const p = systemClock.sleep(60_000, c.signal);
    c.abort();
    await p;
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
