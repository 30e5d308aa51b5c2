/**
 * @module incident/permissions
 * The permission table: which role may append which event, for whom, and when. The reducer
 * (`applyEvent`) and `replay` check every event against it before folding it in, so a log a
 * host forged or a person stretched is refused the same way live and on replay.
 */
import { roleWords } from '../approvals/gates';
import { NotAuthorizedError } from '../errors';
import type { IncidentEvent, IncidentEventType } from './events';
import {
  decidedByGateRole,
  heldBy,
  keepsADecider,
  name,
  onStaff,
  ownerDoesNotDecide,
  type PermissionRule,
  type Row,
  reassignedPerTable,
  staffedAsRunbookAllows,
} from './permission-checks';
import { gateRole, policyOf } from './policy';
import { noteContentDenial, publishedContentDenial } from './published-rules';
import { type IncidentState, type OverrideRecord, roleHolder } from './state';

export type { Denial, PermissionRule } from './permission-checks';
export { ROLE_ASSIGNERS, roleAssigners } from './permission-checks';

const ROWS: { [T in IncidentEventType]: readonly Row<T>[] } = {
  declared: [{ rule: 'declared-by-anyone', who: 'anyone', forWhom: 'a new incident', when: 'first, once' }],
  'roles.assigned': [
    {
      rule: 'roles-staffed-by-declarer',
      who: 'the person who declared the incident',
      forWhom:
        'every role, as the runbook names it; other people only when the declarer is named in the runbook, and never the declarer in a role that decides a gate',
      when: 'while no role is assigned yet (staffing from the runbook)',
      check: (state, event) => {
        if (Object.keys(state.roles).length > 0) return undefined;
        if (event.actor !== state.declaredBy)
          return {
            rule: 'roles-staffed-by-declarer',
            role: 'declarer',
            reason: `${name(state, event.actor)} may not staff the incident: only whoever declared it (${state.declaredBy}) may.`,
          };
        return staffedAsRunbookAllows(state, event);
      },
    },
    {
      rule: 'roles-reassigned-per-table',
      who: 'the communication owner: owner and helper roles; the incident lead: everything but the approver; the approver: only the approver role',
      forWhom: 'the roles in ROLE_ASSIGNERS',
      when: 'once the incident is staffed',
      check: reassignedPerTable,
    },
    {
      rule: 'roles-owner-does-not-decide',
      who: 'anyone allowed above',
      forWhom: 'the communication owner (primary and backup)',
      when: 'always, on the first staffing and every reassignment: the person who drafts and publishes holds no role that decides a gate, unless the runbook names them for both',
      check: ownerDoesNotDecide,
    },
    {
      rule: 'roles-keep-a-decider',
      who: 'anyone allowed above',
      forWhom: 'deciding roles',
      when: 'only if every deciding role still has someone available afterwards',
      check: (state, event) =>
        keepsADecider(state, { ...state, roles: { ...state.roles, ...event.roles } }, 'roles-keep-a-decider'),
    },
  ],
  'availability.changed': [
    {
      rule: 'availability-self-or-owner-or-lead',
      who: 'the person themselves, the communication owner or the incident lead',
      forWhom: 'anyone',
      when: 'any time',
      check: (state, event) =>
        event.personId === event.actor
          ? undefined
          : heldBy(
              'availability-self-or-owner-or-lead',
              ['communicationOwner', 'incidentLead'],
              `change ${name(state, event.personId)}'s availability`,
            )(state, event),
    },
    {
      rule: 'availability-keeps-a-decider',
      who: 'anyone allowed above',
      forWhom: 'the people holding deciding roles',
      when: 'only if every deciding role still has someone available afterwards',
      check: (state, event) =>
        event.available
          ? undefined
          : keepsADecider(
              state,
              { ...state, unavailable: [...state.unavailable, event.personId] },
              'availability-keeps-a-decider',
            ),
    },
  ],
  'facts.confirmed': [
    {
      rule: 'facts-confirmed-by-incident-lead',
      who: 'the incident lead',
      forWhom: 'the incident',
      when: 'any time',
      check: heldBy('facts-confirmed-by-incident-lead', ['incidentLead'], 'confirm facts'),
    },
  ],
  'severity.set': [
    {
      rule: 'severity-set-by-incident-lead',
      who: 'the incident lead',
      forWhom: 'the incident',
      when: 'any time',
      check: heldBy('severity-set-by-incident-lead', ['incidentLead'], 'set the severity'),
    },
  ],
  'scope.changed': [
    {
      rule: 'facts-confirmed-by-incident-lead',
      who: 'the incident lead',
      forWhom: 'the incident',
      when: 'any time',
      check: heldBy('facts-confirmed-by-incident-lead', ['incidentLead'], 'change the scope'),
    },
  ],
  'workaround.found': [
    {
      rule: 'facts-confirmed-by-incident-lead',
      who: 'the incident lead',
      forWhom: 'the incident',
      when: 'any time',
      check: heldBy('facts-confirmed-by-incident-lead', ['incidentLead'], 'confirm a workaround'),
    },
  ],
  'recovery.started': [
    {
      rule: 'recovery-started-by-engineering',
      who: 'the incident lead or engineering',
      forWhom: 'the incident',
      when: 'any time',
      check: heldBy(
        'recovery-started-by-engineering',
        ['incidentLead', 'engineering'],
        'report that recovery started',
      ),
    },
  ],
  'recovery.confirmed': [
    {
      rule: 'recovery-confirmed-by-incident-lead',
      who: 'the incident lead',
      forWhom: 'the incident',
      when: 'any time',
      check: heldBy('recovery-confirmed-by-incident-lead', ['incidentLead'], 'confirm recovery'),
    },
  ],
  'draft.created': [
    {
      rule: 'drafts-by-incident-staff',
      who: 'anyone the role assignments name (primary or backup of any role)',
      forWhom: 'any draft not yet published',
      when: 'any time before resolution',
      check: (state, event) =>
        onStaff(state, event.actor)
          ? undefined
          : {
              rule: 'drafts-by-incident-staff',
              role: 'staff',
              reason: `${name(state, event.actor)} may not write drafts: nobody assigned ${event.actor} a role in this incident.`,
            },
    },
  ],
  'approval.requested': [
    {
      rule: 'approval-requested-by-author-owner-or-lead',
      who: "the draft's author, the communication owner or the incident lead",
      forWhom: 'the current revision of a recorded draft',
      when: 'any time before it is published',
      check: (state, event) =>
        state.drafts[event.draftId]?.author === event.actor
          ? undefined
          : heldBy(
              'approval-requested-by-author-owner-or-lead',
              ['communicationOwner', 'incidentLead'],
              `ask for approval of draft ${event.draftId}`,
            )(state, event),
    },
    {
      rule: 'approval-role-from-gate',
      who: 'as above',
      forWhom: 'the role the gate names: facts → the incident lead; a topic → the runbook approvals role',
      when: 'always: the gate decides the role, never the request',
      overridable: false,
      check: (state, event) => {
        const role = gateRole(state, event.gate);
        if (role === undefined)
          return {
            rule: 'approval-role-from-gate',
            role: 'none',
            reason: `"${event.gate}" is not a gate anyone can approve (facts or one of ${Object.keys(policyOf(state).approvals).join(', ')}).`,
          };
        if (role !== event.role || (event.topic !== undefined && event.topic !== event.gate))
          return {
            rule: 'approval-role-from-gate',
            role,
            reason: `the ${event.gate} gate is decided by ${roleWords(role)}, not ${roleWords(event.role)}.`,
          };
        return undefined;
      },
    },
    {
      rule: 'decision-stands-until-edit',
      who: 'nobody',
      forWhom: 'a gate already granted or denied on this revision',
      when: 'until the draft changes (a new revision asks every gate afresh)',
      overridable: false,
      check: (state, event) => {
        const draft = state.drafts[event.draftId];
        const record = draft?.revision === event.revision ? draft.approvals[event.gate] : undefined;
        if (!record || record.status === 'requested') return undefined;
        return {
          rule: 'decision-stands-until-edit',
          role: record.role,
          reason: `the ${event.gate} gate of draft ${event.draftId} revision ${event.revision} was already ${record.status} by ${name(state, record.decidedBy ?? '')}; edit the draft to ask again.`,
        };
      },
    },
  ],
  'approval.granted': [
    {
      rule: 'approval-decided-by-gate-role',
      who: "the holder of the gate's role",
      forWhom: 'a requested gate of the current revision',
      when: 'after the request',
      check: decidedByGateRole,
    },
  ],
  'approval.denied': [
    {
      rule: 'approval-decided-by-gate-role',
      who: "the holder of the gate's role",
      forWhom: 'a requested gate of the current revision',
      when: 'after the request',
      check: decidedByGateRole,
    },
  ],
  'publish.blocked': [
    {
      rule: 'blocked-recorded-by-anyone',
      who: 'anyone (it records a refusal and changes no decision)',
      forWhom: 'any draft',
      when: 'any time',
    },
  ],
  'update.published': [
    {
      rule: 'published-by-communication-owner',
      who: 'the communication owner (the backup while the primary is out)',
      forWhom: 'the next status version',
      when: 'any time before resolution',
      check: heldBy('published-by-communication-owner', ['communicationOwner'], 'publish a status update'),
    },
    {
      rule: 'published-as-approved',
      who: 'as above',
      forWhom:
        'only an approved draft revision, exactly as approved, with the confirmed facts and the owner who holds the role',
      when: 'every gate the draft and the facts need is granted by its role',
      overridable: false,
      check: publishedContentDenial,
    },
  ],
  'note.released': [
    {
      rule: 'note-released-by-author-or-owner',
      who: "the draft's author or the communication owner",
      forWhom: 'an approved draft that is not a status version',
      when: 'any time before closing',
      check: (state, event) => {
        const author = state.drafts[event.draftId]?.author;
        if (author === undefined || event.actor === author) return undefined;
        const owner = roleHolder(state, 'communicationOwner');
        if (event.actor === owner?.id) return undefined;
        return {
          rule: 'note-released-by-author-or-owner',
          role: 'communicationOwner',
          reason: `a side note is released by its author (${name(state, author)})${owner ? ` or the communication owner (${owner.name})` : ''}; ${name(state, event.actor)} is neither`,
        };
      },
    },
    {
      rule: 'note-after-topic-approval',
      who: 'as above',
      forWhom: 'a note whose text touches a gated topic',
      when: "only once that topic's role granted it on this revision",
      overridable: false,
      check: noteContentDenial,
    },
  ],
  'question.logged': [
    {
      rule: 'questions-by-anyone',
      who: 'anyone (a support or sales person passing on what a customer asked)',
      forWhom: 'the incident',
      when: 'any time before closing (it changes no decision)',
    },
  ],
  'checkpoint.held': [
    {
      rule: 'checkpoint-held-by-lead-owner-or-engineering',
      who: 'the incident lead, the communication owner (who batches the questions) or engineering',
      forWhom: 'the incident',
      when: 'any time before closing',
      check: heldBy(
        'checkpoint-held-by-lead-owner-or-engineering',
        ['incidentLead', 'communicationOwner', 'engineering'],
        'hold an engineering checkpoint',
      ),
    },
  ],
  resolved: [
    {
      rule: 'resolved-by-incident-lead',
      who: 'the incident lead',
      forWhom: 'the incident',
      when: 'after recovery is confirmed',
      check: heldBy('resolved-by-incident-lead', ['incidentLead'], 'resolve the incident'),
    },
  ],
  closed: [
    {
      rule: 'closed-by-lead-or-owner',
      who: 'the incident lead or the communication owner',
      forWhom: 'the incident',
      when: 'after it is resolved',
      check: heldBy('closed-by-lead-or-owner', ['incidentLead', 'communicationOwner'], 'close the incident'),
    },
  ],
};

