import { describe, expect, it } from 'vitest';
import { lintMessage } from '../lint-message';
import { RuleTester } from '../rule-tester';
import type { LintContext } from '../types';
import { noFixTimePromise } from './no-fix-time-promise';

const t = new RuleTester({ describe, it, context: { facts: { scope: 'some' } } });

t.run(noFixTimePromise, {
  valid: [
    'We will post the next update in 30 minutes.',
    'Next update by noon ET.',
    'We will share more by 15:00 UTC.',
    'Checkout has been working normally since 10:25 AM ET.',
    'Service was restored within the hour.',
    'We cannot promise it will be fixed by noon.',
    'I will be back with an update at 14:00 UTC.',
    'Our engineers are testing a fix now and will share results within 30 minutes.',
    'Update: we will post the next update in 30 minutes.',
    'Good news: we will share more about the fix by 15:00 UTC.',
    'You asked "will it be fixed in 10 minutes?" and we do not know yet.',
    {
      text: 'Sign-in should work again by 11:00 UTC.',
      context: { facts: { approvedFixTime: '2026-05-12T11:00:00Z' }, timeZone: 'UTC' },
    },
    {
      name: 'an approved time tomorrow, said with "tomorrow" at night',
      text: 'Sign-in should work again by 10:30 AM ET tomorrow.',
      context: {
        facts: { approvedFixTime: '2026-03-04T15:30:00Z' },
        now: '2026-03-04T00:00:00Z',
        timeZone: 'America/New_York',
      },
    },
    {
      text: 'Sign-in should work again in 45 minutes.',
      context: { facts: { approvedFixTime: '2026-05-12T11:00:00Z' }, now: '2026-05-12T10:15:00Z' },
    },
  ],
  invalid: [
    {
      // Fault: the day word was ignored, so tomorrow's time matched today's approved promise.
      name: 'an approved time today restated as tomorrow',
      text: 'Sign-in should work again by 11:00 UTC tomorrow.',
      context: {
        facts: { approvedFixTime: '2026-05-12T11:00:00Z' },
        now: '2026-05-12T10:15:00Z',
        timeZone: 'UTC',
      },
      errors: [{ message: /does not match/ }],
    },
    { text: 'It should be fixed in about 10 minutes.', errors: [{ text: 'fixed in about 10 minutes' }] },
    { text: 'We expect everything to be back by noon.', errors: [{ text: 'back by noon' }] },
    { text: 'A fix will be live within the hour.', errors: 1 },
    { text: 'This should be resolved shortly.', errors: [{ text: 'resolved shortly' }] },
    { text: 'Service should be fully restored by 21:15 UTC.', errors: 1 },
    { text: 'The backlog will be cleared in two hours.', errors: 1 },
    { text: 'ETA for a fix: 20 minutes.', errors: 1 },
    // Fault: a lead-in ("Good news:", "Update:") hid the promise after it.
    { text: 'Good news: checkout will be fixed in 10 minutes.', errors: [{ text: 'fixed in 10 minutes' }] },
    { text: 'Update: checkout will be fixed in 10 minutes.', errors: [{ text: 'fixed in 10 minutes' }] },
    { text: 'UPDATE - checkout should be back by noon.', errors: [{ text: 'back by noon' }] },
    { text: 'Quick note: sign-in should work again within the hour.', errors: 1 },
    { text: '"Good news": checkout will be fixed in 10 minutes.', errors: 1 },
    { text: '- Update: checkout will be fixed in 10 minutes.', errors: 1 },
    { text: '(Update) Checkout will be fixed in 10 minutes.', errors: 1 },
    { text: '[Update] Checkout will be fixed in 10 minutes.', errors: 1 },
    {
      name: 'promise differs from the approved time',
      text: 'Sign-in should work again by 10:30 UTC.',
      context: { facts: { approvedFixTime: '2026-05-12T11:00:00Z' }, timeZone: 'UTC' },
      errors: [{ message: /does not match/ }],
    },
    {
      name: 'a vague promise is not the approved one',
      text: 'Sign-in should work again soon.',
      context: { facts: { approvedFixTime: '2026-05-12T11:00:00Z' } },
      errors: 1,
    },
  ],
});

