/**
 * Regression guard for marnusw/date-fns-tz#258 (open): `formatInTimeZone` builds a `Date` in
 * the server's own zone, so a wall time that does not exist there (its spring-forward hour)
 * comes out an hour late, e.g. 02:30 in Kolkata printed as 03:30 on a Los Angeles server.
 * Node applies a new `process.env.TZ` at once, so this file can switch the server zone in one
 * process; `scripts/test-timezones.mjs` also runs the whole suite under several `TZ` values.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ceilToMinutes } from './ceil-to-minutes';
import { formatUpdateTime } from './format-update-time';
import { zoneLabel } from './zone-label';

const originalTz = process.env.TZ;

afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

const SERVER_ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Europe/Berlin', 'Australia/Lord_Howe'];

// Instants whose wall time, in the reader's zone, falls in some server zone's missing hour.
const CASES: Array<[string, string, string]> = [
  ['2026-03-07T21:00:00Z', 'Asia/Kolkata', '02:30 IST'], // 2026-03-08 02:30 does not exist in Los Angeles
  ['2026-03-29T02:30:00Z', 'UTC', '02:30 UTC'], // 2026-03-29 02:30 does not exist in Berlin
  ['2026-03-08T07:30:00Z', 'America/New_York', '3:30 AM ET'],
  ['2026-03-08T10:30:00Z', 'America/Los_Angeles', '3:30 AM PT'],
  ['2026-11-01T05:30:00Z', 'America/New_York', '1:30 AM EDT'],
  ['2026-11-01T06:30:00Z', 'America/New_York', '1:30 AM EST'],
  ['2026-10-25T00:30:00Z', 'Europe/Berlin', '02:30 CEST'],
  ['2026-04-04T14:30:00Z', 'Pacific/Auckland', '02:30 NZST'],
  ['2026-03-08T09:00:00Z', 'Asia/Kathmandu', '14:45 UTC+5:45'],
];

describe('output never depends on the server time zone', () => {
  it('the zone switch really takes effect in this process (control)', () => {
    const hours = SERVER_ZONES.map((zone) => {
      process.env.TZ = zone;
      return new Date(0).getHours() * 60 + new Date(0).getMinutes();
    });
    expect(new Set(hours).size).toBe(SERVER_ZONES.length);
  });

  it.each(SERVER_ZONES)('formats the same under TZ=%s', (serverZone) => {
    process.env.TZ = serverZone;
    for (const [instant, zone, expected] of CASES) expect(formatUpdateTime(instant, zone)).toBe(expected);
    expect(
      formatUpdateTime('2026-03-03T23:15:00Z', 'Europe/Berlin', { relativeTo: '2026-03-03T20:00:00Z' }),
    ).toBe('tomorrow 00:15 CET');
    expect(zoneLabel('2026-11-01T05:30:00Z', 'America/New_York')).toBe('EDT');
    expect(ceilToMinutes('2026-03-08T06:50:00Z', 60, { timeZone: 'America/New_York' })).toBe(
      '2026-03-08T07:00:00.000Z',
    );
  });
});
