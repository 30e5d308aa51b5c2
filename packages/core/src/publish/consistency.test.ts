import { describe, expect, it } from 'vitest';
import type { StatusUpdate } from '../incident/index';
import type { ApprovedMessage } from '../message';
import { findClockTimes } from '../time/index';
import { checkConsistency } from './consistency';
import { resolveWrittenTime, statedNextUpdate, statedScope } from './stated-facts';

const NOW = '2026-03-03T14:20:00Z';

const customer =
  'Card payments at checkout are failing for some customers. Our engineers are working on it now. ' +
  'If a payment failed, please do not retry it more than once. Next update at 9:35 AM ET.';

const approved = (
  audience: ApprovedMessage['audience'],
  text: string,
  extra: Partial<ApprovedMessage> = {},
): ApprovedMessage => ({
  incidentId: 'inc-checkout',
  incidentTitle: 'Card payments failing at checkout',
  version: 2,
  kind: 'update',
  audience,
  severity: 'SEV1',
  status: 'investigating',
  publishedAt: NOW,
  nextUpdateAt: '2026-03-03T14:35:00Z',
  subject: 'Card payments failing at checkout',
  text,
  ...extra,
});

const reference: StatusUpdate = {
  version: 2,
  status: 'investigating',
  kind: 'update',
  severity: 'SEV1',
  title: 'Card payments failing at checkout',
  incidentType: 'checkout',
  symptom: 'card payments at checkout are failing',
  affected: 'customers paying by card',
  scope: 'some',
  teamAction: 'Engineers are working on the payment service now.',
  unknowns: [],
  customerAction: 'If a payment failed, please do not retry it more than once.',
  regions: [],
  productAreas: ['checkout'],
  text: customer,
  publishedAt: NOW,
  nextUpdateAt: '2026-03-03T14:35:00Z',
  ownerId: 'dana',
  ownerName: 'Dana',
  factsVersion: 1,
  draftId: 'd-2',
  draftRevision: 1,
};

