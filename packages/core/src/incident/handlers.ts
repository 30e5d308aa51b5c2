/**
 * @module incident/handlers
 * The reducer's table of handlers: for each event type after `declared`, how it changes the
 * state once the log's order and the permission table have accepted it. Each handler gets the
 * state before the event and `next` (a shallow copy already stamped with the event's time) and
 * returns the new state, or refuses the event with `reject`.
 */
import { SEVERITIES } from '../vocabulary';
import type { EventOf, IncidentEvent } from './events';
import { policyOf } from './policy';
import { appendPublishedVersion, reject, releaseNote } from './publish-handlers';
import { checkApprovalHash, draftReleaseHash } from './release-record';
import type {
  ApprovalRecord,
  ConfirmedFact,
  DraftRecord,
  IncidentFacts,
  IncidentPolicy,
  IncidentState,
} from './state';

/** How one event type changes the state. */
export type EventHandler<T extends IncidentEvent['type']> = (
  state: IncidentState,
  next: IncidentState,
  event: EventOf<T>,
) => IncidentState;

/** One handler per event type that follows `declared`. */
export type EventHandlers = { readonly [T in Exclude<IncidentEvent['type'], 'declared'>]: EventHandler<T> };

/** A fact as confirmed by this event's actor, at its time. */
export const fact = <T>(value: T, event: IncidentEvent): ConfirmedFact<T> => ({
  value,
  by: event.actor,
  at: event.at,
});

/** Refuses a severity that is not on the incident's ladder (the runbook's, carried on `declared`). */
export function checkOnLadder(event: IncidentEvent, severity: string, policy: IncidentPolicy): void {
  const ladder = policy.severities ?? SEVERITIES;
  if (!ladder.includes(severity))
    reject(
      'severity-on-ladder',
      event,
      `severity ${JSON.stringify(severity)} is not on the runbook's ladder (${ladder.join(', ')})`,
    );
}

/** The draft an approval event names, at the revision it names, or the event is rejected. */
function draftForApproval(
  state: IncidentState,
  event: EventOf<'approval.requested' | 'approval.granted' | 'approval.denied'>,
  staleRevision: string,
): DraftRecord {
  const draft = state.drafts[event.draftId];
  if (!draft) return reject('approval-for-known-draft', event, `no draft ${event.draftId}`);
  if (draft.revision !== event.revision) reject('approval-for-current-revision', event, staleRevision);
  return draft;
}

/** The drafts with one approval gate of `draft` set to `record` (a new object; input untouched). */
function withApproval(
  state: IncidentState,
  draft: DraftRecord,
  record: ApprovalRecord,
): IncidentState['drafts'] {
  return {
    ...state.drafts,
    [draft.id]: { ...draft, approvals: { ...draft.approvals, [record.gate]: record } },
  };
}

const confirmFacts: EventHandler<'facts.confirmed'> = (state, next, event) => {
  const facts: IncidentFacts = { ...state.facts };
  for (const [key, value] of Object.entries(event.facts) as Array<[keyof IncidentFacts, never]>) {
    if (value !== undefined) facts[key] = fact(value, event);
  }
  next.facts = facts;
  next.factsVersion = state.factsVersion + 1;
  if (event.facts.workaround && !state.facts.workaround) {
    next.checkpointTriggers = [...state.checkpointTriggers, { reason: 'workaround-found', at: event.at }];
  }
  if (event.facts.scope && event.facts.scope !== state.facts.scope.value) {
    next.checkpointTriggers = [...next.checkpointTriggers, { reason: 'scope-changed', at: event.at }];
  }
  return next;
};

const createDraft: EventHandler<'draft.created'> = (state, next, event) => {
  const { draft } = event;
  if (draft.basedOnFactsVersion > state.factsVersion) {
    reject(
      'draft-based-on-known-facts',
      event,
      `facts version ${draft.basedOnFactsVersion} does not exist yet (newest is ${state.factsVersion})`,
    );
  }
  const previous = state.drafts[draft.id];
  if (previous?.publishedVersion !== undefined) {
    reject(
      'published-drafts-are-final',
      event,
      `draft ${draft.id} was published as version ${previous.publishedVersion}; start a new draft`,
    );
  }
  const hash = draftReleaseHash(draft, event);
  next.drafts = {
    ...state.drafts,
    [draft.id]: {
      ...draft,
      revision: (previous?.revision ?? 0) + 1,
      author: event.actor,
      createdAt: event.at,
      approvals: {},
      ...(hash === undefined ? {} : { releaseHash: hash }),
    },
  };
  return next;
};

const requestApproval: EventHandler<'approval.requested'> = (state, next, event) => {
  const draft = draftForApproval(
    state,
    event,
    `draft ${event.draftId} is at revision ${state.drafts[event.draftId]?.revision}, not ${event.revision}`,
  );
  next.drafts = withApproval(state, draft, {
    gate: event.gate,
    role: event.role,
    requestedAt: event.at,
    requestedBy: event.actor,
    status: 'requested',
  });
  return next;
};

