/**
 * @module message
 * The approved message: one audience's rendering of one published status-update version,
 * the unit that channels deliver.
 */
import type { Audience, MessageKind, Severity, Status } from './vocabulary';

/**
 * One audience's message for one status-update version, rendered from that version's facts.
 * Channels turn it into their payload (`Channel.render`) and escape it there.
 */
export interface ApprovedMessage {
  /** The incident this message belongs to. */
  incidentId: string;
  /** Short incident title, plain text, e.g. "Card payments failing at checkout". */
  incidentTitle: string;
  /** Status-update version (1-based) this message was rendered from. */
  version: number;
  kind: MessageKind;
  audience: Audience;
  severity: Severity;
  status: Status;
  /** ISO-8601 UTC instant the version was published. */
  publishedAt: string;
  /** ISO-8601 UTC instant of the next update; absent once resolved. */
  nextUpdateAt?: string | undefined;
  /** One-line plain-text subject (email subject, Slack status line). Never contains CR/LF. */
  subject: string;
  /** Plain-text body, unescaped. Channels escape it for their format. */
  text: string;
  /** Optional HTML body, already escaped by the template renderer. */
  html?: string | undefined;
  /** Optional Slack mrkdwn body, already escaped by the template renderer. */
  mrkdwn?: string | undefined;
  /** IANA zone the message's times are written in (release messages always say). */
  timeZone?: string | undefined;
  /** The runbook segment of the audience it was written for (e.g. `customer-us`); absent for the audience as a whole. */
  segment?: string | undefined;
  /** Content hash of the approved release this message belongs to (`releaseHash`). */
  releaseHash?: string | undefined;
  /** The side note's id, for a message of a side note rather than a status-update version. */
  noteId?: string | undefined;
}
