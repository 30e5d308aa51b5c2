/**
 * Well-written updates of the kind real status pages publish must get no errors: an error on
 * a good update costs the linter its users' trust. Written in our own words.
 */
import { describe, expect, it } from 'vitest';
import { lintMessage } from './lint-message';
import type { LintContext } from './types';

const update: LintContext = { kind: 'update', audience: 'customer', facts: { scope: 'some' } };

const GOOD: readonly (readonly [string, LintContext])[] = [
  [
    "Some API requests in the EU region fail with an error; we're investigating. Next update in 30 minutes.",
    { kind: 'initial', audience: 'customer' },
  ],
  ['A fix has been implemented and we are monitoring the results. Next update at 16:00 UTC.', update],
  ['We have identified the cause and are working on a fix. Next update at 12:30 UTC.', update],
  [
    'Some customers cannot log in to the dashboard with single sign-on. Password sign-in still works. Our engineers are working on it now. Next update by 10:15 AM ET.',
    { kind: 'initial', audience: 'customer', facts: { scope: 'some' } },
  ],
  [
    'Webhook deliveries are delayed by up to 20 minutes for some customers. No events have been dropped; they will arrive late. We are adding capacity to the delivery workers. Next update at 14:45 UTC.',
    update,
  ],
  [
    'Card payments through our checkout are failing for many customers in North America. If a payment failed, you were not charged. Engineers are rolling back a change made this morning. Next update by 3:00 PM ET.',
    { kind: 'update', audience: 'customer', facts: { scope: 'many' } },
  ],
  [
    'You can keep working: exports from the reporting page still complete, they just take longer than usual. The team is working on it. We will post the next update at 09:30 UTC.',
    { kind: 'workaround', audience: 'customer', facts: { scope: 'some', workaround: true } },
  ],
  [
    'Search has been working normally since 11:40 UTC. Between 10:05 and 11:40 UTC some searches returned no results. You do not need to do anything. We will publish a short incident report within two working days.',
    { kind: 'resolved', audience: 'customer', facts: { scope: 'some', recoveryConfirmed: true } },
  ],
  [
    'Thanks for flagging this. Uploads over 100 MB are failing for some customers right now, and our engineers are on it. Smaller files upload normally. I will send you the next update by 2:30 PM PT.',
    { kind: 'update', audience: 'support-reply', facts: { scope: 'some' }, timeZone: 'America/Los_Angeles' },
  ],
  [
    'Quick heads-up before our call: sign-in to the mobile app is failing for some users this afternoon. The team is working on it and the next update is due at 4:00 PM ET. I will share it with you as soon as it is out.',
    { kind: 'initial', audience: 'sales-active-deal', facts: { scope: 'some' } },
  ],
  [
    'We are seeing slow page loads on the admin console for some customers; pages take 10 to 20 seconds to open. We have not confirmed the cause yet. Next update at 18:00 UTC.',
    update,
  ],
  [
    'Email notifications stopped sending at 08:50 UTC for all customers. Messages are queued, not lost, and will go out once sending resumes. Next update at 09:30 UTC.',
    { kind: 'update', audience: 'customer', facts: { scope: 'all' } },
  ],
  [
    'Status v4: checkout failing for some customers since 09:10 ET; workaround is PayPal. Cause not confirmed. Owner of the next update: Priya Nair (backup: Tom Berg). Next customer update 10:00 AM ET.',
    { kind: 'update', audience: 'internal', facts: { scope: 'some', workaround: true } },
  ],
  [
    "Checkout is failing for some customers. This is not related to last month's maintenance, which was completed without issues. Engineers are on it. Next update at 13:15 UTC.",
    update,
  ],
  [
    'Since 14:02 UTC, about 5% of requests to the Payments API return HTTP 503 errors. Retrying the request usually succeeds. We are failing traffic over to a second cluster. Next update at 14:45 UTC.',
    update,
  ],
];

describe('well-written updates get no errors', () => {
  for (const [text, context] of GOOD) {
    it(text.slice(0, 60), () => {
      const errors = lintMessage(text, context).filter((d) => d.severity === 'error');
      expect(errors.map((d) => `${d.ruleId}: ${text.slice(d.start, d.end)}`)).toEqual([]);
    });
  }

  it('treats a relative next-update time in a good first update as a warning, not an error', () => {
    const text =
      "Some API requests in the EU region fail with an error; we're investigating. Next update in 30 minutes.";
    const ds = lintMessage(text, { kind: 'initial', audience: 'customer' });
    expect(ds.map((d) => [d.ruleId, d.severity])).toEqual([['next-update-time', 'warning']]);
  });
});
