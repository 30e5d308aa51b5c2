import { describe, expect, it } from 'vitest';
import { lintMessage } from '../lint/index';
import { findClockTimes } from './find-clock-times';
import { type ClockTimeReference, readClockTime, readUpdateTime } from './read-clock-time';

const read = (text: string, reference: ClockTimeReference) => {
  const [mention] = findClockTimes(text);
  const reading = mention && readClockTime(mention, reference);
  return reading && { at: reading.at.toISOString(), doubt: reading.doubt?.kind };
};
const at = (iso: string) => new Date(iso);
const NEW_YORK = 'America/New_York';
// 00:30 AM EDT on the night New York's clocks go back (06:00Z).
const FALL_BACK_EVE = at('2026-11-01T04:30:00Z');

describe('readClockTime: the label picks the instant', () => {
  it.each([
    ['1:30 AM EDT', NEW_YORK, '2026-11-01T05:30:00.000Z', undefined],
    ['1:30 AM EST', NEW_YORK, '2026-11-01T06:30:00.000Z', undefined],
    ['1:30 AM EDT', 'Europe/Berlin', '2026-11-01T05:30:00.000Z', undefined],
    ['1:30 AM EST', 'Asia/Tokyo', '2026-11-01T06:30:00.000Z', undefined],
    ['1:30 AM EST', undefined, '2026-11-01T06:30:00.000Z', undefined],
    // A generic label in the repeated hour: the first 1:30, in doubt.
    ['1:30 AM ET', NEW_YORK, '2026-11-01T05:30:00.000Z', 'repeated-hour'],
    ['1:30 AM ET', undefined, '2026-11-01T05:30:00.000Z', 'repeated-hour'],
    // Not the repeated hour: no doubt.
    ['2:30 AM ET', NEW_YORK, '2026-11-01T07:30:00.000Z', undefined],
  ])('%s for a reader in %s is %s (%s)', (text, timeZone, expected, doubt) => {
    expect(read(text, { now: FALL_BACK_EVE, timeZone })).toEqual({ at: expected, doubt });
  });

  it('reads a generic label in the repeated hour as the instant due, still in doubt', () => {
    expect(
      read('1:30 AM ET', { now: FALL_BACK_EVE, due: at('2026-11-01T06:30:00Z'), timeZone: NEW_YORK }),
    ).toEqual({
      at: '2026-11-01T06:30:00.000Z',
      doubt: 'repeated-hour',
    });
  });

  const JULY = at('2026-07-15T06:00:00Z');
  it.each([
    // Ambiguous abbreviations: the reader's zone settles them, else the first meaning, in doubt.
    ['14:30 IST', 'Asia/Kolkata', '2026-07-15T09:00:00.000Z', undefined],
    ['14:30 IST', 'Europe/Dublin', '2026-07-15T13:30:00.000Z', undefined],
    ['14:30 IST', 'Asia/Jerusalem', '2026-07-15T11:30:00.000Z', undefined],
    ['14:30 IST', 'America/Chicago', '2026-07-15T09:00:00.000Z', 'ambiguous-label'],
    ['14:30 CST', 'Asia/Shanghai', '2026-07-15T06:30:00.000Z', undefined],
    ['14:30 CST', 'America/Mexico_City', '2026-07-15T20:30:00.000Z', undefined],
    ['14:30 CST', 'Europe/Paris', '2026-07-15T19:30:00.000Z', 'ambiguous-label'],
    // Zones where CLDR prints only an offset.
    ['08:15 SAST', 'America/New_York', '2026-07-15T06:15:00.000Z', undefined],
    ['13:15 NZST', 'Europe/London', '2026-07-15T01:15:00.000Z', undefined],
    ['11:35 BRT', 'Africa/Johannesburg', '2026-07-15T14:35:00.000Z', undefined],
    // Offsets are offsets.
    ['14:45 UTC+5:45', 'Asia/Kathmandu', '2026-07-15T09:00:00.000Z', undefined],
    ['11:35 UTC-3', 'America/Sao_Paulo', '2026-07-15T14:35:00.000Z', undefined],
    // "EST" written in July is read as New York's clock, as people mean it.
    ['10:00 AM EST', 'Europe/Berlin', '2026-07-15T14:00:00.000Z', undefined],
    // UK style.
    ['2.30pm GMT', 'Europe/London', '2026-07-15T14:30:00.000Z', undefined],
    ['noon BST', 'Europe/London', '2026-07-15T11:00:00.000Z', undefined],
  ])('%s for a reader in %s is %s (%s)', (text, timeZone, expected, doubt) => {
    expect(read(text, { now: JULY, timeZone })).toEqual({ at: expected, doubt });
  });

  it('reads a time without a label in the reader zone, and not at all without one', () => {
    expect(read('9:30', { now: JULY, timeZone: NEW_YORK })?.at).toBe('2026-07-15T13:30:00.000Z');
    expect(read('9:30', { now: JULY })).toBeUndefined();
    expect(read('9:30 AM ET', {})).toBeUndefined();
  });

  it('reads the day written with the time on the reader calendar', () => {
    const now = at('2026-03-03T20:00:00Z'); // 21:00 in Berlin on Tuesday
    const berlin = { now, timeZone: 'Europe/Berlin' };
    expect(readUpdateTime('tomorrow 00:15 CET', berlin)?.toISOString()).toBe('2026-03-03T23:15:00.000Z');
    expect(readUpdateTime('Fri 6 Mar, 00:15 CET', berlin)?.toISOString()).toBe('2026-03-05T23:15:00.000Z');
    expect(readUpdateTime('Thursday 09:00 CET', berlin)?.toISOString()).toBe('2026-03-05T08:00:00.000Z');
    expect(readUpdateTime('Wed 3 Mar 2027, 09:00 CET', berlin)?.toISOString()).toBe(
      '2027-03-03T08:00:00.000Z',
    );
  });
});

