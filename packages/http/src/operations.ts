/**
 * @module http/operations
 * One table of the desk's steps as HTTP operations: method, path, body schema and the desk
 * call. The handler registers its routes from it and the OpenAPI document is generated from
 * it, so the two never disagree. Each step acts as the person `identify` named.
 */
import type { IncidentDesk, IncidentState } from '@incident-comms/core';
import type { z } from 'zod';
import {
  approveBody,
  declareBody,
  denyBody,
  draftBody,
  editBody,
  emptyBody,
  factsBody,
  noteBody,
  questionBody,
  recoveryBody,
  sideNoteBody,
  ticketBody,
} from './schemas';

/** What one step gets: the desk, the path's ids, the acting person and the parsed body. */
export interface StepContext<B> {
  desk: IncidentDesk;
  incidentId: string;
  draftId: string;
  actor: string;
  body: B;
  /** Milliseconds since the epoch, from the handler's clock. */
  now: number;
}

/** A JSON reply: status and body. */
export interface JsonReply {
  status: number;
  json: unknown;
}

/** One state-changing desk step as an HTTP operation. */
export interface Operation<S extends z.ZodType = z.ZodType> {
  /** The OpenAPI `operationId`. */
  id: string;
  /** Hono path under the base path, e.g. `/api/incidents/:incidentId/facts`. */
  path: string;
  summary: string;
  body: S;
  /** Whether the path names an incident that must exist (404 otherwise). */
  incident: boolean;
  run(context: StepContext<z.output<S>>): Promise<JsonReply>;
}

const op = <S extends z.ZodType>(operation: Operation<S>): Operation => operation as unknown as Operation;
const ok = (json: unknown, status = 200): JsonReply => ({ status, json });
const incident = (state: IncidentState) => ok({ state });
const INCIDENT = '/api/incidents/:incidentId';
const DRAFT = `${INCIDENT}/drafts/:draftId`;

/** A blocked publish or side note: nothing went out; the log recorded why (409). */
const blocked = (result: { reasons: unknown; diagnostics: unknown }): JsonReply => ({
  status: 409,
  json: {
    code: 'publish_blocked',
    message: 'The release may not go out yet; see reasons.',
    reasons: result.reasons,
    diagnostics: result.diagnostics,
  },
});

