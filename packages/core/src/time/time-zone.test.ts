import { describe, expect, it } from 'vitest';
import { TimeZoneInvalidError } from './errors';
import { assertTimeZone, isUsTimeZone, isValidTimeZone, offsetMinutesAt, wallClockAt } from './time-zone';

describe('isValidTimeZone', () => {
  it.each([
    'America/New_York',
    'Europe/Berlin',
    'Asia/Kolkata',
    'Asia/Calcutta',
    'Asia/Kathmandu',
    'Pacific/Auckland',
    'America/Indiana/Indianapolis',
    'US/Eastern',
    'Etc/UTC',
    'Etc/GMT+5',
    'UTC',
    'GMT',
    'america/new_york',
    // IANA names without a slash: rule zones and backward links keep their daylight saving.
    'EST5EDT',
    'PST8PDT',
    'CST6CDT',
    'CET',
    'EET',
    'Japan',
    'Eire',
    'GB',
    'Zulu',
    'W-SU',
    'US/Pacific',
    'Asia/Saigon',
  ])('accepts %j', (name) => {
    expect(isValidTimeZone(name)).toBe(true);
  });

  it.each([
    'Eastern',
    'Eastern Time',
    'ET',
    // Fixed offsets readers misread (EST has no daylight saving) and ICU-only abbreviations.
    'EST',
    'MST',
    'HST',
    'PST',
    'IST',
    'CST',
    'JST',
    '+05:30',
    '-0800',
    'UTC+5',
    'America/Nowhere',
    'New York',
    '',
  ])('rejects %j', (name) => {
    expect(isValidTimeZone(name)).toBe(false);
  });

  it('accepts every name the platform formats in, among the Area/Location and single IANA names', () => {
    const names = [...Intl.supportedValuesOf('timeZone'), 'EST5EDT', 'CET', 'US/Eastern', 'Europe/Kiev'];
    for (const name of names) {
      expect(() => new Intl.DateTimeFormat('en-US', { timeZone: name })).not.toThrow();
      expect(isValidTimeZone(name), name).toBe(true);
    }
  });

  it('rejects non-strings', () => {
    for (const value of [undefined, null, 5, {}, ['UTC']]) expect(isValidTimeZone(value)).toBe(false);
  });

  it('gives the same answer the second time (the positive answer is cached)', () => {
    expect(isValidTimeZone('Asia/Kathmandu')).toBe(true);
    expect(isValidTimeZone('Asia/Kathmandu')).toBe(true);
    expect(isValidTimeZone('Asia/Kathmandoo')).toBe(false);
    expect(isValidTimeZone('Asia/Kathmandoo')).toBe(false);
  });

  it('runs the JSDoc examples', () => {
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('Eastern')).toBe(false);
  });
});

describe('assertTimeZone', () => {
  it('throws a typed error naming the zone and what is expected', () => {
    expect(() => assertTimeZone('Eastern')).toThrow(TimeZoneInvalidError);
    try {
      assertTimeZone(42);
    } catch (error) {
      expect(error).toMatchObject({
        code: 'time_zone_invalid',
        timeZone: '42',
        name: 'TimeZoneInvalidError',
      });
      expect((error as Error).message).toBe(
        'Invalid time zone "42": expected an IANA time zone name such as "America/New_York", "Europe/Berlin" or "UTC"',
      );
    }
  });
});

describe('isUsTimeZone', () => {
  it.each([
    ['America/New_York', true],
    ['America/Phoenix', true],
    ['Pacific/Honolulu', true],
    ['America/Adak', true],
    ['US/Pacific', true],
    ['america/chicago', true],
    ['America/Toronto', false],
    ['America/Mexico_City', false],
    ['America/Puerto_Rico', false],
    ['Europe/London', false],
    ['UTC', false],
  ])('%s: %s', (zone, expected) => {
    expect(isUsTimeZone(zone)).toBe(expected);
    expect(isUsTimeZone(zone)).toBe(expected);
  });
});

describe('offsetMinutesAt and wallClockAt', () => {
  it('reads offsets from the real instant on both sides of a change', () => {
    expect(offsetMinutesAt(Date.parse('2026-03-08T06:59:59Z'), 'America/New_York')).toBe(-300);
    expect(offsetMinutesAt(Date.parse('2026-03-08T07:00:00Z'), 'America/New_York')).toBe(-240);
    expect(offsetMinutesAt(Date.parse('2026-04-04T13:59:59Z'), 'Pacific/Auckland')).toBe(780);
    expect(offsetMinutesAt(Date.parse('2026-04-04T14:00:00Z'), 'Pacific/Auckland')).toBe(720);
    expect(offsetMinutesAt(Date.parse('2026-03-08T09:00:00Z'), 'Asia/Kathmandu')).toBe(345);
  });

  it('gives the wall clock of the reader', () => {
    expect(wallClockAt(Date.parse('2026-03-03T23:15:00Z'), 'Europe/Berlin')).toEqual({
      year: 2026,
      month: 3,
      day: 4,
      weekday: 3,
      hour: 0,
      minute: 15,
      offsetMinutes: 60,
    });
    expect(wallClockAt(Date.parse('2026-12-31T18:30:00Z'), 'Asia/Kolkata')).toMatchObject({
      year: 2027,
      month: 1,
      day: 1,
      hour: 0,
      minute: 0,
    });
  });
});