// Kinds of time talk, each with phrasings written for this table (not taken from the corpus).
const update: LintContext = { kind: 'update', audience: 'customer' };
const fires = (text: string) => lintMessage(text, update).some((d) => d.ruleId === 'no-fix-time-promise');

const KINDS: Record<string, { flagged: string[]; clean: string[] }> = {
  'a duration written loosely': {
    flagged: [
      'The repair will take approximate 3/4 days.',
      'Exports usually resolve themselves after a short time.',
      'Please wait a few minutes and try the upload again.',
      'You can retry in a couple of hours.',
      'It will likely take a few days to get the invoices rectified.',
    ],
    clean: ['Please try the upload again. Next update by 4:00 PM UTC.'],
  },
  'a promise after an earlier past-tense verb in the same clause': {
    flagged: ['Mail was fixed for most people and should resume for the rest shortly.'],
    clean: ['Mail was delayed for about an hour and resumed at 10:05 AM ET.'],
  },
  'a deadline written in words': {
    flagged: [
      "We will have it fixed by three o'clock.",
      'Payments should be back by quarter to five.',
      'We expect to have it sorted by ten am.',
      "Sign-in will be restored by 5 o'clock.",
    ],
    clean: ["We will post the next update at three o'clock.", 'The outage began at ten am.'],
  },
  'a time span behind us, or effort, is no promise': {
    flagged: ['Orders will be restored throughout the evening.'],
    clean: [
      'Over the previous two hours, engineers worked to bring the servers back online.',
      'Our engineers will keep working through the weekend to get every store running again.',
      'We will keep monitoring it closely for the next two hours.',
      'We will confirm recovery by 4:00 PM UTC.',
      'A backlog to prevent data loss is being processed; we cannot say when it will clear.',
    ],
  },
  'a fix booked with a verb and its object': {
    flagged: [
      'We have booked the hotfix deploy for 16:45.',
      'Our engineers have lined up a rollback for tonight.',
      "We've pencilled in the repair job for Thursday morning.",
    ],
    clean: [
      'We had booked the rollback for 13:15, but it was called off.',
      'We scheduled the restart for 2am and it went smoothly.',
      "We've booked a call with your team for 3pm.",
    ],
  },
  'a hedge after the deadline': {
    flagged: ['Sync back by 6 hopefully.', 'Payments fixed by noon, fingers crossed.'],
    clean: ["We'll email you by 6 hopefully."],
  },
  'a stated estimate label, abbreviated': {
    flagged: [
      'Est. fix 7pm.',
      'ERT: 18:00 UTC',
      'Est. time to restore: 30 min',
      'The carrier has given an estimated repair time of 17:15.',
    ],
    clean: ['Our courier gives an ETA of 15:30 on every delivery.'],
  },
  'more disruption ahead, or the end of the problem, as a time': {
    flagged: [
      'Expect a further 20 minutes of delays.',
      'You may see up to three hours of slowness on exports.',
      'The disruption is expected to last until about 7pm.',
      'The outage ends at 18:30 UTC.',
    ],
    clean: [
      'We apologise for the 40 minutes of downtime this morning.',
      'The maintenance window ends at 5am.',
      'The outage lasted until 6pm.',
    ],
  },
  'a present-tense return, and a watch word as the subject': {
    flagged: [
      'Tracking resumes at 7am tomorrow.',
      'Monitoring restarts at 9am.',
      'Deliveries start arriving again at 11.',
      'Bookings reopen on Tuesday once the repair is done.',
    ],
    clean: [
      'We are tracking the recovery over the next hour.',
      'The feature goes live on December 9.',
      'Our office reopens on Monday.',
    ],
  },
  'a slot with what it brings about, or work under way': {
    flagged: [
      'The rollback is planned for 14:20, after which checkout will work again.',
      'An engineer is booked for 2pm to fix the router.',
      "We've scheduled the database failover for 10:45, which should restore sign-ins.",
      'We are shipping the patch to every region by 6pm.',
      'The hotfix build has been lined up for tonight.',
    ],
    clean: [
      'Payouts scheduled for 3pm will be processed as normal.',
      "We've scheduled the webinar for 3pm, which will cover the new dashboard.",
      'We have booked a meeting for Friday and will share the fix plan.',
      'We were pushing the fix at 5pm when the second alarm fired.',
    ],
  },
  'how long the problem or the fix still has to go': {
    flagged: [
      'This should take no more than 90 minutes to repair.',
      'You may see timeouts for another 10-20 minutes while the change rolls out.',
      'Expect occasional failures for the next hour.',
      'Resolution is roughly 40 minutes away.',
      "We're probably looking at another hour before exports are restored.",
      'Reindexing could take several hours.',
    ],
    clean: [
      'Expect delays in our support replies today.',
      'We cannot promise it will be fixed no later than 3pm.',
    ],
  },
  'abbreviated labels, targets, time left, problem ends': {
    flagged: [
      'Fault in your area. Est fix 5pm.',
      'Restore est. 22:15.',
      'Estimated time remaining: 25 minutes.',
      'Target resolution date: 2026-03-04.',
      "We're targeting Friday morning for the full fix.",
      'The migration has about 20 minutes left.',
      'Slowness on the search page should subside by 15:00.',
      'Disruption to card top-ups is expected to finish by Monday.',
      'We expect the slowdown to last another two hours.',
    ],
    clean: [
      'You have 30 minutes left to submit your form.',
      'Time left on your session: 10 minutes.',
      'Transactions made before 3pm will settle tomorrow.',
      'A few customers have asked if the outage will be over by the weekend; we do not know yet.',
    ],
  },
  'the reader asked to wait before acting (a wait is a fix-time promise)': {
    flagged: [
      'Give it 20 minutes and then reopen the app.',
      'Please hold off on resubmitting claims until tomorrow morning.',
      'Try ordering again after 7pm tonight.',
      'We suggest waiting until after 4pm before making another payment.',
      "I'd suggest giving it 30 minutes and then signing in again.",
      'Please re-upload the file after 5:30pm.',
      'Retry after 12:00 CET.',
    ],
    clean: [
      'Please keep your receipt until the refund arrives.',
      'Please allow 30 minutes before contacting support again.',
    ],
  },
  'people, places and things that come back, not the service': {
    flagged: [
      'Engineers are working to get everything back this evening.',
      'Game servers come back online at 07:00 UTC.',
      'The fix lands before the weekend.',
    ],
    clean: [
      'Our branches reopen at 9:30 after the public holiday.',
      'The engineer assigned to your case will be back online shortly after midnight.',
      'Please come back at 3pm to collect your order.',
    ],
  },
  'labels with a day, a 24-hour clock or a date target': {
    flagged: [
      'ETR: 1830 GMT',
      'Expected resolution: Wed 09:30 CET',
      'Planned repair time: 16:40.',
      'Est. supply back: 20:15.',
      'Fix target - 3 March.',
      'ETA: within the hour.',
      'Our supplier has given us a repair date of 14 May.',
    ],
    clean: ['Your booking reference is AB-1234. Next update: 16:00 UTC.'],
  },
  'a problem that lasts until, or stops within, a time': {
    flagged: [
      'Update - Delays to collections are likely to last until the weekend.',
      'Slow response times should ease off by early evening.',
      'Dropped calls will persist for another hour while traffic is moved.',
      'Outage expected to last until 3am.',
      'Search errors in Asia should stop within the next 20 minutes.',
    ],
    clean: [
      'The support chat will be unavailable from 18:00 because of staff training.',
      'Payments did not resume until 16:10 UTC.',
    ],
  },
  'informal and numeric times': {
    flagged: [
      'should be live again b4 lunch',
      'Payouts flowing again in a jiffy.',
      'Streaming will be back for everyone on 3/9.',
      'The invoices will be corrected by end of day Thursday.',
    ],
    clean: ['Support is available 24/7 by email.', 'Latency dropped by 2.5 seconds after the fix.'],
  },
  'release slots and time still needed': {
    flagged: [
      'The fix goes out in tomorrow’s release.',
      'The patch is going out with the 5pm build.',
      'Fix release: 16:00 UTC.',
      'Deploying the fix at 5.',
      "It'll be another hour or so.",
      'We need another 40 minutes.',
      'Give us 15 minutes.',
      'About 2 hrs to full recovery.',
      'Full recovery is around 3 hours out.',
    ],
    clean: [
      'We need another hour to review your request before we can reply.',
      'The webinar is in tomorrow’s newsletter.',
      'Last week’s outage took just under four hours to fix; the report is linked below.',
      'It was another 2 hours before we noticed.',
      'The next day, we rolled the upgrade back.',
      'The survey takes about 10 minutes to complete.',
      'You may have seen errors for about 20 minutes this morning; no data was lost.',
      'Please return the borrowed laptops within 3 weeks.',
      'Our Leeds store reopens on Monday after its refit.',
      'Swimming lessons resume at 6pm on Thursday.',
    ],
  },
  'a recovery already told, a person back, money returned': {
    flagged: ['The team found the cause and payments should be back by 4pm.'],
    clean: [
      'We rolled back at 09:10 and latency recovered within five minutes.',
      'Our provider fixed the link at 14:00 and sign-ins returned to normal shortly after.',
      'Tom is back at 3pm and will call you then.',
      'Live chat is closed for the moment and will return at 08:00.',
      'Your card issuer may take until the 12th to release the hold on the payment.',
    ],
  },
};