describe('next-update-time on doubtful labels', () => {
  const lintAt = (text: string, timeZone: string, due: string) =>
    lintMessage(`Checkout fails for some customers. Next update by ${text}.`, {
      kind: 'update',
      audience: 'customer',
      now: FALL_BACK_EVE.toISOString(),
      nextUpdateDue: due,
      timeZone,
    }).filter((d) => d.ruleId === 'next-update-time');

  it('warns on a generic label in the repeated hour, and the fix names the specific one', () => {
    const [second] = lintAt('1:30 AM ET', NEW_YORK, '2026-11-01T06:30:00Z');
    expect(second).toMatchObject({ severity: 'warning', fix: { replacement: '1:30 AM EST' } });
    expect(second?.message).toContain('EST');
    const [first] = lintAt('1:30 AM ET', NEW_YORK, '2026-11-01T05:30:00Z');
    expect(first).toMatchObject({ severity: 'warning', fix: { replacement: '1:30 AM EDT' } });
  });

  it('accepts the specific label of either 1:30, and errs on the other one', () => {
    expect(lintAt('1:30 AM EST', NEW_YORK, '2026-11-01T06:30:00Z')).toEqual([]);
    expect(lintAt('1:30 AM EDT', NEW_YORK, '2026-11-01T05:30:00Z')).toEqual([]);
    const [wrong] = lintAt('1:30 AM EDT', NEW_YORK, '2026-11-01T06:30:00Z');
    expect(wrong).toMatchObject({ severity: 'error', fix: { replacement: '1:30 AM EST' } });
  });

  it('warns on an abbreviation the reader zone does not settle', () => {
    const [ist] = lintAt('11:00 IST', 'America/Chicago', '2026-11-01T05:30:00Z');
    expect(ist).toMatchObject({ severity: 'warning' });
    expect(ist?.message).toMatch(/IST names more than one zone/);
  });
});
