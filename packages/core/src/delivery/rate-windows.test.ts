import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createVirtualClock } from './conformance';
import { createRateWindows } from './rate-windows';

describe('createRateWindows', () => {
  it('paces a burst to the tightest window and keeps keys apart', async () => {
    const clock = createVirtualClock(0);
    const pace = createRateWindows({ windows: [{ limit: 2, windowMs: 1_000 }], clock });
    const at: number[] = [];
    for (let i = 0; i < 5; i++) {
      expect((await pace.take('a')).type).toBe('go');
      at.push(clock.now());
    }
    expect(at).toEqual([0, 0, 1_000, 1_000, 2_000]);
    expect((await pace.take('b')).type).toBe('go');
    expect(clock.now()).toBe(2_000);
  });

  it('returns "later" instead of sleeping past maxWaitMs (an hourly limit reached)', async () => {
    const clock = createVirtualClock(0);
    const pace = createRateWindows({
      windows: [
        { limit: 4, windowMs: 1_000 },
        { limit: 5, windowMs: 3_600_000 },
      ],
      clock,
      maxWaitMs: 5_000,
    });
    for (let i = 0; i < 5; i++) expect((await pace.take('k')).type).toBe('go');
    expect(await pace.take('k')).toEqual({ type: 'later', waitMs: 3_600_000 - 1_000 });
  });

  it('counts a request from its answer once done() is called', async () => {
    const clock = createVirtualClock(0);
    const pace = createRateWindows({ windows: [{ limit: 1, windowMs: 1_000 }], clock });
    const first = await pace.take('k');
    clock.advance(400); // the answer took 400 ms
    if (first.type === 'go') first.done();
    expect((await pace.take('k')).type).toBe('go');
    expect(clock.now()).toBe(1_400);
  });

  it('holds a key back after penalize and stops at an aborted signal', async () => {
    const clock = createVirtualClock(0);
    const pace = createRateWindows({ windows: [{ limit: 10, windowMs: 1_000 }], clock });
    pace.penalize('k', 2_000);
    expect((await pace.take('k')).type).toBe('go');
    expect(clock.now()).toBe(2_000);
    const c = new AbortController();
    c.abort();
    expect(await pace.take('k', c.signal)).toEqual({ type: 'aborted' });
  });

  it('never lets more than `limit` requests into any window (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 100, max: 2_000 }),
        fc.array(fc.nat(1_500), { minLength: 1, maxLength: 30 }),
        async (limit, windowMs, gaps) => {
          const clock = createVirtualClock(0);
          const pace = createRateWindows({ windows: [{ limit, windowMs }], clock, maxWaitMs: 1e9 });
          const sent: number[] = [];
          for (const gap of gaps) {
            clock.advance(gap);
            if ((await pace.take('k')).type === 'go') sent.push(clock.now());
          }
          return sent.every((t, i) => i < limit || t - sent[i - limit]! >= windowMs);
        },
      ),
    );
  });
});
