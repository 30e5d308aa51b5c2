import { describe, it } from 'vitest';
import { RuleTester } from '../rule-tester';
import { noBoilerplateApology } from './no-boilerplate-apology';
import { noDramaticLanguage } from './no-dramatic-language';

const t = new RuleTester({ describe, it });

t.run(noBoilerplateApology, {
  valid: [
    'We are sorry that checkout failed during your sale this morning.',
    'Thank you for your patience while we fix sign-in.',
    { text: 'We apologize for any inconvenience.', context: { audience: 'internal' } },
  ],
  invalid: [
    {
      text: 'Sign-in is failing. We apologize for any inconvenience this may cause. Next update at 14:30 UTC.',
      errors: [{ severity: 'warning' }],
      output: 'Sign-in is failing. Next update at 14:30 UTC.',
    },
    {
      text: 'Sign-in is failing. We sincerely apologize for any inconvenience this may have caused.',
      errors: 1,
      output: 'Sign-in is failing.',
    },
    { text: 'Sorry for the trouble, sign-in fails for some of you.', errors: 1, output: null },
  ],
});

t.run(noDramaticLanguage, {
  valid: [
    'Payments are failing for some customers.',
    'This is not a catastrophic failure: no data is affected.',
  ],
  invalid: [
    { text: 'This is an unprecedented, catastrophic failure.', errors: 2 },
    {
      text: 'Payments are failing!!! Next update at 10:00 UTC.',
      errors: 1,
      output: 'Payments are failing. Next update at 10:00 UTC.',
    },
    { text: 'A massive outage hit checkout.', errors: [{ text: 'massive' }] },
  ],
});
