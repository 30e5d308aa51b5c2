import { fromZonedTime } from 'date-fns-tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { TimeZoneInvalidError } from './errors';
import { formatUpdateTime } from './format-update-time';

describe('formatUpdateTime: styles by reader', () => {
  it.each([
    ['2026-03-09T18:30:00Z', 'America/New_York', '2:30 PM ET'],
    ['2026-07-08T19:00:00Z', 'America/Chicago', '2:00 PM CT'],
    ['2026-07-08T19:00:00Z', 'America/Denver', '1:00 PM MT'],
    // Arizona keeps standard time all year: its one name says so ("MT" would read as MDT in summer).
    ['2026-07-08T19:00:00Z', 'America/Phoenix', '12:00 PM MST'],
    ['2026-07-08T19:00:00Z', 'America/Los_Angeles', '12:00 PM PT'],
    ['2026-07-08T19:00:00Z', 'America/Anchorage', '11:00 AM AKT'],
    ['2026-07-08T19:00:00Z', 'Pacific/Honolulu', '9:00 AM HST'],
    ['2026-07-08T19:00:00Z', 'US/Eastern', '3:00 PM ET'],
    ['2026-03-09T12:05:00Z', 'America/New_York', '8:05 AM ET'],
    ['2026-03-09T04:00:00Z', 'America/New_York', '12:00 AM ET'],
    ['2026-03-09T16:00:00Z', 'America/New_York', '12:00 PM ET'],
    ['2026-03-09T14:30:00Z', 'UTC', '14:30 UTC'],
    ['2026-03-09T14:30:00Z', 'Etc/UTC', '14:30 UTC'],
    ['2026-03-09T13:30:00Z', 'Europe/Berlin', '14:30 CET'],
    ['2026-07-08T12:30:00Z', 'Europe/Berlin', '14:30 CEST'],
    ['2026-01-08T14:30:00Z', 'Europe/London', '14:30 GMT'],
    ['2026-07-08T13:30:00Z', 'Europe/London', '14:30 BST'],
    ['2026-07-08T13:30:00Z', 'America/Toronto', '09:30 EDT'],
    ['2026-07-08T05:30:00Z', 'Asia/Tokyo', '14:30 JST'],
    ['2026-07-08T17:30:00Z', 'America/Sao_Paulo', '14:30 BRT'],
  ])('%s in %s reads %s', (instant, zone, expected) => {
    expect(formatUpdateTime(instant, zone)).toBe(expected);
  });

  it('takes a Date as well as an ISO string, and an explicit offset', () => {
    expect(formatUpdateTime(new Date('2026-03-09T18:30:00Z'), 'America/New_York')).toBe('2:30 PM ET');
    expect(formatUpdateTime('2026-03-09T14:30:00-04:00', 'America/New_York')).toBe('2:30 PM ET');
  });

  it('drops seconds rather than rounding them (round with ceilToMinutes first)', () => {
    expect(formatUpdateTime('2026-03-09T18:29:59.999Z', 'America/New_York')).toBe('2:29 PM ET');
  });

  it('lets the caller pick the style and the label', () => {
    const instant = '2026-03-09T18:30:00Z';
    expect(formatUpdateTime(instant, 'America/New_York', { style: '24h' })).toBe('14:30 EDT');
    expect(formatUpdateTime(instant, 'America/New_York', { label: 'specific' })).toBe('2:30 PM EDT');
    expect(formatUpdateTime(instant, 'America/New_York', { style: '24h', label: 'generic' })).toBe(
      '14:30 ET',
    );
    expect(formatUpdateTime(instant, 'Europe/Berlin', { style: 'us' })).toBe('7:30 PM CET');
    // No short generic name for Berlin: the specific one stands in.
    expect(formatUpdateTime(instant, 'Europe/Berlin', { label: 'generic' })).toBe('19:30 CET');
  });
});

