/**
 * @module incident/release-record
 * The reducer's release rules: a draft's content hash, approvals bound to it, and the approved
 * release recorded by `update.published` / `note.released`. Pure helpers of `applyEvent`.
 */
import { EventRejectedError } from '../errors';
import { type RecordedRelease, releaseHash, sortReleaseMessages } from '../release/release';
import type { Draft, EventOf, IncidentEvent } from './events';
import type { ApprovedRelease, DraftRecord, IncidentState } from './state';

const reject = (rule: string, event: IncidentEvent, message: string): never => {
  throw new EventRejectedError(rule, event.type, message);
};

/**
 * The content hash of a recorded draft's release, or undefined for a text-only draft. The
 * draft's `text` must be the text of one of its own audience's messages.
 */
export function draftReleaseHash(draft: Draft, event: IncidentEvent): string | undefined {
  if (!draft.messages) return undefined;
  if (!draft.messages.some((m) => m.audience === draft.audience && m.text === draft.text)) {
    reject(
      'draft-text-in-release',
      event,
      `draft ${draft.id}: its text must be the ${draft.audience} message of its release, word for word`,
    );
  }
  return releaseHash({ kind: draft.kind, status: draft.status, messages: draft.messages });
}

/** Checks an `approval.granted` names the release of the revision it approves (when it names one). */
export function checkApprovalHash(draft: DraftRecord, event: EventOf<'approval.granted'>): void {
  if (event.releaseHash === undefined || event.releaseHash === draft.releaseHash) return;
  reject(
    'approval-of-current-release',
    event,
    `the approval names release ${event.releaseHash}, but draft ${draft.id} revision ${draft.revision} is ${draft.releaseHash ?? 'a text-only draft'}; approve what will be sent`,
  );
}

/**
 * The approved release a publish or note event records, checked against the draft: the event
 * must carry the draft's messages exactly (same hash, recomputed here), and every approval
 * must name that hash. Undefined for a text-only draft without a release.
 */
export function approvedReleaseOf(
  state: IncidentState,
  draft: DraftRecord,
  event: EventOf<'update.published' | 'note.released'>,
  release: RecordedRelease | undefined,
  ref: { version: number; noteId?: string; nextUpdateAt?: string },
): ApprovedRelease | undefined {
  if (draft.releaseHash === undefined) {
    if (release) reject('release-of-draft', event, `draft ${draft.id} carries no messages to release`);
    return undefined;
  }
  if (!release) {
    return reject(
      'release-recorded',
      event,
      `draft ${draft.id} has a release; the event must record its approved messages`,
    );
  }
  const computed = releaseHash({ kind: draft.kind, status: draft.status, messages: release.messages });
  if (computed !== release.hash || release.hash !== draft.releaseHash) {
    reject(
      'release-matches-approval',
      event,
      `the recorded messages (${computed}) are not the approved release of draft ${draft.id} revision ${draft.revision} (${draft.releaseHash})`,
    );
  }
  const approvals = Object.values(draft.approvals);
  if (!approvals.some((a) => a.status === 'granted')) {
    reject('release-approved', event, `release ${release.hash} of draft ${draft.id} has no granted approval`);
  }
  const unbound = approvals.filter((a) => a.status === 'granted' && a.releaseHash !== release.hash);
  if (unbound.length > 0) {
    reject(
      'release-matches-approval',
      event,
      `approval ${unbound.map((a) => a.gate).join(', ')} does not cover release ${release.hash}`,
    );
  }
  return {
    incidentId: state.id,
    incidentTitle: state.title,
    version: ref.version,
    ...(ref.noteId === undefined ? {} : { noteId: ref.noteId }),
    draftId: draft.id,
    draftRevision: draft.revision,
    kind: draft.kind,
    status: draft.status,
    severity: state.severity,
    publishedAt: event.at,
    ...(ref.nextUpdateAt === undefined ? {} : { nextUpdateAt: ref.nextUpdateAt }),
    hash: release.hash,
    messages: sortReleaseMessages(release.messages),
    approvals: approvals.map((a) => ({
      gate: a.gate,
      role: a.role,
      by: a.decidedBy ?? a.requestedBy,
      at: a.decidedAt ?? a.requestedAt,
      releaseHash: a.releaseHash ?? release.hash,
    })),
  };
}
