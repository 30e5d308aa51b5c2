/**
 * @module publish/consistency-types
 * The shapes of the consistency check: the messages compared, the reference, the differences found.
 */
import type { StatusUpdate } from '../incident/events';
import type { ApprovedMessage } from '../message';
import type { Audience, Scope, Status } from '../vocabulary';

/**
 * One audience's message as handed to {@link checkConsistency}: an {@link ApprovedMessage}, or
 * a hand-edited text with its audience (plus whatever is known about it).
 */
export interface ConsistencyMessage {
  audience: Audience;
  /** Plain-text body. */
  text: string;
  /** How to name this message in findings (default: the audience), e.g. `Priya's reply`. */
  label?: string | undefined;
  /** Status-update version it claims to render. */
  version?: number | undefined;
  status?: Status | undefined;
  /** ISO-8601 UTC next-update instant carried alongside the text. */
  nextUpdateAt?: string | undefined;
  /** ISO-8601 UTC instant the message went (or goes) out; resolves written clock times. */
  publishedAt?: string | undefined;
  /** IANA zone for clock times written without a zone label. */
  timeZone?: string | undefined;
}

/** The facts compared across audiences (the practice's four questions, plus version and status). */
export type ConsistencyFact =
  | 'version'
  | 'status'
  | 'whatIsBroken'
  | 'whoIsAffected'
  | 'customerAction'
  | 'nextUpdate';

/** One fact that differs, with each variant and the audiences that say it. */
export interface Inconsistency {
  fact: ConsistencyFact;
  /** Plain words, e.g. `next update time differs: "9:30 AM ET" (customer, support-reply) vs "9:45 AM ET" (sales-renewal)`. */
  message: string;
  /** Each variant once, with who says it (`status update vN` for the reference). */
  variants: Array<{ value: string; audiences: string[] }>;
}

/** Result of {@link checkConsistency}. */
export interface ConsistencyReport {
  consistent: boolean;
  differences: Inconsistency[];
}

/** The source-of-truth facts to compare messages with (a {@link StatusUpdate} fits). */
export interface ConsistencyReference {
  /** How findings name it (default `status update vN`). */
  label?: string | undefined;
  version?: number | undefined;
  status?: Status | undefined;
  /** What customers see, e.g. "card payments at checkout are failing". */
  symptom?: string | undefined;
  scope?: Scope | undefined;
  customerAction?: string | undefined;
  /** ISO-8601 UTC instant of the next update. */
  nextUpdateAt?: string | undefined;
  /** ISO-8601 UTC instant; resolves messages' written clock times. */
  publishedAt?: string | undefined;
}

/** Options of {@link checkConsistency}. */
export interface ConsistencyOptions {
  /**
   * The facts the messages must match, usually the status update they render: each message
   * is also compared with it. Listed first in findings as `label` (default `status update vN`).
   */
  reference?: StatusUpdate | ConsistencyReference | undefined;
  /** ISO-8601 UTC instant to resolve written clock times against when a message has no `publishedAt`. */
  now?: string | undefined;
  /** IANA zone for unlabelled clock times when a message has no `timeZone`. */
  timeZone?: string | undefined;
}
