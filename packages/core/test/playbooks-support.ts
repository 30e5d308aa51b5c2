/**
 * @module test/playbooks-support
 * Fixtures for the team playbook tests: the checkout outage of `support.ts` with a published
 * status update, recovery, and the morning's demos and accounts.
 */
import { applyEvent, type IncidentEventInput, type IncidentState, replay } from '../src/incident/index';
import type { Status } from '../src/vocabulary';
import { checkoutStart, publicationEvents, t } from './support';

/** Wording of the first approved update (our own words, 9:18 ET, next update 9:30 ET). */
export const FIRST_UPDATE_TEXT =
  'Some card payments at checkout are failing right now. Our engineers are on it. ' +
  'If a payment failed, please try it at most once more. Next update by 9:30 AM ET.';

/** Options of {@link publishEvents}. */
export interface PublishOptions {
  text?: string;
  status?: Status;
  /** Default `t(20)` (9:30 ET); `null` promises no time. */
  nextUpdateAt?: string | null;
  regions?: string[];
  productAreas?: string[];
  scope?: 'unknown' | 'few' | 'some' | 'many' | 'all';
  cause?: string;
}

/** A draft and its publication by the communication owner (`dana`) at `at`, as the next version. */
export function publishEvents(
  state: IncidentState,
  at: string,
  options: PublishOptions = {},
): IncidentEventInput[] {
  const version = state.updates.length + 1;
  const status = options.status ?? 'investigating';
  const kind = status === 'resolved' ? 'resolved' : version === 1 ? 'initial' : 'update';
  const nextUpdateAt = options.nextUpdateAt === undefined ? t(20) : options.nextUpdateAt;
  // A version states the confirmed facts: a different scope, regions or cause is confirmed first.
  const facts = {
    ...(options.scope && options.scope !== state.facts.scope.value ? { scope: options.scope } : {}),
    ...(options.regions ? { regions: options.regions } : {}),
    ...(options.cause ? { cause: options.cause } : {}),
  };
  return publicationEvents(
    state,
    at,
    { kind, status, text: options.text ?? FIRST_UPDATE_TEXT },
    {
      ...(Object.keys(facts).length > 0 ? { facts } : {}),
      ...(nextUpdateAt ? { nextUpdateAt } : {}),
      ...(options.productAreas ? { productAreas: options.productAreas } : {}),
    },
  );
}

/** Applies events in order. */
export function apply(state: IncidentState, ...events: IncidentEventInput[]): IncidentState {
  return events.reduce<IncidentState>((s, e) => applyEvent(s, e), state);
}

/** Payments failing at 9:10 ET, facts confirmed at 9:15, nothing published yet. */
export function checkoutDeclared(): IncidentState {
  return replay(checkoutStart());
}

/** The checkout outage with its first update published at 9:18 ET (`t(8)`), next update 9:30 ET. */
export function checkoutWithUpdate(options: PublishOptions = {}): IncidentState {
  const state = checkoutDeclared();
  return apply(state, ...publishEvents(state, t(8), options));
}

/** Recovery confirmed by the incident lead (`lee`) at `at`, then a resolved update by `dana`. */
export function recoveredAndResolved(state: IncidentState, at: string): IncidentState {
  const confirmed = apply(state, {
    type: 'recovery.confirmed',
    at,
    actor: 'lee',
    customerCheck: 'placed a real card order end to end',
  });
  return apply(
    confirmed,
    ...publishEvents(confirmed, at, {
      status: 'resolved',
      nextUpdateAt: null,
      text: 'Card payments at checkout are working again since 10:05 AM ET. Thank you for your patience.',
    }),
  );
}

/** The two live demos booked before lunch, and two open deals; `at` in ISO-8601 UTC. */
export function morningSalesItems() {
  return [
    // 10:30 ET, the script places a live order.
    { id: 'demo-northwind', kind: 'demo', name: 'Northwind', dependsOn: ['checkout'], at: t(80) },
    // 11:30 ET, a reporting walkthrough.
    { id: 'demo-globex', kind: 'demo', name: 'Globex', dependsOn: ['reporting'], at: t(140) },
    { id: 'deal-initech', kind: 'deal', name: 'Initech', dependsOn: ['checkout', 'app'], at: t(200) },
    { id: 'renewal-umbrella', kind: 'renewal', name: 'Umbrella', dependsOn: ['integrations'], at: t(300) },
  ] as const;
}