const decideApproval: EventHandler<'approval.granted' | 'approval.denied'> = (state, next, event) => {
  const draft = draftForApproval(
    state,
    event,
    `draft ${event.draftId} was edited (revision ${state.drafts[event.draftId]?.revision}); approve the new revision`,
  );
  const approval = draft.approvals[event.gate];
  if (!approval)
    return reject('approval-requested-first', event, `no approval of gate "${event.gate}" was requested`);
  if (event.type === 'approval.granted') checkApprovalHash(draft, event);
  next.drafts = withApproval(state, draft, {
    ...approval,
    status: event.type === 'approval.granted' ? 'granted' : 'denied',
    decidedAt: event.at,
    decidedBy: event.actor,
    ...(event.type === 'approval.denied' ? { reason: event.reason } : {}),
    ...(event.type === 'approval.granted' && draft.releaseHash !== undefined
      ? { releaseHash: draft.releaseHash }
      : {}),
  });
  return next;
};

/** The table: one handler per event type after `declared`; the compiler checks it is complete. */
export const EVENT_HANDLERS: EventHandlers = {
  'roles.assigned': (state, next, event) => {
    next.roles = { ...state.roles, ...event.roles };
    return next;
  },
  'availability.changed': (state, next, event) => {
    const others = state.unavailable.filter((id) => id !== event.personId);
    next.unavailable = event.available ? others : [...others, event.personId];
    return next;
  },
  'facts.confirmed': confirmFacts,
  'severity.set': (state, next, event) => {
    checkOnLadder(event, event.severity, policyOf(state));
    if (event.severity !== state.severity) {
      next.severity = event.severity;
      next.severityChangedAt = event.at;
    }
    return next;
  },
  'scope.changed': (state, next, event) => {
    next.facts = {
      ...state.facts,
      scope: fact(event.scope, event),
      ...(event.affected ? { affected: fact(event.affected, event) } : {}),
    };
    next.factsVersion = state.factsVersion + 1;
    next.checkpointTriggers = [...state.checkpointTriggers, { reason: 'scope-changed', at: event.at }];
    return next;
  },
  'workaround.found': (state, next, event) => {
    next.facts = { ...state.facts, workaround: fact(event.workaround, event) };
    next.factsVersion = state.factsVersion + 1;
    next.checkpointTriggers = [...state.checkpointTriggers, { reason: 'workaround-found', at: event.at }];
    return next;
  },
  'recovery.started': (state, next, event) => {
    next.recovery = { ...state.recovery, startedAt: event.at };
    next.checkpointTriggers = [...state.checkpointTriggers, { reason: 'recovery-started', at: event.at }];
    return next;
  },
  'recovery.confirmed': (state, next, event) => {
    const recoveredAt = event.recoveredAt ?? event.at;
    next.recovery = {
      ...state.recovery,
      confirmed: { at: event.at, by: event.actor, customerCheck: event.customerCheck, recoveredAt },
    };
    next.factsVersion = state.factsVersion + 1;
    return next;
  },
  'draft.created': createDraft,
  'approval.requested': requestApproval,
  'approval.granted': (state, next, event) => decideApproval(state, next, event),
  'approval.denied': (state, next, event) => decideApproval(state, next, event),
  'publish.blocked': (state, next, event) => {
    const { draftId, revision, reasons } = event;
    next.blocked = [...state.blocked, { at: event.at, draftId, revision, reasons }];
    return next;
  },
  'update.published': appendPublishedVersion,
  'note.released': releaseNote,
  'question.logged': (state, next, event) => {
    const { question, topic, from, accountId } = event;
    next.questions = [
      ...state.questions,
      { at: event.at, by: event.actor, question, topic, from, ...(accountId ? { accountId } : {}) },
    ];
    return next;
  },
  'checkpoint.held': (state, next, event) => {
    next.checkpoints = [...state.checkpoints, event.at];
    next.checkpointTriggers = [];
    return next;
  },
  // Two ways to resolve: this event (no customer message, e.g. an internal-only incident), or
  // publishing a status update whose status is `resolved` (appendPublishedVersion sets `status`
  // and `resolvedAt`). Once either happened, a `resolved` event is refused by the reducer's
  // `incident-resolved` check: the incident is resolved once, at the first of the two.
  resolved: (state, next, event) => {
    if (!state.recovery.confirmed)
      reject('resolved-after-recovery-confirmed', event, 'the incident lead has not confirmed recovery');
    next.status = 'resolved';
    next.resolvedAt = event.at;
    return next;
  },
  closed: (state, next, event) => {
    if (state.status !== 'resolved')
      reject('closed-after-resolved', event, 'resolve the incident before closing it');
    next.closedAt = event.at;
    return next;
  },
};
