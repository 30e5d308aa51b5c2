/**
 * @module desk/view
 * The desk's read model of one incident: the latest approved version, who owns what, what is
 * due, and which drafts wait for whom. Pure: built from the state with the exported selectors.
 */
import { gateStatuses, requiredApprovals } from '../approvals/index';
import { checkpointDue, nextUpdateDue } from '../cadence/index';
import type { ScheduledReminder } from '../coordinator/index';
import { currentStatusUpdate, type IncidentState, nextUpdateOwner, roleHolder } from '../incident/index';
import type { Runbook } from '../runbook/define';
import { ROLES } from '../vocabulary';
import type { DeskView } from './types';

/**
 * What a dashboard shows for one incident at `now`.
 *
 * @param state - the incident state.
 * @param runbook - the runbook (cadence, gates).
 * @param now - ISO-8601 UTC instant.
 * @param reminders - the reminders scheduled for the incident.
 * @returns a {@link DeskView}.
 * @example
 * deskView(state, runbook, '2026-03-03T14:20:00Z', []).due.nextUpdateAt; // '2026-03-03T14:35:00.000Z'
 */
export function deskView(
  state: IncidentState,
  runbook: Runbook,
  now: string,
  reminders: ScheduledReminder[],
): DeskView {
  const owners: DeskView['owners'] = {};
  for (const role of ROLES) if (state.roles[role]) owners[role] = roleHolder(state, role);
  const openDrafts = Object.values(state.drafts)
    .filter((d) => d.publishedVersion === undefined && !state.notes.some((n) => n.draftId === d.id))
    .map((d) => ({
      draftId: d.id,
      revision: d.revision,
      waitingFor: gateStatuses(requiredApprovals(d, state, runbook), d, state)
        .filter((s) => s.state !== 'granted' && s.state !== 'met')
        .map((s) => s.gate.id),
    }));
  return {
    state,
    statusUpdate: currentStatusUpdate(state),
    owners,
    nextUpdateOwner: nextUpdateOwner(state),
    due: {
      nextUpdateAt: nextUpdateDue(state, runbook, now) ?? undefined,
      checkpointAt: checkpointDue(state, runbook, now).dueAt ?? undefined,
      reminders,
    },
    openDrafts,
  };
}
