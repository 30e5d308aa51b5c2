import { describe, expect, it } from 'vitest';
import { lintMessage } from './lint-message';
import { detectTopics } from './topics';
import type { LintContext } from './types';

// Kinds of mistake the linter reads on real text, each with several paraphrases, and good
// text of the same shape that must stay clean. A table per rule: a kind is a behaviour, not a
// sentence.
const update: LintContext = { kind: 'update', audience: 'customer' };
const fires = (text: string, ruleId: string, context: LintContext = update) =>
  lintMessage(text, context).some((d) => d.ruleId === ruleId);

const KINDS: Record<string, { rule: string; flagged: string[]; clean: string[]; context?: LintContext }> = {
  'fix time as a duration, deadline or day part': {
    rule: 'no-fix-time-promise',
    flagged: [
      'We expect a fix within 20 to 40 minutes.',
      'Restoring this will take most of the day.',
      'Exports will be delayed during the next couple of hours.',
      'Pages will stay slow for roughly another quarter hour.',
      'We will be back up by 3pm.',
      'Sending should resume by 3 PM GMT.',
      'We expect this sorted today.',
      'It should be fixed this afternoon.',
      'The backlog may take up to 12 hours to clear.',
      'Some servers may continue to see issues over the next hour.',
      'The site won’t be up for another 24 to 48 hours.',
      'Please try signing in again after a couple of hours.',
    ],
    clean: [
      'We will fix this as soon as possible. Next update by 9:30 AM ET.',
      'We will share more once we know more.',
      'We will post the next update in 30 minutes.',
      'Checkout was restored at 10:05 AM ET after 40 minutes of failures.',
      'A permanent fix to prevent this in future is planned for next week.',
    ],
  },
  'fix time stated as a label, a slot or a wait, with no verb to read': {
    rule: 'no-fix-time-promise',
    flagged: [
      'ETA ~ 15:30 UTC.',
      'Estimated resolution: 16:30 UTC.',
      'Expected resolution time: 4:30 PM UTC.',
      'Target resolution: end of day.',
      'Our current estimate is two hours.',
      'Our ETA remains half past four.',
      'ETA for fix: 3pm.',
      'Fix due 4:30pm.',
      'Restoration is booked for 3pm.',
      'Recovery is on schedule for 15:30 UTC.',
      'The fix is queued for release at 16:00 UTC.',
      'It may be 5pm before checkout is back.',
      'It could be another hour before payments work again.',
      'ETA for full recovery is 16:00 UTC.',
      'Estimated resolution — approx. 3pm CET',
      'Estimated resolution time has moved to 17:30 UTC.',
      'A hotfix is scheduled for 14:00 UTC.',
      'Service is due back at 4pm.',
      'It would be 6pm at the earliest before checkout returns.',
      'It could be 8pm before the dashboard loads again.',
      'It will take a few more hours to get everything back online.',
      'The integration will be restored on 3 March.',
      "Payments won't be back till 5pm.",
      'Service returns at 15:00 UTC.',
      'The patch is scheduled to go out at 13:00 UTC.',
      'Current ETA for full service is 3pm.',
      "We're hopeful that the outage could be over by midnight.",
      'Recovery may take until tomorrow morning.',
      'Expect the outage to continue until about 19:30.',
      'Email won’t be working again until after midnight.',
      'We need about 30 more minutes to restore access.',
      'The restore process usually takes 3 hours, so expect service back then.',
      "Gonna be a couple hours before it's working again, sorry.",
      "Hotfix deploying now, ~15 min till it's back.",
      'Possibly back up by 10ish.',
      'It may be 5pm before logins work.',
      'You may have to wait until 16:00 UTC for video calls to be restored.',
      'It may take until midnight for the backlog to clear.',
      'Please expect service to be unavailable until around 2pm.',
      'Email delivery restarts at 14:00 UTC once the fix is deployed.',
      'Logins return to normal at 3pm PT.',
      'Expected back online: 10:30am',
      'Some riders may see issues. Our team is on it and things should be back to normal shortly.',
    ],
    clean: [
      'We do not have an ETA yet. Next update by 3:30 PM UTC.',
      'Estimated impact: 2% of card payments between 14:05 and 14:40 UTC.',
      'Next update ETA: 4pm BST.',
      'Delivery ETA: 2 hours (courier estimate, unrelated to this incident).',
      'Our original ETA of 3pm was missed, and we apologise.',
      'We missed our estimated resolution time of 16:00 UTC.',
      'It may be 5pm before our next update if nothing changes.',
      'It will be tomorrow before the invoices are emailed, as usual.',
      'The restore due at 3pm was cancelled; next update by 4pm.',
      'Invoices due on the 9th will be sent as normal.',
      'Is the ETA still 3pm?',
      'Our estimate of affected orders is 1,200.',
      'A permanent fix is scheduled for next week to prevent this in future.',
      'Payouts due at 5pm will be paid as normal.',
    ],
  },
  'fix time hedged, scheduled in the present tense, or aimed at with a day or a date': {
    rule: 'no-fix-time-promise',
    flagged: [
      'Payments may start working again around 3pm.',
      'The backlog may clear by 5pm.',
      'It is possible that payments resume by 4pm.',
      'Payments can be back by 4pm if the rollback works.',
      "We'd have it fixed by noon if the rollback works.",
      "We're hoping for a fix by noon.",
      'Probably back by noon.',
      'A fix may ship tonight.',
      'We might deploy the fix tonight.',
      'Service resumes at 15:00 UTC.',
      'The fix goes live at 3pm today.',
      'The team is working to restore service today.',
      'Checkout may not be back until 5pm.',
      'Service won’t be back until 5pm.',
      'Expect delays until 5pm.',
      'Logins might remain slow until the evening.',
      'We expect this fixed by December 9.',
      'We expect this fixed by the 9th.',
      'Getting checkout back up will take hours.',
      'Should be fixed by five.',
      'Checkout will be back by eleven tonight.',
    ],
    clean: [
      "We are working to resolve today's outages.",
      'Service resumed at 15:00 UTC.',
      'The fix went live at 3pm.',
      'Normally the nightly job would be finished by 6am.',
      'Some customers may need to retry payments made this morning.',
      'You may want to try again this afternoon.',
      'Without this fix, exports would have been delayed until tomorrow.',
      'We would like to thank you for your patience while we restored service this morning.',
      'Orders placed before December 9 are not affected.',
      'Our provider escalated this by the 2nd attempt.',
      'The support team is back at 9am.',
      'The support team will be back at 9am.',
      'Error rates dropped by five.',
      'We will post an update by five.',
      'Any restore jobs scheduled for tonight will run as planned.',
      'Disaster recovery tests scheduled for Friday have been postponed.',
      'A fix was scheduled for 15:00 UTC, but we rolled it back at 15:20 UTC.',
      'Statements may clear by Friday as normal.',
      'Queued emails may be delivered out of order today.',
      'Trading resumes at 8am tomorrow, as usual.',
      'The daily sync resumes at 02:00 UTC each night.',
      'Payments did not resume until 16:10 UTC.',
      'Payouts will not be back-dated until the 9th.',
      'Please do not retry failed payouts until the 9th, when they are re-sent automatically.',
      'Subscriptions due for renewal by December 9 will renew as normal.',
      'We are working to restore the orders placed this morning.',
      'Bank transfers normally take hours to clear.',
      'Our CEO will be back by 3pm to record a video update.',
      'The supplier may be back to us by 3pm with more information.',
      'We will have more detail by 4pm.',
      'Scheduled maintenance is due to complete at 04:00 UTC.',
      'The dashboard will be unavailable during planned maintenance tonight between 11pm and 1am.',
      "We're seeing early signs of recovery but it's too soon to say when everything will be back.",
      'We rolled back the change at 16:02 and the dashboard came back shortly after.',
      "We expected a fix by 2pm, but that didn't happen. We don't have a new time yet.",
      'Service resumed at 14:05 and has remained stable for 2 hours.',
      'Chat support goes live again at 8am CET.',
      "We'll check back in here within the hour with more details.",
      'Deliveries for tomorrow will be processed as normal.',
      'Reservations for tonight should be available again in the app.',
      'Our CEO returns at 2pm and will join the call.',
      'The support team will be available from 7am PT to help with any questions.',
      'Our London team will be back online at 9am and can help with any refunds.',
      'We previously said we expected to have this fixed by 3pm. That is no longer the case.',
      'Earlier we estimated recovery by 14:00 UTC. The fix has taken longer than expected.',
      'Our mobile app will be unavailable for a planned upgrade on Sunday 6am–8am AEST.',
      "We're working on it and we'll tweet again within the hour.",
      'We may need to restart some servers this evening; we will warn you first.',
      'The market reopens at 8am, unaffected by this incident.',
    ],
  },
  'a cause stated as fact or blamed on a named vendor': {
    rule: 'no-cause-speculation',
    flagged: [
      'AWS is down, which is why checkout fails.',
      'A database migration went wrong this morning.',
      "It's a Microsoft 365 problem, not ours.",
      'Looks like SES is having issues.',
      'This is due to an outage at Cloudflare.',
      'Our payment provider is having an outage.',
    ],
    clean: [
      'Checkout fails for some customers. We have not confirmed the cause yet.',
      'We are still investigating the cause.',
      'Card payments through Stripe are failing for some customers.',
    ],
  },
  'hedged or partial recovery claimed': {
    rule: 'no-premature-resolution',
    flagged: [
      'The workers ought to be up again.',
      'Most requests look healthy again.',
      'Checkout seems to be back.',
      'Payments are mostly restored.',
      'Checkout is fixed.',
    ],
    clean: [
      'Stripe says payments are back to normal; we are checking checkout before we confirm.',
      'Checkout should be back once the fix is deployed.',
      'We have not confirmed recovery yet.',
      'Last week’s outage, which was resolved on Thursday, is covered in our report.',
    ],
  },
  'vague holding statements and problem words standing in for the impact': {
    rule: 'no-vague-language',
    flagged: [
      'There is nothing new to report yet.',
      'The problem is under review.',
      'We are continuing to monitor for any further issues.',
      'We are experiencing issues with the mobile app.',
      'We are seeing higher error rates than usual.',
      'There is an issue affecting broadband services.',
      'Some users may experience issues.',
    ],
    clean: [
      'Some customers cannot sign in to the mobile app. Next update by 9:30 AM ET.',
      'We are seeing issues with customers logging in to online banking.',
      'Card payments are declined at checkout. We are continuing to investigate.',
      'We identified the cause and rolled back the change. We are continuing to monitor.',
    ],
  },
};

