/**
 * @module incident/publish-handlers
 * The reducer's handlers for what reaches customers: `update.published` (a new status version)
 * and `note.released` (a side note). Who may append them is the permission table's; these
 * check the log's order (version sequence, facts version, recovery, pending approvals).
 */
import { EventRejectedError } from '../errors';
import type { EventOf, IncidentEvent } from './events';
import { approvedReleaseOf } from './release-record';
import type { IncidentState } from './state';

/** Throws the {@link EventRejectedError} of `rule` for `event`. */
export const reject = (rule: string, event: IncidentEvent, message: string): never => {
  throw new EventRejectedError(rule, event.type, message);
};

/** Appends version N+1 (after the permission table accepted who and what). */
export function appendPublishedVersion(
  state: IncidentState,
  next: IncidentState,
  event: EventOf<'update.published'>,
): IncidentState {
  const { update } = event;
  if (update.version !== state.updates.length + 1) {
    reject('version-sequence', event, `expected version ${state.updates.length + 1}, got ${update.version}`);
  }
  if (update.factsVersion !== state.factsVersion) {
    reject(
      'stale-facts',
      event,
      `the update uses facts version ${update.factsVersion}; the newest is ${state.factsVersion}`,
    );
  }
  if (update.status === 'resolved' && !state.recovery.confirmed) {
    reject(
      'resolved-after-recovery-confirmed',
      event,
      'the incident lead has not confirmed recovery with a customer-facing check',
    );
  }
  const draft = state.drafts[update.draftId];
  if (!draft || draft.revision !== update.draftRevision) {
    reject(
      'published-from-draft',
      event,
      `draft ${update.draftId} revision ${update.draftRevision} does not exist`,
    );
  }
  const pending = Object.values(draft!.approvals).filter((a) => a.status !== 'granted');
  if (pending.length > 0) {
    reject(
      'approvals-granted',
      event,
      `approval still missing: ${pending.map((a) => `${a.gate} (${a.status})`).join(', ')}`,
    );
  }
  const release = approvedReleaseOf(state, draft!, event, event.release, {
    version: update.version,
    ...(update.nextUpdateAt === undefined ? {} : { nextUpdateAt: update.nextUpdateAt }),
  });
  if (release) {
    if (!release.messages.some((m) => m.audience === draft!.audience && m.text === update.text)) {
      reject(
        'release-matches-approval',
        event,
        `the update's text is not the ${draft!.audience} message of its release`,
      );
    }
    next.releases = [...state.releases, release];
  }
  next.updates = [...state.updates, update];
  next.drafts = { ...state.drafts, [draft!.id]: { ...draft!, publishedVersion: update.version } };
  next.status = update.status;
  if (update.status === 'resolved') next.resolvedAt = event.at;
  return next;
}

/**
 * Records a side note sent outside the status versions. The revision must be the draft's current
 * one, every approval requested on it granted, the draft never published as a version, the
 * audience the draft's own, and the sender its author or the communication owner holder.
 */
export function releaseNote(
  state: IncidentState,
  next: IncidentState,
  event: EventOf<'note.released'>,
): IncidentState {
  const draft = state.drafts[event.draftId];
  if (!draft) return reject('note-from-draft', event, `no draft ${event.draftId}`);
  if (draft.revision !== event.revision) {
    reject(
      'note-from-draft',
      event,
      `draft ${draft.id} is at revision ${draft.revision}, not ${event.revision}; release the current revision`,
    );
  }
  if (draft.publishedVersion !== undefined) {
    reject(
      'note-not-a-version',
      event,
      `draft ${draft.id} was published as version ${draft.publishedVersion}; a version is not a side note`,
    );
  }
  if (event.audience !== draft.audience) {
    reject(
      'note-audience-of-draft',
      event,
      `draft ${draft.id} was written for ${draft.audience}, not ${event.audience}`,
    );
  }
  const pending = Object.values(draft.approvals).filter((a) => a.status !== 'granted');
  if (pending.length > 0) {
    reject(
      'approvals-granted',
      event,
      `approval still missing: ${pending.map((a) => `${a.gate} (${a.status})`).join(', ')}`,
    );
  }
  const release = approvedReleaseOf(state, draft, event, event.release, {
    version: state.updates.length,
    noteId: draft.id,
  });
  if (release) next.releases = [...state.releases, release];
  next.notes = [
    ...state.notes,
    {
      draftId: draft.id,
      revision: draft.revision,
      audience: event.audience,
      at: event.at,
      by: event.actor,
      recipients: event.recipients,
      ...(event.channel ? { channel: event.channel } : {}),
    },
  ];
  return next;
}
