/**
 * @module test/approvals
 * Helpers for approval, publishing and pre-send tests: drafts, approval decisions and states
 * built on the checkout outage of `support.ts` (facts version 1 confirmed at 9:15 ET).
 */
import { type IncidentEventInput, type IncidentState, replay } from '../src/incident/index';
import type { MessageKind, Status } from '../src/vocabulary';
import { checkoutStart, t } from './support';

/** A calm, specific customer update for the checkout outage; next update due 9:35 AM ET when sent at t(10). */
export const NORMAL_UPDATE =
  'Card payments at checkout are failing for some customers paying by card. ' +
  'Our engineers are working on the payment service now. ' +
  'If a payment failed, please do not retry it more than once. Next update at 9:35 AM ET.';

/** Options of {@link draftCreated}. */
export interface DraftOptions {
  kind?: MessageKind;
  status?: Status;
  audience?: 'customer' | 'support-reply' | 'sales-active-deal' | 'cs-account' | 'internal';
  basedOnFactsVersion?: number;
  actor?: string;
}

/** A `draft.created` event (re-using an id records a new revision). */
export function draftCreated(
  id: string,
  at: string,
  text: string,
  options: DraftOptions = {},
): IncidentEventInput {
  return {
    type: 'draft.created',
    at,
    actor: options.actor ?? 'dana',
    draft: {
      id,
      kind: options.kind ?? 'update',
      audience: options.audience ?? 'customer',
      status: options.status ?? 'investigating',
      text,
      basedOnFactsVersion: options.basedOnFactsVersion ?? 1,
    },
  };
}

/** An `approval.granted` event. */
export function granted(
  draftId: string,
  revision: number,
  gate: string,
  actor: string,
  at: string,
): IncidentEventInput {
  return { type: 'approval.granted', at, actor, draftId, revision, gate };
}

/** An `approval.denied` event. */
export function denied(
  draftId: string,
  revision: number,
  gate: string,
  actor: string,
  at: string,
  reason = 'not this wording',
): IncidentEventInput {
  return { type: 'approval.denied', at, actor, draftId, revision, gate, reason };
}

/** The checkout outage's state after its start plus `events`. */
export function checkoutState(...events: IncidentEventInput[]): IncidentState {
  return replay([...checkoutStart(), ...events]);
}

export { t };
