/**
 * @module incident/permission-checks
 * The pieces the permission table is built from: its row and denial shapes, and the checks
 * its rows share (holds a role now, on the incident's staff, keeps a decider, gate's role).
 */
import { roleWords } from '../approvals/gates';
import { ROLES, type Role, type RoleId } from '../vocabulary';
import type { EventOf, IncidentEventType } from './events';
import { gateRole, policyOf } from './policy';
import { type IncidentState, personNameInRoles, roleHolder } from './state';

/** One row of the permission table, in plain words. */
export interface PermissionRule {
  /** Stable rule id; a refused event's {@link NotAuthorizedError} names it in `rule`. */
  rule: string;
  /** The event type the row governs. */
  event: IncidentEventType;
  /** Who may append it. */
  who: string;
  /** For whom (which person, role or draft it may concern). */
  forWhom: string;
  /** When it applies or is allowed. */
  when: string;
  /** False when not even an admin's emergency override sets it aside (what customers get). */
  overridable: boolean;
}

/** Why the table refuses an event: the rule, the role it wanted, and a sentence in names. */
export interface Denial {
  rule: string;
  role: string;
  reason: string;
}

export type Check<T extends IncidentEventType> = (
  state: IncidentState,
  event: EventOf<T>,
) => Denial | undefined;
export type Row<T extends IncidentEventType> = Omit<PermissionRule, 'event' | 'overridable'> & {
  overridable?: boolean;
  check?: Check<T>;
};

export const holds = (state: IncidentState, role: RoleId, actor: string): boolean =>
  roleHolder(state, role)?.id === actor;
export const onStaff = (state: IncidentState, actor: string): boolean =>
  Object.values(state.roles).some((r) => r?.primary.id === actor || r?.backup.id === actor);
export const name = (state: IncidentState, id: string) => personNameInRoles(state, id);
export const words = (roles: readonly RoleId[]) => roles.map((r) => roleWords(r)).join(' or ');

/** Refuses unless the actor holds one of `roles` now (the primary, or the backup while the primary is out). */
export function heldBy(
  rule: string,
  roles: readonly RoleId[],
  doing: string,
): (state: IncidentState, event: { actor: string }) => Denial | undefined {
  return (state, event) => {
    if (roles.some((role) => holds(state, role, event.actor))) return undefined;
    const holders = roles.map((r) => roleHolder(state, r)).filter((p) => p !== undefined);
    const who = holders.length > 0 ? ` (${holders.map((p) => p.name).join(', ')})` : ' (nobody holds it now)';
    return {
      rule,
      role: roles.join('|'),
      reason: `${name(state, event.actor)} may not ${doing}: only ${words(roles)}${who} may.`,
    };
  };
}

/** Who may hand each role to someone else once the incident is staffed. */
export const ROLE_ASSIGNERS: Readonly<Record<Role, readonly Role[]>> = {
  communicationOwner: ['communicationOwner', 'incidentLead'],
  incidentLead: ['incidentLead'],
  approver: ['approver'],
  support: ['communicationOwner', 'incidentLead'],
  sales: ['communicationOwner', 'incidentLead'],
  customerSuccess: ['communicationOwner', 'incidentLead'],
  engineering: ['communicationOwner', 'incidentLead'],
};

/**
 * Who may hand a role to someone else: the table for the seven built-in roles; an extra role
 * the runbook declares (e.g. a legal reviewer) only by whoever holds it, like the approver,
 * since it is a check on the people running the incident.
 *
 * @example
 * roleAssigners('legalReviewer'); // ['legalReviewer']
 */
export function roleAssigners(role: RoleId): readonly RoleId[] {
  return (ROLES as readonly string[]).includes(role) ? ROLE_ASSIGNERS[role as Role] : [role];
}

/** The roles that decide a gate: the incident lead (facts) and every role a topic gate names. */
function gateDeciders(state: IncidentState): RoleId[] {
  return [...new Set<RoleId>(['incidentLead', ...Object.values(policyOf(state).approvals)])];
}

/** The roles that decide something: the owner, and every role that decides a gate. */
function decidingRoles(state: IncidentState): RoleId[] {
  return [...new Set<RoleId>(['communicationOwner', ...gateDeciders(state)])];
}

/** The person ids of a role's holders (primary, then backup when there is one). */
const holderIds = (pair: { primary: { id: string }; backup?: { id: string } | undefined } | undefined) =>
  pair ? [pair.primary.id, pair.backup?.id].filter((id): id is string => id !== undefined) : [];

/** The person ids the runbook names for `role` (`policy.staffing`), `[]` when none. */
const namedByRunbook = (staffing: Readonly<Record<string, readonly string[]>>, role: string) =>
  Object.hasOwn(staffing, role) ? (staffing[role] ?? []) : [];

/**
 * The first staffing against the runbook's (`policy.staffing`, when the declaration carried
 * it). A role staffed as the runbook names it is fine. Any other choice needs a declarer the
 * runbook names (someone outside it cannot pick who checks their messages); a role that decides
 * an approval gate (the incident lead for facts, each topic's role) goes only to people the
 * runbook names for that role (and {@link ownerDoesNotDecide} keeps the communication owner,
 * who drafts and publishes, out of them). So nobody declares their way into approving their
 * own message.
 */