describe('formatUpdateTime: daylight-saving changes named in issue 3', () => {
  it('America/New_York, 2026-03-08: 1:59 AM EST is followed by 3:00 AM EDT', () => {
    expect(formatUpdateTime('2026-03-08T06:59:00Z', 'America/New_York')).toBe('1:59 AM ET');
    expect(formatUpdateTime('2026-03-08T07:00:00Z', 'America/New_York')).toBe('3:00 AM ET');
    expect(formatUpdateTime('2026-03-08T06:59:00Z', 'America/New_York', { label: 'specific' })).toBe(
      '1:59 AM EST',
    );
    expect(formatUpdateTime('2026-03-08T07:00:00Z', 'America/New_York', { label: 'specific' })).toBe(
      '3:00 AM EDT',
    );
  });

  it('America/New_York, 2026-11-01: the two 1:30 AM instants read differently (EDT, then EST)', () => {
    const first = formatUpdateTime('2026-11-01T05:30:00Z', 'America/New_York');
    const second = formatUpdateTime('2026-11-01T06:30:00Z', 'America/New_York');
    expect(first).toBe('1:30 AM EDT');
    expect(second).toBe('1:30 AM EST');
    expect(first).not.toBe(second);
  });

  it('America/New_York, 2026-11-01: the whole repeated hour is specific, the hours around it generic', () => {
    expect(formatUpdateTime('2026-11-01T04:59:00Z', 'America/New_York')).toBe('12:59 AM ET');
    expect(formatUpdateTime('2026-11-01T05:00:00Z', 'America/New_York')).toBe('1:00 AM EDT');
    expect(formatUpdateTime('2026-11-01T05:59:00Z', 'America/New_York')).toBe('1:59 AM EDT');
    expect(formatUpdateTime('2026-11-01T06:00:00Z', 'America/New_York')).toBe('1:00 AM EST');
    expect(formatUpdateTime('2026-11-01T06:59:00Z', 'America/New_York')).toBe('1:59 AM EST');
    expect(formatUpdateTime('2026-11-01T07:00:00Z', 'America/New_York')).toBe('2:00 AM ET');
  });

  it('Europe/Berlin, 2026-03-29: 01:59 CET is followed by 03:00 CEST', () => {
    expect(formatUpdateTime('2026-03-29T00:59:00Z', 'Europe/Berlin')).toBe('01:59 CET');
    expect(formatUpdateTime('2026-03-29T01:00:00Z', 'Europe/Berlin')).toBe('03:00 CEST');
  });

  it('Europe/Berlin, 2026-10-25: 02:30 happens twice, as CEST and then CET', () => {
    expect(formatUpdateTime('2026-10-25T00:30:00Z', 'Europe/Berlin')).toBe('02:30 CEST');
    expect(formatUpdateTime('2026-10-25T01:30:00Z', 'Europe/Berlin')).toBe('02:30 CET');
    expect(formatUpdateTime('2026-10-25T02:30:00Z', 'Europe/Berlin')).toBe('03:30 CET');
  });

  it('Pacific/Auckland, 2026-04-05: NZDT before the change, NZST after, 02:30 twice', () => {
    expect(formatUpdateTime('2026-04-04T12:00:00Z', 'Pacific/Auckland')).toBe('01:00 NZDT');
    expect(formatUpdateTime('2026-04-04T13:30:00Z', 'Pacific/Auckland')).toBe('02:30 NZDT');
    expect(formatUpdateTime('2026-04-04T14:30:00Z', 'Pacific/Auckland')).toBe('02:30 NZST');
    expect(formatUpdateTime('2026-04-05T02:30:00Z', 'Pacific/Auckland')).toBe('14:30 NZST');
    expect(formatUpdateTime('2026-04-03T01:30:00Z', 'Pacific/Auckland')).toBe('14:30 NZDT');
  });

  it('Asia/Kolkata (+05:30) and Asia/Kathmandu (+05:45)', () => {
    expect(formatUpdateTime('2026-03-08T09:00:00Z', 'Asia/Kolkata')).toBe('14:30 IST');
    expect(formatUpdateTime('2026-03-08T09:00:00Z', 'Asia/Kathmandu')).toBe('14:45 UTC+5:45');
    expect(formatUpdateTime('2026-03-08T09:00:00Z', 'Asia/Kolkata', { style: 'us' })).toBe('2:30 PM IST');
    expect(formatUpdateTime('2026-03-08T18:15:00Z', 'Asia/Kathmandu')).toBe('00:00 UTC+5:45');
  });
});

