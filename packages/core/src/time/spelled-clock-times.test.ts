import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintMessage } from '../lint/lint-message';
import { findClockTimes } from './find-clock-times';
import { readClockTime } from './read-clock-time';
import { findSpelledClockTimes } from './spelled-clock-times';

// An independent writer of clock times in words, the ways people write them.
const HOUR_NAMES = 'twelve one two three four five six seven eight nine ten eleven'.split(' ');
const MINUTE_NAMES: Record<number, string> = {
  5: 'five',
  10: 'ten',
  15: 'a quarter',
  20: 'twenty',
  25: 'twenty-five',
  30: 'half',
};
const FIVES: Record<number, string> = { 15: 'fifteen', 30: 'thirty', 45: 'forty-five' };
const hourName = (h: number) => HOUR_NAMES[h % 12]!;

/** Every way this writer spells `hour:minute` (hour 0-23), without AM/PM. */
function spellings(hour: number, minute: number): string[] {
  const out: string[] = [];
  if (minute === 0) out.push(`${hourName(hour)} o'clock`);
  if (MINUTE_NAMES[minute]) out.push(`${MINUTE_NAMES[minute]} past ${hourName(hour)}`);
  if (minute === 30) out.push(`half ${hourName(hour)}`);
  if (MINUTE_NAMES[60 - minute] && minute > 30)
    out.push(`${MINUTE_NAMES[60 - minute]} to ${hourName(hour + 1)}`);
  if (FIVES[minute]) out.push(`${hourName(hour)} ${FIVES[minute]}`);
  return out;
}

const clockTimes = fc.record({
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.constantFrom(0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55),
});

describe('clock times in words', () => {
  it('property: every spelling reads back as its hour (either half of the day) and minute', () => {
    fc.assert(
      fc.property(clockTimes, ({ hour, minute }) => {
        for (const words of spellings(hour, minute)) {
          const [found] = findSpelledClockTimes(`Next update at ${words}.`);
          expect(found, words).toMatchObject({ hour: hour % 12, minute, meridiem: false });
        }
      }),
    );
  });

  it('property: with AM/PM the hour is on the 24-hour clock', () => {
    fc.assert(
      fc.property(clockTimes, fc.constantFrom('am', 'pm', 'a.m.', 'p.m.', 'PM'), ({ hour, minute }, mark) => {
        const pm = mark.toLowerCase().startsWith('p');
        // AM/PM after "five to twelve" belongs to twelve (midnight or noon): tested apart below.
        const plain = spellings(hour, minute).filter((w) => !w.includes("o'clock") && !w.includes(' to '));
        for (const words of plain) {
          const [found] = findSpelledClockTimes(`by ${words} ${mark} today`);
          expect(found, `${words} ${mark}`).toMatchObject({
            hour: (hour % 12) + (pm ? 12 : 0),
            minute,
            meridiem: true,
          });
        }
      }),
    );
  });

  it('property: read against a due time, the half of the day that fits is taken', () => {
    fc.assert(
      fc.property(clockTimes, ({ hour, minute }) => {
        const due = new Date(Date.UTC(2026, 11, 7, hour, minute));
        for (const words of spellings(hour, minute)) {
          const [mention] = findClockTimes(`Next update at ${words} UTC.`);
          expect(mention?.zoneLabel).toBe('UTC');
          expect(readClockTime(mention!, { due, timeZone: 'UTC' })?.at.toISOString(), words).toBe(
            due.toISOString(),
          );
        }
      }),
    );
  });

  it('AM/PM, noon and midnight name the hour counted from', () => {
    const read = (text: string) => findClockTimes(text).map((c) => [c.hour, c.minute, c.eitherHalf === true]);
    expect(read('by quarter to twelve pm')).toEqual([[11, 45, false]]);
    expect(read('by quarter to 12pm')).toEqual([[11, 45, false]]);
    expect(read('by quarter past 4pm UTC')).toEqual([[16, 15, false]]);
    expect(read('by quarter to midnight')).toEqual([[23, 45, false]]);
    expect(read('by half past noon')).toEqual([[12, 30, false]]);
    expect(read('by four thirty this afternoon')).toEqual([[16, 30, false]]);
    expect(read('by ten at night')).toEqual([[22, 0, false]]);
    expect(read('by four oh five')).toEqual([[4, 5, true]]);
  });

  it('without a due time, the next occurrence after now', () => {
    const [mention] = findClockTimes('back by half past four');
    const now = new Date('2026-12-07T14:00:00Z');
    expect(readClockTime(mention!, { now, timeZone: 'UTC' })?.at.toISOString()).toBe(
      '2026-12-07T16:30:00.000Z',
    );
    const morning = new Date('2026-12-07T03:00:00Z');
    expect(readClockTime(mention!, { now: morning, timeZone: 'UTC' })?.at.toISOString()).toBe(
      '2026-12-07T04:30:00.000Z',
    );
  });

  it('leaves counts, durations and longer words alone', () => {
    for (const text of [
      'We saw five to ten failed logins per minute.',
      'Five of six regions are back online.',
      'We had three thirty minute outages this month.',
      'Steps five to ten in the guide.',
      'We scaled from four to eight workers.',
      'Half of one region is still affected.',
      'ten to fifteen percent of requests failed',
      'we locked the account for five minutes',
      'one thirty-day trial',
      'half past 17',
      'quarter to 50 percent',
      'in about four hours',
    ])
      expect(findSpelledClockTimes(text).map((t) => text.slice(t.start, t.end))).toEqual([]);
  });

  it('the linter reads a spelled next update time against the schedule, both ways', () => {
    const context = {
      kind: 'update' as const,
      audience: 'customer' as const,
      now: '2026-12-07T14:00:00.000Z',
      timeZone: 'UTC',
    };
    const due = '2026-12-07T16:30:00.000Z';
    const ids = (text: string, nextUpdateDue: string) =>
      lintMessage(`Card payments are failing for some customers. ${text}`, { ...context, nextUpdateDue })
        .map((d) => d.ruleId)
        .filter((id) => id === 'next-update-time');
    expect(ids('Next update at half past four UTC.', due)).toEqual([]);
    expect(ids('Next update at four thirty PM UTC.', due)).toEqual([]);
    expect(ids('Next update at a quarter to five UTC.', due)).toEqual(['next-update-time']);
    expect(ids('Next update at half past five UTC.', due)).toEqual(['next-update-time']);
  });

  it('an approved fix time restated in words is the approved time', () => {
    const context = {
      kind: 'update' as const,
      audience: 'customer' as const,
      now: '2026-12-07T14:00:00.000Z',
      nextUpdateDue: '2026-12-07T15:00:00.000Z',
      timeZone: 'UTC',
      facts: { approvedFixTime: '2026-12-07T16:30:00.000Z' },
    };
    const promises = (text: string) =>
      lintMessage(`Card payments are failing for some customers. ${text} Next update at 15:00 UTC.`, context)
        .filter((d) => d.ruleId === 'no-fix-time-promise')
        .map((d) => d.ruleId);
    expect(promises('We expect a fix by half past four.')).toEqual([]);
    expect(promises('We expect a fix by four thirty pm.')).toEqual([]);
    expect(promises('We expect a fix by half past five.')).toEqual(['no-fix-time-promise']);
  });
});
