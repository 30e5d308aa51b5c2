/**
 * @module publish/publish-checks
 * `publish`'s input checks and reasons in plain words: the instant and next-update option, the
 * planned next update, the facts a version needs, and each gate state as a blocked reason.
 */
import { type ApprovalGate, roleWords } from '../approvals/gates';
import { planNextUpdateAt } from '../cadence/index';
import { problem, ValidationError } from '../errors';
import { type Draft, instantSchema } from '../incident/events';
import type { IncidentState } from '../incident/state';
import { releaseHash } from '../release/release';
import type { Runbook } from '../runbook/define';
import { toIsoInstant } from '../time/iso-instant';
import type { BlockedReason, PublishDraftOptions } from './publish-types';

export function readOptions(state: IncidentState, now: string, options: PublishDraftOptions): void {
  const problems = [];
  if (!instantSchema.safeParse(now).success) {
    throw new ValidationError('publish input', [
      problem('now', 'an ISO-8601 UTC instant', JSON.stringify(now)),
    ]);
  }
  if (now < state.lastEventAt) {
    problems.push(problem('now', `an instant not before the last event (${state.lastEventAt})`, now));
  }
  if (options.nextUpdateAt !== undefined) {
    if (!instantSchema.safeParse(options.nextUpdateAt).success) {
      problems.push(
        problem('options.nextUpdateAt', 'an ISO-8601 UTC instant', JSON.stringify(options.nextUpdateAt)),
      );
    } else if (Date.parse(options.nextUpdateAt) <= Date.parse(now)) {
      problems.push(problem('options.nextUpdateAt', `an instant after now (${now})`, options.nextUpdateAt));
    }
  }
  if (problems.length > 0) throw new ValidationError('publish input', problems);
}

export function plannedNextUpdate(
  state: IncidentState,
  draft: Pick<Draft, 'status'>,
  runbook: Runbook,
  now: string,
  options: PublishDraftOptions,
): string | undefined {
  const planned = planNextUpdateAt(runbook, state.severity, draft.status, now);
  if (planned === undefined || options.nextUpdateAt === undefined) return planned;
  if (Date.parse(options.nextUpdateAt) > Date.parse(planned)) {
    throw new ValidationError('publish input', [
      problem(
        'options.nextUpdateAt',
        `an instant no later than the cadence plan (${planned})`,
        options.nextUpdateAt,
      ),
    ]);
  }
  return toIsoInstant(new Date(options.nextUpdateAt));
}

// The content hash of a draft's release, or undefined for a text-only draft.
export function contentHash(draft: Draft): string | undefined {
  return draft.messages
    ? releaseHash({ kind: draft.kind, status: draft.status, messages: draft.messages })
    : undefined;
}

export function gateReason(
  gate: ApprovalGate,
  state: string,
  decidedBy?: string,
  why?: string,
): BlockedReason | undefined {
  const who = `${roleWords(gate.role)}${gate.approver ? ` (${gate.approver.name})` : ''}`;
  const base = { gate: gate.id, role: gate.role, ...(gate.span ? { span: gate.span } : {}) };
  const subject = gate.id === 'facts' ? 'The facts of this draft' : `The ${gate.id} passage`;
  switch (state) {
    case 'missing':
      return { code: 'approval-missing', message: `${gate.reason} Ask ${who} for approval.`, ...base };
    case 'requested':
      return { code: 'approval-pending', message: `${subject} still waits for ${who}.`, ...base };
    case 'denied':
      return {
        code: 'approval-denied',
        message: `${subject} was declined by ${decidedBy ?? who}${why ? `: ${why}` : ''}. Change the wording; the new revision is asked again.`,
        ...base,
      };
    case 'wrong-role':
      return {
        code: 'approval-wrong-role',
        message: `${subject} was put to the wrong role; only ${who} can approve it. Ask again.`,
        ...base,
      };
    case 'unmet':
      return {
        code: 'recovery-not-confirmed',
        message: `${gate.reason} Recovery is not confirmed yet.`,
        ...base,
      };
    default:
      return undefined;
  }
}

export const REQUIRED_FACTS = ['symptom', 'affected', 'teamAction'] as const;
// The draft fields whose change makes a new revision (and voids its approvals).
export const EDITABLE = ['text', 'kind', 'status', 'audience', 'basedOnFactsVersion'] as const;
export const FACT_WORDS: Record<(typeof REQUIRED_FACTS)[number], string> = {
  symptom: 'what customers see',
  affected: 'who is affected',
  teamAction: 'what the team is doing',
};
