import { describe, it } from 'vitest';
import { RuleTester } from '../rule-tester';
import { staleFacts } from './stale-facts';

const t = new RuleTester({ describe, it });

t.run(staleFacts, {
  valid: [
    'Checkout fails.',
    { text: 'Checkout fails.', context: { basedOnVersion: 3, facts: { version: 3 } } },
    { text: 'Checkout fails.', context: { basedOnVersion: 3 } },
    { text: 'Checkout fails.', context: { facts: { version: 3 } } },
  ],
  invalid: [
    {
      text: 'Checkout fails.',
      context: { basedOnVersion: 2, facts: { version: 3 } },
      errors: [{ severity: 'error', message: /version 2.*version 3/ }],
    },
  ],
});
