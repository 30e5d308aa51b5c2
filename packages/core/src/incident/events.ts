/**
 * @module incident/events
 * The incident log's event vocabulary (design.md) as zod schemas. Every event carries an
 * ISO-8601 UTC timestamp `at` and an `actor` (a person id from the runbook, or `system`).
 */
import { z } from 'zod';
import { recordedReleaseSchema, releaseHashSchema, releaseMessagesSchema } from '../release/release';
import { segmentIdSchema } from '../runbook/segments';
import { roleIdSchema, topicIdSchema } from '../runbook/topics';
import { severityIdSchema } from '../severity/index';
import { idSchema as id, incidentTypeIdSchema, notBuiltInKey } from '../text/id';
import { nameTextSchema, nonEmptyTextSchema as text } from '../text/non-empty';
import { instantSchema } from '../time/instant';
import { AUDIENCES, MESSAGE_KINDS, SCOPES, STATUSES } from '../vocabulary';

export { instantSchema };

const base = {
  at: instantSchema,
  /** Who appended it: a person id, compared exactly (see the permission table). */
  actor: id,
  /**
   * Why an admin appends an event the permission table would otherwise refuse (an emergency
   * override). Only a person the declaration names as an admin may give one; the review lists
   * every override.
   */
  override: text.optional(),
};

const personRef = z.object({ id, name: text }).strict();
/**
 * Role holders by role id: the seven built-in roles and any extra role the runbook declares
 * (e.g. `legalReviewer`), each a primary and a backup person (`{ id, name }`).
 */
export const roleAssignmentsSchema = z.record(
  roleIdSchema,
  z.object({ primary: personRef, backup: personRef }).strict(),
);
/** A gate names a record of a draft's approvals: any text but a built-in object property. */
const gate = notBuiltInKey(text);

/**
 * The incident's permission policy as the runbook states it at declaration: which role decides
 * each sensitive topic (`approvals`, defaults as the runbook's), who may override the
 * permission table in an emergency (`admins`), and the severity ladder and incident types an
 * event may name (`severities`, `incidentTypes`). Carried on `declared` so a replay decides every
 * event by the same table, whatever the runbook says later.
 */
export const incidentPolicySchema = z
  .object({
    /** Which role decides each topic's gate: built-in topics and the runbook's custom ones. */
    approvals: z.record(topicIdSchema, roleIdSchema),
    admins: z.array(personRef),
    /** The severity ladder's ids, most severe first (default SEV1–SEV3). */
    severities: z
      .array(severityIdSchema)
      .min(2, 'expected 2 to 6 severities')
      .max(6, 'expected 2 to 6 severities'),
    /** The incident types the runbook defines (default the five). */
    incidentTypes: z.array(incidentTypeIdSchema).min(1, 'expected at least one incident type'),
    /**
     * The people the runbook names for each role (primary and backup ids). With it, the first
     * staffing may depart from the runbook only when a person of the runbook declares, and never
     * hands that person a role that decides an approval gate (absent: older logs, no check).
     */
    staffing: z.record(roleIdSchema, z.array(id).max(2)),
  })
  .partial()
  .strict();

/** Confirmed facts as the incident lead states them; every field optional in one confirmation. */
export const factsInputSchema = z
  .object({
    /** What customers can see, e.g. "card payments fail at checkout". */
    symptom: text.optional(),
    /** Who seems affected, e.g. "customers paying by card in all regions". */
    affected: text.optional(),
    scope: z.enum(SCOPES).optional(),
    /** What the team still does not know. */
    unknowns: z.array(text).optional(),
    /** The cause, only once confirmed. */
    cause: text.optional(),
    workaround: text.optional(),
    /** What customers should do now, e.g. "do not retry a failed payment more than once". */
    customerAction: text.optional(),
    /** What the team is doing, in plain words. */
    teamAction: text.optional(),
    regions: z.array(text).optional(),
    productAreas: z.array(text).optional(),
    /** A fix or recovery time the incident lead approves promising (ISO-8601 UTC). */
    approvedFixTime: instantSchema.optional(),
  })
  .strict();

/** A proposed status update: the fields of the next version plus its customer-facing text. */
export const draftSchema = z
  .object({
    id,
    kind: z.enum(MESSAGE_KINDS),
    audience: z.enum(AUDIENCES).default('customer'),
    /** The segment of `audience` whose message `text` is (e.g. `customer-us`); absent for the whole audience. */
    segment: segmentIdSchema.optional(),
    status: z.enum(STATUSES),
    /** The message text (the customer-facing wording for this version). */
    text,
    /** The facts version the author worked from. */
    basedOnFactsVersion: z.number().int().min(0),
    /**
     * The release: every audience's message (subject and text, per time zone) exactly as it
     * will be delivered. `text` is then the message of the draft's own `audience`. Approvals
     * bind to its content hash; a draft without it is a text-only draft (nothing to deliver).
     */
    messages: releaseMessagesSchema.optional(),
  })
  .strict();

/**
 * One published status-update version (the single source of truth at version N): status,
 * severity, the confirmed facts it states, its approved text, `publishedAt` and `nextUpdateAt`
 * (ISO-8601 UTC), the owner and the facts version it was built from.
 */
