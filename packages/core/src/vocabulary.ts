/**
 * @module vocabulary
 * The domain's names (design.md): roles, severities, statuses, message kinds, audiences,
 * incident types, approval topics and scope. Every other module imports them from here.
 */

/** Roles of the practice; every role has a primary and a backup person. */
export const ROLES = [
  'communicationOwner',
  'incidentLead',
  'approver',
  'support',
  'sales',
  'customerSuccess',
  'engineering',
] as const;
/** One of {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/**
 * A role id: one of the seven {@link ROLES} or an extra role the runbook declares (e.g.
 * `legalReviewer`), camelCase. Extra roles have a primary and a backup like every role.
 */
export type RoleId = Role | (string & {});

/**
 * The default ladder's severity ids, most severe first. A runbook may define its own ladder
 * (`severities`, 2 to 6 levels with names of its choosing); read `runbook.severityLadder`.
 */
export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3'] as const;
/** One of the default {@link SEVERITIES}. */
export type DefaultSeverity = (typeof SEVERITIES)[number];
/** A severity id on the runbook's ladder: `SEV1`…`SEV3` by default, `SEV0`, `P1`… when the runbook says so. */
export type Severity = string;

/** Status of a published status update. */
export const STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
/** One of {@link STATUSES}. */
export type Status = (typeof STATUSES)[number];

/**
 * Each status as readers see it: a message subject leads with it, a Slack heading shows it.
 *
 * @example
 * STATUS_LABELS.identified; // 'Identified'
 */
export const STATUS_LABELS: Readonly<Record<Status, string>> = Object.freeze({
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
});

/** The four message kinds a team prepares before anything breaks. */
export const MESSAGE_KINDS = ['initial', 'update', 'workaround', 'resolved'] as const;
/** One of {@link MESSAGE_KINDS}. */
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Who reads a message. `internal` is the one internal source of truth for all teams. */
export const AUDIENCES = [
  'customer',
  'support-reply',
  'sales-active-deal',
  'sales-renewal',
  'sales-prospect',
  'cs-account',
  'internal',
] as const;
/** One of {@link AUDIENCES}. */
export type Audience = (typeof AUDIENCES)[number];

/** Audiences whose messages reach customers (everything but `internal`). */
export const CUSTOMER_FACING_AUDIENCES = AUDIENCES.filter(
  (a): a is Exclude<Audience, 'internal'> => a !== 'internal',
);

/**
 * The five default customer-facing incident types: the symptoms customers report. A runbook
 * may redefine them and add its own (`incidentTypes`); read `runbook.incidentTypes`.
 */
export const INCIDENT_TYPES = ['sign-in', 'checkout', 'data-delayed', 'timeouts', 'sync-stopped'] as const;
/** One of the default {@link INCIDENT_TYPES}. */
export type DefaultIncidentType = (typeof INCIDENT_TYPES)[number];
/** An incident type id the runbook defines: one of the defaults or its own (`invoices-not-sending`). */
export type IncidentType = string;

/**
 * Topics that need a named approver before a message may go out (runbook practice:
 * "security issues, data loss, legal risk, refunds, or contract impact should go through one
 * named leader"), plus `fixTime`, a promised fix or recovery time, approved by the incident lead.
 */
export const APPROVAL_TOPICS = [
  'security',
  'dataLoss',
  'legal',
  'compensation',
  'contract',
  'fixTime',
] as const;
/** One of {@link APPROVAL_TOPICS}. */
export type ApprovalTopic = (typeof APPROVAL_TOPICS)[number];

/**
 * Topics a customer question is grouped under, so the communication owner sees which
 * questions keep coming back (practice: the most-asked questions show what an update missed).
 */
export const QUESTION_TOPICS = ['billing', 'data-safety', 'timing', 'demo', 'sign-in', 'other'] as const;
/** One of {@link QUESTION_TOPICS}. */
export type QuestionTopic = (typeof QUESTION_TOPICS)[number];

/**
 * An approval topic id: one of the built-in {@link APPROVAL_TOPICS} or a custom topic the
 * runbook declares (e.g. `regulator`), each with its detection phrases and deciding role.
 */
export type TopicId = ApprovalTopic | (string & {});

/**
 * A segment id: a named part of a built-in audience the runbook declares (e.g. `customer-us`,
 * a key account), kebab-case, with its own time zone and template overrides.
 */
export type SegmentId = string;

/** How many customers are affected, as far as the incident lead has confirmed. */
export const SCOPES = ['unknown', 'few', 'some', 'many', 'all'] as const;
/** One of {@link SCOPES}. */
export type Scope = (typeof SCOPES)[number];
