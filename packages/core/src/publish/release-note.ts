/**
 * @module publish/release-note
 * `releaseNote`: decides a side note (a credit offer to named accounts, an apology to one
 * customer) with the same lint, gates and content binding as a status version. Pure: returns
 * the `note.released` event to append; delivery then sends exactly its approved message.
 */
import { problem, ValidationError } from '../errors';
import type { Draft, EventOf } from '../incident/events';
import type { IncidentState } from '../incident/state';
import type { Runbook } from '../runbook/define';
import { publish } from './publish';
import type { BlockedReason, PublishBlockedInput, PublishDraftOptions } from './publish-types';

/** The `note.released` event to append. */
export type NoteReleasedInput = EventOf<'note.released'>;

/** Options of {@link releaseNote}. */
export interface ReleaseNoteOptions extends PublishDraftOptions {
  /** How many recipients it goes to (a count, not the addresses); at least 1. */
  recipients: number;
  /** The channel it goes out by, e.g. `account-note`. */
  channel?: string;
  /** Who releases it: the draft's author or the communication owner (default: the owner). */
  actor?: string;
}

/** Result of {@link releaseNote}. */
export type ReleaseNoteOutcome =
  | { ok: true; event: NoteReleasedInput }
  | { ok: false; reasons: BlockedReason[]; event: PublishBlockedInput };

/**
 * Decides a side note: a release for one audience sent outside the status versions. Blocked
 * for the same reasons as {@link publish} (a text-only or edited draft, stale facts, missing
 * or pending approvals, any lint error in its subject or text, facts the messages contradict),
 * except that a note may follow the resolution; and a note is one audience's release (every
 * message for `draft.audience`). The current version stays the one story every team repeats.
 *
 * @param state - the incident state.
 * @param draft - the note's draft, recorded with `messages` (see `releaseDraft`).
 * @param runbook - a validated runbook.
 * @param now - ISO-8601 UTC instant of the release.
 * @param options - `recipients` (count), `channel`, `actor`, and `publish`'s options.
 * @returns `{ ok: true, event }` (append it, then deliver `approvedRelease(state, { noteId })`)
 *   or `{ ok: false, reasons, event }` (a `publish.blocked` event to append).
 * @throws {ValidationError} `input_invalid` for a recipient count below 1, or the errors of {@link publish}.
 * @example
 * const decided = releaseNote(state, creditDraft, runbook, now, { recipients: 2, channel: 'account-note' });
 * if (decided.ok) state = applyEvent(state, decided.event);
 */
export function releaseNote(
  state: IncidentState,
  draft: Draft,
  runbook: Runbook,
  now: string,
  options: ReleaseNoteOptions,
): ReleaseNoteOutcome {
  if (!Number.isInteger(options.recipients) || options.recipients < 1) {
    throw new ValidationError('note release', [
      problem('options.recipients', 'a whole number of recipients, at least 1', String(options.recipients)),
    ]);
  }
  // A note does not become a version, so the version-only rule (no version after the
  // resolution) does not apply; every other reason does.
  const decided = publish(
    { ...state, status: state.status === 'resolved' ? 'monitoring' : state.status },
    draft,
    runbook,
    now,
    options,
  );
  const reasons: BlockedReason[] = decided.ok ? [] : [...decided.reasons];
  if (!draft.messages) {
    reasons.push({
      code: 'release-missing',
      message: `Side note ${draft.id} has no messages; record its wording with releaseDraft so what is approved is what is sent.`,
    });
  } else if (draft.messages.some((m) => m.audience !== draft.audience)) {
    reasons.push({
      code: 'release-missing',
      message: `A side note is one audience's release; draft ${draft.id} also holds messages for ${[
        ...new Set(draft.messages.map((m) => m.audience).filter((a) => a !== draft.audience)),
      ].join(', ')}.`,
    });
  }
  const record = state.drafts[draft.id];
  if (!decided.ok || reasons.length > 0 || !record || decided.event.type !== 'update.published') {
    const blocked: PublishBlockedInput = decided.ok
      ? {
          type: 'publish.blocked',
          at: now,
          actor: options.actor ?? decided.event.actor,
          draftId: draft.id,
          revision: record?.revision ?? 1,
          reasons: reasons.map((r) => ({ code: r.code, message: r.message })),
        }
      : {
          ...decided.event,
          reasons: reasons.map((r) => ({
            code: r.code,
            message: r.message,
            ...(r.ruleId ? { ruleId: r.ruleId } : {}),
          })),
        };
    return { ok: false, reasons, event: blocked };
  }
  return {
    ok: true,
    event: {
      type: 'note.released',
      at: now,
      actor: options.actor ?? decided.event.actor,
      draftId: draft.id,
      revision: record.revision,
      audience: draft.audience,
      recipients: options.recipients,
      ...(options.channel ? { channel: options.channel } : {}),
      ...(decided.event.release ? { release: decided.event.release } : {}),
    },
  };
}