export const statusUpdateSchema = z
  .object({
    version: z.number().int().positive(),
    status: z.enum(STATUSES),
    kind: z.enum(MESSAGE_KINDS),
    severity: severityIdSchema,
    title: nameTextSchema,
    incidentType: incidentTypeIdSchema,
    symptom: text,
    affected: text,
    scope: z.enum(SCOPES),
    teamAction: text,
    unknowns: z.array(text),
    cause: text.optional(),
    workaround: text.optional(),
    customerAction: text.optional(),
    regions: z.array(text),
    productAreas: z.array(text),
    /** The approved customer-facing text of this version. */
    text,
    publishedAt: instantSchema,
    /** When the next update is due (absent once resolved). */
    nextUpdateAt: instantSchema.optional(),
    /** When service recovered (resolved versions). */
    recoveredAt: instantSchema.optional(),
    ownerId: id,
    ownerName: text,
    factsVersion: z.number().int().min(0),
    draftId: id,
    draftRevision: z.number().int().positive(),
  })
  .strict();

/**
 * Every event of the incident log, discriminated by `type` (design.md's vocabulary plus
 * `availability.changed`, `publish.blocked` and `note.released`). Each carries `at` (ISO-8601
 * UTC) and `actor` (a person id, or `system`).
 */
export const eventSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('declared'),
      ...base,
      incidentId: id,
      title: nameTextSchema,
      incidentType: incidentTypeIdSchema,
      severity: severityIdSchema,
      /** The permission policy from the runbook (defaults when absent). */
      policy: incidentPolicySchema.optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('roles.assigned'),
      ...base,
      /** The seven built-in roles and any extra role the runbook declares (e.g. `legalReviewer`). */
      roles: roleAssignmentsSchema,
    })
    .strict(),
  z
    .object({ type: z.literal('availability.changed'), ...base, personId: id, available: z.boolean() })
    .strict(),
  z.object({ type: z.literal('facts.confirmed'), ...base, facts: factsInputSchema }).strict(),
  z
    .object({
      type: z.literal('severity.set'),
      ...base,
      severity: severityIdSchema,
      reason: text.optional(),
    })
    .strict(),
  z
    .object({ type: z.literal('scope.changed'), ...base, scope: z.enum(SCOPES), affected: text.optional() })
    .strict(),
  z.object({ type: z.literal('workaround.found'), ...base, workaround: text }).strict(),
  z.object({ type: z.literal('recovery.started'), ...base, note: text.optional() }).strict(),
  z
    .object({
      type: z.literal('recovery.confirmed'),
      ...base,
      /** What customer-facing symptom was checked, e.g. "placed a real card order end to end". */
      customerCheck: text,
      /** When service recovered, if earlier than `at`. */
      recoveredAt: instantSchema.optional(),
    })
    .strict(),
  z.object({ type: z.literal('draft.created'), ...base, draft: draftSchema }).strict(),
  z
    .object({
      type: z.literal('approval.requested'),
      ...base,
      draftId: id,
      revision: z.number().int().positive(),
      gate,
      role: roleIdSchema,
      topic: topicIdSchema.optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('approval.granted'),
      ...base,
      draftId: id,
      revision: z.number().int().positive(),
      gate,
      /** The content hash of the release the approver saw (`releaseHash`); must be the revision's. */
      releaseHash: releaseHashSchema.optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('approval.denied'),
      ...base,
      draftId: id,
      revision: z.number().int().positive(),
      gate,
      reason: text,
    })
    .strict(),
  z
    .object({
      type: z.literal('publish.blocked'),
      ...base,
      draftId: id,
      revision: z.number().int().positive(),
      reasons: z.array(z.object({ code: text, message: text, ruleId: text.optional() }).strict()).min(1),
    })
    .strict(),
  z
    .object({
      type: z.literal('update.published'),
      ...base,
      update: statusUpdateSchema,
      /** The exact approved messages of this version and their hash (required for a draft with messages). */
      release: recordedReleaseSchema.optional(),
    })
    .strict(),
  z
    .object({
      /**
       * An approved draft sent outside the status versions (a side note, e.g. a credit offer to
       * named accounts): which revision, to which audience, how many recipients, by which channel.
       */
      type: z.literal('note.released'),
      ...base,
      draftId: id,
      revision: z.number().int().positive(),
      audience: z.enum(AUDIENCES),
      /** How many recipients it was sent to (a count, not the addresses). */
      recipients: z.number().int().positive(),
      /** The channel it went out by, e.g. `account-note`. */
      channel: text.optional(),
      /** The exact approved message and its hash (required for a draft with messages). */
      release: recordedReleaseSchema.optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('question.logged'),
      ...base,
      question: text,
      topic: text,
      from: z.enum(AUDIENCES).or(text),
      accountId: text.optional(),
    })
    .strict(),
  z.object({ type: z.literal('checkpoint.held'), ...base, note: text.optional() }).strict(),
  z.object({ type: z.literal('resolved'), ...base }).strict(),
  z.object({ type: z.literal('closed'), ...base }).strict(),
]);

/** One event of the incident log (parsed: defaults applied). */
export type IncidentEvent = z.output<typeof eventSchema>;
/** An event as a host hands it in (before defaults). */
export type IncidentEventInput = z.input<typeof eventSchema>;
/** The `type` names of {@link IncidentEvent}. */
export type IncidentEventType = IncidentEvent['type'];
/** The event of one `type`. */
export type EventOf<T extends IncidentEventType> = Extract<IncidentEvent, { type: T }>;
/** Facts as confirmed in one `facts.confirmed` event. */
export type FactsInput = z.output<typeof factsInputSchema>;
/** A draft: a proposed status update and its text. */
export type Draft = z.output<typeof draftSchema>;
/** The permission policy carried by `declared` (see {@link incidentPolicySchema}). */
export type IncidentPolicyInput = z.output<typeof incidentPolicySchema>;
/** One published status-update version: the single source of truth at that version. */
export type StatusUpdate = z.output<typeof statusUpdateSchema>;
