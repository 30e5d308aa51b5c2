import { describe, expect, it } from 'vitest';
import { claimsFixed } from './guessing';
import { classifyQuestion, saysItWorksAgain, sensitiveTopics, symptomsInText } from './phrases';

describe('classifyQuestion', () => {
  it.each([
    ['Was I charged twice for my order?', 'billing'],
    ['Will you refund the failed payment?', 'billing'],
    ['Is our customer data safe?', 'data-safety'],
    ['Did we lose any orders from this morning?', 'data-safety'],
    ['When will checkout work again?', 'timing'],
    ['Any ETA on this?', 'timing'],
    ["I can't log in to the dashboard", 'sign-in'],
    ['Is our demo tomorrow still on?', 'demo'],
    ['Can you send me the renewal quote?', 'demo'],
    ['Who do I talk to about this?', 'other'],
    // Found only by the linter's detectTopics (shared topic detection):
    ['Will this affect our SLA?', 'demo'],
    ['Was there some kind of hack?', 'data-safety'],
    ['Will you waive the fees for today?', 'billing'],
  ] as const)('%s → %s', (question, topic) => {
    expect(classifyQuestion(question)).toBe(topic);
  });
});

describe('classifyQuestion prefers the symptom a customer reports over words about paying', () => {
  it.each([
    // The escalated ticket of the checkout demo, and paraphrases of it.
    [
      'We are in the middle of our spring sale and our shoppers cannot pay by card. A few of them also say they cannot sign in to their accounts.',
      'sign-in',
    ],
    ['Shoppers cannot pay, and some of them cannot log in either.', 'sign-in'],
    ['Payments keep failing and now people are locked out of their accounts.', 'sign-in'],
    ['Besides the card errors, signing in fails for several of our staff.', 'sign-in'],
    ["Customers can't log on to pay their invoice", 'sign-in'],
    ['Our reports are missing yesterday’s orders. Were we billed for them?', 'data-safety'],
    ['The dashboard data is delayed and the invoice looks wrong.', 'data-safety'],
    // Nothing but a payment problem: still billing.
    ['I tried to pay for my order twice and my card was declined both times.', 'billing'],
  ] as const)('%s → %s', (question, topic) => {
    expect(classifyQuestion(question)).toBe(topic);
  });

  it('takes the reported symptoms from options when the caller knows them', () => {
    const text = 'Our shoppers cannot pay by card.';
    expect(classifyQuestion(text)).toBe('billing');
    expect(classifyQuestion(text, { symptoms: ['sign-in'] })).toBe('sign-in');
    // A symptom without a topic of its own leaves the words to decide.
    expect(classifyQuestion(text, { symptoms: ['checkout'] })).toBe('billing');
  });
});

describe('sensitiveTopics reads a customer question as the concern it states', () => {
  it.each([
    ['Do we get a credit for this?', ['compensation']],
    ['Will this breach our SLA?', ['security', 'contract']],
    ['Was I charged twice?', []],
  ] as const)('%s → %j', (text, topics) => {
    expect(sensitiveTopics(text)).toEqual(topics);
  });
});

describe('symptomsInText', () => {
  it.each([
    ['My card payment keeps failing at checkout', ['checkout']],
    ['Customers cannot pay for their orders', ['checkout']],
    ["I can't sign in since this morning", ['sign-in']],
    ['Yesterday’s records are missing from the report', ['data-delayed']],
    ['Saving a product just spins and then times out', ['timeouts']],
    ['Order emails stopped arriving', ['sync-stopped']],
    ['Was I charged twice?', []],
  ] as const)('%s → %j', (text, types) => {
    expect(symptomsInText(text)).toEqual(types);
  });
});

describe('saysItWorksAgain and claimsFixed', () => {
  it.each([
    ['Checkout works again for us, thanks', true, false],
    ['The payment went through this time', true, false],
    ['Checkout is fixed.', false, true],
    ['Payments have been restored.', false, true],
    ['We are working on a fix and will update you by 9:30 AM ET.', false, false],
    ['My payment still fails', false, false],
  ] as const)('%s → working again %s, claims fixed %s', (text, working, fixed) => {
    expect(saysItWorksAgain(text)).toBe(working);
    expect(claimsFixed(text)).toBe(fixed);
  });
});