describe('checkConsistency', () => {
  it('accepts audience variants that word things differently but state the same facts', () => {
    const report = checkConsistency(
      [
        approved('customer', customer),
        approved(
          'sales-active-deal',
          'We are managing an active incident where card payments at checkout fail for some customers. ' +
            'Please do not retry a failed payment more than once. The next update is scheduled for 9:35 AM ET.',
        ),
        approved(
          'support-reply',
          'Thanks for reaching out. Some customers see card payments failing at checkout right now. ' +
            'Please avoid retrying a failed payment more than once. We will post the next update at 14:35 UTC.',
        ),
      ],
      { reference },
    );
    expect(report.differences).toEqual([]);
    expect(report.consistent).toBe(true);
  });

  it('names a differing next-update time and the audiences on each side', () => {
    const report = checkConsistency([
      {
        audience: 'customer',
        text: 'Card payments are failing for some customers. Next update at 9:30 AM ET.',
      },
      {
        audience: 'support-reply',
        text: 'Card payments are failing for some customers. Next update at 9:30 AM ET.',
      },
      {
        audience: 'sales-renewal',
        text: 'Card payments are failing for some customers. Next update at 9:45 AM ET.',
      },
    ]);
    expect(report.consistent).toBe(false);
    expect(report.differences).toHaveLength(1);
    expect(report.differences[0]).toMatchObject({
      fact: 'nextUpdate',
      variants: [
        { value: '9:30 AM ET', audiences: ['customer', 'support-reply'] },
        { value: '9:45 AM ET', audiences: ['sales-renewal'] },
      ],
    });
    expect(report.differences[0]?.message).toBe(
      'next update time differs: "9:30 AM ET" (customer, support-reply) vs "9:45 AM ET" (sales-renewal)',
    );
  });

  it('reads times in different zones as the same instant when they are', () => {
    const report = checkConsistency(
      [
        { audience: 'customer', text: 'Checkout payments are failing. Next update at 9:30 AM ET.' },
        { audience: 'cs-account', text: 'Checkout payments are failing. Next update at 14:30 UTC.' },
      ],
      { now: NOW },
    );
    expect(report.consistent).toBe(true);
  });

  it('reads "tomorrow" after a next-update time: 10:30 AM ET tomorrow, written at 7 PM ET, is the morning due', () => {
    const sevenPm = '2026-03-04T00:00:00Z';
    const overnight: StatusUpdate = {
      ...reference,
      status: 'monitoring',
      publishedAt: sevenPm,
      nextUpdateAt: '2026-03-04T15:30:00Z',
    };
    const says = (when: string) =>
      approved(
        'cs-account',
        `Card payments at checkout are failing for some customers. Please do not retry a failed payment more than once. Next update by 10:30 AM ET ${when}.`,
        { status: 'monitoring', publishedAt: sevenPm, nextUpdateAt: overnight.nextUpdateAt! },
      );
    expect(checkConsistency([says('tomorrow')], { reference: overnight }).differences).toEqual([]);
    const report = checkConsistency([says('today')], { reference: overnight });
    expect(report.differences.map((d) => d.fact)).toEqual(['nextUpdate']);
    expect(report.differences[0]?.variants[1]).toEqual({
      value: '10:30 AM ET today',
      audiences: ['cs-account'],
    });
    // Without a reference, two messages naming the same morning agree however they say it.
    const same = checkConsistency(
      [
        { audience: 'customer', text: 'Checkout payments are failing. Next update by 10:30 AM ET tomorrow.' },
        {
          audience: 'support-reply',
          text: 'Checkout payments are failing. Next update on Wednesday at 15:30 UTC.',
        },
      ],
      { now: sevenPm },
    );
    expect(same.consistent).toBe(true);
  });

  it('names a scope difference: "some" versus "all"', () => {
    const report = checkConsistency([
      {
        audience: 'customer',
        text: 'Card payments are failing for some customers. Next update at 9:30 AM ET.',
      },
      {
        audience: 'sales-prospect',
        text: 'Card payments are failing for all customers. Next update at 9:30 AM ET.',
      },
    ]);
    expect(report.differences.map((d) => d.fact)).toEqual(['whoIsAffected']);
    expect(report.differences[0]?.message).toContain('"some customers" (customer)');
    expect(report.differences[0]?.message).toContain('"all customers" (sales-prospect)');
  });

  it('names a differing customer action, including advice that flips do into do-not', () => {
    const report = checkConsistency([
      {
        audience: 'customer',
        text: 'Payments are failing. Please do not retry a failed payment. Next update at 9:30 AM ET.',
      },
      {
        audience: 'support-reply',
        text: 'Payments are failing. Please retry a failed payment. Next update at 9:30 AM ET.',
      },
    ]);
    expect(report.differences.map((d) => d.fact)).toEqual(['customerAction']);
    expect(report.differences[0]?.variants.map((v) => v.audiences)).toEqual([
      ['customer'],
      ['support-reply'],
    ]);
  });

  it('flags a variant that leaves out the next update time or the customer action', () => {
    const report = checkConsistency([
      {
        audience: 'customer',
        text: 'Payments are failing. Please do not retry a failed payment. Next update at 9:30 AM ET.',
      },
      { audience: 'sales-renewal', text: 'Payments are failing and the team is on it.' },
    ]);
    expect(report.differences.map((d) => d.fact)).toEqual(['customerAction', 'nextUpdate']);
    expect(report.differences[1]?.message).toBe(
      'next update time differs: "9:30 AM ET" (customer) vs not stated (sales-renewal)',
    );
  });

  it('reads advice written as a condition or after a lead-in', () => {
    const report = checkConsistency([
      {
        audience: 'customer',
        text: 'Payments are failing. If a payment fails, try it once more. Next update at 9:30 AM ET.',
      },
      {
        audience: 'support-reply',
        text: 'Payments are failing. In the meantime: please try the payment once more. Next update at 9:30 AM ET.',
      },
    ]);
    expect(report.differences).toEqual([]);
  });

  it('judges do versus do-not by the advice, not by a negation in its condition', () => {
    const report = checkConsistency([
      {
        audience: 'customer',
        text: 'Payments are failing. If a payment does not go through, try it once more. Next update at 9:30 AM ET.',
      },
      {
        audience: 'cs-account',
        text: 'Payments are failing. If a payment does not go through, do not try it again. Next update at 9:30 AM ET.',
      },
    ]);
    expect(report.differences.map((d) => d.fact)).toEqual(['customerAction']);
    const condition = checkConsistency([
      { audience: 'customer', text: 'If a payment fails, try it once more. Next update at 9:30 AM ET.' },
      {
        audience: 'support-reply',
        text: 'Try the payment once more if it does not go through. Next update at 9:30 AM ET.',
      },
    ]);
    expect(condition.differences).toEqual([]);
  });

  it('flags a variant that drops advice given as a condition', () => {
    const report = checkConsistency([
      {
        audience: 'customer',
        text: 'Payments are failing. If a payment fails, try it once more. Next update at 9:30 AM ET.',
      },
      { audience: 'sales-renewal', text: 'Payments are failing. Next update at 9:30 AM ET.' },
    ]);
    expect(report.differences.map((d) => d.fact)).toEqual(['customerAction']);
  });

  it('reads scope from who is affected, not from regions or orders', () => {
    const scopes = (text: string) => statedScope(text)?.value;
    expect(scopes('Card payments are failing in every region.')).toBeUndefined();
    expect(scopes('Some customers in every region cannot pay.')).toBe('some');
    expect(scopes('Some orders are delayed.')).toBeUndefined();
    expect(scopes('All payments are failing.')).toBeUndefined();
    expect(scopes('Not all customers are affected; some customers can still pay.')).toBe('some');
    expect(scopes('Payments fail for all of our customers.')).toBe('all');
    const report = checkConsistency([
      {
        audience: 'customer',
        text: 'Card payments are failing for some customers in every region. Next update at 9:30 AM ET.',
      },
      {
        audience: 'support-reply',
        text: 'Card payments fail for some customers; some orders are delayed. Next update at 9:30 AM ET.',
      },
    ]);
    expect(report.differences).toEqual([]);
  });

  it('names a different broken thing', () => {
    const report = checkConsistency([
      { audience: 'customer', text: 'Card payments at checkout are failing. Next update at 9:30 AM ET.' },
      { audience: 'internal', text: 'Sign-in is failing for customers. Next update at 9:30 AM ET.' },
    ]);
    expect(report.differences.map((d) => d.fact)).toEqual(['whatIsBroken']);
  });

  it('compares every message with the reference status update when given one', () => {
    const report = checkConsistency(
      [
        approved(
          'cs-account',
          'Card payments at checkout are failing for all customers. Please do not retry a failed payment more than once. Next update at 9:35 AM ET.',
        ),
      ],
      { reference },
    );
    expect(report.differences).toHaveLength(1);
    expect(report.differences[0]).toMatchObject({
      fact: 'whoIsAffected',
      variants: [
        { value: 'some', audiences: ['status update v2'] },
        { value: 'all customers', audiences: ['cs-account'] },
      ],
    });
  });

  it('names messages of different versions or statuses', () => {
    const report = checkConsistency([
      approved('customer', customer),
      approved('support-reply', customer, { version: 1 }),
    ]);
    expect(report.differences.map((d) => d.fact)).toEqual(['version']);
  });

  it('labels two hand-edited replies to the same audience apart', () => {
    const report = checkConsistency([
      { audience: 'support-reply', text: 'Payments are failing. Next update at 9:30 AM ET.' },
      { audience: 'support-reply', text: 'Payments are failing. Next update at 10:00 AM ET.' },
    ]);
    expect(report.differences[0]?.variants.flatMap((v) => v.audiences)).toEqual([
      'support-reply',
      'support-reply #2',
    ]);
  });
});

