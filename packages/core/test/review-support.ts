/**
 * @module test/review-support
 * Builders for hand-built incident logs used by the review and incident-log tests: drafts,
 * publications, approvals and availability changes on the checkout incident of `support.ts`.
 */
import type { IncidentEventInput } from '../src/incident/index';
import type { ApprovalTopic, MessageKind, Role, Status } from '../src/vocabulary';
import { checkoutUpdateFields, t } from './support';

/** A `draft.created` event by the communication owner (default `dana`). */
export function draftAt(
  minute: number,
  id: string,
  factsVersion: number,
  options: { kind?: MessageKind; status?: Status; actor?: string; text?: string } = {},
): IncidentEventInput {
  return {
    type: 'draft.created',
    at: t(minute),
    actor: options.actor ?? 'dana',
    draft: {
      id,
      kind: options.kind ?? 'update',
      status: options.status ?? 'investigating',
      text: options.text ?? 'Card payments at checkout are failing. Next update by 9:40 AM ET.',
      basedOnFactsVersion: factsVersion,
    },
  };
}

/**
 * The facts gate asked by the publisher and granted by the incident lead (`lee`) at `minute`,
 * then the `update.published` event: version `version` of draft `draftId` revision `revision`,
 * stating the checkout incident's confirmed facts (the permission table's `published-as-approved`).
 */
export function publishAt(
  minute: number,
  version: number,
  draftId: string,
  options: {
    revision?: number;
    factsVersion?: number;
    nextUpdateMinute?: number;
    status?: Status;
    kind?: MessageKind;
    actor?: string;
  } = {},
): IncidentEventInput[] {
  const status = options.status ?? 'investigating';
  const actor = options.actor ?? 'dana';
  const revision = options.revision ?? 1;
  const facts = { draftId, revision, gate: 'facts', at: t(minute) };
  return [
    { type: 'approval.requested', actor, role: 'incidentLead', ...facts },
    { type: 'approval.granted', actor: 'lee', ...facts },
    {
      type: 'update.published',
      at: t(minute),
      actor,
      update: {
        version,
        status,
        kind: options.kind ?? (version === 1 ? 'initial' : status === 'resolved' ? 'resolved' : 'update'),
        ...checkoutUpdateFields(),
        text: 'Card payments at checkout are failing. Next update by 9:40 AM ET.',
        publishedAt: t(minute),
        ...(options.nextUpdateMinute === undefined ? {} : { nextUpdateAt: t(options.nextUpdateMinute) }),
        ownerId: actor,
        ownerName: actor.charAt(0).toUpperCase() + actor.slice(1),
        factsVersion: options.factsVersion ?? 1,
        draftId,
        draftRevision: revision,
      },
    },
  ];
}

/** `approval.requested` by the communication owner for one gate. */
export function requestApprovalAt(
  minute: number,
  draftId: string,
  gate: string,
  options: { revision?: number; role?: Role; topic?: ApprovalTopic; actor?: string } = {},
): IncidentEventInput {
  return {
    type: 'approval.requested',
    at: t(minute),
    actor: options.actor ?? 'dana',
    draftId,
    revision: options.revision ?? 1,
    gate,
    role: options.role ?? 'approver',
    ...(options.topic ? { topic: options.topic } : {}),
  };
}

/** `approval.granted` by `actor` (default the approver primary `maya`). */
export function grantAt(
  minute: number,
  draftId: string,
  gate: string,
  options: { revision?: number; actor?: string } = {},
): IncidentEventInput {
  return {
    type: 'approval.granted',
    at: t(minute),
    actor: options.actor ?? 'maya',
    draftId,
    revision: options.revision ?? 1,
    gate,
  };
}

/** `availability.changed` for one person. */
export function availabilityAt(minute: number, personId: string, available: boolean): IncidentEventInput {
  return { type: 'availability.changed', at: t(minute), actor: personId, personId, available };
}

/** `question.logged` from support. */
export function questionAt(minute: number, topic: string, question: string): IncidentEventInput {
  return { type: 'question.logged', at: t(minute), actor: 'tom', question, topic, from: 'support-reply' };
}
