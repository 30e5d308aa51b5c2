/**
 * @module incident/policy
 * The permission policy an incident runs under (declared from the runbook, defaults otherwise)
 * and the role that decides each approval gate.
 */
import { DEFAULT_APPROVALS } from '../runbook/defaults';
import { INCIDENT_TYPES, type RoleId, SEVERITIES } from '../vocabulary';
import type { IncidentPolicyInput } from './events';
import type { IncidentPolicy, IncidentState } from './state';

/**
 * The policy an incident runs under: the one its declaration carried, or the runbook defaults
 * (topics to the named approver, fix times to the incident lead; no admins; the default
 * severities and incident types).
 *
 * @example
 * policyOf(state).approvals.compensation; // 'approver'
 */
export function policyOf(state: Pick<IncidentState, 'policy'>): IncidentPolicy {
  return state.policy ?? policyFromDeclared(undefined);
}

/** The declared policy with the defaults filled in. */
export function policyFromDeclared(input: IncidentPolicyInput | undefined): IncidentPolicy {
  return {
    approvals: { ...DEFAULT_APPROVALS, ...input?.approvals },
    admins: (input?.admins ?? []).map(({ id, name }) => ({ id, name })),
    severities: [...(input?.severities ?? SEVERITIES)],
    incidentTypes: [...(input?.incidentTypes ?? INCIDENT_TYPES)],
    ...(input?.staffing
      ? {
          staffing: Object.fromEntries(Object.entries(input.staffing).map(([role, ids]) => [role, [...ids]])),
        }
      : {}),
  };
}

/**
 * The role that decides a gate: `facts` the incident lead, a topic (built-in or the runbook's
 * own) the policy's role; any
 * other gate id (including the `resolution` precondition) is decided by nobody.
 *
 * @example
 * gateRole(state, 'compensation'); // 'approver'
 */
export function gateRole(state: Pick<IncidentState, 'policy'>, gate: string): RoleId | undefined {
  if (gate === 'facts') return 'incidentLead';
  const approvals = policyOf(state).approvals;
  return Object.hasOwn(approvals, gate) ? approvals[gate] : undefined;
}
