import { describe, it } from 'vitest';
import { RuleTester } from '../rule-tester';
import { ownerNamed } from './owner-named';

const t = new RuleTester({ describe, it, context: { audience: 'internal' } });

t.run(ownerNamed, {
  valid: [
    'Status v3: payments failing. Owner of the next update: Dana Ruiz (backup: Sam Ito).',
    'Checkout failing since 9:10 ET. Comms owner: @dana.',
    'Checkout failing. Dana Ruiz will send the next update at 9:45 AM ET.',
    { text: 'Checkout is failing for some customers.', context: { audience: 'customer' } },
  ],
  invalid: [
    { text: 'Payments failing for some customers since 9:10 ET. Cause unknown.', errors: 1 },
    { text: 'Payments failing. Owner of the next update: tbd.', errors: 1 },
  ],
});
