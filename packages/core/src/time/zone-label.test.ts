import { describe, expect, it } from 'vitest';
import { TimeZoneInvalidError } from './errors';
import { offsetLabel, zoneLabel } from './zone-label';

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
    ['Asia/Kathmandu', 'UTC+05:45', 'UTC+05:45'],
    ['Asia/Tokyo', 'UTC+09:00', 'UTC+09:00'],
    ['America/St_Johns', 'UTC-03:30', 'UTC-02:30'],
    ['America/Sao_Paulo', 'UTC-03:00', 'UTC-03:00'],
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

  it('never names two offsets with one abbreviation at the same moment, across every IANA zone', () => {
    // Guards the locale order en-US, en-GB, en-IN, en-AU: a later locale could bring an
    // abbreviation that an earlier one uses for another offset (IST, CST, AST are classic).
    const offsetAt = (zone: string, instant: string) =>
      new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
        .formatToParts(new Date(instant))
        .find((part) => part.type === 'timeZoneName')?.value;
    for (const instant of [WINTER, SUMMER]) {
      const offsetsByLabel = new Map<string, Set<string | undefined>>();
      for (const zone of Intl.supportedValuesOf('timeZone')) {
        const label = zoneLabel(instant, zone, { label: 'specific' });
        if (label.startsWith('UTC')) continue;
        const offsets = offsetsByLabel.get(label) ?? new Set();
        offsets.add(offsetAt(zone, instant));
        offsetsByLabel.set(label, offsets);
      }
      for (const [label, offsets] of offsetsByLabel) expect([label, offsets.size]).toEqual([label, 1]);
      expect(offsetsByLabel.get('IST')).toEqual(new Set(['GMT+05:30']));
    }
  });

  it('rejects a zone that is not an IANA name', () => {
    expect(() => zoneLabel(SUMMER, 'Eastern')).toThrow(TimeZoneInvalidError);
    expect(() => zoneLabel(SUMMER, 'UTC', { label: 'long' as never })).toThrow(/options\.label/);
  });

  it('runs the JSDoc examples', () => {
    expect(zoneLabel('2026-07-01T12:00:00Z', 'America/New_York')).toBe('ET');
    expect(zoneLabel('2026-07-01T12:00:00Z', 'America/New_York', { label: 'specific' })).toBe('EDT');
    expect(zoneLabel('2026-07-01T12:00:00Z', 'Asia/Kathmandu')).toBe('UTC+05:45');
  });
});

describe('offsetLabel', () => {
  it.each([
    [0, 'UTC'],
    [345, 'UTC+05:45'],
    [330, 'UTC+05:30'],
    [-210, 'UTC-03:30'],
    [780, 'UTC+13:00'],
    [-600, 'UTC-10:00'],
  ])('%i minutes reads %s', (minutes, expected) => {
    expect(offsetLabel(minutes)).toBe(expected);
  });
});
