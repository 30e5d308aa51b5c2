/**
 * @module publish/publish-types
 * The shapes `publish` returns and takes: why a draft is blocked, the outcome, the options.
 */
import type { TextSpan } from '../approvals/gates';
import type { EventOf, StatusUpdate } from '../incident/events';
import type { Diagnostic } from '../lint/types';
import type { Audience, RoleId } from '../vocabulary';
import type { ConsistencyFact } from './consistency-types';
import type { ReleaseDiagnostic } from './lint-release';

/** Why a draft may not be published (stable codes; hosts branch on `code`). */
export type BlockedCode =
  | 'draft-not-recorded'
  | 'draft-edited'
  | 'draft-already-published'
  | 'incident-resolved'
  | 'stale-facts'
  | 'no-communication-owner'
  | 'facts-missing'
  | 'approval-missing'
  | 'approval-pending'
  | 'approval-denied'
  | 'approval-wrong-role'
  | 'recovery-not-confirmed'
  | 'lint-error'
  | 'release-missing'
  | 'release-inconsistent';

/** One reason a draft is blocked, in plain words, with what it points at. */
export interface BlockedReason {
  code: BlockedCode;
  /** What is wrong and what to do, in plain words. */
  message: string;
  /** The lint rule, for `lint-error`. */
  ruleId?: string;
  /** The gate id, for approval and precondition reasons. */
  gate?: string;
  /** The role that decides the gate. */
  role?: RoleId;
  /** The passage of the text concerned (lint errors, topic gates). */
  span?: TextSpan;
  /** The audience whose message it concerns (release lint errors and inconsistencies). */
  audience?: Audience;
  /** Which part of that message, for release lint errors. */
  field?: 'subject' | 'text';
  /** The fact the messages contradict, for `release-inconsistent`. */
  fact?: ConsistencyFact;
  /** Every audience concerned, for `release-inconsistent`. */
  audiences?: string[];
}

/** The `update.published` event to append. */
export type UpdatePublishedInput = EventOf<'update.published'>;
/** The `publish.blocked` event to append (for the review). */
export type PublishBlockedInput = EventOf<'publish.blocked'>;

/** Result of {@link publish}. */
export type PublishOutcome =
  | {
      ok: true;
      /** Append it with `applyEvent`; the reducer checks the same rules again. */
      event: UpdatePublishedInput;
      /** Version N+1, the new current status update. */
      statusUpdate: StatusUpdate;
      /** Lint warnings (they do not block; worth a second look). */
      warnings: Diagnostic[] | ReleaseDiagnostic[];
    }
  | {
      ok: false;
      /** Every reason at once, in a fixed order: draft, facts, owner, gates, lint. */
      reasons: BlockedReason[];
      /** Append it so the review sees what was held up and why. */
      event: PublishBlockedInput;
      /**
       * Every lint diagnostic (errors and warnings): of the draft text, or for a release of
       * every message's subject and text, tagged with audience, zone and field.
       */
      diagnostics: Diagnostic[] | ReleaseDiagnostic[];
    };

/** Options of {@link publish}. */
export interface PublishDraftOptions {
  /**
   * The next-update time to record (ISO-8601 UTC), when the owner promised an earlier one
   * than the cadence plan (e.g. the draft says 9:30 and goes out at 9:16). Must be after
   * `now` and no later than the cadence plan. Default: the cadence plan.
   */
  nextUpdateAt?: string;
  /** Who is recorded on a `publish.blocked` event (default: the communication owner, else `system`). */
  actor?: string;
}
