import { describe, it } from 'vitest';
import { RuleTester } from '../rule-tester';
import { scopeAccuracy } from './scope-accuracy';

const t = new RuleTester({ describe, it });
const some = { facts: { scope: 'some' as const } };
const unknown = { facts: { scope: 'unknown' as const } };

t.run(scopeAccuracy, {
  valid: [
    { text: 'Checkout is failing for all customers.', context: { facts: { scope: 'all' } } },
    { text: 'This is not a full outage: card payments fail, other features work.', context: some },
    { text: 'Not all customers are affected.', context: some },
    { text: 'We will email all affected customers once this is over.', context: some },
    { text: 'Only a small group of customers is affected.', context: { facts: { scope: 'few' } } },
    { text: 'We have limited information so far.', context: unknown },
    { text: 'Reports are delayed for some customers.', context: some },
  ],
  invalid: [
    { text: 'We have a full outage.', context: some, errors: [{ text: 'full outage' }] },
    { text: 'Nothing works for anyone right now.', context: some, errors: [{ text: 'Nothing works' }] },
    { text: 'The entire platform is down.', context: some, errors: 1 },
    {
      text: 'Checkout is failing for all customers.',
      context: unknown,
      errors: [{ message: /not confirmed/ }],
    },
    { text: 'Only a small group of customers is affected.', context: unknown, errors: 1 },
    { text: 'The impact is limited to a few accounts.', context: { facts: { scope: 'many' } }, errors: 1 },
    { text: 'This is a minor issue.', context: { facts: { scope: 'all' } }, errors: 1 },
  ],
});