/** Every state-changing step of the desk, in the order an incident uses them. */
export const OPERATIONS: readonly Operation[] = [
  op({
    id: 'declare',
    path: '/api/incidents',
    summary: 'Declare an incident; roles come from the runbook unless overridden.',
    body: declareBody,
    incident: false,
    run: async ({ desk, actor, body }) => {
      const { incidentId, state } = await desk.declare({ ...body, actor } as never);
      return ok({ incidentId, state }, 201);
    },
  }),
  op({
    id: 'confirmFacts',
    path: `${INCIDENT}/facts`,
    summary: 'Confirm facts (what is broken, who is affected, what customers should do).',
    body: factsBody,
    incident: true,
    run: async ({ desk, incidentId, actor, body }) =>
      incident(await desk.confirmFacts(incidentId, { actor, facts: body.facts as never })),
  }),
  op({
    id: 'draft',
    path: `${INCIDENT}/drafts`,
    summary: 'Draft the next release: every audience message rendered from one status update.',
    body: draftBody,
    incident: true,
    run: async ({ desk, incidentId, actor, body }) =>
      ok(await desk.draft(incidentId, { ...body, actor }), 201),
  }),
  op({
    id: 'edit',
    path: `${DRAFT}/edits`,
    summary: "Reword the draft audience's message; approvals start afresh.",
    body: editBody,
    incident: true,
    run: async ({ desk, incidentId, draftId, actor, body }) =>
      ok(await desk.edit(incidentId, draftId, { actor, text: body.text })),
  }),
  op({
    id: 'requestApprovals',
    path: `${DRAFT}/approval-requests`,
    summary: 'Ask every gate the draft needs; each request names who decides it now.',
    body: emptyBody,
    incident: true,
    run: async ({ desk, incidentId, draftId, actor }) =>
      ok({ requests: await desk.requestApprovals(incidentId, draftId, { actor }) }),
  }),
  op({
    id: 'approve',
    path: `${DRAFT}/approve`,
    summary: 'Grant one gate on the release hash the approver saw (403 for a non-holder).',
    body: approveBody,
    incident: true,
    run: async ({ desk, incidentId, draftId, actor, body }) =>
      incident(await desk.approve(incidentId, { ...body, draftId, actor })),
  }),
  op({
    id: 'deny',
    path: `${DRAFT}/deny`,
    summary: 'Deny one gate with the reason.',
    body: denyBody,
    incident: true,
    run: async ({ desk, incidentId, draftId, actor, body }) =>
      incident(await desk.deny(incidentId, { ...body, draftId, actor })),
  }),
  op({
    id: 'publish',
    path: `${DRAFT}/publish`,
    summary: 'Publish the approved release to every route (409 with reasons when blocked).',
    body: emptyBody,
    incident: true,
    run: async ({ desk, incidentId, draftId, actor }) => {
      const result = await desk.publish(incidentId, draftId, { actor });
      if (!result.ok) return blocked(result);
      const { statusUpdate, release, warnings, delivery } = result;
      return ok({ statusUpdate, release, warnings, delivery: delivery?.totals });
    },
  }),
  op({
    id: 'sideNote',
    path: `${DRAFT}/side-note`,
    summary: 'Release an approved side note (one audience) to the routes named.',
    body: sideNoteBody,
    incident: true,
    run: async ({ desk, incidentId, draftId, actor, body }) => {
      const result = await desk.sideNote(incidentId, draftId, { actor, routes: body.routes });
      if (!result.ok) return blocked(result);
      return ok({ release: result.release, recipients: result.recipients });
    },
  }),
  op({
    id: 'triage',
    path: `${INCIDENT}/tickets`,
    summary: 'Triage a support ticket: reassure with the approved reply, or escalate and to whom.',
    body: ticketBody,
    incident: true,
    run: async ({ desk, incidentId, actor, body, now }) => {
      // The log takes events in time order: the ticket is logged no earlier than its last event.
      const last = Date.parse(desk.state(incidentId)?.lastEventAt ?? '') || 0;
      const at = new Date(Math.max(now, last)).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const { questionEvent: _logged, ...result } = await desk.triage(incidentId, {
        ...body.ticket,
        at,
        by: actor,
      });
      return ok(result);
    },
  }),
  op({
    id: 'logQuestion',
    path: `${INCIDENT}/questions`,
    summary: 'Log a question heard by any team for the next engineering checkpoint.',
    body: questionBody,
    incident: true,
    run: async ({ desk, incidentId, actor, body }) =>
      incident(await desk.logQuestion(incidentId, { ...body, actor })),
  }),
  op({
    id: 'holdCheckpoint',
    path: `${INCIDENT}/checkpoints`,
    summary: 'Record an engineering checkpoint.',
    body: noteBody,
    incident: true,
    run: async ({ desk, incidentId, actor, body }) =>
      incident(await desk.holdCheckpoint(incidentId, { actor, ...body })),
  }),
  op({
    id: 'startRecovery',
    path: `${INCIDENT}/recovery/start`,
    summary: 'Record that recovery started.',
    body: noteBody,
    incident: true,
    run: async ({ desk, incidentId, actor, body }) =>
      incident(await desk.startRecovery(incidentId, { actor, ...body })),
  }),
  op({
    id: 'confirmRecovery',
    path: `${INCIDENT}/recovery/confirm`,
    summary: 'Confirm recovery with the customer-facing check that proved it.',
    body: recoveryBody,
    incident: true,
    run: async ({ desk, incidentId, actor, body }) =>
      incident(await desk.confirmRecovery(incidentId, { actor, ...body })),
  }),
  op({
    id: 'resolve',
    path: `${INCIDENT}/resolve`,
    summary: 'Resolve the incident (a published resolution already did).',
    body: emptyBody,
    incident: true,
    run: async ({ desk, incidentId, actor }) => incident(await desk.resolve(incidentId, { actor })),
  }),
];