export function staffedAsRunbookAllows(
  state: IncidentState,
  event: EventOf<'roles.assigned'>,
): Denial | undefined {
  const { staffing } = policyOf(state);
  if (!staffing) return undefined;
  const named = (role: string) => namedByRunbook(staffing, role);
  const deciding = new Set<string>(gateDeciders(state));
  const inRunbook = Object.values(staffing).some((ids) => ids.includes(event.actor));
  const deny = (role: string, reason: string): Denial => ({
    rule: 'roles-staffed-by-declarer',
    role: role as RoleId,
    reason,
  });
  for (const [role, pair] of Object.entries(event.roles)) {
    const ids = holderIds(pair);
    if (ids.every((id) => named(role).includes(id))) continue;
    const runbookSays = named(role).length > 0 ? named(role).join(' or ') : 'nobody';
    const words = roleWords(role as RoleId);
    if (!inRunbook)
      return deny(
        'declarer',
        `${name(state, event.actor)} is not named in the runbook, so may staff the incident only as the runbook does (${words}: ${runbookSays}).`,
      );
    const outsider = ids.find((id) => !named(role).includes(id));
    if (deciding.has(role))
      return deny(
        role,
        `${words} decides an approval gate, so only the people the runbook names for it (${runbookSays}) may hold it, not ${outsider}.`,
      );
  }
  return undefined;
}

/**
 * A reassignment once the incident is staffed: each changed role only by a holder of a role
 * allowed to assign it ({@link roleAssigners}); restating an assignment unchanged hands
 * nothing over.
 */
export function reassignedPerTable(
  state: IncidentState,
  event: EventOf<'roles.assigned'>,
): Denial | undefined {
  if (Object.keys(state.roles).length === 0) return undefined;
  for (const role of Object.keys(event.roles) as RoleId[]) {
    if (JSON.stringify(state.roles[role]) === JSON.stringify(event.roles[role])) continue;
    const may = roleAssigners(role);
    if (!may.some((r) => holds(state, r, event.actor))) {
      return {
        rule: 'roles-reassigned-per-table',
        role: may.join('|'),
        reason: `${name(state, event.actor)} may not assign ${roleWords(role)}: only ${words(may)} may.`,
      };
    }
  }
  return undefined;
}

/**
 * Four eyes on every message: after a role assignment (the first staffing or any later one),
 * no person named communication owner (primary or backup), who drafts and publishes, also
 * holds a role that decides an approval gate (the incident lead for facts, each topic's
 * role), unless the runbook itself names them for both. Logs declared without the runbook's
 * staffing are not checked.
 */
export function ownerDoesNotDecide(
  state: IncidentState,
  event: EventOf<'roles.assigned'>,
): Denial | undefined {
  const { staffing } = policyOf(state);
  if (!staffing) return undefined;
  const roles = { ...state.roles, ...event.roles };
  const idsOf = (role: string) => holderIds(Object.hasOwn(roles, role) ? roles[role as RoleId] : undefined);
  const runbookNames = (role: string, id: string) => namedByRunbook(staffing, role).includes(id);
  for (const id of idsOf('communicationOwner')) {
    // Allowed only where the runbook itself gives this person both roles.
    const decides = gateDeciders(state).find(
      (role) =>
        idsOf(role).includes(id) && !(runbookNames('communicationOwner', id) && runbookNames(role, id)),
    );
    if (decides)
      return {
        rule: 'roles-owner-does-not-decide',
        role: 'communicationOwner',
        reason: `${name(state, id)} would draft and publish as the communication owner and also decide a gate as ${roleWords(decides as RoleId)}; the runbook does not give one person both.`,
      };
  }
  return undefined;
}

/** Refuses a change after which a deciding role that had a holder has none. */
export function keepsADecider(state: IncidentState, after: IncidentState, rule: string): Denial | undefined {
  const gap = decidingRoles(state).find((role) => roleHolder(state, role) && !roleHolder(after, role));
  if (!gap) return undefined;
  return {
    rule,
    role: gap,
    reason: `this would leave nobody able to act as ${roleWords(gap)}; name another backup first (roles.assigned).`,
  };
}

/** The approval decision rule: only the holder of the gate's role decides it. */
export function decidedByGateRole(
  state: IncidentState,
  event: EventOf<'approval.granted' | 'approval.denied'>,
): Denial | undefined {
  const record = state.drafts[event.draftId]?.approvals[event.gate];
  if (!record) return undefined; // the reducer says "request it first"
  const role = gateRole(state, event.gate) ?? record.role;
  const holder = roleHolder(state, role);
  if (holder?.id === event.actor) return undefined;
  return {
    rule: 'approval-decided-by-gate-role',
    role,
    reason:
      `${name(state, event.actor)} may not decide the ${event.gate} approval: ` +
      (holder
        ? `only ${roleWords(role)} (${holder.name}) may.`
        : `only ${roleWords(role)} may, and nobody holds that role now (name a backup).`),
  };
}