describe('detection by kind', () => {
  for (const [kind, { rule, flagged, clean, context }] of Object.entries(KINDS)) {
    describe(kind, () => {
      it.each(flagged)(`${rule} flags: %s`, (text) => expect(fires(text, rule, context)).toBe(true));
      it.each(clean)(`${rule} leaves clean: %s`, (text) => expect(fires(text, rule, context)).toBe(false));
    });
  }

  it('plain-impact: a customer action or symptom names the impact; a service with "issues" does not', () => {
    const initial: LintContext = { kind: 'initial', audience: 'customer' };
    for (const text of [
      'We are aware some customers are having issues logging in. Next update by 9:30 AM ET.',
      'Some users may have trouble connecting to Slack. Next update by 9:30 AM ET.',
      'We know some customers are having issues making or receiving payments. Next update by 9:30 AM ET.',
      'Emails are delayed by up to an hour. Next update by 9:30 AM ET.',
    ])
      expect(fires(text, 'plain-impact', initial)).toBe(false);
    for (const text of [
      'We are aware of an issue affecting the Monzo app. Next update by 9:30 AM ET.',
      'We are investigating elevated error rates. Next update by 9:30 AM ET.',
      'We identified an issue with the authentication service. Next update by 9:30 AM ET.',
    ])
      expect(fires(text, 'plain-impact', initial)).toBe(true);
  });

  it('data exposure and loss need the named approver', () => {
    for (const text of [
      'No customer data was exposed.',
      'Some invoices may have been sent to the wrong customer.',
      'Some invoices may have been lost.',
      'Receipts were shown to the wrong users.',
      'Your data is safe.',
    ])
      expect(detectTopics(text).map((m) => m.topic)).toContain('dataLoss');
    for (const text of ['Invoices are delayed.', 'We sent the invoices this morning.'])
      expect(detectTopics(text).map((m) => m.topic)).not.toContain('dataLoss');
  });
});
