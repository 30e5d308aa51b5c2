/**
 * @module channel-webhook/payload
 * The versioned JSON body every signed webhook carries (schema version 1), as a zod schema
 * (the one definition; `payload.schema.json` is generated from it), and its pure rendering
 * from an approved message.
 */
import {
  type ApprovedMessage,
  AUDIENCES,
  cleanText,
  MESSAGE_KINDS,
  oneLine,
  type RenderContext,
  STATUSES,
  severityIdSchema,
} from '@incident-comms/core';
import { z } from 'zod';

/** The payload schema version this package sends; a breaking change bumps it. */
export const WEBHOOK_SCHEMA_VERSION = 1;

const isoInstant = z.iso
  .datetime({ offset: false })
  .describe('ISO-8601 UTC instant, e.g. 2026-03-03T14:05:00.000Z');

/**
 * Zod schema of the webhook body, schema version 1. Receivers may parse with it (unknown keys
 * are dropped, so later minor additions do not break them); {@link verifyWebhook} does.
 *
 * Every text field is plain text exactly as approved, never markup: a receiver that shows it
 * in HTML, Markdown or a chat tool must escape it for that format.
 */
export const webhookPayloadSchema = z
  .object({
    type: z
      .enum(
        MESSAGE_KINDS.map((k) => `incident.${k}` as const) as [`incident.${(typeof MESSAGE_KINDS)[number]}`],
      )
      .describe('Event type: incident.initial, incident.update, incident.workaround or incident.resolved'),
    timestamp: isoInstant.describe('When the status-update version was published (ISO-8601 UTC)'),
    schemaVersion: z.literal(WEBHOOK_SCHEMA_VERSION).describe('Version of this payload schema'),
    data: z.object({
      idempotencyKey: z
        .string()
        .min(1)
        .describe(
          'Same as the webhook-id header: one per incident, version, channel and recipient; deduplicate on it',
        ),
      recipient: z.string().min(1).describe('The endpoint name this delivery was routed to'),
      incident: z.object({
        id: z.string().min(1),
        title: z.string().describe('One line, plain text'),
        severity: severityIdSchema.describe("A severity id on the sender's runbook ladder, e.g. SEV1 or P2"),
        status: z.enum(STATUSES),
      }),
      message: z.object({
        version: z
          .number()
          .int()
          .positive()
          .describe('Status-update version (1-based); a higher one supersedes'),
        kind: z.enum(MESSAGE_KINDS),
        audience: z.enum(AUDIENCES),
        subject: z.string().describe('One line, plain text'),
        text: z.string().describe('Plain-text body; line breaks are \\n'),
        publishedAt: isoInstant,
        nextUpdateAt: isoInstant.optional().describe('When the next update is due; absent once resolved'),
      }),
    }),
  })
  .describe('incident-comms signed webhook payload (Standard Webhooks), schema version 1');

/** The webhook body, schema version 1 (see {@link webhookPayloadSchema}). */
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;

/**
 * Renders the webhook body for one approved message. Pure. Single-line fields are folded onto
 * one line (no CR/LF) and control characters are dropped from the body; nothing else changes,
 * because JSON carries text, not markup.
 *
 * @param recipient - the endpoint name the route named.
 * @example
 * renderWebhookPayload(message, 'billing-bot', { idempotencyKey: 'inc-42/v3/webhook/billing-bot' }).type; // 'incident.update'
 */
export function renderWebhookPayload(
  message: ApprovedMessage,
  recipient: string,
  context: RenderContext,
): WebhookPayload {
  return {
    type: `incident.${message.kind}`,
    timestamp: message.publishedAt,
    schemaVersion: WEBHOOK_SCHEMA_VERSION,
    data: {
      idempotencyKey: context.idempotencyKey,
      recipient,
      incident: {
        id: message.incidentId,
        title: oneLine(message.incidentTitle),
        severity: message.severity,
        status: message.status,
      },
      message: {
        version: message.version,
        kind: message.kind,
        audience: message.audience,
        subject: oneLine(message.subject),
        text: cleanText(message.text),
        publishedAt: message.publishedAt,
        ...(message.nextUpdateAt === undefined ? {} : { nextUpdateAt: message.nextUpdateAt }),
      },
    },
  };
}

/**
 * Serialises a payload to the exact bytes that are signed and sent: JSON with `<`, `>`, `&`,
 * U+2028 and U+2029 written as `\u` escapes, so a receiver that drops the body into HTML or a
 * script cannot be tricked by it. `JSON.parse` gives back the same values.
 *
 * @example
 * serializeWebhookPayload({ a: '<b>' } as never); // '{"a":"\\u003cb\\u003e"}'
 */
export function serializeWebhookPayload(payload: WebhookPayload): string {
  return JSON.stringify(payload).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * The JSON Schema (draft 2020-12) of the payload, generated from {@link webhookPayloadSchema}
 * with zod's `toJSONSchema`; the package ships it as `payload.schema.json`. Objects stay open
 * (no `additionalProperties: false`) so a receiver validating with it accepts later additions.
 *
 * @example
 * webhookPayloadJsonSchema().properties.schemaVersion; // { type: 'number', const: 1, … }
 */
export function webhookPayloadJsonSchema(): Record<string, unknown> & {
  properties: Record<string, unknown>;
} {
  // 'input' mode leaves additionalProperties open: receivers must accept fields added later.
  return z.toJSONSchema(webhookPayloadSchema, { target: 'draft-2020-12', io: 'input' }) as Record<
    string,
    unknown
  > & { properties: Record<string, unknown> };
}
