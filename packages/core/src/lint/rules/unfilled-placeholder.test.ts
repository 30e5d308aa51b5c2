import { describe, it } from 'vitest';
import { RuleTester } from '../rule-tester';
import { unfilledPlaceholder } from './unfilled-placeholder';

const t = new RuleTester({ describe, it });

t.run(unfilledPlaceholder, {
  valid: [
    'Checkout is failing for some customers. Next update at 14:30 UTC.',
    'See [our status page](https://status.example.com) for details.',
    'Footnote [1] applies.',
    'Restart the app if the page stays blank.',
    // Fault: a status heading read as a placeholder ("[Update]" contains "date").
    '[Update] Checkout is failing for some customers. Next update at 14:30 UTC.',
    '[UPDATE] Checkout is failing for some customers.',
    'See the [Timeline] section below.',
  ],
  invalid: [
    {
      text: 'Payments are failing for {{affected_segment}} at checkout.',
      errors: [{ text: '{{affected_segment}}' }],
    },
    {
      text: 'Hi [CUSTOMER NAME], checkout fails. Next update by XX:XX UTC.',
      errors: [{ text: '[CUSTOMER NAME]' }, { text: 'XX:XX' }],
    },
    { text: 'Dear <name>, sign-in fails.', errors: 1 },
    { text: 'Owner: TBD.', errors: [{ text: 'TBD' }] },
    { text: 'Affected region: {region}.', errors: 1 },
    { text: 'Hello [customer first name], thanks for waiting.', errors: 1 },
    // Fault: capitalised placeholder keywords were missed.
    { text: 'Hi [Customer], checkout fails.', errors: [{ text: '[Customer]' }] },
    { text: 'Dear <Name>, sign-in fails.', errors: [{ text: '<Name>' }] },
    { text: '[Update] Hi [first_name], checkout fails.', errors: [{ text: '[first_name]' }] },
  ],
});