describe('formatUpdateTime: the day, for each reader', () => {
  // The reader's now: Tue 3 Mar 2026, 20:00 UTC (21:00 in Berlin, 15:00 in New York).
  const now = '2026-03-03T20:00:00Z';

  it('prints no day when the time is today for that reader', () => {
    expect(formatUpdateTime('2026-03-03T22:45:00Z', 'Europe/Berlin', { relativeTo: now })).toBe('23:45 CET');
    expect(formatUpdateTime('2026-03-03T23:15:00Z', 'UTC', { relativeTo: now })).toBe('23:15 UTC');
  });

  it('says "tomorrow" when the time is the next calendar day for that reader', () => {
    expect(formatUpdateTime('2026-03-03T23:15:00Z', 'Europe/Berlin', { relativeTo: now })).toBe(
      'tomorrow 00:15 CET',
    );
    expect(formatUpdateTime('2026-03-04T05:15:00Z', 'America/New_York', { relativeTo: now })).toBe(
      'tomorrow 12:15 AM ET',
    );
    // Already Wed 4 Mar, 01:30 in Kolkata at `now`; 19:00 UTC on the 4th is 00:30 on the 5th there.
    expect(formatUpdateTime('2026-03-04T19:00:00Z', 'Asia/Kolkata', { relativeTo: now })).toBe(
      'tomorrow 00:30 IST',
    );
  });

  it('compares days on the reader clock, not in UTC: one instant, three readers', () => {
    const instant = '2026-03-04T04:30:00Z';
    const relativeTo = '2026-03-03T23:30:00Z'; // already the 4th in Berlin and Kolkata
    expect(formatUpdateTime(instant, 'UTC', { relativeTo })).toBe('tomorrow 04:30 UTC');
    expect(formatUpdateTime(instant, 'Europe/Berlin', { relativeTo })).toBe('05:30 CET');
    expect(formatUpdateTime(instant, 'America/Los_Angeles', { relativeTo })).toBe('8:30 PM PT');
  });

  it('gives an explicit date for any other day, in the reader style', () => {
    const relativeTo = '2026-03-02T12:00:00Z';
    expect(formatUpdateTime('2026-03-03T23:15:00Z', 'Europe/Berlin', { relativeTo })).toBe(
      'Wed 4 Mar, 00:15 CET',
    );
    expect(formatUpdateTime('2026-03-04T05:15:00Z', 'America/New_York', { relativeTo })).toBe(
      'Wed, Mar 4, 12:15 AM ET',
    );
  });

  it('gives an explicit date for past days too', () => {
    expect(
      formatUpdateTime('2026-03-02T23:15:00Z', 'Europe/Berlin', { relativeTo: '2026-03-04T12:00:00Z' }),
    ).toBe('Tue 3 Mar, 00:15 CET');
    expect(formatUpdateTime('2026-03-03T12:00:00Z', 'UTC', { relativeTo: '2026-03-04T12:00:00Z' })).toBe(
      'Tue 3 Mar, 12:00 UTC',
    );
  });

  it('says "tomorrow" across the new year, and adds the year when a later date is in another year', () => {
    const relativeTo = '2026-12-31T18:00:00Z';
    expect(formatUpdateTime('2027-01-01T00:15:00Z', 'UTC', { relativeTo })).toBe('tomorrow 00:15 UTC');
    expect(formatUpdateTime('2027-01-02T00:15:00Z', 'UTC', { relativeTo })).toBe('Sat 2 Jan 2027, 00:15 UTC');
    expect(formatUpdateTime('2027-01-02T17:15:00Z', 'America/New_York', { relativeTo })).toBe(
      'Sat, Jan 2, 2027, 12:15 PM ET',
    );
  });

  it('counts calendar days across a daylight-saving night (a 23-hour day)', () => {
    // Sat 7 Mar 2026, 23:30 in New York; the next day is only 23 hours long.
    const relativeTo = '2026-03-08T04:30:00Z';
    expect(formatUpdateTime('2026-03-09T03:59:00Z', 'America/New_York', { relativeTo })).toBe(
      'tomorrow 11:59 PM ET',
    );
    expect(formatUpdateTime('2026-03-09T04:00:00Z', 'America/New_York', { relativeTo })).toBe(
      'Mon, Mar 9, 12:00 AM ET',
    );
  });

  it('keeps the repeated-hour label when a day is added', () => {
    expect(
      formatUpdateTime('2026-11-01T06:30:00Z', 'America/New_York', { relativeTo: '2026-10-31T20:00:00Z' }),
    ).toBe('tomorrow 1:30 AM EST');
  });
});

