import { describe, expect, it } from 'vitest';
import {
  findClockTimes,
  findRelativeTime,
  formatClock,
  labelMatchesZone,
  resolveClockTime,
  zoneLabelFor,
} from './clock';

describe('findClockTimes', () => {
  it('reads 12- and 24-hour times, words and zone labels', () => {
    const found = findClockTimes('By 9:30 AM ET, 14:30 UTC, 20:05, 2 p.m. PT, noon, or midnight (CET).').map(
      (c) => [c.hour, c.minute, c.zoneLabel],
    );
    expect(found).toEqual([
      [9, 30, 'ET'],
      [14, 30, 'UTC'],
      [20, 5, undefined],
      [14, 0, 'PT'],
      [12, 0, undefined],
      [0, 0, 'CET'],
    ]);
  });

  it('does not read bare numbers, placeholders, HTTP codes or percentages as times', () => {
    expect(
      findClockTimes('HTTP 503 errors for 12% of 2000 requests in 30 minutes; next update XX:XX UTC.'),
    ).toEqual([]);
  });

  it('reads 12 AM as midnight and 12 PM as noon', () => {
    expect(findClockTimes('12:15 AM and 12:15 PM').map((c) => c.hour)).toEqual([0, 12]);
  });
});

describe('resolveClockTime', () => {
  it('puts a time on the day closest to the reference, in the label zone', () => {
    const [t] = findClockTimes('by 9:30 AM ET');
    expect(resolveClockTime(t!, new Date('2026-03-03T14:15:00Z'), undefined)?.toISOString()).toBe(
      '2026-03-03T14:30:00.000Z',
    );
  });

  it('rolls over midnight', () => {
    const [t] = findClockTimes('at 00:05 UTC');
    expect(resolveClockTime(t!, new Date('2026-07-01T23:50:00Z'), undefined)?.toISOString()).toBe(
      '2026-07-02T00:05:00.000Z',
    );
  });

  it('follows daylight saving time (ET is UTC-4 in July)', () => {
    const [t] = findClockTimes('at 9:30 AM ET');
    expect(resolveClockTime(t!, new Date('2026-07-01T13:00:00Z'), undefined)?.toISOString()).toBe(
      '2026-07-01T13:30:00.000Z',
    );
  });

  it('reads a time without a label in the default zone, and gives up without one', () => {
    const [t] = findClockTimes('at 9:30');
    expect(resolveClockTime(t!, new Date('2026-03-03T14:15:00Z'), 'America/New_York')?.toISOString()).toBe(
      '2026-03-03T14:30:00.000Z',
    );
    expect(resolveClockTime(t!, new Date('2026-03-03T14:15:00Z'), undefined)).toBeUndefined();
  });
});

describe('zones', () => {
  it('matches labels to zone families by zone or offset', () => {
    expect(labelMatchesZone('ET', 'America/Toronto', new Date('2026-03-03T14:00:00Z'))).toBe(true);
    expect(labelMatchesZone('UTC', 'Europe/London', new Date('2026-01-15T12:00:00Z'))).toBe(true);
    expect(labelMatchesZone('UTC', 'Europe/London', new Date('2026-07-01T12:00:00Z'))).toBe(false);
    expect(labelMatchesZone('PT', 'America/New_York', new Date('2026-03-03T14:00:00Z'))).toBe(false);
  });

  it('names a zone by its label, switching with daylight time', () => {
    expect(zoneLabelFor('Europe/London', new Date('2026-07-01T12:00:00Z'))).toBe('BST');
    expect(zoneLabelFor('Europe/London', new Date('2026-01-15T12:00:00Z'))).toBe('GMT');
    expect(zoneLabelFor('Australia/Sydney', new Date('2026-01-15T12:00:00Z'))).toBe('AEDT');
    expect(zoneLabelFor('America/New_York', new Date('2026-07-01T12:00:00Z'))).toBe('ET');
    expect(zoneLabelFor('Asia/Singapore', new Date('2026-07-01T12:00:00Z'))).toBeUndefined();
  });

  it('formats a clock time in a zone and style', () => {
    const at = new Date('2026-03-03T14:30:00Z');
    expect(formatClock(at, 'America/New_York', 'ET', '12h', false)).toBe('9:30 AM ET');
    expect(formatClock(at, 'America/New_York', 'ET', '12h', true)).toBe('9:30 a.m. ET');
    expect(formatClock(at, 'UTC', 'UTC', '24h', false)).toBe('14:30 UTC');
  });
});

describe('findRelativeTime', () => {
  it('reads durations in minutes', () => {
    expect(findRelativeTime('Next update in 30 minutes.')).toEqual({
      start: 12,
      end: 25,
      minutes: 30,
      preposition: 'in',
    });
    expect(findRelativeTime('within the hour')?.minutes).toBe(60);
    expect(findRelativeTime('in half an hour')?.minutes).toBe(30);
    expect(findRelativeTime('at 10:00 UTC')).toBeUndefined();
  });
});
