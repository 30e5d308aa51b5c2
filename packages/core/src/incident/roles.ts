/**
 * @module incident/roles
 * The `roles.assigned` payload for an incident staffed as the runbook names its people.
 */
import type { Runbook } from '../runbook/define';
import { runbookRoleIds, topicRoles } from '../runbook/topics';
import type { Role } from '../vocabulary';
import type { IncidentPolicyInput } from './events';
import type { PersonRef } from './state';

/** Who holds each role for one incident: a primary and a backup, by id and name. */
export type RoleAssignments = Record<Role, { primary: PersonRef; backup: PersonRef }> &
  Record<string, { primary: PersonRef; backup: PersonRef }>;

/**
 * The runbook's people as a `roles.assigned` event wants them: every role (the seven built-in
 * ones and the runbook's extra roles) with its primary and
 * backup (id and name only; contacts stay in the runbook). Practice: owners and backups are
 * chosen before anything breaks, so declaring an incident staffs it from the runbook.
 *
 * @param runbook - a validated runbook (only `roles` is read).
 * @returns one `{ primary, backup }` per role.
 * @example
 * applyEvent(state, { type: 'roles.assigned', at, actor: 'dana', roles: roleAssignmentsFromRunbook(runbook) });
 */
export function roleAssignmentsFromRunbook(runbook: Pick<Runbook, 'roles'>): RoleAssignments {
  return Object.fromEntries(
    runbookRoleIds(runbook).map((role) => {
      const { primary, backup } = runbook.roles[role]!;
      return [
        role,
        { primary: { id: primary.id, name: primary.name }, backup: { id: backup.id, name: backup.name } },
      ];
    }),
  ) as RoleAssignments;
}

/**
 * The permission policy a `declared` event carries, from the runbook: which role decides each
 * sensitive topic (built-in and custom: `topics`), the emergency admins (the runbook's optional
 * `admin` role, primary and backup), the severity ids and incident types events may name, and
 * who the runbook names for each role (`staffing`: the first staffing may depart from it only
 * within the permission table's `roles-staffed-by-declarer` rule). Declaring with it makes a
 * replay decide every event by the runbook of that day.
 *
 * @param runbook - a validated runbook (`approvals`, `admin`, `severityLadder`,
 *   `incidentTypes` and `roles` are read).
 * @example
 * applyEvent(undefined, { type: 'declared', at, actor: 'dana', incidentId: 'inc-1', title: 'Checkout failing',
 *   incidentType: 'checkout', severity: 'SEV1', policy: incidentPolicyFromRunbook(runbook) });
 */
export function incidentPolicyFromRunbook(
  runbook: Pick<Runbook, 'approvals' | 'admin' | 'topics'> &
    Partial<Pick<Runbook, 'severityLadder' | 'incidentTypes' | 'roles'>>,
): IncidentPolicyInput {
  const admins = runbook.admin ? [runbook.admin.primary, runbook.admin.backup] : [];
  const { roles } = runbook;
  return {
    ...(roles
      ? {
          staffing: Object.fromEntries(
            runbookRoleIds({ roles }).map((role) => [
              role,
              [roles[role]!.primary.id, roles[role]!.backup.id],
            ]),
          ),
        }
      : {}),
    approvals: topicRoles(runbook),
    admins: admins.map(({ id, name }) => ({ id, name })),
    ...(runbook.severityLadder ? { severities: runbook.severityLadder.map((level) => level.id) } : {}),
    ...(runbook.incidentTypes ? { incidentTypes: Object.keys(runbook.incidentTypes) } : {}),
  };
}
