/**
 * @module approvals/request
 * Turns a draft's gates into the `approval.requested` events to append, so every approval
 * wait starts on the log (the review measures it from there).
 */
import { problem, ValidationError } from '../errors';
import { type Draft, type EventOf, instantSchema } from '../incident/events';
import type { DraftRecord, IncidentState } from '../incident/state';
import type { Runbook } from '../runbook/define';
import { gateStatuses, requiredApprovals } from './gates';

/** An `approval.requested` event ready to append (`applyEvent`). */
export type ApprovalRequestedInput = EventOf<'approval.requested'>;

/**
 * The draft as recorded in the log, checked to be the same wording as `draft`.
 *
 * @throws {ValidationError} `input_invalid` when the draft is not in the log, or its text,
 *   kind or status differ from the recorded current revision (record the edit first).
 *   Practice: approvers approve exactly the words that will be sent.
 * @example
 * recordedDraft(state, draft).revision; // 2, the revision any approval must name
 */
function recordedDraft(
  state: IncidentState,
  draft: Pick<Draft, 'id' | 'text' | 'kind' | 'status'>,
): DraftRecord {
  const record = state.drafts[draft.id];
  if (!record) {
    throw new ValidationError('draft', [
      problem(
        'draft.id',
        'a draft recorded in the incident log (append draft.created first)',
        JSON.stringify(draft.id),
      ),
    ]);
  }
  const edited = (['text', 'kind', 'status'] as const).filter((key) => record[key] !== draft[key]);
  if (edited.length > 0) {
    throw new ValidationError(
      'draft',
      edited.map((key) =>
        problem(
          `draft.${key}`,
          `the ${key} of revision ${record.revision} in the log (record the edit with draft.created first; it needs approval again)`,
          'a different value',
        ),
      ),
    );
  }
  return record;
}

/**
 * The `approval.requested` events to append for a draft's current revision: one per approval
 * gate that is not yet requested or granted (a gate recorded under the wrong role is asked
 * again of the right one). Denied gates are not asked again: a denial means the wording must
 * change, and an edit (a new revision) starts every gate afresh. Preconditions (`resolution`)
 * are never requested; they are read from the state. Pure: appends nothing itself.
 *
 * Practice: "keep the approval path short": ask each named approver once, at the same time.
 *
 * @param draft - the draft; must be the current revision recorded in the log.
 * @param state - the incident state.
 * @param runbook - a validated runbook.
 * @param now - ISO-8601 UTC instant of the request (the `at` of every event).
 * @param actor - who asks (usually the communication owner's person id).
 * @returns event inputs in gate order; empty when nothing is left to ask.
 * @throws {ValidationError} `input_invalid` for a bad `now`/`actor`, or a draft that is not the
 *   recorded current revision.
 * @example
 * for (const event of requestApprovals(draft, state, runbook, '2026-03-03T14:25:00Z', 'dana')) {
 *   state = applyEvent(state, event);
 * }
 */
export function requestApprovals(
  draft: Pick<Draft, 'id' | 'text' | 'kind' | 'status'>,
  state: IncidentState,
  runbook: Runbook,
  now: string,
  actor: string,
): ApprovalRequestedInput[] {
  const problems = [];
  if (!instantSchema.safeParse(now).success)
    problems.push(problem('now', 'an ISO-8601 UTC instant', JSON.stringify(now)));
  if (typeof actor !== 'string' || actor.trim() === '')
    problems.push(problem('actor', 'a person id', JSON.stringify(actor)));
  if (problems.length > 0) throw new ValidationError('approval request', problems);
  const record = recordedDraft(state, draft);
  return gateStatuses(requiredApprovals(record, state, runbook), record, state)
    .filter((s) => s.gate.kind === 'approval' && (s.state === 'missing' || s.state === 'wrong-role'))
    .map(({ gate }) => ({
      type: 'approval.requested',
      at: now,
      actor,
      draftId: record.id,
      revision: record.revision,
      gate: gate.id,
      role: gate.role,
      ...(gate.topic ? { topic: gate.topic } : {}),
    }));
}