describe('formatUpdateTime: errors', () => {
  it.each(['Eastern', 'EST', 'ET', '+05:30', 'America/Nowhere', ''])(
    'rejects %j with time_zone_invalid',
    (zone) => {
      let caught: unknown;
      try {
        formatUpdateTime('2026-03-09T18:30:00Z', zone);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(TimeZoneInvalidError);
      const error = caught as TimeZoneInvalidError;
      expect(error.code).toBe('time_zone_invalid');
      expect(error.timeZone).toBe(zone);
      expect(error.message).toContain(JSON.stringify(zone));
      expect(error.message).toContain('IANA time zone');
      expect(error.expected).toContain('America/New_York');
    },
  );

  it('rejects an instant whose meaning would depend on the server zone, or that does not exist', () => {
    for (const bad of [
      '2026-03-09T18:30:00',
      '2026-03-09',
      '2026-02-30T10:00:00Z',
      'next Tuesday',
      new Date(Number.NaN),
    ]) {
      expect(() => formatUpdateTime(bad, 'UTC')).toThrow(ValidationError);
    }
    expect(() => formatUpdateTime('2026-03-09T18:30:00Z', 'UTC', { relativeTo: '2026-03-09 18:30' })).toThrow(
      /options\.relativeTo/,
    );
  });

  it('rejects an unknown style or label from untyped callers', () => {
    const options = JSON.parse('{"style":"12h","label":"long"}');
    expect(() => formatUpdateTime('2026-03-09T18:30:00Z', 'UTC', options)).toThrow(/options\.style/);
    expect(() => formatUpdateTime('2026-03-09T18:30:00Z', 'UTC', { label: options.label })).toThrow(
      /options\.label/,
    );
    try {
      formatUpdateTime('2026-03-09T18:30:00Z', 'UTC', options);
    } catch (error) {
      expect((error as ValidationError).code).toBe('input_invalid');
    }
  });
});

// Zones for the properties: US and non-US, daylight saving north and south, offsets in half and
// quarter hours, a 30-minute daylight-saving shift (Lord Howe), and zones with no DST.
const ZONES = [
  'UTC',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/St_Johns',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tehran',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
  'Pacific/Chatham',
] as const;

const instants = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

const DAY_MS = 86_400_000;
const oracle = (locale: string, timeZone: string, options: Intl.DateTimeFormatOptions, instant: string) =>
  new Intl.DateTimeFormat(locale, { timeZone, ...options }).format(new Date(instant)).replace(/\u202f/g, ' ');

describe('formatUpdateTime: properties over 2020-2030', () => {
  it('agrees with the platform calendar (Intl, an independent implementation) for every reader', () => {
    fc.assert(
      fc.property(
        instants,
        fc.constantFrom(...ZONES),
        fc.constantFrom('us', '24h'),
        (instant, zone, style) => {
          // 400 days later is always another year, so the full date with the year is printed.
          const relativeTo = new Date(Date.parse(instant) + 400 * DAY_MS);
          const text = formatUpdateTime(instant, zone, { style, relativeTo, label: 'specific' });
          const expected =
            style === '24h'
              ? `${oracle('en-GB', zone, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }, instant).replace(',', '').replace('Sept', 'Sep')}, ${oracle('en-GB', zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, instant)}`
              : `${oracle('en-US', zone, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }, instant)}, ${oracle('en-US', zone, { hour: 'numeric', minute: '2-digit', hour12: true }, instant)}`;
          expect(text.startsWith(`${expected} `)).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('round-trips: parsed back with date-fns-tz, the text names exactly one minute, the right one', () => {
    const PARSE = /^\w{3} (\d{1,2}) (\w{3}) (\d{4}), (\d{2}):(\d{2}) (\S+)$/;
    const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    fc.assert(
      fc.property(instants, fc.constantFrom(...ZONES), (instant, zone) => {
        const relativeTo = '2040-01-01T00:00:00Z';
        const text = formatUpdateTime(instant, zone, { relativeTo, style: '24h' });
        const match = PARSE.exec(text);
        expect(match, text).not.toBeNull();
        const [, day, month, year, hour, minute] = match as RegExpExecArray;
        const monthNumber = String(MONTHS.indexOf(month as string) + 1).padStart(2, '0');
        const wall = `${year}-${monthNumber}-${String(day).padStart(2, '0')}T${hour}:${minute}:00`;
        const parsed = fromZonedTime(wall, zone).getTime();
        // In a repeated hour the wall time alone fits two instants; the label must pick one.
        const candidates = [-60, -30, 0, 30, 60].map((shift) =>
          new Date(parsed + shift * 60_000).toISOString(),
        );
        const same = candidates.filter(
          (candidate) => formatUpdateTime(candidate, zone, { relativeTo, style: '24h' }) === text,
        );
        const minute0 = new Date(Math.floor(Date.parse(instant) / 60_000) * 60_000).toISOString();
        expect(same).toEqual([minute0]);
      }),
      { numRuns: 400 },
    );
  });

  it('never prints the same text for two minutes around any daylight-saving change of 2020-2030', () => {
    const offsetAt = (zone: string, t: number) =>
      new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
        .formatToParts(t)
        .find((part) => part.type === 'timeZoneName')?.value;
    let changes = 0;
    for (const zone of ['America/New_York', 'America/Los_Angeles', 'Europe/Berlin', 'Pacific/Auckland']) {
      for (let day = Date.UTC(2020, 0, 1); day < Date.UTC(2031, 0, 1); day += DAY_MS) {
        if (offsetAt(zone, day) === offsetAt(zone, day + DAY_MS)) continue;
        changes += 1;
        // Every quarter hour of the UTC day holding the change (and 3 hours either side), read by
        // someone whose "now" is the start of that window, must print a text no other prints.
        const seen = new Map<string, number>();
        for (let t = day - 3 * 3_600_000; t < day + DAY_MS + 3 * 3_600_000; t += 15 * 60_000) {
          const text = formatUpdateTime(new Date(t), zone, { relativeTo: new Date(day - 3 * 3_600_000) });
          expect(seen.get(text), `${zone} ${new Date(t).toISOString()} ${text}`).toBeUndefined();
          seen.set(text, t);
        }
      }
    }
    expect(changes).toBe(4 * 22);
  });
});

describe('formatUpdateTime: documented examples', () => {
  it('runs the JSDoc examples', () => {
    expect(formatUpdateTime('2026-03-09T18:30:00Z', 'America/New_York')).toBe('2:30 PM ET');
    expect(formatUpdateTime('2026-03-09T13:30:00Z', 'Europe/Berlin')).toBe('14:30 CET');
    expect(
      formatUpdateTime('2026-03-03T23:15:00Z', 'Europe/Berlin', { relativeTo: '2026-03-03T20:00:00Z' }),
    ).toBe('tomorrow 00:15 CET');
  });
});
