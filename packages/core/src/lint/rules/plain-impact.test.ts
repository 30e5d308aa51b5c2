import { describe, it } from 'vitest';
import { RuleTester } from '../rule-tester';
import { plainImpact } from './plain-impact';

const t = new RuleTester({ describe, it });

t.run(plainImpact, {
  valid: [
    'Customers cannot sign in to the web app.',
    'Card payments are failing for some customers.',
    'Exports are delayed by about an hour.',
    'Invoices are not being emailed right now.',
    'We have an active issue that stops some card payments at checkout.',
    'Sign-in should work again by 11:00 UTC; customers already signed in are not affected.',
    { text: 'Thanks for waiting.', context: { kind: 'resolved' } },
    { text: 'Rolling back deploy 1234.', context: { audience: 'internal' } },
  ],
  invalid: [
    { text: 'We are aware of a situation affecting some services.', errors: [{ severity: 'error' }] },
    { text: 'We are seeing degraded performance.', errors: [{ severity: 'error' }] },
    { text: 'We are working on the problem.', context: { kind: 'initial' }, errors: [{ severity: 'error' }] },
    {
      name: 'progress-only follow-up is a warning',
      text: 'We have identified the cause and are working on a fix.',
      errors: [{ severity: 'warning' }],
    },
  ],
});
