/**
 * @module release/approved
 * Looking up an approved release in the incident state: the one thing delivery accepts.
 */
import { problem, ValidationError } from '../errors';
import type { ApprovedRelease, IncidentState } from '../incident/state';

/** Which release: a status-update version, or a side note by its id (its draft id). */
export type ReleaseRef = { version: number } | { noteId: string };

/**
 * The approved release recorded in the log for a status-update version or a side note: the
 * exact messages `publishUpdate` delivers, their hash and the approvals that name it. For a
 * side note released more than once, the newest release.
 *
 * Practice: "use one approved status message at a time": delivery sends what was approved.
 *
 * @param state - the incident state (from `applyEvent` / `replay`).
 * @param ref - `{ version }` (1-based) or `{ noteId }`.
 * @returns the {@link ApprovedRelease}.
 * @throws {ValidationError} `input_invalid` at `ref` when no approved release was recorded for
 *   it (a version published from a text-only draft has none).
 * @example
 * const release = approvedRelease(state, { version: 2 });
 * await publishUpdate({ release, routes, channels, outbox });
 */
export function approvedRelease(state: IncidentState, ref: ReleaseRef): ApprovedRelease {
  const found =
    'noteId' in ref
      ? state.releases.findLast((r) => r.noteId === ref.noteId)
      : state.releases.find((r) => r.noteId === undefined && r.version === ref.version);
  if (found) return found;
  const known = state.releases.map((r) => (r.noteId ? `note ${r.noteId}` : `version ${r.version}`));
  throw new ValidationError('release', [
    problem(
      'noteId' in ref ? 'ref.noteId' : 'ref.version',
      known.length > 0 ? `one of ${known.join(', ')}` : 'a release approved and recorded in the log',
      'noteId' in ref ? JSON.stringify(ref.noteId) : String(ref.version),
    ),
  ]);
}
