import { describe, it } from 'vitest';
import { RuleTester } from '../rule-tester';
import { noJargon } from './no-jargon';

const t = new RuleTester({ describe, it });

t.run(noJargon, {
  valid: [
    'Sign-in is failing for some customers.',
    'Our production line of products is unaffected.',
    { text: 'The auth pods are crash-looping after failover.', context: { audience: 'internal' } },
    { text: 'We are seeing 5xx errors.', options: { ignore: ['5xx'] } },
    { text: 'Pods are restarting.', context: { config: { jargon: { pods: '' } } } },
  ],
  invalid: [
    {
      text: 'We are seeing elevated 5xx rates on the auth pods after a failover; p99 latency is up.',
      errors: [{ text: '5xx' }, { text: 'auth' }, { text: 'pods' }, { text: 'failover' }, { text: 'p99' }],
    },
    { text: 'This is a SEV1.', errors: [{ severity: 'warning', suggestion: 'a major incident' }] },
    { text: 'The RCA will follow.', errors: [{ suggestion: 'incident report' }] },
    {
      text: 'Our edge proxies are restarting.',
      context: { config: { jargon: { 'edge proxies': 'our network' } } },
      errors: [{ suggestion: 'our network' }],
    },
    {
      text: 'We are seeing 5xx errors.',
      context: { config: { rules: { 'no-jargon': 'error' } } },
      errors: [{ severity: 'error' }],
    },
  ],
});
