/**
 * @module demo/scenario
 * The data of the Tuesday checkout outage: when things happen, what the incident lead confirms,
 * who gets which message, the tickets, demos and accounts, and the drafts that must not go out.
 */
import type { AccountInput, FactsInput, SalesItemInput, TicketInput } from '@incident-comms/core';

/** The incident id used in every message, delivery key and file name. */
export const INCIDENT_ID = 'inc-2026-03-03-checkout';

/** The alert: card charges start failing at 9:10 AM ET (14:10 UTC), Tuesday 3 March 2026. */
export const ALERT_AT = '2026-03-03T14:10:00Z';

/**
 * The instant `minutes` after the alert, as ISO-8601 UTC (whole seconds, `Z`).
 *
 * @example
 * minute(10); // '2026-03-03T14:20:00Z' (9:20 AM ET)
 */
export function minute(minutes: number): string {
  return new Date(Date.parse(ALERT_AT) + minutes * 60_000).toISOString().replace('.000Z', 'Z');
}

/** The incident as declared. */
export const INCIDENT = {
  title: 'Card payments failing at checkout',
  incidentType: 'checkout',
  severity: 'SEV1',
} as const;

/** What the incident lead confirms at 9:15, before the first customer update. */
export const FIRST_FACTS: FactsInput = {
  symptom: 'card payments are being declined at checkout',
  affected: 'shoppers paying by credit or debit card',
  scope: 'some',
  unknowns: [
    'whether saved cards and newly entered cards are both affected',
    'how many orders did not complete',
  ],
  teamAction: 'Our payments team is tracing where the card charges fail',
  customerAction: 'please retry a failed card payment no more than once until we confirm checkout is stable',
};

/**
 * 9:42: the incident lead confirms the cause (the failing step is found), and other ways to pay
 * still work. A confirmed cause is what moves the next version's status to `identified`.
 */
export const NARROWED_FACTS: FactsInput = {
  cause: 'A faulty step in our card charge flow rejects valid card payments',
  teamAction: 'Our payments team has found the step where card charges fail and is testing a correction',
  unknowns: ['how many orders did not complete'],
  workaround: 'PayPal and gift cards still work at checkout',
};

/** 10:15: the correction is going out. */
export const FIX_FACTS: FactsInput = {
  teamAction: 'Our payments team is rolling out the correction and watching card payments as it goes live',
};

/** What the incident lead checked before calling it recovered: a real customer action. */
export const CUSTOMER_CHECK =
  'placed a real card order on the live store; the charge went through and the order was confirmed end to end';

/** When the fuller follow-up is promised in the resolved message: 2:00 PM ET. */
export const FOLLOW_UP_AT = '2026-03-03T19:00:00Z';

/** Customers who receive the broadcast update by email (the `customer` audience). */
export const CUSTOMER_EMAILS = [
  'ana.lopez@shoppers.example',
  'ben.carter@shoppers.example',
  'chloe.nguyen@shoppers.example',
  'dev.patel@shoppers.example',
  'emma.schulz@shoppers.example',
] as const;

/** Business accounts; customer success picks who gets a personal note with `outreachList`. */
export const ACCOUNTS: Array<AccountInput & { email: string }> = [
  {
    id: 'harbor-vine',
    name: 'Harbor & Vine',
    email: 'ops@harborvine.example',
    productAreas: ['checkout', 'reporting'],
    tier: 'enterprise',
    flags: ['active-campaign'],
  },
  {
    id: 'kettle-pine',
    name: 'Kettle & Pine',
    email: 'store@kettlepine.example',
    productAreas: ['checkout'],
    tier: 'growth',
    flags: ['active-campaign', 'high-order-volume'],
  },
  {
    id: 'lumen-outdoor',
    name: 'Lumen Outdoor',
    email: 'team@lumenoutdoor.example',
    productAreas: ['checkout'],
    tier: 'growth',
    flags: ['active-campaign'],
  },
  {
    id: 'northwind-studio',
    name: 'Northwind Studio',
    email: 'hello@northwind.example',
    productAreas: ['checkout'],
    tier: 'growth',
    flags: [],
  },
  {
    id: 'atlas-analytics',
    name: 'Atlas Analytics',
    email: 'it@atlasanalytics.example',
    productAreas: ['reporting'],
    tier: 'enterprise',
    flags: ['active-launch'],
  },
];

