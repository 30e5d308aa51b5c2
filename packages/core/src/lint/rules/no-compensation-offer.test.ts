import { describe, it } from 'vitest';
import { RuleTester } from '../rule-tester';
import { noCompensationOffer } from './no-compensation-offer';

const t = new RuleTester({ describe, it, context: { audience: 'cs-account', facts: { scope: 'some' } } });

t.run(noCompensationOffer, {
  valid: [
    'Credit card payments are failing for some customers.',
    // Fault: payment-method vocabulary read as an offer.
    'Customers paying by credit or debit card see an error at checkout.',
    'Paying with store credit fails; gift cards still work.',
    'Discount codes are not applying at checkout.',
    'No card was charged for a failed order.',
    'You asked whether you will get a refund; your account manager will follow up.',
    'The page said "refund issued" by mistake; no refund was issued.',
    // Fault: a contract's identifier read as a claim about the contract.
    'Please reply with your customer ID and the related contract number.',
    'Quote your contract ID or contract reference when you call.',
    {
      text: 'As agreed with your account team, a service credit will appear on your next invoice.',
      context: { facts: { compensationApproved: true } },
    },
  ],
  invalid: [
    { text: 'We will add a service credit to your next invoice.', errors: [{ text: 'service credit' }] },
    { text: "Don't worry about the cost of this morning: we will make it right on your bill.", errors: 2 },
    { text: 'We will refund any failed transactions.', errors: 1 },
    { text: 'We can offer you a discount on next month.', errors: 1 },
    {
      text: 'For the failed credit card payments we will give you store credit.',
      errors: [{ text: 'credit' }],
    },
    { text: 'We will waive the fees for this month.', errors: 1 },
    { text: 'This does not breach your SLA.', errors: [{ message: /contract or SLA/ }] },
    { text: 'Your contract entitles you to priority support.', errors: [{ message: /contract or SLA/ }] },
    { text: 'Contract numbers do not change the terms of your contract.', errors: [{ text: 'contract' }] },
  ],
});
