import { describe, it } from 'vitest';
import { RuleTester } from '../rule-tester';
import { noPrematureResolution } from './no-premature-resolution';

const t = new RuleTester({ describe, it, context: { facts: { scope: 'some' } } });

t.run(noPrematureResolution, {
  valid: [
    'A fix has been implemented and we are monitoring the results.',
    'The issue is not resolved yet.',
    'Checkout has not been restored for EU customers.',
    'We will confirm here once it is fixed.',
    'We are working to get checkout working again.',
    'Login will be restored after the rollback finishes.',
    'You told us the page says "payment fixed", but other customers still see failed charges.',
    "This is not related to last week's outage, which was resolved on Thursday.",
    'Is it fixed for you now?',
    'Prices are fixed price per seat, as before.',
    { text: 'Checkout is working again.', context: { kind: 'resolved' } },
    { text: 'Everything is back to normal.', context: { facts: { recoveryConfirmed: true } } },
  ],
  invalid: [
    { text: 'Good news: the checkout problem is fixed.', errors: [{ text: 'fixed' }] },
    { text: 'Everything is back to normal now.', errors: [{ text: 'back to normal' }] },
    { text: 'Login has been restored, so your demo can go ahead.', errors: [{ text: 'restored' }] },
    { text: 'All systems operational.', errors: 1 },
    { text: 'Uploads are working again.', errors: 1 },
    { text: 'The outage is over.', errors: 1 },
    { text: 'The issue that started yesterday is now resolved.', errors: 1 },
    {
      name: 'resolved kind with recovery explicitly unconfirmed',
      text: 'This incident has been resolved.',
      context: { kind: 'resolved', facts: { recoveryConfirmed: false } },
      errors: 1,
    },
  ],
});
