import { describe, expect, it } from 'vitest';
import { findClockTimes, findDayWord, resolveWrittenClockTime } from '../../time/index';
import { applyFixes, lintMessage } from '../lint-message';
import { RuleTester } from '../rule-tester';
import type { LintContext } from '../types';
import { nextUpdateTime } from './next-update-time';

// 7 PM ET on Tuesday 2026-03-03 is midnight UTC on Wednesday.
const evening = { now: '2026-03-04T00:00:00Z', timeZone: 'America/New_York' } as const;
// The overnight schedule: 10:30 AM ET on Wednesday.
const overnight = { ...evening, nextUpdateDue: '2026-03-04T15:30:00Z' } as const;

const t = new RuleTester({ describe, it, context: { kind: 'update', audience: 'customer' } });

t.run(nextUpdateTime, {
  valid: [
    // Next-morning times were reported "already passed" at 7 PM.
    {
      name: 'tomorrow after the time',
      text: 'Exports fail. Next update by 10:30 AM ET tomorrow.',
      context: evening,
    },
    {
      name: 'tomorrow before the time',
      text: 'Exports fail. Next update tomorrow at 10:30 AM ET.',
      context: evening,
    },
    {
      name: 'a morning time at night is tomorrow',
      text: 'Exports fail. Next update by 10:30 AM ET.',
      context: evening,
    },
    {
      name: 'tomorrow, on schedule',
      text: 'Exports fail. Next update by 10:30 AM ET tomorrow.',
      context: overnight,
    },
    {
      name: 'tomorrow first, on schedule',
      text: 'Exports fail. Next update tomorrow at 10:30 AM ET.',
      context: overnight,
    },
    {
      name: 'no day word, on schedule',
      text: 'Exports fail. Next update by 10:30 AM ET.',
      context: overnight,
    },
    { name: 'weekday name', text: 'Exports fail. Next update Wednesday 10:30 AM ET.', context: overnight },
    {
      name: 'weekday name, lower case',
      text: 'Exports fail. Next update on wednesday at 10:30 AM ET.',
      context: evening,
    },
    { name: 'tonight', text: 'Exports fail. Next update tonight at 9:00 PM ET.', context: evening },
  ],
  invalid: [
    {
      name: 'a time that passed minutes ago is still in the past',
      text: 'Payments fail. Next update by 9:00 AM ET.',
      context: { now: '2026-03-03T14:15:00Z', timeZone: 'America/New_York' },
      errors: [{ severity: 'error', message: /already passed.*tomorrow/ }],
      output: null,
    },
    {
      name: 'an explicit "today" that passed',
      text: 'Exports fail. Next update by 10:30 AM ET today.',
      context: evening,
      errors: [{ severity: 'error', message: /10:30 AM ET today has already passed/ }],
      output: null,
    },
    {
      name: "today's weekday name, passed",
      text: 'Exports fail. Next update Tuesday 9:00 AM ET.',
      context: { now: '2026-03-03T14:15:00Z', timeZone: 'America/New_York' },
      errors: [{ message: /already passed/ }],
      output: null,
    },
    {
      name: 'tomorrow, off schedule: the time is corrected',
      text: 'Exports fail. Next update by 11:00 AM ET tomorrow.',
      context: overnight,
      errors: [
        {
          message:
            'The next update is scheduled for tomorrow 10:30 AM ET, not 11:00 AM ET tomorrow; use the scheduled time.',
        },
      ],
      output: 'Exports fail. Next update by tomorrow 10:30 AM ET.',
    },
    {
      name: 'today named, due tomorrow: no fix that would leave "today"',
      text: 'Exports fail. Next update today by 10:30 AM ET.',
      context: overnight,
      errors: [{ message: /scheduled for tomorrow 10:30 AM ET/ }],
      output: null,
    },
    {
      name: 'off schedule without a day word: the fix names the day',
      text: 'Exports fail. Next update by 11:00 AM ET.',
      context: overnight,
      errors: [{ message: /scheduled for tomorrow 10:30 AM ET/ }],
      output: 'Exports fail. Next update by tomorrow 10:30 AM ET.',
    },
    {
      name: 'a weekday written with the time is corrected with it',
      text: 'Exports fail. Next update Thursday 10:30 AM ET.',
      context: overnight,
      errors: [{ message: /scheduled for tomorrow 10:30 AM ET/ }],
      output: 'Exports fail. Next update tomorrow 10:30 AM ET.',
    },
  ],
});

const lint = (text: string, context: Omit<LintContext, 'kind' | 'audience'>) =>
  lintMessage(text, { kind: 'update', audience: 'customer', ...context }).filter(
    (d) => d.ruleId === 'next-update-time',
  );