/**
 * The Slack conversations of the loopback workspace. They are internal team channels, so each
 * gets the `internal` summary in the team's zone (ET): the one status every team repeats, with
 * who owns the next update. Words meant for customers travel elsewhere: support's approved
 * reply with `triageTicket`, the account note by email to the accounts (`cs-account`, in their
 * zone).
 */
export const SLACK_ROUTES = [
  { audience: 'internal', channel: 'C0SUPPORT1', name: '#support' },
  { audience: 'internal', channel: 'C0SALES001', name: '#sales' },
  { audience: 'internal', channel: 'C0CUSTSUCC', name: '#cs' },
  { audience: 'internal', channel: 'C0INCSTAT1', name: '#incident-status' },
] as const;

/** Two tickets support triages after the first update (9:22 and 9:23). */
export const TICKETS: TicketInput[] = [
  {
    id: 'T-4821',
    at: minute(12),
    by: 'tom',
    text: 'I tried to pay for my order twice and my card was declined both times. Is something wrong on your side?',
  },
  {
    id: 'T-4822',
    at: minute(13),
    by: 'tom',
    text:
      'We are in the middle of our spring sale and our shoppers cannot pay by card. ' +
      'A few of them also say they cannot sign in to their accounts.',
    accountId: 'harbor-vine',
    accountTier: 'enterprise',
    flags: ['active-campaign'],
  },
];

/** The two demos sales has before lunch. */
export const DEMOS: SalesItemInput[] = [
  {
    id: 'demo-bluefin',
    kind: 'demo',
    name: 'Bluefin Goods (live purchase walkthrough)',
    dependsOn: ['checkout'],
    at: '2026-03-03T15:30:00Z', // 10:30 AM ET
    owner: { id: 'priya', name: 'Priya Nair' },
  },
  {
    id: 'demo-copperleaf',
    kind: 'demo',
    name: 'Copperleaf (sales reporting tour)',
    dependsOn: ['reporting'],
    at: '2026-03-03T16:30:00Z', // 11:30 AM ET
    owner: { id: 'priya', name: 'Priya Nair' },
  },
];

/** Drafts written under pressure that the runbook must stop. */
export const RISKY_DRAFTS = [
  {
    id: 'sales-bluefin-note',
    author: 'priya',
    what: 'a note to a prospect before their demo',
    audience: 'sales-active-deal',
    text:
      'Hi Jordan, a quick note before our 10:30 demo. Engineering says checkout will be fixed in 10 minutes, ' +
      'so we can keep the live purchase walkthrough as planned.',
  },
  {
    id: 'support-macro-guess',
    author: 'tom',
    what: 'a reply to customers',
    audience: 'support-reply',
    text:
      'Sorry for the trouble! It looks like our payment provider is having an outage, which is probably ' +
      'why your card was declined. Please try again a bit later.',
  },
] as const;

/**
 * The credit offer customer success wants to send to the campaign accounts. Needs the named
 * approver (compensation) and states the next update time in the accounts' zone.
 *
 * @param nextUpdate - the promised next-update time, already formatted for the accounts (e.g. `15:50 CET`).
 */
export function creditNoteText(nextUpdate: string): string {
  return (
    'Card payments at checkout have been failing for some of your shoppers during your campaign. ' +
    'We will add a credit to your next invoice for the affected hours, and your account manager will confirm the amount with you. ' +
    `Our payments team is working on the problem now, and we will send you the next update by ${nextUpdate}.`
  );
}
