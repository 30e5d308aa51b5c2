import { describe, expect, it } from 'vitest';
import { detectTopics } from './topics';

const topics = (text: string) => detectTopics(text).map((m) => `${m.topic}:${m.text}`);

describe('detectTopics', () => {
  it('finds each approval topic', () => {
    expect(topics('We found unauthorized access to one admin account.')).toEqual([
      'security:unauthorized access',
    ]);
    expect(topics('Your data is safe and no data was lost.')).toEqual([
      'dataLoss:Your data is safe',
      'dataLoss:no data was lost',
    ]);
    expect(topics('Our legal team is reviewing GDPR duties.')).toEqual(['legal:legal', 'legal:GDPR']);
    expect(topics('We will refund the fees.')).toEqual(['compensation:refund']);
    expect(topics('Do not worry about the cost: we will make it right on your invoice.')).toEqual([
      'compensation:Do not worry about the cost',
      'compensation:make it right',
    ]);
    expect(topics('This may affect your SLA.')).toEqual(['contract:SLA']);
    expect(topics('It should be fixed in about 10 minutes.')).toEqual(['fixTime:fixed in about 10 minutes']);
    expect(topics('We expect everything to be back by noon.')).toEqual(['fixTime:back by noon']);
  });

  it('is shared by lint and the gates: sorted by position', () => {
    const found = detectTopics('We will add a service credit. It should be fixed in 10 minutes.');
    expect(found.map((m) => m.topic)).toEqual(['compensation', 'fixTime']);
    expect(found[0]!.start).toBeLessThan(found[1]!.start);
  });

  it('ignores quotes, questions and reported words', () => {
    expect(topics('The banner said "refund issued" by mistake.')).toEqual([]);
    expect(topics('Will I get a refund?')).toEqual([]);
    expect(topics('You asked whether the SLA applies.')).toEqual([]);
  });

  it('ignores update times, past recoveries and negated promises', () => {
    expect(topics('We will post the next update in 30 minutes.')).toEqual([]);
    expect(topics('Checkout was restored within the hour.')).toEqual([]);
    expect(topics('We cannot promise it will be fixed by noon.')).toEqual([]);
    expect(topics('Credit card payments are failing.')).toEqual([]);
  });

  // Fault: payment-method vocabulary read as a compensation offer. A card type, a way to pay
  // or a product feature that uses a remedy word offers nobody anything.
  it('does not read payment methods or remedy-named features as a compensation offer', () => {
    for (const text of [
      'Shoppers paying by credit or debit card see an error.',
      'Credit and debit card payments are failing.',
      'Credit/debit card payments are failing.',
      'Payments by credit, debit or prepaid card fail.',
      'Credit card payments are failing.',
      'Paying with store credit fails at checkout.',
      'Gift card and store credit payments still work.',
      'Your store credit balance is not showing.',
      'Discount codes are not applying at checkout.',
      'Refund requests are delayed.',
    ]) {
      expect(topics(text), text).toEqual([]);
    }
  });

  it('still finds real offers next to payment vocabulary', () => {
    expect(topics('We will give you store credit.')).toEqual(['compensation:credit']);
    expect(topics('We will credit your account for card payments that failed.')).toEqual([
      'compensation:credit',
    ]);
    expect(topics('We will give you a credit or a refund.')).toEqual([
      'compensation:credit',
      'compensation:refund',
    ]);
  });

  // Fault: a lead-in before the promise ("Good news:", "Update:") was read as an update-time
  // cue, so the fix-time promise after it was missed.
  it('finds a fix-time promise after a lead-in', () => {
    for (const lead of [
      'Good news: ',
      'Update: ',
      'UPDATE - ',
      'Quick note: ',
      'Update — ',
      '[Update] ',
      '(Update) ',
    ]) {
      const text = `${lead}checkout will be fixed in 10 minutes.`;
      expect(topics(text), text).toEqual(['fixTime:fixed in 10 minutes']);
    }
    expect(topics('News for shoppers: checkout will be back by 11:00 UTC.')).toEqual([
      'fixTime:back by 11:00 UTC',
    ]);
    // An update word in the time's own clause still makes it an update time.
    expect(topics('Update: we will post an update on the fix in 30 minutes.')).toEqual([]);
  });

  it('does not treat incident vocabulary as a topic', () => {
    expect(topics('Checkout is down: payments failed with errors during the outage.')).toEqual([]);
  });
});
