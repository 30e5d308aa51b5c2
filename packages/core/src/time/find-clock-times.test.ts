import { describe, expect, it } from 'vitest';
import { findClockTimes, findDayWord } from './find-clock-times';

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

  it.each([
    ['2.30pm GMT', 14, 30, 'GMT', '12h'],
    ['2:30 p.m. ET', 14, 30, 'ET', '12h'],
    ['14:30', 14, 30, undefined, '24h'],
    ['14.30 BST', 14, 30, 'BST', '24h'],
    ['12:15 AM', 0, 15, undefined, '12h'],
    ['12:15 PM', 12, 15, undefined, '12h'],
    ['noon NZST', 12, 0, 'NZST', 'word'],
    ['midnight UTC', 0, 0, 'UTC', 'word'],
    ['08:15 SAST', 8, 15, 'SAST', '24h'],
    ['1:30 AM (EST)', 1, 30, 'EST', '12h'],
  ])('reads "%s" as %i:%i with label %s (%s)', (text, hour, minute, label, style) => {
    expect(findClockTimes(`Next update by ${text}.`)).toMatchObject([
      { hour, minute, zoneLabel: label, style },
    ]);
  });

  it.each([
    ['14:45 UTC+5:45', 345],
    ['11:35 UTC-3', -180],
    ['11:35 UTC−3', -180],
    ['11:35 UTC-03:00', -180],
    ['08:15 GMT+2', 120],
    ['9:30 PM UTC-3:30', -210],
    ['14:30 UTC', 0],
  ])('reads the offset in "%s" as an offset (%i minutes), never as a second clock time', (text, offset) => {
    const found = findClockTimes(`Next update by ${text}.`);
    expect(found).toHaveLength(1);
    expect(found[0]?.offsetMinutes).toBe(offset);
    expect(found[0]?.text).toBe(text);
  });

  it('does not read bare numbers, versions, placeholders, HTTP codes or percentages as times', () => {
    expect(
      findClockTimes('HTTP 503 errors for 12% of 2000 requests in 30 minutes; next update XX:XX UTC.'),
    ).toEqual([]);
    expect(findClockTimes('We rolled back to version 2.30 today.')).toEqual([]);
  });

  it('keeps the day written with a time', () => {
    expect(findClockTimes('Next update by tomorrow 00:15 CET.')[0]?.day).toMatchObject({ daysAhead: 1 });
    expect(findClockTimes('Next update by 10:30 AM ET tomorrow.')[0]?.day).toMatchObject({ daysAhead: 1 });
    expect(findClockTimes('Next update Wednesday 9:00 AM ET.')[0]?.day).toMatchObject({ weekday: 3 });
    expect(findClockTimes('Next update by Wed 4 Mar 2027, 00:15 CET.')[0]?.day).toMatchObject({
      date: { year: 2027, month: 3, day: 4 },
    });
    expect(findClockTimes('Next update by Wed, Mar 4, 12:15 AM ET.')[0]?.day?.date).toEqual({
      month: 3,
      day: 4,
    });
    expect(findClockTimes('Next update tomorrow, by 10:30 AM ET.')[0]?.day).toMatchObject({ daysAhead: 1 });
  });
});

describe('findDayWord', () => {
  it('finds a day with or without a time', () => {
    expect(findDayWord('Next update by 10:30 AM ET tomorrow.')?.daysAhead).toBe(1);
    expect(findDayWord('Next update Wednesday 9:00 AM ET.')?.weekday).toBe(3);
    expect(findDayWord('at 9:00 AM ET')).toBeUndefined();
  });
});