/**
 * The permission table as data: one row per rule, in the order the reducer checks them, each
 * saying who may append the event, for whom and when, and whether an admin's emergency
 * override may set it aside. Rendered in the runbook page and the docs; `authorize` enforces it.
 *
 * @example
 * PERMISSION_TABLE.filter((r) => r.event === 'availability.changed').map((r) => r.rule);
 * // ['availability-self-or-owner-or-lead', 'availability-keeps-a-decider']
 */
export const PERMISSION_TABLE: readonly PermissionRule[] = (
  Object.entries(ROWS) as [IncidentEventType, readonly Row<IncidentEventType>[]][]
).flatMap(([event, rows]) =>
  rows.map(({ check: _check, overridable = true, ...row }) => ({ ...row, event, overridable })),
);

/**
 * Checks `event` against the permission table, row by row. Returns the override to record when
 * an admin set an overridable rule aside (the event carries `override: reason`), else `undefined`.
 *
 * @throws {NotAuthorizedError} naming the first rule that refuses the event; also when an
 *   `override` is given by someone the declaration does not name as an admin
 *   (`override-by-admin`), and for rules no override sets aside (what customers receive).
 */
export function authorize(state: IncidentState, event: IncidentEvent): OverrideRecord | undefined {
  const admin = policyOf(state).admins.some((p) => p.id === event.actor);
  if (event.override !== undefined && !admin) {
    throw new NotAuthorizedError(
      event.actor,
      'admin',
      `${name(state, event.actor)} may not override the permission table: the declaration names no such admin.`,
      undefined,
      'override-by-admin',
    );
  }
  const setAside: string[] = [];
  for (const row of ROWS[event.type] as readonly Row<IncidentEventType>[]) {
    const denial = row.check?.(state, event as never);
    if (!denial) continue;
    if (!admin || event.override === undefined || row.overridable === false) {
      throw new NotAuthorizedError(event.actor, denial.role, denial.reason, undefined, denial.rule);
    }
    setAside.push(denial.rule);
  }
  if (setAside.length === 0 || event.override === undefined) return undefined;
  return { at: event.at, by: event.actor, eventType: event.type, rules: setAside, reason: event.override };
}