describe('next-update times across midnight in several zones', () => {
  // Local 23:30 the evening before, and the UTC instants of 00:30 and 09:00 the next local day.
  const zones = [
    {
      zone: 'Asia/Tokyo',
      label: 'JST',
      now: '2026-05-12T14:30:00Z',
      half: '2026-05-12T15:30:00Z',
      nine: '2026-05-13T00:00:00Z',
    },
    {
      zone: 'Europe/Berlin',
      label: 'CEST',
      now: '2026-05-12T21:30:00Z',
      half: '2026-05-12T22:30:00Z',
      nine: '2026-05-13T07:00:00Z',
    },
    {
      zone: 'America/Los_Angeles',
      label: 'PT',
      now: '2026-05-13T06:30:00Z',
      half: '2026-05-13T07:30:00Z',
      nine: '2026-05-13T16:00:00Z',
    },
    {
      zone: 'Australia/Sydney',
      label: 'AEST',
      now: '2026-05-12T13:30:00Z',
      half: '2026-05-12T14:30:00Z',
      nine: '2026-05-12T23:00:00Z',
    },
    {
      zone: 'UTC',
      label: 'UTC',
      now: '2026-05-12T23:30:00Z',
      half: '2026-05-13T00:30:00Z',
      nine: '2026-05-13T09:00:00Z',
    },
  ];

  it.each(zones)(
    '$zone: 00:30 and "tomorrow 09:00" at 23:30 are the next local day',
    ({ zone, label, now, half, nine }) => {
      const base = { now, timeZone: zone };
      expect(lint(`Uploads fail. Next update by 00:30 ${label}.`, base)).toEqual([]);
      expect(lint(`Uploads fail. Next update by 00:30 ${label}.`, { ...base, nextUpdateDue: half })).toEqual(
        [],
      );
      expect(
        lint(`Uploads fail. Next update tomorrow at 09:00 ${label}.`, { ...base, nextUpdateDue: nine }),
      ).toEqual([]);
      // An hour after midnight, "tomorrow" is the day after.
      const later = new Date(Date.parse(now) + 2 * 3_600_000).toISOString();
      const [mention] = findClockTimes(`tomorrow 09:00 ${label}`);
      const dayAfter = resolveWrittenClockTime(mention!, { now: new Date(later), timeZone: zone });
      expect(dayAfter?.toISOString()).toBe(new Date(Date.parse(nine) + 86_400_000).toISOString());
    },
  );
});

describe('next-update times across a daylight-saving change', () => {
  it('New York springs forward: 10:30 AM ET tomorrow is 14:30 UTC, not 15:30', () => {
    // Saturday 2026-03-07 7 PM EST; Sunday 10:30 AM is EDT (UTC-4).
    const base = { now: '2026-03-08T00:00:00Z', timeZone: 'America/New_York' };
    expect(
      lint('Exports fail. Next update by 10:30 AM ET tomorrow.', {
        ...base,
        nextUpdateDue: '2026-03-08T14:30:00Z',
      }),
    ).toEqual([]);
    const off = lint('Exports fail. Next update by 10:30 AM ET tomorrow.', {
      ...base,
      nextUpdateDue: '2026-03-08T15:30:00Z',
    });
    expect(off.map((d) => d.message)).toEqual([expect.stringMatching(/scheduled for tomorrow 11:30 AM ET/)]);
  });

  it('a time without a day read as its next occurrence crosses the change', () => {
    const [nine] = findClockTimes('9:00 AM ET');
    // Saturday 11 PM EST -> Sunday 9:00 AM EDT.
    expect(resolveWrittenClockTime(nine!, { now: new Date('2026-03-08T04:00:00Z') })?.toISOString()).toBe(
      '2026-03-08T13:00:00.000Z',
    );
  });

  it('Berlin falls back: "tomorrow 09:00 CET" is 08:00 UTC, not 07:00', () => {
    // Saturday 2026-10-24 22:00 CEST (20:00Z); Sunday 09:00 is CET (UTC+1).
    const base = { now: '2026-10-24T20:00:00Z', timeZone: 'Europe/Berlin' };
    expect(
      lint('Exports fail. Next update tomorrow at 09:00 CET.', {
        ...base,
        nextUpdateDue: '2026-10-25T08:00:00Z',
      }),
    ).toEqual([]);
  });

  it('a relative-time fix that lands on the next day says so', () => {
    const text = 'Exports fail. Next update in 30 minutes.';
    const context = {
      kind: 'update',
      audience: 'customer',
      now: '2026-03-04T04:45:00Z',
      timeZone: 'America/New_York',
    } as const;
    expect(applyFixes(text, lintMessage(text, context))).toBe(
      'Exports fail. Next update by tomorrow 12:15 AM ET.',
    );
    expect(lintMessage('Exports fail. Next update by tomorrow 12:15 AM ET.', context)).toEqual([]);
  });
});

describe('findDayWord', () => {
  it('reads today, tonight, tomorrow and weekday names', () => {
    expect(findDayWord('by 9 PM tonight')?.daysAhead).toBe(0);
    expect(findDayWord('Tomorrow at 9:00')?.daysAhead).toBe(1);
    expect(findDayWord('on Wednesday at 9:00')?.weekday).toBe(3);
    expect(findDayWord('at 9:00 AM ET')).toBeUndefined();
  });
});
