import { describe, expect, it } from 'vitest';
import { lintMessage } from '../lint-message';
import { RuleTester } from '../rule-tester';
import type { LintContext } from '../types';
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

// Kinds of recovery talk, each with phrasings written for this table (not taken from the corpus).
// `flagged` must report while recovery is unconfirmed; `clean` must stay silent.
const update: LintContext = { kind: 'update', audience: 'customer' };
const fires = (text: string, context: LintContext = update) =>
  lintMessage(text, context).some((d) => d.ruleId === 'no-premature-resolution');

const KINDS: Record<string, { flagged: string[]; clean: string[] }> = {
  'recovery the writer only believes or expects': {
    flagged: [
      'We think the queue is stable now.',
      'I believe exports are working again.',
      'Invoices should be processing normally now.',
      'The fault should be resolved, and we are keeping an eye on it.',
      'There shouldn’t be any more failed uploads at this point.',
      'Reports can be downloaded again.',
      'Thanks for flagging, this should be sorted now.',
    ],
    clean: [
      'Invoices should be processing normally within the hour.',
      'Reports should be back once the fix is deployed.',
      'The sync problem is fixed in the next app update.',
      'We think the queue will need another day of work.',
    ],
  },
  'an intent, work in progress or a purpose is no claim': {
    flagged: ['We have brought the queue back online.'],
    clean: [
      'We are working on getting the queue back online.',
      'The team is bringing the reporting service back up and running.',
      'We believe we can get the sync fixed before the weekend.',
      'Exports are being restored region by region.',
      'Capacity is coming back online.',
      'We are watching the error rate to confirm the issue is resolved.',
      'We know how much you rely on reports being up and running.',
      'We will have reports back to normal soon.',
    ],
  },
  'a habit or another incident is no claim about this one': {
    flagged: ['The sync problem that started on Tuesday has been resolved.'],
    clean: [
      'Short blips like this are usually resolved within minutes.',
      'The sync problem from two weeks ago was resolved, and this one is new.',
    ],
  },
  'partial recovery stated as partial is not an all-clear': {
    flagged: ['Mostly restored: reports are loading again.', 'Everything is back up and running.'],
    clean: [
      'We have restored 60% of affected accounts and are working on the rest.',
      'Sync has been restored for some users; others still see errors.',
      'Two-thirds of the affected stores have been restored.',
      'Many regions have already recovered; we are working on the others.',
    ],
  },
};

describe('no-premature-resolution by kind', () => {
  for (const [kind, { flagged, clean }] of Object.entries(KINDS)) {
    describe(kind, () => {
      it.each(flagged)('flags: %s', (text) => expect(fires(text)).toBe(true));
      it.each(clean)('leaves clean: %s', (text) => expect(fires(text)).toBe(false));
      it.each(flagged)('is silent once recovery is confirmed: %s', (text) =>
        expect(fires(text, { ...update, facts: { recoveryConfirmed: true } })).toBe(false),
      );
    });
  }
});
