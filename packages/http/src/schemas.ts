/**
 * @module http/schemas
 * The request bodies of the JSON API as zod schemas: the handler parses every body with them,
 * and the OpenAPI document is generated from the same schemas. The acting person never comes
 * from a body: it is the host's `identify(request)`.
 */
import {
  ACCOUNT_FLAGS,
  AUDIENCES,
  declareInputSchema,
  draftInputSchema,
  factsInputSchema,
  incidentTypeIdSchema,
} from '@incident-comms/core';
import { z } from 'zod';

const text = z.string().trim().min(1, 'expected a non-empty text');
const instant = z.iso.datetime({ offset: true, error: 'expected an ISO-8601 instant with a zone' });
const _person = z.object({ id: text, name: text }).strict();

/** `POST /api/incidents`: declare an incident (the desk's input; the actor is the caller). */
export const declareBody = declareInputSchema.omit({ actor: true });

/** `POST /api/incidents/{id}/facts`: confirm facts (the incident lead's step). */
export const factsBody = z.object({ facts: factsInputSchema }).strict();

/** `POST /api/incidents/{id}/drafts`: draft the next release (the desk's input; the actor is the caller). */
export const draftBody = draftInputSchema.omit({ actor: true });

/** `POST /api/incidents/{id}/drafts/{draftId}/edits`: reword the draft audience's message. */
export const editBody = z.object({ text }).strict();

/** Bodies with nothing to say (request approvals, publish, resolve). */
export const emptyBody = z.object({}).strict();

/** `POST …/approve`: grant one gate, bound to the release hash the approver saw. */
export const approveBody = z
  .object({
    gate: text,
    revision: z.number().int().positive().optional(),
    releaseHash: text.optional(),
  })
  .strict();

/** `POST …/deny`: deny one gate, with the reason. */
export const denyBody = approveBody.extend({ reason: text }).strict();

/** `POST …/side-note`: release an approved side note to the routes named. */
export const sideNoteBody = z
  .object({
    routes: z
      .array(
        z
          .object({
            channel: text,
            audience: z.enum(AUDIENCES),
            segment: text.optional(),
            recipients: z.array(text),
          })
          .strict(),
      )
      .min(1, 'expected at least one route'),
  })
  .strict();

/** `POST /api/incidents/{id}/tickets`: triage one support ticket (the runbook checks product areas). */
export const ticketBody = z
  .object({
    ticket: z
      .object({
        id: text,
        text,
        symptom: incidentTypeIdSchema.optional(),
        productArea: text.optional(),
        region: text.optional(),
        reportsWorking: z.boolean().optional(),
        accountId: text.optional(),
        accountTier: text.optional(),
        flags: z.array(z.enum(ACCOUNT_FLAGS)).optional(),
      })
      .strict(),
  })
  .strict();

/** `POST /api/incidents/{id}/questions`: log a question heard by any team. */
export const questionBody = z
  .object({ question: text, topic: text, from: text, accountId: text.optional() })
  .strict();

/** `POST …/checkpoints` and `POST …/recovery/start`: an optional note. */
export const noteBody = z.object({ note: text.optional() }).strict();

/** `POST …/recovery/confirm`: the customer-facing check that proved recovery. */
export const recoveryBody = z.object({ customerCheck: text, recoveredAt: instant.optional() }).strict();

/** The JSON body of every error response. */
export const errorBody = z.object({
  code: z.string(),
  message: z.string(),
  problems: z
    .array(
      z.object({
        path: z.string(),
        expected: z.string(),
        received: z.string().optional(),
        message: z.string(),
      }),
    )
    .optional(),
  rule: z.string().optional(),
});
