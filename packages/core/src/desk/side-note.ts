/**
 * @module desk/side-note
 * A side note (an approved draft sent outside the status versions, such as a credit offer to
 * named accounts) as the one message the desk delivers: the draft's own text, under the
 * current version's next-update promise.
 */
import type { PublishResult } from '../delivery/publish';
import { currentStatusUpdate, type DraftRecord, type IncidentState } from '../incident/index';
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

/**
 * The message of an approved side note: the recorded text and `subject`, keyed under the
 * current version (its own channel keeps its deliveries apart from the version's).
 *
 * @example
 * sideNoteMessage(state, state.drafts['credit-note']!, 'A credit for today', now).text; // the approved text
 */
export function sideNoteMessage(
  state: IncidentState,
  record: DraftRecord,
  subject: string,
  now: string,
): ApprovedMessage {
  const current = currentStatusUpdate(state);
  return {
    incidentId: state.id,
    incidentTitle: state.title,
    version: current?.version ?? 1,
    kind: record.kind,
    audience: record.audience,
    severity: state.severity,
    status: current?.status ?? record.status,
    publishedAt: now,
    nextUpdateAt: current?.nextUpdateAt,
    subject,
    text: record.text,
  };
}

/** The delivery summary of a note that had no recipient. */
export function emptyResult(message: Pick<ApprovedMessage, 'incidentId' | 'version'>): PublishResult {
  const totals = { sent: 0, failed: 0, unknown: 0, skipped: 0, pending: 0 };
  return {
    incidentId: message.incidentId,
    version: message.version,
    byChannel: {},
    totals,
    interrupted: false,
    deliveries: [],
  };
}