describe('no-fix-time-promise by kind', () => {
  for (const [kind, { flagged, clean }] of Object.entries(KINDS)) {
    describe(kind, () => {
      it.each(flagged)('flags: %s', (text) => expect(fires(text)).toBe(true));
      it.each(clean)('leaves clean: %s', (text) => expect(fires(text)).toBe(false));
    });
  }
});

// Fault: a clock time in words ("by half past four") was matched as a deadline, then dropped
// because its "past" read as a span behind us ("for the past hour"); "midday" was not a time.
describe('no-fix-time-promise: a deadline with a clock time in words', () => {
  const TIMES = [
    'half past four',
    'half-past four',
    'quarter past three',
    'a quarter to five',
    'quarter of five',
    'twenty past four',
    'ten to six',
    'twenty-five past two',
    'half past 4',
    'quarter to 5 pm',
    "four o'clock",
    "eleven o'clock",
    'half four',
    'four thirty',
    'noon',
    'twelve noon',
    'midday',
    'mid-day',
    'midnight',
  ];
  const LEAD_INS = ['by', 'around', 'before', 'by around', 'at about', 'no later than'];
  const at = (frame: string) =>
    TIMES.flatMap((time) => LEAD_INS.map((lead) => frame.replace('{T}', `${lead} ${time}`)));

  const PROMISES = [
    'We expect this fixed {T}.',
    'Checkout should be back {T}.',
    'Sign-in will be working again {T}.',
    'We aim to have the invoice backlog cleared {T}.',
    'Card payments are expected to resume {T} ET.',
    'Good news: the fix should be deployed {T}.',
  ];
  // Past events, update times, negated, reported or asked: none promises a fix time.
  const NOT_PROMISES = [
    'We posted this {T}.',
    'The incident began {T}.',
    'Service was restored {T}.',
    'Checkout recovered {T} and has stayed stable since.',
    'Errors started {T} and engineers are investigating.',
    'We will post the next update {T}.',
    'We will share more about the fix {T}.',
    'We cannot promise it will be fixed {T}.',
    'You asked whether checkout will be back {T}, and we do not know yet.',
    'Will sign-in work again {T}?',
  ];

  it.each(PROMISES)('reports every clock time in words: %s', (frame) => {
    expect(at(frame).filter((text) => !fires(text))).toEqual([]);
  });
  it('reports an ETA given as a clock time in words', () => {
    expect(TIMES.map((time) => `ETA for a fix: ${time}.`).filter((text) => !fires(text))).toEqual([]);
  });
  it.each(NOT_PROMISES)('reports none of: %s', (frame) => {
    expect(at(frame).filter(fires)).toEqual([]);
  });
  it.each([
    'Error rates should be reduced by five to ten percent once the fix is live.',
    'Over the past hour, engineers worked to get checkout running again.',
    'Our engineers will keep working through the night to get every store back online.',
  ])('still reads a span or an amount, not a clock time: %s', (text) => expect(fires(text)).toBe(false));
});
