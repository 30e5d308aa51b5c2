import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { createSimulatedClock, createSystemClock } from './clock';

const ms = (iso: string) => Date.parse(iso);

describe('createSimulatedClock', () => {
  it('runs due timers in order of instant, reading each timer instant while it runs', () => {
    const clock = createSimulatedClock('2026-03-03T14:10:00Z');
    const fired: string[] = [];
    clock.setTimer(ms('2026-03-03T14:30:00Z'), () => fired.push(`b ${clock.isoNow()}`));
    clock.setTimer(ms('2026-03-03T14:20:00Z'), () => fired.push(`a ${clock.isoNow()}`));
    clock.setTimer(ms('2026-03-03T14:30:00Z'), () => fired.push(`c ${clock.isoNow()}`));
    expect(clock.advanceBy(15)).toBe(1);
    expect(fired).toEqual(['a 2026-03-03T14:20:00Z']);
    expect(clock.isoNow()).toBe('2026-03-03T14:25:00Z');
    expect(clock.advanceTo('2026-03-03T15:00:00Z')).toBe(2);
    expect(fired).toEqual(['a 2026-03-03T14:20:00Z', 'b 2026-03-03T14:30:00Z', 'c 2026-03-03T14:30:00Z']);
    expect(clock.now()).toBe(ms('2026-03-03T15:00:00Z'));
  });

  it('runs timers set by a running timer when they fall inside the advance', () => {
    const clock = createSimulatedClock('2026-03-03T14:10:00Z');
    const fired: string[] = [];
    clock.setTimer(ms('2026-03-03T14:15:00Z'), () => {
      fired.push(clock.isoNow());
      clock.setTimer(ms('2026-03-03T14:18:00Z'), () => fired.push(clock.isoNow()));
    });
    clock.advanceBy(10);
    expect(fired).toEqual(['2026-03-03T14:15:00Z', '2026-03-03T14:18:00Z']);
  });

  it('never runs a cleared timer, and runs a timer set in the past on the next advance', () => {
    const clock = createSimulatedClock('2026-03-03T14:10:00Z');
    const fired: string[] = [];
    const handle = clock.setTimer(ms('2026-03-03T14:12:00Z'), () => fired.push('cleared'));
    clock.clearTimer(handle);
    clock.setTimer(ms('2026-03-03T14:00:00Z'), () => fired.push(clock.isoNow()));
    expect(clock.pendingTimers()).toBe(1);
    expect(clock.advanceBy(0)).toBe(1);
    expect(fired).toEqual(['2026-03-03T14:10:00Z']);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('refuses to go back in time or to read an instant without a zone', () => {
    const clock = createSimulatedClock('2026-03-03T14:10:00Z');
    expect(() => clock.advanceTo('2026-03-03T14:00:00Z')).toThrow(ValidationError);
    expect(() => clock.advanceTo('2026-03-03T14:20:00')).toThrow(ValidationError);
    expect(() => clock.advanceBy(-1)).toThrow(ValidationError);
    expect(() => createSimulatedClock('tomorrow')).toThrow(ValidationError);
  });
});

describe('createSystemClock', () => {
  it('fires a due timer on real timers and never a cleared one', async () => {
    const clock = createSystemClock();
    const fired: string[] = [];
    const cleared = clock.setTimer(clock.now(), () => fired.push('cleared'));
    clock.clearTimer(cleared);
    await new Promise<void>((resolve) => {
      clock.setTimer(clock.now() - 1000, () => {
        fired.push('due');
        resolve();
      });
    });
    expect(fired).toEqual(['due']);
  });
});
