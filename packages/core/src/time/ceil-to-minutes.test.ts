import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { ceilToMinutes } from './ceil-to-minutes';
import { TimeZoneInvalidError } from './errors';

describe('ceilToMinutes', () => {
  it.each([
    ['2026-03-08T09:15:00Z', 5, '2026-03-08T09:15:00.000Z'],
    ['2026-03-08T09:29:47Z', 5, '2026-03-08T09:30:00.000Z'],
    ['2026-03-08T09:15:00.001Z', 5, '2026-03-08T09:20:00.000Z'],
    ['2026-03-08T09:14:59.999Z', 5, '2026-03-08T09:15:00.000Z'],
    ['2026-03-08T23:58:00Z', 5, '2026-03-09T00:00:00.000Z'],
    ['2026-12-31T23:59:30Z', 1, '2027-01-01T00:00:00.000Z'],
    ['2026-03-08T09:16:00Z', 15, '2026-03-08T09:30:00.000Z'],
    ['2026-03-08T09:31:00Z', 60, '2026-03-08T10:00:00.000Z'],
    ['2026-03-08T09:31:00Z', 1440, '2026-03-09T00:00:00.000Z'],
  ])('%s up to %i minutes is %s (UTC clock)', (instant, minutes, expected) => {
    expect(ceilToMinutes(instant, minutes)).toBe(expected);
  });

  it('uses the given zone clock for boundaries that do not divide 15 minutes', () => {
    // 09:05 UTC is 14:35 in Kolkata and 14:50 in Kathmandu.
    expect(ceilToMinutes('2026-03-08T09:05:00Z', 30, { timeZone: 'Asia/Kolkata' })).toBe(
      '2026-03-08T09:30:00.000Z',
    ); // 15:00 IST
    expect(ceilToMinutes('2026-03-08T09:05:00Z', 60, { timeZone: 'Asia/Kolkata' })).toBe(
      '2026-03-08T09:30:00.000Z',
    ); // 15:00 IST
    expect(ceilToMinutes('2026-03-08T09:05:00Z', 30, { timeZone: 'Asia/Kathmandu' })).toBe(
      '2026-03-08T09:15:00.000Z',
    ); // 15:00
    expect(ceilToMinutes('2026-03-08T09:05:00Z', 60, { timeZone: 'Asia/Kathmandu' })).toBe(
      '2026-03-08T09:15:00.000Z',
    ); // 15:00
    expect(ceilToMinutes('2026-03-08T09:05:00Z', 60)).toBe('2026-03-08T10:00:00.000Z'); // 15:30 IST, 15:45 NPT
    expect(ceilToMinutes('2026-03-08T09:05:00Z', 1440, { timeZone: 'Asia/Kathmandu' })).toBe(
      '2026-03-08T18:15:00.000Z', // midnight in Kathmandu
    );
  });

  it('follows the zone clock across daylight-saving changes', () => {
    // New York, 2026-03-08: 1:50 AM EST; 2:00 AM does not exist, the next full hour is 3:00 AM EDT.
    expect(ceilToMinutes('2026-03-08T06:50:00Z', 60, { timeZone: 'America/New_York' })).toBe(
      '2026-03-08T07:00:00.000Z',
    );
    // New York, 2026-11-01: 1:40 AM EDT; the next full hour is the second 1:00 AM (EST).
    expect(ceilToMinutes('2026-11-01T05:40:00Z', 60, { timeZone: 'America/New_York' })).toBe(
      '2026-11-01T06:00:00.000Z',
    );
    // Lord Howe moves by 30 minutes: 01:45 (+11) is followed by 01:30 (+10:30); next full hour 02:00.
    expect(ceilToMinutes('2026-04-04T14:45:00Z', 60, { timeZone: 'Australia/Lord_Howe' })).toBe(
      '2026-04-04T15:30:00.000Z',
    );
  });

  it('rejects boundaries that do not divide a day, bad instants and bad zones', () => {
    for (const minutes of [0, -5, 7, 2.5, Number.NaN, 2880]) {
      expect(() => ceilToMinutes('2026-03-08T09:00:00Z', minutes)).toThrow(ValidationError);
    }
    expect(() => ceilToMinutes('2026-03-08T09:00:00', 5)).toThrow(ValidationError);
    expect(() => ceilToMinutes('2026-03-08T09:00:00Z', 30, { timeZone: 'IST' })).toThrow(
      TimeZoneInvalidError,
    );
  });

  it('runs the JSDoc examples', () => {
    expect(ceilToMinutes('2026-03-08T09:29:47Z', 5)).toBe('2026-03-08T09:30:00.000Z');
    expect(ceilToMinutes('2026-03-08T09:15:00Z', 5)).toBe('2026-03-08T09:15:00.000Z');
    expect(ceilToMinutes('2026-03-08T09:05:00Z', 60, { timeZone: 'Asia/Kolkata' })).toBe(
      '2026-03-08T09:30:00.000Z',
    );
  });
});

const ZONES = [
  'UTC',
  'America/New_York',
  'America/St_Johns',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tehran',
  'Australia/Lord_Howe',
  'Australia/Eucla',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'Pacific/Marquesas',
] as const;

const instants = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

/** Minute of the day on the reader clock, from Intl (an implementation independent of ours). */
const localMinuteOfDay = (epochMs: number, timeZone: string) => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(epochMs);
  const field = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return field('hour') * 60 + field('minute');
};

describe('ceilToMinutes: properties over 2020-2030', () => {
  it('for 1, 3, 5 and 15 minutes, rounding in UTC is rounding on every reader clock', () => {
    fc.assert(
      fc.property(
        instants,
        fc.constantFrom(1, 3, 5, 15),
        fc.constantFrom(...ZONES),
        (instant, minutes, zone) => {
          const inUtc = ceilToMinutes(instant, minutes);
          expect(ceilToMinutes(instant, minutes, { timeZone: zone })).toBe(inUtc);
          expect(localMinuteOfDay(Date.parse(inUtc), zone) % minutes).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('returns the first instant, at or after the input, that is a boundary on the zone clock', () => {
    fc.assert(
      fc.property(
        instants,
        fc.constantFrom(5, 15, 30, 60, 120),
        fc.constantFrom(...ZONES),
        (instant, minutes, zone) => {
          const result = Date.parse(ceilToMinutes(instant, minutes, { timeZone: zone }));
          const start = Math.ceil(Date.parse(instant) / 60_000) * 60_000;
          expect(result).toBeGreaterThanOrEqual(start);
          expect(result % 60_000).toBe(0);
          expect(localMinuteOfDay(result, zone) % minutes).toBe(0);
          for (let t = start; t < result; t += 60_000)
            expect(localMinuteOfDay(t, zone) % minutes).not.toBe(0);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('is idempotent and monotonic', () => {
    fc.assert(
      fc.property(
        instants,
        instants,
        fc.constantFrom(5, 30, 60),
        fc.constantFrom(...ZONES),
        (a, b, minutes, zone) => {
          const options = { timeZone: zone };
          const once = ceilToMinutes(a, minutes, options);
          expect(ceilToMinutes(once, minutes, options)).toBe(once);
          const [early, late] = a <= b ? [a, b] : [b, a];
          expect(ceilToMinutes(early, minutes, options) <= ceilToMinutes(late, minutes, options)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
