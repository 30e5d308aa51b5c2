/**
 * The time module's promise: every clock time it writes, it reads back. For every IANA zone the
 * platform knows, instants from 2020 to 2035 (both sides of DST transitions included) are
 * written in every label style the writer offers, read back with the reader's zone, and linted
 * as "Next update by <time>." with that due time.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintMessage } from '../lint/index';
import { type FormatUpdateTimeOptions, formatUpdateTime, readUpdateTime } from './index';
import { offsetMinutesAt } from './time-zone';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const FROM = Date.UTC(2020, 0, 1);
const TO = Date.UTC(2035, 11, 31);
const ZONES = Intl.supportedValuesOf('timeZone');

/** Years whose transitions are all checked: the range's ends, the November 2026 fall-back, one more. */
const TRANSITION_YEARS = [2020, 2026, 2031, 2035];

/** Every offset change of a zone in the given years, to the minute: a weekly scan, then bisection. */
function transitions(zone: string): number[] {
  const out: number[] = [];
  for (const year of TRANSITION_YEARS) {
    const from = Date.UTC(year, 0, 1);
    const to = Date.UTC(year + 1, 0, 1);
    let before = offsetMinutesAt(from, zone);
    // Zones without a change that year (most of the world) cost two probes.
    if (before === offsetMinutesAt(Date.UTC(year, 6, 1), zone) && before === offsetMinutesAt(to, zone)) {
      const spring = offsetMinutesAt(Date.UTC(year, 3, 1), zone);
      const autumn = offsetMinutesAt(Date.UTC(year, 9, 1), zone);
      if (spring === before && autumn === before) continue;
    }
    for (let t = from + 7 * DAY; t <= to; t += 7 * DAY) {
      const after = offsetMinutesAt(t, zone);
      if (after === before) continue;
      let lo = t - 7 * DAY;
      let hi = t;
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
        if (offsetMinutesAt(mid, zone) === before) lo = mid;
        else hi = mid;
      }
      out.push(hi);
      before = after;
    }
  }
  return out;
}

/** Label styles the writer offers: the 12/24-hour clock and the generic/specific label. */
const STYLES: readonly FormatUpdateTimeOptions[] = [
  { style: 'us', label: 'generic' },
  { style: 'us', label: 'specific' },
  { style: '24h', label: 'generic' },
  { style: '24h', label: 'specific' },
  {},
];

/** Minutes before `at` that the message is written: the same hour, the evening before, weeks before. */
const leadMinutes = fc.oneof(
  fc.integer({ min: 1, max: 59 }),
  fc.integer({ min: 60, max: 12 * 60 }),
  fc.integer({ min: 12 * 60, max: 60 * 24 * 40 }),
);

function checkRoundTrip(zone: string, at: number, lead: number): void {
  const now = new Date(at - lead * MINUTE);
  const due = new Date(at);
  for (const style of STYLES) {
    // Without a day the time is read as its next occurrence: only for times within the day.
    const variants =
      lead < 18 * 60 ? [{ ...style, relativeTo: now }, style] : [{ ...style, relativeTo: now }];
    for (const options of variants) {
      const written = formatUpdateTime(due, zone, options);
      const read = readUpdateTime(written, { now, timeZone: zone });
      expect([zone, written, now.toISOString(), read?.toISOString()]).toEqual([
        zone,
        written,
        now.toISOString(),
        due.toISOString(),
      ]);
      const errors = lintMessage(`Checkout fails for some customers. Next update by ${written}.`, {
        kind: 'update',
        audience: 'customer',
        now: now.toISOString(),
        nextUpdateDue: due.toISOString(),
        timeZone: zone,
      }).filter((d) => d.ruleId === 'next-update-time');
      expect([zone, written, now.toISOString(), errors]).toEqual([zone, written, now.toISOString(), []]);
    }
  }
}

// Thousands of zone-instant-style cases: generous limits for a loaded machine.
describe('read(write(t, zone)) === t', { timeout: 60_000 }, () => {
  const byZone = new Map<string, number[]>();
  beforeAll(() => {
    for (const zone of ZONES) byZone.set(zone, transitions(zone));
  }, 60_000);

  it('in every zone, on both sides of the DST transitions of 2020-2035', () => {
    // Two transitions per zone, picked by a fixed seed; around each: the minute before and after,
    // and instants through the hour before and after (the repeated or skipped hour).
    const around = [-61, -31, -1, 0, 1, 29, 59, 61].map((m) => m * MINUTE);
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.nat(),
        fc.constantFrom(...around),
        leadMinutes,
        (zone, pick, delta, lead) => {
          const list = byZone.get(zone) ?? [];
          if (list.length === 0) return;
          checkRoundTrip(zone, list[pick % list.length]! + delta, lead);
        },
      ),
      { seed: 20261101, numRuns: 800 },
    );
  });

  it('in every zone, at instants from 2020 to 2035', () => {
    for (const zone of ZONES) {
      fc.assert(
        fc.property(fc.integer({ min: FROM / MINUTE, max: TO / MINUTE }), leadMinutes, (minute, lead) => {
          checkRoundTrip(zone, minute * MINUTE, lead);
        }),
        { seed: 2020, numRuns: 2 },
      );
    }
  });

  it('in every zone with transitions, the minute each one starts', () => {
    for (const [zone, list] of byZone) {
      if (list.length === 0) continue;
      // First and last transition of the range, in both directions where the zone has two.
      for (const at of [list[0]!, list[1] ?? list[0]!, list[list.length - 1]!]) checkRoundTrip(zone, at, 45);
    }
  });
});
