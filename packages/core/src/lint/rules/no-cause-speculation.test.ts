import { describe, it } from 'vitest';
import { RuleTester } from '../rule-tester';
import { noCauseSpeculation } from './no-cause-speculation';

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
