import { createVirtualClock } from '@incident-comms/core/testing';
import { describe, expect, it } from 'vitest';
import { createTokenBucket } from './token-bucket';

describe('createTokenBucket', () => {
  it('lets a burst through, then spaces sends at the rate, per key', async () => {
    const clock = createVirtualClock(0);
    const bucket = createTokenBucket({ perSecond: 2, burst: 2, clock });
    for (let i = 0; i < 4; i++) await bucket.take('C1');
    await bucket.take('C2');
    expect(clock.sleeps).toEqual([500, 500]);
  });
  it('measures spacing from the actual send, so a late wake-up does not compress the next send', async () => {
    const clock = createVirtualClock(0);
    const bucket = createTokenBucket({ perSecond: 1, burst: 1, clock });
    await bucket.take('C1');
    clock.advance(1_500); // the next send happens late
    await bucket.take('C1');
    await bucket.take('C1');
    expect(clock.sleeps).toEqual([1_000]);
  });
  it('returns false without taking a token when aborted', async () => {
    const clock = createVirtualClock(0);
    const bucket = createTokenBucket({ perSecond: 1, burst: 1, clock });
    await bucket.take('C1');
    const c = new AbortController();
    c.abort();
    expect(await bucket.take('C1', c.signal)).toBe(false);
    expect(clock.sleeps).toEqual([]);
    await bucket.take('C1');
    expect(clock.sleeps).toEqual([1_000]);
  });
  it('penalize blocks a key for at least the given time', async () => {
    const clock = createVirtualClock(0);
    const bucket = createTokenBucket({ perSecond: 1, burst: 3, clock });
    bucket.penalize('C1', 4_000);
    await bucket.take('C1');
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(4_000);
  });
});