describe('resolveWrittenTime', () => {
  const sentence = 'Next update by 10:30 AM ET tomorrow.';
  const [time] = findClockTimes(sentence);

  it('counts a day word from now, on the reader calendar', () => {
    expect(resolveWrittenTime(time!, sentence, { now: '2026-03-04T00:00:00Z' })?.toISOString()).toBe(
      '2026-03-04T15:30:00.000Z',
    );
    expect(statedNextUpdate(sentence, '2026-03-04T00:00:00Z')).toEqual({
      shown: '10:30 AM ET tomorrow',
      value: '2026-03-04T15:30:00.000Z',
    });
  });

  it('reads a time without a day word as its next occurrence, unless it passed only hours ago', () => {
    const plain = 'Next update by 10:30 AM ET.';
    const [t] = findClockTimes(plain);
    expect(resolveWrittenTime(t!, plain, { now: '2026-03-04T00:00:00Z' })?.toISOString()).toBe(
      '2026-03-04T15:30:00.000Z',
    );
    expect(resolveWrittenTime(t!, plain, { now: '2026-03-03T15:45:00Z' })?.toISOString()).toBe(
      '2026-03-03T15:30:00.000Z',
    );
  });

  it('reads a time without a day word against the schedule when a time is due', () => {
    const plain = 'Next update by 9:30 AM ET.';
    const [t] = findClockTimes(plain);
    expect(
      resolveWrittenTime(t!, plain, {
        now: '2026-03-03T14:40:00Z',
        due: '2026-03-03T14:45:00Z',
      })?.toISOString(),
    ).toBe('2026-03-03T14:30:00.000Z');
  });

  it('cannot place a time without a zone label when the reader zone is unknown', () => {
    const bare = 'Next update by 9:30.';
    const [t] = findClockTimes(bare);
    expect(resolveWrittenTime(t!, bare, { now: '2026-03-03T14:40:00Z' })).toBeUndefined();
    expect(
      resolveWrittenTime(t!, bare, { now: '2026-03-03T16:00:00Z', timeZone: 'UTC' })?.toISOString(),
    ).toBe('2026-03-04T09:30:00.000Z');
  });
});
