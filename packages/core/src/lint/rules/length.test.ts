import { describe, it } from 'vitest';
import { RuleTester } from '../rule-tester';
import { messageLength } from './message-length';
import { sentenceLength } from './sentence-length';

const t = new RuleTester({ describe, it });
const long = `We are continuing to investigate the timeouts affecting checkout and we are working closely with our infrastructure provider and our database team to understand why the failover did not complete as expected and what steps are needed.`;

t.run(sentenceLength, {
  valid: ['Checkout is failing for some customers.', { text: long, options: { maxWords: 60 } }],
  invalid: [
    { text: long, errors: [{ severity: 'warning', message: /has \d+ words/ }] },
    { text: 'Checkout is failing for some customers today.', options: { maxWords: 5 }, errors: 1 },
  ],
});

t.run(messageLength, {
  valid: [
    'Checkout fails. Some cards are declined. We are rolling back. Next update at 10:00 UTC.',
    { text: 'A. B. C. D. E. F.', context: { audience: 'internal' } },
  ],
  invalid: [
    { text: 'One. Two. Three. Four. Five. Six.', errors: [{ text: 'Six.' }] },
    { text: 'One. Two. Three.', options: { maxSentences: 2 }, errors: 1 },
    { text: 'word '.repeat(100).trim(), errors: [{ message: /100 words/ }] },
  ],
});
