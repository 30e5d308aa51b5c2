/**
 * @module desk/side-note
 * A side note (an approved one-audience release sent outside the status versions, such as a
 * credit offer to named accounts): the promise it is checked against, and an empty summary.
 */
import type { PublishResult } from '../delivery/publish';
import { currentStatusUpdate, type IncidentState } from '../incident/index';
import type { ApprovedMessage } from '../message';

/**
 * The next-update time the current version promised, while it is still ahead of `now`: a side
 * note is checked against it, since it must not promise anything the status update does not.
 *
 * @example
 * currentPromise(state, '2026-03-03T14:36:00Z'); // '2026-03-03T14:50:00.000Z'
 */
export function currentPromise(state: IncidentState, now: string): string | undefined {
  const promised = currentStatusUpdate(state)?.nextUpdateAt;
  return promised && Date.parse(promised) > Date.parse(now) ? promised : undefined;
}

/** The delivery summary of a note that had no recipient. */
export function emptyResult(message: Pick<ApprovedMessage, 'incidentId' | 'version'>): PublishResult {
  const totals = {
    sent: 0,
    failed: 0,
    unknown: 0,
    skipped: 0,
    pending: 0,
    superseded: 0,
    expired: 0,
    deferred: 0,
  };
  return {
    incidentId: message.incidentId,
    version: message.version,
    byChannel: {},
    totals,
    interrupted: false,
    deliveries: [],
  };
}
