import { describe, it } from 'vitest';
import { RuleTester } from '../rule-tester';
import { nextUpdateTime } from './next-update-time';

const t = new RuleTester({ describe, it, context: { kind: 'update', audience: 'customer' } });
const eastern = {
  now: '2026-03-03T14:15:00Z',
  timeZone: 'America/New_York',
  nextUpdateDue: '2026-03-03T14:30:00Z',
};

t.run(nextUpdateTime, {
  valid: [
    'Sign-in is failing for some customers. Next update by 14:30 UTC.',
    'Exports are delayed. We will share another update at 2:30 PM ET.',
    'Checkout fails for some customers; the next update is due at 9:30 a.m. ET.',
    { text: 'Payments are failing. Next update by 9:30 AM ET.', context: eastern },
    { text: 'Payments are failing. Next update at 14:30 UTC.', context: { ...eastern, timeZone: 'UTC' } },
    {
      text: 'Payments are failing. Next update at 14:30 GMT.',
      context: { ...eastern, timeZone: 'Europe/London' },
    },
    { text: 'Checkout is working again for everyone.', context: { kind: 'resolved' } },
    { text: 'Payments failing since 9:10 ET. Next update 9:45 AM ET.', context: { audience: 'internal' } },
    // A time in an unrelated sentence does not count as, or get checked as, the next update.
    { text: 'Since 09:00 UTC uploads fail. Next update at 9:30 AM ET.', context: eastern },
  ],
  invalid: [
    { text: 'Search is down for some customers. Engineers are on it.', errors: [{ severity: 'error' }] },
    {
      text: 'Login fails. We will keep you posted.',
      errors: [{ severity: 'error', text: 'We will keep you posted.' }],
    },
    {
      text: 'Login fails. Updates will follow as soon as possible.',
      errors: [{ text: 'as soon as possible' }],
    },
    { text: 'Login fails. Stay tuned for more updates.', errors: 1 },
    {
      name: 'relative time becomes the clock time',
      text: 'Uploads fail for some customers. Next update in 30 minutes.',
      context: { now: '2026-05-12T10:00:00Z', timeZone: 'UTC' },
      errors: [{ severity: 'warning', text: 'in 30 minutes' }],
      output: 'Uploads fail for some customers. Next update at 10:30 UTC.',
    },
    {
      name: 'relative time in a US zone uses 12-hour time',
      text: 'Uploads fail. We will post another update within the hour.',
      context: { now: '2026-03-03T14:15:00Z', timeZone: 'America/Chicago' },
      errors: 0 + 1,
      output: 'Uploads fail. We will post another update by 9:15 AM CT.',
    },
    {
      name: 'time differs from the schedule',
      text: 'Payments fail. Next update by 9:45 AM ET.',
      context: eastern,
      errors: [{ severity: 'error', text: '9:45 AM ET' }],
      output: 'Payments fail. Next update by 9:30 AM ET.',
    },
    {
      name: 'time already passed',
      text: 'Payments fail. Next update by 9:00 AM ET.',
      context: { now: '2026-03-03T14:15:00Z', timeZone: 'America/New_York' },
      errors: [{ severity: 'error', message: /already passed/ }],
      output: null,
    },
    {
      name: 'no zone label',
      text: 'Payments fail. Next update at 9:30.',
      context: { now: '2026-03-03T14:15:00Z', timeZone: 'America/New_York' },
      errors: [{ severity: 'warning', text: '9:30' }],
      output: 'Payments fail. Next update at 9:30 ET.',
    },
    {
      name: 'zone the audience does not read',
      text: 'Payments fail. Next update at 14:30 UTC.',
      context: eastern,
      errors: [{ severity: 'warning', message: /reads ET/ }],
      output: 'Payments fail. Next update at 9:30 AM ET.',
    },
    {
      name: 'configured level wins over the rule severity',
      text: 'Payments fail. Next update at 9:30.',
      context: { config: { rules: { 'next-update-time': 'error' } } },
      errors: [{ severity: 'error' }],
    },
  ],
});
