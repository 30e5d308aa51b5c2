import { describe, expect, it } from 'vitest';
import { TimeZoneInvalidError } from './errors';
import { offsetMinutesAt } from './time-zone';
import { offsetLabel, zoneLabel } from './zone-label';
import { LABEL_MEANINGS } from './zone-names';

const WINTER = '2026-01-15T12:00:00Z';
const SUMMER = '2026-07-15T12:00:00Z';

describe('zoneLabel', () => {
  it.each([
    ['America/New_York', 'ET', 'ET', 'EST', 'EDT'],
    ['America/Chicago', 'CT', 'CT', 'CST', 'CDT'],
    ['America/Denver', 'MT', 'MT', 'MST', 'MDT'],
    ['America/Phoenix', 'MST', 'MST', 'MST', 'MST'],
    ['America/Los_Angeles', 'PT', 'PT', 'PST', 'PDT'],
    ['America/Anchorage', 'AKT', 'AKT', 'AKST', 'AKDT'],
    ['Pacific/Honolulu', 'HST', 'HST', 'HST', 'HST'],
  ])('%s: generic %s/%s, specific %s/%s', (zone, genericWinter, genericSummer, winter, summer) => {
    expect(zoneLabel(WINTER, zone)).toBe(genericWinter);
    expect(zoneLabel(SUMMER, zone)).toBe(genericSummer);
    expect(zoneLabel(WINTER, zone, { label: 'specific' })).toBe(winter);
    expect(zoneLabel(SUMMER, zone, { label: 'specific' })).toBe(summer);
  });

  it.each([
    ['UTC', 'UTC', 'UTC'],
    ['Europe/Berlin', 'CET', 'CEST'],
    ['Europe/London', 'GMT', 'BST'],
    ['Europe/Lisbon', 'WET', 'WEST'],
    ['Europe/Helsinki', 'EET', 'EEST'],
    ['Asia/Kolkata', 'IST', 'IST'],
    ['Pacific/Auckland', 'NZDT', 'NZST'],
    ['Australia/Sydney', 'AEDT', 'AEST'],
    ['Asia/Kathmandu', 'UTC+5:45', 'UTC+5:45'],
    ['Asia/Tokyo', 'JST', 'JST'],
    ['America/St_Johns', 'UTC-3:30', 'UTC-2:30'],
    ['America/Sao_Paulo', 'BRT', 'BRT'],
  ])('%s outside the US: %s in January, %s in July', (zone, winter, summer) => {
    expect(zoneLabel(WINTER, zone)).toBe(winter);
    expect(zoneLabel(SUMMER, zone)).toBe(summer);
    // No short generic name exists: asking for one gives the specific label.
    expect(zoneLabel(SUMMER, zone, { label: 'generic' })).toBe(summer);
  });

  it('is always specific in a repeated hour, whatever was asked', () => {
    expect(zoneLabel('2026-11-01T05:30:00Z', 'America/New_York', { label: 'generic' })).toBe('EDT');
    expect(zoneLabel('2026-11-01T06:30:00Z', 'America/New_York', { label: 'generic' })).toBe('EST');
    expect(zoneLabel('2026-11-01T08:30:00Z', 'America/Los_Angeles')).toBe('PDT');
    expect(zoneLabel('2026-11-01T09:30:00Z', 'America/Los_Angeles')).toBe('PST');
    expect(zoneLabel('2026-11-01T07:30:00Z', 'America/Los_Angeles')).toBe('PT');
  });

  it('writes, across every IANA zone, only labels the reader knows, at an offset they may mean', () => {
    // Guards the locale order en-US, en-GB, en-IN, en-AU and the conventional table: a label
    // with one meaning must never stand for another offset; IST and CST carry each of theirs.
    const offsetAt = (zone: string, instant: string) => offsetMinutesAt(Date.parse(instant), zone);
    for (const instant of [WINTER, SUMMER]) {
      for (const zone of Intl.supportedValuesOf('timeZone')) {
        for (const kind of ['specific', 'generic'] as const) {
          const label = zoneLabel(instant, zone, { label: kind });
          if (label.startsWith('UTC')) continue;
          const meanings = LABEL_MEANINGS[label];
          expect([zone, label, meanings !== undefined]).toEqual([zone, label, true]);
          const offset = offsetAt(zone, instant);
          const fits = meanings!.some(
            (m) =>
              m.offsetMinutes === offset || (m.zone !== undefined && offsetAt(m.zone, instant) === offset),
          );
          expect([zone, label, fits]).toEqual([zone, label, true]);
        }
      }
    }
  });

  it('rejects a zone that is not an IANA name', () => {
    expect(() => zoneLabel(SUMMER, 'Eastern')).toThrow(TimeZoneInvalidError);
    expect(() => zoneLabel(SUMMER, 'UTC', { label: 'long' as never })).toThrow(/options\.label/);
  });

  it('runs the JSDoc examples', () => {
    expect(zoneLabel('2026-07-01T12:00:00Z', 'America/New_York')).toBe('ET');
    expect(zoneLabel('2026-07-01T12:00:00Z', 'America/New_York', { label: 'specific' })).toBe('EDT');
    expect(zoneLabel('2026-07-01T12:00:00Z', 'Asia/Kathmandu')).toBe('UTC+5:45');
  });
});

describe('offsetLabel', () => {
  it.each([
    [0, 'UTC'],
    [345, 'UTC+5:45'],
    [330, 'UTC+5:30'],
    [-210, 'UTC-3:30'],
    [780, 'UTC+13'],
    [-600, 'UTC-10'],
  ])('%i minutes reads %s', (minutes, expected) => {
    expect(offsetLabel(minutes)).toBe(expected);
  });
});
