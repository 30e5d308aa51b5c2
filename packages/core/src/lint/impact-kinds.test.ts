import { describe, expect, it } from 'vitest';
import { lintMessage } from './lint-message';
import type { LintContext } from './types';

// Kinds of mistake (and of good text) that `plain-impact` and `no-vague-language` read, each
// with phrasings written for this test, not taken from the quality corpus. A kind is a
// behaviour: every phrasing in a row must behave the same way.
const initial: LintContext = { kind: 'initial', audience: 'customer' };
const update: LintContext = { kind: 'update', audience: 'customer' };
const resolved: LintContext = { kind: 'resolved', audience: 'customer' };
const fires = (text: string, ruleId: string, context: LintContext) =>
  lintMessage(text, context).some((d) => d.ruleId === ruleId);

interface Kind {
  rule: 'plain-impact' | 'no-vague-language';
  context: LintContext;
  flagged?: string[];
  clean?: string[];
}

const KINDS: Record<string, Kind> = {
  'an inability, however it is phrased, names the impact': {
    rule: 'plain-impact',
    context: initial,
    clean: [
      'We are looking into reports of members not being able to open their statements.',
      'An outage is affecting shoppers’ ability to redeem gift cards.',
      'A fault is limiting the ability for some drivers to accept jobs.',
      'Some tenants cannot reach the booking page.',
    ],
  },
  'a problem word tied to an action customers take names the impact': {
    rule: 'plain-impact',
    context: initial,
    clean: [
      'Some people are having troubles uploading photos.',
      'Riders may have difficulty using the trip planner.',
      'We are seeing problems with outgoing text messages.',
      'An issue is affecting receipt emails for some stores.',
      'We are investigating connectivity for every region.',
      'A fault is disrupting card payments, including contactless, at our stores.',
    ],
  },
  'a visible symptom names the impact': {
    rule: 'plain-impact',
    context: initial,
    clean: [
      'Several sailings have been cancelled this morning.',
      'Uploads may take a bit longer than usual.',
      'Some landlines have no dial tone.',
      'The booking page is temporarily down.',
      'Reports have not been fully functional since 8 AM.',
      'No statements are being sent at the moment.',
      'Some members have not been able to access their accounts.',
      'Projects are not starting in the EU cluster.',
      'Exports are queued and will go out in order.',
      'The review of your submission will take additional time.',
      'There is a loss of mobile data services in the area.',
    ],
  },
  'recovery of something customers use names the impact': {
    rule: 'plain-impact',
    context: update,
    clean: [
      'Receipts are now being delivered again.',
      'Video calls continue to work normally.',
      'Bookings are processing as expected.',
      'The forum is now open again.',
      'Subscribers should now be able to stream again.',
      'Customers can use the app and withdraw cash.',
      'Reports should be visible again within the dashboard.',
      'Please try signing in again and let us know.',
    ],
  },
  'the writer’s own inability, a forecast or a team is not the impact': {
    rule: 'plain-impact',
    context: initial,
    flagged: [
      'We are unable to give a time for the fix yet.',
      'We are working to get things back to normal.',
      'Our support team is available to help with questions.',
      'Our engineers continue to work on this.',
      'We hope everything will be up and running again soon.',
      'People are having issues using Snapchat right now.',
      'We are aware of problems with the mobile app.',
    ],
  },
  'holding statements with no news after the first message': {
    rule: 'no-vague-language',
    context: update,
    flagged: [
      'We’re continuing to work on resolving this problem.',
      'We are still working on it.',
      'The review is taking longer than anticipated.',
      'We will monitor platform stability and performance closely.',
      'We’re working on it. Let us know when you see the site back up.',
      'We are tracking the progress of the repair.',
      'There is nothing new to report yet.',
    ],
    clean: [
      'We have rolled back the change and are continuing to monitor.',
      'The cause was identified and a fix is deploying. We continue to monitor.',
      'Checkout fails for some customers. We are continuing to investigate.',
    ],
  },
  'generic problem words with no symptom anywhere': {
    rule: 'no-vague-language',
    context: initial,
    flagged: [
      'We are dealing with a system-wide problem.',
      'Customers are affected by a temporary glitch.',
      'There is an ongoing technology outage.',
      'We apologise for this disruption of service.',
      'We’re aware of problems with Dropbox right now.',
      'Sorry, we had some brief downtime this morning.',
      'This is usually a temporary error that clears by itself.',
      'Something has gone wrong on our side.',
    ],
  },
  'a support reply that names only that something happened': {
    rule: 'no-vague-language',
    context: { kind: 'initial', audience: 'support-reply' },
    flagged: [
      'Thanks for the report. There is an active incident right now.',
      'There was indeed a brief outage earlier.',
      'This was a problem on our end.',
      'It looks like an issue in production, we are on it.',
      'We have confirmed something isn’t working correctly and are investigating.',
    ],
    clean: [
      'There was a problem with our latest release; we are rolling it back.',
      'Thanks for the report. There is an incident: uploads are failing for some projects.',
      'Please reply if you are still seeing issues.',
    ],
  },
  'a reply that closes the case still says what happened': {
    rule: 'no-vague-language',
    context: { kind: 'resolved', audience: 'support-reply' },
    flagged: ['There was an incident on our side, which is fixed now.'],
    clean: ['Imports were failing for about an hour this morning; that is fixed now.'],
  },
  'a problem said to affect people, not an action': {
    rule: 'no-vague-language',
    context: initial,
    flagged: [
      'The outage is affecting subscribers in the north-east.',
      'It is currently affecting our home, business and mobile broadband customers.',
      'This issue affects members worldwide.',
      'A fault that impacted some of our services is being repaired.',
    ],
  },
  'a symptom beside the problem word, or in another sentence, makes it clean': {
    rule: 'no-vague-language',
    context: initial,
    clean: [
      'A technical issue is preventing some customers from paying by card.',
      'We cannot process refunds today because of a technical issue.',
      'We are investigating a technical problem. Customers cannot upload files.',
      'We are experiencing problems accessing the help centre.',
      'Some riders may experience issues requesting trips.',
      'Card payments are failing; it affects customers paying by card.',
    ],
  },
  'a closing message that reports recovery may name "a technical issue"': {
    rule: 'no-vague-language',
    context: resolved,
    clean: [
      'The technical issue from this morning has been resolved.',
      'We experienced a system outage earlier, but everything is up and running again.',
    ],
  },
  'a hedged working state stays vague next to the action it hides': {
    rule: 'no-vague-language',
    context: update,
    flagged: ['Card top-ups and transfers have not been fully operational since noon.'],
  },
};

describe('no-dramatic-language: names and thanks are not drama', () => {
  it.each([
    ['Massive thanks to everyone who reported this.', false],
    ['We patched servers for the Spectre and Meltdown flaws last night.', false],
    ['This was a massive failure of our payment system.', true],
    ['MASSIVE outage right now, sorry everyone.', true],
    ['Unprecedented demand took the site down.', true],
    ['We saw a catastrophic failure at checkout.', true],
  ] as const)('%s', (text, dramatic) => {
    const fired = lintMessage(text, update).some((d) => d.ruleId === 'no-dramatic-language');
    expect(fired).toBe(dramatic);
  });
});

describe('impact and vague wording, by kind', () => {
  for (const [name, kind] of Object.entries(KINDS)) {
    it(`${kind.rule}: ${name}`, () => {
      for (const text of kind.flagged ?? [])
        expect({ text, fires: fires(text, kind.rule, kind.context) }).toEqual({ text, fires: true });
      for (const text of kind.clean ?? [])
        expect({ text, fires: fires(text, kind.rule, kind.context) }).toEqual({ text, fires: false });
    });
  }
});
