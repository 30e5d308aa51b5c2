import { describe, it } from 'vitest';
import { RuleTester } from '../rule-tester';
import { noVagueLanguage } from './no-vague-language';

const t = new RuleTester({ describe, it });

t.run(noVagueLanguage, {
  valid: [
    'We are investigating login failures in the billing portal.',
    'Some customers may see a declined-payment error at checkout.',
    'We are experiencing issues with customers logging in to the checkout page.',
    // A vague lead-in next to a sentence that names the impact is clean.
    'We are experiencing issues with the app. Some customers cannot sign in.',
    'Checkout fails for some customers. We are continuing to investigate this issue.',
    'Search is slow: results take up to 30 seconds, a degraded performance we are working on.',
    { text: 'We are looking into it.', context: { kind: 'initial' } },
    { text: 'We are looking into it.', context: { audience: 'internal' } },
  ],
  invalid: [
    {
      text: 'We are aware of a situation affecting our platform.',
      errors: [{ text: 'aware of a situation' }],
    },
    { text: 'Some users may experience issues.', errors: [{ text: 'may experience issues' }] },
    { text: 'Users might notice intermittent problems.', errors: 1 },
    { text: 'There is a temporary disruption.', errors: [{ text: 'temporary disruption' }] },
    { text: 'Certain features are unavailable.', errors: [{ text: 'Certain features' }] },
    { text: 'We are seeing degraded performance.', errors: 1 },
    { text: 'We are currently experiencing issues.', errors: 1 },
    { text: 'Some customers may be impacted.', errors: 1 },
    { text: 'We are still looking into it.', errors: [{ severity: 'error' }] },
    {
      name: 'a metric with no customer symptom',
      text: "We're investigating elevated error rates for API requests in the EU region.",
      errors: [{ text: 'elevated error rates' }],
    },
    { text: 'We are experiencing issues with the checkout page.', errors: 1 },
    {
      name: 'extra phrases from the runbook',
      text: 'We have a small blip.',
      context: { config: { phrases: { 'no-vague-language': ['small blip'] } } },
      errors: [{ text: 'small blip' }],
    },
  ],
});
