/**
 * @module runbook/schema
 * The zod schema of a runbook file. Everything but the people has a default from the practice.
 */
import { z } from 'zod';
import { lintConfigSchema } from '../lint/config';
import { idSchema } from '../text/id';
import { nameTextSchema, nonEmptyTextSchema as text } from '../text/non-empty';
import { isValidTimeZone } from '../time/index';
import { APPROVAL_TOPICS, AUDIENCES, ROLES } from '../vocabulary';
import { DEFAULT_APPROVALS } from './defaults';
import { incidentTypesSchema } from './incident-types';
import { segmentDefinitionSchema, segmentIdSchema } from './segments';
import { minutesSchema, namedMinutesSchema, severitiesSchema } from './severity-ladder';
import { roleIdSchema, topicDefinitionSchema, topicIdSchema } from './topics';

/** A person named in the runbook. `contact` is how to reach them (Slack handle, email, phone). */
export const personSchema = z
  .object({
    id: idSchema,
    name: nameTextSchema,
    contact: nameTextSchema,
    email: z.email('expected an email address').optional(),
  })
  .strict();

const roleSchema = z.object({ primary: personSchema, backup: personSchema }).strict();

const minutes = minutesSchema;

const timeZone = z
  .string()
  .refine(isValidTimeZone, { error: 'expected an IANA time zone such as "America/New_York"' });

/** Template override: Mustache sources for one template id (validated further by the templates package). */
export const templateSourceSchema = z
  .object({
    subject: text.optional(),
    title: text.optional(),
    body: text,
    description: z.string().optional(),
  })
  .strict();

/** The runbook input schema (what a YAML/JSON file may hold). */
export const runbookSchema = z
  .object({
    name: nameTextSchema.default('Incident communication runbook'),
    roles: z
      .object(
        Object.fromEntries(ROLES.map((r) => [r, roleSchema])) as Record<
          (typeof ROLES)[number],
          typeof roleSchema
        >,
      )
      // Extra roles (e.g. a legal reviewer), camelCase ids, a primary and a backup like every role.
      .catchall(roleSchema)
      .superRefine((roles, ctx) => {
        for (const id of Object.keys(roles)) {
          if (!roleIdSchema.safeParse(id).success)
            ctx.addIssue({
              code: 'custom',
              path: [id],
              message: 'expected a role id in camelCase, e.g. "legalReviewer"',
            });
        }
      }),
    /**
     * Optional emergency admins (a primary and a backup): they may append an event the
     * permission table refuses, with a written reason; the review lists every override.
     */
    admin: roleSchema.optional(),
    /**
     * A ladder of 2 to 6 levels, most severe first (`[{ id: 'SEV0', label, customerImpact,
     * responseSpeed, cadenceMinutes, when }, …]`), or overrides of the default SEV1–SEV3 by name.
     */
    severities: severitiesSchema.optional(),
    cadence: z
      .object({
        /** Per default severity (`SEV1`…); with a ladder, each level carries its own. */
        minutes: namedMinutesSchema.optional(),
        monitoringMinutes: namedMinutesSchema.optional(),
        checkpointMinutes: minutes.default(30),
        roundToMinutes: z
          .number({ error: 'expected a whole number of minutes that divides a day (1, 5, 10, 15, 30, 60…)' })
          .int('expected a whole number of minutes that divides a day (1, 5, 10, 15, 30, 60…)')
          .positive('expected a whole number of minutes that divides a day (1, 5, 10, 15, 30, 60…)')
          .refine((m) => 1440 % m === 0, {
            error: 'expected a whole number of minutes that divides a day (1, 5, 10, 15, 30, 60…)',
          })
          .default(5),
        reminderLeadMinutes: z.number().min(0, 'expected zero or more minutes').default(5),
        /** Default for every level (a ladder's level may set its own); 15 when absent. */
        firstUpdateTargetMinutes: minutes.optional(),
      })
      .strict()
      .prefault({}),
    approvals: z
      .object(
        Object.fromEntries(APPROVAL_TOPICS.map((t) => [t, roleIdSchema])) as Record<
          (typeof APPROVAL_TOPICS)[number],
          typeof roleIdSchema
        >,
      )
      .strict()
      .partial()
      .default({})
      .transform((v) => ({ ...DEFAULT_APPROVALS, ...v }) as Record<string, string>),
    /**
     * Approval topics beyond `approvals`: a built-in topic's extra phrases, role and reason, or
     * a custom topic (e.g. `regulator`) with its phrases, deciding role and reason.
     */
    topics: z.record(topicIdSchema, topicDefinitionSchema).default({}),
    /** Named segments of the built-in audiences, each with its own time zone (e.g. `customer-us`). */
    audiences: z.record(segmentIdSchema, segmentDefinitionSchema).default({}),
    /** Incident types by id: the five defaults, each replaceable whole, plus the runbook's own. */
    incidentTypes: incidentTypesSchema,
    productAreas: z.array(text).default([]),
    timeZones: z
      .object({
        default: timeZone.default('UTC'),
        audiences: z
          .object(
            Object.fromEntries(AUDIENCES.map((a) => [a, timeZone])) as Record<
              (typeof AUDIENCES)[number],
              typeof timeZone
            >,
          )
          .strict()
          .partial()
          .default({}),
      })
      .strict()
      .prefault({}),
    sourceOfTruth: z
      .object({
        name: nameTextSchema,
        url: z
          .url({ protocol: /^https?$/, error: 'expected an http(s) URL such as https://status.example.com' })
          .optional(),
      })
      .strict()
      .default({ name: 'the pinned incident summary in #incident-status' }),
    highImpact: z
      .object({ tiers: z.array(nameTextSchema).default(['enterprise']) })
      .strict()
      .prefault({}),
    /** Rule levels and options, extra phrases, jargon map (see `lintConfigSchema`). */
    lint: lintConfigSchema.optional(),
    templates: z
      .record(
        z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/, 'expected a template id like "update/customer"'),
        templateSourceSchema,
      )
      .default({}),
  })
  .strict();

/** What a runbook file may contain before defaults are applied. */
export type RunbookInput = z.input<typeof runbookSchema>;
