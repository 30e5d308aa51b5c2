import { describe, expect, it } from 'vitest';
import { LintContextError } from '../errors';
import { lintMessage } from '../lint-message';
import { RuleTester } from '../rule-tester';
import { staleFacts } from './stale-facts';

const t = new RuleTester({ describe, it });

t.run(staleFacts, {
  valid: [
    'Checkout fails.',
    { text: 'Checkout fails.', context: { basedOnVersion: 3, facts: { version: 3 } } },
    { text: 'Checkout fails.', context: { basedOnVersion: 3 } },
    { text: 'Checkout fails.', context: { facts: { version: 3 } } },
    // Facts versions are 0-based, as in the incident log: a draft from declaration is current then.
    { text: 'Checkout fails.', context: { basedOnVersion: 0, facts: { version: 0 } } },
  ],
  invalid: [
    {
      text: 'Checkout fails.',
      context: { basedOnVersion: 2, facts: { version: 3 } },
      errors: [{ severity: 'error', message: /facts version 2.*version 3/ }],
    },
    {
      name: 'a draft from declaration (facts version 0) after the first confirmed facts',
      text: 'Checkout fails.',
      context: { basedOnVersion: 0, facts: { version: 1 } },
      errors: [{ message: /facts version 0, but version 1/ }],
    },
  ],
});

describe('facts versions', () => {
  it('accepts 0 and rejects what the incident log never counts', () => {
    const lint = (version: number, basedOnVersion: number) =>
      lintMessage('Checkout fails.', {
        kind: 'update',
        audience: 'internal',
        facts: { version },
        basedOnVersion,
      });
    expect(() => lint(0, 0)).not.toThrow();
    expect(() => lint(-1, 0)).toThrow(LintContextError);
    expect(() => lint(1, 0.5)).toThrow(/basedOnVersion: expected a facts version/);
  });
});
