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

describe('fix-time promises without "will": hedges, intents and schedules', () => {
  const subjects = ['Checkout', 'Card payments', 'The login page'];
  const deadlines = [
    'by noon',
    'by 3 PM UTC',
    'before 15:30 UTC',
    'by end of day',
    'by this afternoon',
    'by late afternoon',
    'by close of play',
  ];
  const claims = [
    (s: string, d: string) => `${s} may be back ${d}.`,
    (s: string, d: string) => `${s} might be working again ${d}.`,
    (s: string, d: string) => `${s} could be restored ${d}.`,
    (s: string, d: string) => `${s} is likely to be back ${d}.`,
    (s: string, d: string) => `We are on track to restore ${s.toLowerCase()} ${d}.`,
    (s: string, d: string) => `We are working to restore ${s.toLowerCase()} ${d}.`,
    (s: string, d: string) => `We are tracking toward a fix for ${s.toLowerCase()} ${d}.`,
    (s: string, d: string) => `Our goal is to have ${s.toLowerCase()} fixed ${d}.`,
    (s: string, d: string) => `We intend to have ${s.toLowerCase()} back ${d}.`,
    (s: string, d: string) => `We might have ${s.toLowerCase()} fixed ${d}.`,
    (s: string, d: string) => `We are trying to get ${s.toLowerCase()} back ${d}.`,
    (s: string, d: string) => `We'd like to have ${s.toLowerCase()} restored ${d}.`,
    (s: string, d: string) => `${s} may yet be back ${d}.`,
    (s: string, d: string) => `We are working toward a fix for ${s.toLowerCase()} ${d}.`,
  ];
  it('reports every combination as a fix time', () => {
    const missed: string[] = [];
    for (const s of subjects)
      for (const d of deadlines)
        for (const claim of claims) {
          const text = claim(s, d);
          if (!detectTopics(text).some((m) => m.topic === 'fixTime')) missed.push(text);
        }
    expect(missed).toEqual([]);
  });

  it('reads "for" a clock time or day part as a deadline, not "for" a count', () => {
    for (const text of [
      'A fix is on track for noon.',
      'The fix is scheduled for 3pm.',
      'A fix is planned for 15:30 UTC.',
      'The fix is slated for this afternoon.',
    ])
      expect(detectTopics(text).map((m) => m.topic)).toContain('fixTime');
    expect(topics('Hold the power button for 30 seconds and it should come back.')).toEqual([]);
  });

  it('a problem that may last until a time promises when it ends', () => {
    for (const text of [
      'You may see errors until 3 PM.',
      'Customers might experience failed logins until 5pm.',
      'Errors may persist until 5pm.',
      'Logins might stay slow until this evening.',
      'Emails could be delayed until 6pm.',
    ])
      expect(detectTopics(text).map((m) => m.topic)).toEqual(['fixTime']);
  });

  it('a schedule "at" a time: "due to resume at", "set to go live at"', () => {
    expect(detectTopics('Service is due to resume at 15:00 UTC.').map((m) => m.topic)).toEqual(['fixTime']);
    expect(detectTopics('The fix is set to go live at 3pm.').map((m) => m.topic)).toEqual(['fixTime']);
  });

  it('not a promise: hedges that look back or date the problem, and effort without a deadline', () => {
    for (const text of [
      'You may have seen errors until 8:40 UTC.',
      'Since 8:00 UTC customers may see errors.',
      'At 07:05 UTC customers may experience failed logins.',
      "We are working to resolve today's outages.",
      'We are working hard today to get checkout back to normal.',
      'Customers could not pay by card before 9:10 UTC.',
      'Customers may experience intermittent errors today.',
      'Customers who signed in before 10am may need to sign in again.',
      'Emails sent until 10:30 UTC may be delivered late.',
      'By 10:15 UTC, most customers could sign in again.',
      'We would like to thank you for your patience while we restored service this morning.',
      'Our scheduled maintenance completed at 6am and all services are running normally.',
      'Deliveries are back on track this morning.',
      'Payouts scheduled for Friday may be delayed.',
      'Your payout scheduled for 3pm will be processed as normal.',
      'Payments due by Friday can still be processed.',
      'You may now retry orders that failed this morning.',
      'During scheduled maintenance tonight, the dashboard may be unavailable for up to 30 minutes.',
    ])
      expect(topics(text)).toEqual([]);
  });
});
