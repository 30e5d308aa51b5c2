import { describe, expect, it } from 'vitest';
import { lintMessage } from '../lint-message';
import { RuleTester } from '../rule-tester';
import type { LintContext } from '../types';
import { scopeAccuracy } from './scope-accuracy';

const t = new RuleTester({ describe, it });
const some = { facts: { scope: 'some' as const } };
const unknown = { facts: { scope: 'unknown' as const } };

t.run(scopeAccuracy, {
  valid: [
    { text: 'Checkout is failing for all customers.', context: { facts: { scope: 'all' } } },
    { text: 'This is not a full outage: card payments fail, other features work.', context: some },
    { text: 'Not all customers are affected.', context: some },
    { text: 'We will email all affected customers once this is over.', context: some },
    { text: 'Only a small group of customers is affected.', context: { facts: { scope: 'few' } } },
    { text: 'We have limited information so far.', context: unknown },
    { text: 'Reports are delayed for some customers.', context: some },
  ],
  invalid: [
    { text: 'We have a full outage.', context: some, errors: [{ text: 'full outage' }] },
    { text: 'Nothing works for anyone right now.', context: some, errors: [{ text: 'Nothing works' }] },
    { text: 'The entire platform is down.', context: some, errors: 1 },
    {
      text: 'Checkout is failing for all customers.',
      context: unknown,
      errors: [{ message: /not confirmed/ }],
    },
    { text: 'Only a small group of customers is affected.', context: unknown, errors: 1 },
    { text: 'The impact is limited to a few accounts.', context: { facts: { scope: 'many' } }, errors: 1 },
    { text: 'This is a minor issue.', context: { facts: { scope: 'all' } }, errors: 1 },
  ],
});

// Kinds of scope talk, each with phrasings written for this table (not taken from the corpus),
// each judged against the scope the incident lead confirmed.
const at = (scope: 'unknown' | 'few' | 'some' | 'many' | 'all'): LintContext => ({
  kind: 'update',
  audience: 'customer',
  facts: { scope },
});
const fires = (text: string, context: LintContext) =>
  lintMessage(text, context).some((d) => d.ruleId === 'scope-accuracy');

const KINDS: Record<
  string,
  { context: LintContext; flagged: string[]; clean: string[]; cleanWhen?: LintContext }
> = {
  'a partial group or a mild word for a wide impact': {
    context: at('all'),
    flagged: [
      'Some members may be having trouble signing in.',
      'A number of subscribers cannot stream right now.',
      'Some passengers face some delays at check-in.',
      'This is a minor disruption to bookings.',
      'Card payments are failing for some shoppers.',
    ],
    clean: [
      'Nobody can sign in to the app right now.',
      'We are contacting some customers directly about their bookings.',
    ],
    cleanWhen: at('unknown'),
  },
  'a wide impact denied while the scope is unknown': {
    context: at('unknown'),
    flagged: [
      'This did not affect every customer in the region.',
      'It was not a national outage.',
      'The majority of our users will not notice any change.',
    ],
    clean: ['We are still checking how many customers are affected.'],
    cleanWhen: at('few'),
  },
  'everyone cut off, when only some are': {
    context: at('some'),
    flagged: [
      'The dashboard went offline for the whole world.',
      'Our API became unreachable to the internet.',
    ],
    clean: [
      'The dashboard is offline for customers in the EU region.',
      'This outage affects every customer on the EU cluster.',
      'Sign-ins are failing for everyone using single sign-on.',
    ],
    cleanWhen: at('all'),
  },
  'a scope word that is not about who is affected': {
    context: at('unknown'),
    flagged: ['Exports are completely down.'],
    clean: [
      'Several stores are completely unavailable.',
      'All users are now able to sign in again.',
      'We know this caused real stress for everyone.',
      'A few customers may still see slow pages while the queue clears.',
      'The impact was limited to Canada.',
    ],
  },
};

describe('scope-accuracy by kind', () => {
  for (const [kind, { context, flagged, clean, cleanWhen }] of Object.entries(KINDS)) {
    describe(kind, () => {
      it.each(flagged)('flags: %s', (text) => expect(fires(text, context)).toBe(true));
      it.each(clean)('leaves clean: %s', (text) => expect(fires(text, context)).toBe(false));
      if (cleanWhen !== undefined)
        it.each(flagged)(`is fine when the scope is ${cleanWhen.facts?.scope}: %s`, (text) =>
          expect(fires(text, cleanWhen)).toBe(false),
        );
    });
  }
});
