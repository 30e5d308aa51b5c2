import { describe, expect, it } from 'vitest';
import { lintMessage } from '../lint-message';
import { RuleTester } from '../rule-tester';
import type { LintContext } from '../types';
import { noCauseSpeculation } from './no-cause-speculation';

const update: LintContext = { kind: 'update', audience: 'customer' };
const t = new RuleTester({ describe, it, context: { facts: { scope: 'some' } } });

t.run(noCauseSpeculation, {
  valid: [
    'We have not confirmed the cause yet and will not guess.',
    'We do not yet know what caused this.',
    'We have identified the cause and are working on a fix.',
    'The cause is not known yet.',
    'Some customers may see failed payments at checkout.',
    'Orders might fail if you retry more than once.',
    'Unknown: whether the provider or our app is at fault.',
    'A customer asked "is this probably a DNS problem?" and we said we do not know yet.',
    'This is not related to a security issue.',
    'Sign-in through your identity provider is failing for some customers.',
    {
      text: 'Exports are delayed because a database upgrade took longer than planned.',
      context: { facts: { causeConfirmed: true } },
    },
    {
      text: 'The cause is an expired certificate on our edge servers.',
      context: { facts: { causeConfirmed: true } },
    },
  ],
  invalid: [
    { text: 'This is probably a network problem at our hosting provider.', errors: [{ text: 'probably' }] },
    { text: 'It looks like a bad deploy caused the errors.', errors: 1 },
    { text: 'We believe the database is overloaded.', errors: [{ text: 'We believe' }] },
    { text: 'We suspect a DNS issue.', errors: [{ text: 'We suspect' }] },
    { text: 'The outage might be related to yesterday’s maintenance.', errors: 1 },
    { text: 'Invoices are late due to a backlog in the billing queue.', errors: [{ text: 'due to' }] },
    { text: 'Checkout fails because our payment vendor changed its API.', errors: [{ text: 'because' }] },
    { text: 'The root cause is a misconfigured load balancer.', errors: 1 },
    { text: 'Our cloud provider is experiencing an outage, so uploads fail.', errors: 1 },
    { text: 'Uploads fail because of a third-party outage.', errors: 1 },
    {
      name: 'extra phrases from the runbook',
      text: 'Our hunch is the cache.',
      context: { config: { phrases: { 'no-cause-speculation': ['our hunch'] } } },
      errors: [{ text: 'Our hunch' }],
    },
  ],
});

// Kinds of cause talk, each with phrasings written for this table (not taken from the corpus).
// `flagged` must report while the cause is unconfirmed; `clean` must stay silent.
const KINDS: Record<string, { flagged: string[]; clean: string[] }> = {
  'a hedge about who is affected is not a guessed cause': {
    flagged: ['Uploads may be failing because of our storage vendor.'],
    clean: [
      'Some members may be experiencing slow uploads.',
      'You might be affected if you signed in after 9 AM ET.',
      'This could be preventing some customers from paying.',
      'Customers in Spain may be unable to top up their cards.',
      'We are checking the database servers, and your order might be late.',
      'There is a problem with the update screen on Android; we have not found the cause yet.',
    ],
  },
  'a connective whose object is only the incident names no cause': {
    flagged: [
      'Transfers are late because of a failed storage upgrade.',
      'Due to a power cut at the data centre, the app is offline.',
    ],
    clean: [
      'Because of a technical problem, some transfers are delayed.',
      'Our phone lines are busy as a result of the outage.',
      'Due to this incident, replies to tickets are slower than usual.',
      'Orders are held due to an issue with the checkout page.',
      'Due to planned maintenance, the portal is closed tonight.',
      'Due to high call volumes, our phone lines are busy.',
    ],
  },
  'a cause stated in the active voice': {
    flagged: [
      'A faulty router caused the outage for card payments.',
      'The config change triggered these errors at checkout.',
      'A storage failure took down checkout for an hour.',
      'Our provider Stripe caused it.',
      'A bad certificate brought down the app this morning.',
    ],
    clean: [
      'We do not know yet what caused the outage; card payments fail at checkout.',
      'We are still working out which change caused it; card payments fail.',
      'Engineers are checking whatever triggered the alerts; sign-in is slow.',
    ],
  },
  'a cause called provisional or hedged': {
    flagged: [
      'The suspected cause is a full disk on one server.',
      'Initial root cause: a cache setting was changed.',
      'We have found a possible database problem.',
      'It was probably human error.',
    ],
    clean: [
      'We are investigating possible causes.',
      'Engineers are still working to determine the root cause.',
    ],
  },
  'a fault located by the investigation': {
    flagged: [
      'We have narrowed the issue down to one storage cluster.',
      'Our investigation points to a certificate change.',
      'We tracked the errors to a faulty switch.',
    ],
    clean: ['We are still investigating what is behind the errors.'],
  },
  'load blamed as the cause': {
    flagged: [
      'Traffic from the launch overwhelmed our sign-up servers.',
      'Demand for tickets exceeded what the site could handle.',
      'The sale generated so much traffic that pages stopped loading.',
    ],
    clean: ['Ticket pages load slowly for some customers.'],
  },
  "a support reply inferring what caused a customer's problem": {
    flagged: [
      'It must have been the payment provider’s fault.',
      'Seems like this was a short outage of the maps service.',
      'We were upgrading the search cluster, so there may have been some errors.',
      'Maybe a glitch on the server; please try again.',
      'I believe this is linked to the delays earlier today.',
      'There was a problem with our latest update, and we are fixing it.',
    ],
    clean: ['Does the problem still happen for you? We have not found the cause yet.'],
  },
  'a provider blamed, even behind a relative clause': {
    flagged: [
      'A partner that handles our card payments is having an outage.',
      'The provider we use for text messages is experiencing problems.',
      'Logins are failing once again because of a provider outage.',
    ],
    clean: [
      'Card payments through our partner are failing for some customers.',
      'Our email provider has confirmed an outage on their side; invoices are queued.',
      'Our payment partner is reporting a card network failure.',
    ],
  },
};

describe('no-cause-speculation by kind', () => {
  for (const [kind, { flagged, clean }] of Object.entries(KINDS)) {
    describe(kind, () => {
      it.each(flagged)('flags: %s', (text) =>
        expect(lintMessage(text, update).some((d) => d.ruleId === 'no-cause-speculation')).toBe(true),
      );
      it.each(clean)('leaves clean: %s', (text) =>
        expect(lintMessage(text, update).some((d) => d.ruleId === 'no-cause-speculation')).toBe(false),
      );
      it.each(flagged)('is silent once the cause is confirmed: %s', (text) =>
        expect(
          lintMessage(text, { ...update, facts: { causeConfirmed: true } }).some(
            (d) => d.ruleId === 'no-cause-speculation',
          ),
        ).toBe(false),
      );
    });
  }
});
