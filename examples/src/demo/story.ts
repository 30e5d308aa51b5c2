/**
 * @module demo/story
 * The Tuesday checkout outage as a script: the order of the steps and the section headings,
 * nothing else. Times are minutes after the 9:10 AM ET alert, on a simulated clock.
 */
import { FIRST_FACTS, FIX_FACTS, FOLLOW_UP_AT, minute, NARROWED_FACTS } from './scenario';
import {
  confirmFacts,
  creditOffer,
  customerSuccessOutreach,
  declare,
  firstHour,
  recover,
  riskyDrafts,
  type StepContext,
  salesDemos,
  statusUpdate,
  supportTickets,
  type UpdatePlan,
} from './steps';

/** An update drafted at `m`, approved a minute later, published a minute after that. */
const onTime = (m: number, plan: Omit<UpdatePlan, 'draftAt' | 'grantAt' | 'publishAt'>): UpdatePlan => ({
  ...plan,
  draftAt: minute(m),
  grantAt: minute(m + 1),
  publishAt: minute(m + 2),
});

/**
 * Plays the whole scenario on the desk.
 *
 * @example
 * await playCheckoutOutage(context); // context.outcome now holds six published versions
 */
export async function playCheckoutOutage(c: StepContext): Promise<void> {
  const { say } = c;
  say.heading('9:10 AM ET: card charges start failing at checkout');
  await declare(c);
  await confirmFacts(c, minute(5), FIRST_FACTS);

  say.heading('First customer update (target: within 15 minutes of the alert)');
  await customerSuccessOutreach(c);
  await statusUpdate(c, {
    kind: 'initial',
    status: 'investigating',
    draftAt: minute(6),
    grantAt: minute(8),
    publishAt: minute(9),
    note: 'thin facts, sent fast',
  });
  await firstHour(c);

  say.heading('Support, sales and customer success work from the approved update');
  await supportTickets(c);
  await salesDemos(c);

  say.heading('Drafts that must not go out');
  await riskyDrafts(c);

  say.heading('The SEV1 rhythm: an update every 15 minutes');
  await statusUpdate(
    c,
    onTime(21, { kind: 'update', status: 'investigating', note: 'no new facts, but on time' }),
  );

  say.heading('A credit offer waits for the named approver');
  await creditOffer(c);

  say.heading('The cause is found and a workaround confirmed');
  const cause = 'the cause is found (a failing step in the card charge flow); PayPal and gift cards work';
  await confirmFacts(c, minute(32), NARROWED_FACTS, cause);
  // The incident lead confirmed the cause: from now on every version says `identified`.
  const workaround = 'the cause is identified; tells customers how to pay meanwhile';
  await statusUpdate(c, onTime(36, { kind: 'workaround', status: 'identified', note: workaround }));
  // Nothing new, sent on time; the update template still repeats the confirmed workaround.
  const testing = 'testing continues; no news, but on time';
  await statusUpdate(c, onTime(51, { kind: 'update', status: 'identified', note: testing }));
  await confirmFacts(c, minute(64), FIX_FACTS, 'the correction is rolling out');
  const rolling = 'the correction is going out';
  await statusUpdate(c, onTime(66, { kind: 'update', status: 'identified', note: rolling }));

  say.heading('Recovery');
  await recover(c);
  const resolved = 'what customers saw, when it recovered, what to do, when the follow-up comes';
  await statusUpdate(c, {
    ...onTime(77, { kind: 'resolved', status: 'resolved', note: resolved }),
    followUpAt: FOLLOW_UP_AT,
  });
  // Publishing the resolved version resolves the incident; no separate `resolved` event follows.
  const state = c.desk.state(c.incidentId)!;
  say.ended(state.status, state.resolvedAt!, state.updates.length);
}
