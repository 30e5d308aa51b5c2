/**
 * @module coordinator/clock
 * The coordinator's only source of time: real timers in production, a simulated clock for
 * tests and drills that runs due timers in order with no real waiting.
 */
import { parseISO } from 'date-fns/parseISO';
import { problem, problemsFromZod, ValidationError } from '../errors';
import { instantSchema } from '../incident/index';
import { toIsoInstant } from '../time/iso-instant';
import { createMinHeap, type HeapNode } from './min-heap';

/** An opaque value returned by {@link Clock.setTimer}, handed back to {@link Clock.clearTimer}. */
export type TimerHandle = unknown;

/**
 * Time as the coordinator sees it. The coordinator arms at most one timer at a time (for its
 * earliest reminder), so a host clock needs no timer wheel of its own.
 */
export interface Clock {
  /** The current instant, in epoch milliseconds. */
  now(): number;
  /** Calls `fn` once at (or soon after) `atMs` (epoch ms); an instant in the past fires as soon as possible. */
  setTimer(atMs: number, fn: () => void): TimerHandle;
  /** Cancels a timer that has not fired yet; cancelling a fired or cleared timer does nothing. */
  clearTimer(handle: TimerHandle): void;
}

/** The longest delay `setTimeout` accepts (about 24.8 days); longer timers are relayed. */
const MAX_TIMEOUT_MS = 2_147_483_647;

interface SystemTimer {
  timeout: ReturnType<typeof setTimeout> | undefined;
}

/**
 * The real clock: `Date.now()` and `setTimeout`. Timers further away than `setTimeout` allows
 * are relayed, so a reminder weeks ahead still fires at its instant. Pending timers keep a
 * Node process alive; call `coordinator.stop()` to let it exit.
 *
 * @returns a {@link Clock} on wall-clock time.
 * @example
 * const coordinator = createCoordinator({ runbook, clock: createSystemClock() });
 */
export function createSystemClock(): Clock {
  return {
    now: () => Date.now(),
    setTimer(atMs, fn) {
      const timer: SystemTimer = { timeout: undefined };
      const schedule = () => {
        const delay = atMs - Date.now();
        timer.timeout =
          delay > MAX_TIMEOUT_MS ? setTimeout(schedule, MAX_TIMEOUT_MS) : setTimeout(fn, Math.max(0, delay));
      };
      schedule();
      return timer;
    },
    clearTimer(handle) {
      const timer = handle as SystemTimer | undefined;
      if (timer?.timeout !== undefined) clearTimeout(timer.timeout);
    },
  };
}

/** A clock whose time only moves when told to. */
export interface SimulatedClock extends Clock {
  /** The current instant as ISO-8601 UTC (`2026-03-03T14:10:00Z`). */
  isoNow(): string;
  /**
   * Moves time forward to `instant`, running every timer due on the way in order of instant
   * (then of creation); `now()` reads each timer's instant while it runs. Timers set by a
   * running timer also run if they fall before `instant`.
   * @param instant - ISO-8601 UTC instant, not earlier than now.
   * @returns how many timers ran.
   * @throws {ValidationError} `input_invalid` when `instant` is not ISO-8601 UTC or is in the past.
   */
  advanceTo(instant: string): number;
  /**
   * Moves time forward by `minutes` (fractions allowed; `0` runs timers already due).
   * @returns how many timers ran.
   * @throws {ValidationError} `input_invalid` when `minutes` is negative or not finite.
   */
  advanceBy(minutes: number): number;
  /** How many timers are set and not yet run or cleared. */
  pendingTimers(): number;
}

interface SimulatedTimer extends HeapNode {
  atMs: number;
  seq: number;
  fn: () => void;
}

/**
 * Creates a simulated clock starting at `start`. Drills and tests advance it explicitly; no
 * real time passes and nothing depends on the machine's clock or time zone.
 *
 * @param start - ISO-8601 UTC instant the clock starts at.
 * @returns a {@link SimulatedClock}.
 * @throws {ValidationError} `input_invalid` when `start` is not an ISO-8601 UTC instant.
 * @example
 * const clock = createSimulatedClock('2026-03-03T14:10:00Z');
 * const fired: string[] = [];
 * clock.setTimer(Date.parse('2026-03-03T14:20:00Z'), () => fired.push(clock.isoNow()));
 * clock.advanceBy(15); // 1 (timers run)
 * fired; // ['2026-03-03T14:20:00Z']
 * clock.isoNow(); // '2026-03-03T14:25:00Z'
 */
export function createSimulatedClock(start: string): SimulatedClock {
  const read = (value: string, path: string): number => {
    const parsed = instantSchema.safeParse(value);
    if (!parsed.success) throw new ValidationError(path, problemsFromZod(parsed.error, value, path));
    return parseISO(parsed.data).getTime();
  };
  let nowMs = read(start, 'start');
  let seq = 0;
  const timers = createMinHeap<SimulatedTimer>(
    (a, b) => a.atMs < b.atMs || (a.atMs === b.atMs && a.seq < b.seq),
  );

  const runUntil = (targetMs: number): number => {
    let ran = 0;
    for (let next = timers.peek(); next !== undefined && next.atMs <= targetMs; next = timers.peek()) {
      timers.pop();
      nowMs = Math.max(nowMs, next.atMs);
      ran++;
      next.fn();
    }
    nowMs = Math.max(nowMs, targetMs);
    return ran;
  };

  return {
    now: () => nowMs,
    isoNow: () => toIsoInstant(nowMs),
    setTimer(atMs, fn) {
      const timer: SimulatedTimer = { heapIndex: -1, atMs, seq: seq++, fn };
      timers.push(timer);
      return timer;
    },
    clearTimer(handle) {
      if (handle && typeof handle === 'object' && 'heapIndex' in handle)
        timers.remove(handle as SimulatedTimer);
    },
    advanceTo(instant) {
      const target = read(instant, 'instant');
      if (target < nowMs) {
        throw new ValidationError('instant', [
          problem(
            'instant',
            `an instant not earlier than the clock (${toIsoInstant(nowMs)})`,
            JSON.stringify(instant),
          ),
        ]);
      }
      return runUntil(target);
    },
    advanceBy(minutes) {
      if (!Number.isFinite(minutes) || minutes < 0) {
        throw new ValidationError('minutes', [problem('minutes', 'zero or more minutes', String(minutes))]);
      }
      return runUntil(nowMs + minutes * 60_000);
    },
    pendingTimers: () => timers.size,
  };
}
