/**
 * @module incident/reducer
 * `applyEvent` folds one event into the state, refusing events that break the practice;
 * `replay` folds a whole log. Pure: the input state is never modified.
 */
import { roleWords } from '../approvals/gates';
import {
  describeValue,
  EventRejectedError,
  NotAuthorizedError,
  problem,
  problemsFromZod,
  ValidationError,
} from '../errors';
import type { Role } from '../vocabulary';
import { type EventOf, eventSchema, type IncidentEvent, type IncidentEventInput } from './events';
import { approvedReleaseOf, checkApprovalHash, draftReleaseHash } from './release-record';
import {
  type ApprovalRecord,
  type ConfirmedFact,
  type DraftRecord,
  type IncidentFacts,
  type IncidentState,
  incidentStateSchema,
  personNameInRoles,
  roleHolder,
} from './state';

/**
 * Parses one incident-log event with zod at the boundary (stored logs, host input).
 *
 * @param input - the raw event, e.g. one parsed JSON line.
 * @param where - path prefix for problems, e.g. `events.3`.
 * @returns the typed {@link IncidentEvent}; instants stay ISO-8601 UTC strings.
 * @throws {ValidationError} `input_invalid`, naming each bad path (prefixed by `where`).
 * @example
 * const event = parseEvent(JSON.parse(line), 'events.3');
 */
export function parseEvent(input: unknown, where = 'event'): IncidentEvent {
  const parsed = eventSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(where, problemsFromZod(parsed.error, input, where));
  return parsed.data;
}

const reject = (rule: string, event: IncidentEvent, message: string): never => {
  throw new EventRejectedError(rule, event.type, message);
};

function requireHolder(
  state: IncidentState,
  role: Role,
  event: IncidentEvent,
  rule: string,
  doing: string,
): void {
  const holder = roleHolder(state, role);
  if (!state.roles[role])
    reject('roles-required', event, `no ${role} is assigned; assign roles before ${doing}`);
  if (!holder) reject(rule, event, `both the ${role} and the backup are unavailable`);
  if (holder!.id !== event.actor) {
    reject(
      rule,
      event,
      `${doing} is for the ${role} (${holder!.name}, ${holder!.id}); ${event.actor} is not`,
    );
  }
}

const fact = <T>(value: T, event: IncidentEvent): ConfirmedFact<T> => ({
  value,
  by: event.actor,
  at: event.at,
});

const ALLOWED_AFTER_RESOLVED = new Set<IncidentEvent['type']>([
  'question.logged',
  'checkpoint.held',
  'availability.changed',
  'publish.blocked',
  'note.released',
  'closed',
]);

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

function reduce(state: IncidentState | undefined, event: IncidentEvent): IncidentState {
  if (event.type === 'declared') {
    if (state) reject('declared-once', event, `incident ${state.id} is already declared`);
    return {
      id: event.incidentId,
      title: event.title,
      incidentType: event.incidentType,
      declaredAt: event.at,
      declaredBy: event.actor,
      severity: event.severity,
      severityChangedAt: event.at,
      status: 'investigating',
      roles: {},
      unavailable: [],
      facts: { scope: { value: 'unknown', by: event.actor, at: event.at } },
      factsVersion: 0,
      recovery: {},
      drafts: {},
      updates: [],
      notes: [],
      releases: [],
      questions: [],
      checkpoints: [],
      checkpointTriggers: [],
      blocked: [],
      lastEventAt: event.at,
      eventCount: 1,
    };
  }
  if (!state) return reject('declared-first', event, 'the first event of an incident must be "declared"');
  // Compare as instants, not text: `…:05.300Z` is later than `…:05Z`.
  if (Date.parse(event.at) < Date.parse(state.lastEventAt)) {
    reject(
      'events-in-time-order',
      event,
      `event at ${event.at} is earlier than the last event at ${state.lastEventAt}`,
    );
  }
  if (state.closedAt)
    reject('incident-closed', event, `incident ${state.id} was closed at ${state.closedAt}`);
  if (state.status === 'resolved' && !ALLOWED_AFTER_RESOLVED.has(event.type)) {
    reject(
      'incident-resolved',
      event,
      `incident ${state.id} is resolved; only questions, checkpoints and closing follow`,
    );
  }
  const next: IncidentState = { ...state, lastEventAt: event.at, eventCount: state.eventCount + 1 };
  switch (event.type) {
    case 'roles.assigned':
      next.roles = { ...state.roles, ...event.roles };
      return next;
    case 'availability.changed': {
      const others = state.unavailable.filter((id) => id !== event.personId);
      next.unavailable = event.available ? others : [...others, event.personId];
      return next;
    }
    case 'facts.confirmed': {
      requireHolder(state, 'incidentLead', event, 'facts-confirmed-by-incident-lead', 'confirming facts');
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
    }
    case 'severity.set':
      requireHolder(state, 'incidentLead', event, 'severity-set-by-incident-lead', 'setting severity');
      if (event.severity !== state.severity) {
        next.severity = event.severity;
        next.severityChangedAt = event.at;
      }
      return next;
    case 'scope.changed':
      requireHolder(state, 'incidentLead', event, 'facts-confirmed-by-incident-lead', 'changing scope');
      next.facts = {
        ...state.facts,
        scope: fact(event.scope, event),
        ...(event.affected ? { affected: fact(event.affected, event) } : {}),
      };
      next.factsVersion = state.factsVersion + 1;
      next.checkpointTriggers = [...state.checkpointTriggers, { reason: 'scope-changed', at: event.at }];
      return next;
    case 'workaround.found':
      requireHolder(
        state,
        'incidentLead',
        event,
        'facts-confirmed-by-incident-lead',
        'confirming a workaround',
      );
      next.facts = { ...state.facts, workaround: fact(event.workaround, event) };
      next.factsVersion = state.factsVersion + 1;
      next.checkpointTriggers = [...state.checkpointTriggers, { reason: 'workaround-found', at: event.at }];
      return next;
    case 'recovery.started': {
      const lead = roleHolder(state, 'incidentLead');
      const engineer = roleHolder(state, 'engineering');
      if (event.actor !== lead?.id && event.actor !== engineer?.id) {
        reject(
          'recovery-started-by-engineering',
          event,
          'only the incident lead or engineering can report that recovery started',
        );
      }
      next.recovery = { ...state.recovery, startedAt: event.at };
      next.checkpointTriggers = [...state.checkpointTriggers, { reason: 'recovery-started', at: event.at }];
      return next;
    }
    case 'recovery.confirmed':
      requireHolder(
        state,
        'incidentLead',
        event,
        'recovery-confirmed-by-incident-lead',
        'confirming recovery',
      );
      next.recovery = {
        ...state.recovery,
        confirmed: {
          at: event.at,
          by: event.actor,
          customerCheck: event.customerCheck,
          recoveredAt: event.recoveredAt ?? event.at,
        },
      };
      next.factsVersion = state.factsVersion + 1;
      return next;
    case 'draft.created': {
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
    }
    case 'approval.requested': {
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
    }
    case 'approval.granted':
    case 'approval.denied': {
      const draft = draftForApproval(
        state,
        event,
        `draft ${event.draftId} was edited (revision ${state.drafts[event.draftId]?.revision}); approve the new revision`,
      );
      const approval = draft.approvals[event.gate];
      if (!approval)
        return reject('approval-requested-first', event, `no approval of gate "${event.gate}" was requested`);
      const holder = roleHolder(state, approval.role);
      if (!holder || holder.id !== event.actor) {
        const actor = personNameInRoles(state, event.actor);
        const only = roleWords(approval.role);
        throw new NotAuthorizedError(
          event.actor,
          approval.role,
          `${actor} may not decide the ${event.gate} approval: ` +
            (holder
              ? `only ${only} (${holder.name}) may.`
              : `only ${only} may, and nobody holds that role now (name a backup).`),
        );
      }
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
    }
    case 'publish.blocked':
      next.blocked = [
        ...state.blocked,
        { at: event.at, draftId: event.draftId, revision: event.revision, reasons: event.reasons },
      ];
      return next;
    case 'update.published':
      return publishUpdate(state, next, event);
    case 'note.released':
      return releaseNote(state, next, event);
    case 'question.logged':
      next.questions = [
        ...state.questions,
        {
          at: event.at,
          by: event.actor,
          question: event.question,
          topic: event.topic,
          from: event.from,
          ...(event.accountId ? { accountId: event.accountId } : {}),
        },
      ];
      return next;
    case 'checkpoint.held':
      next.checkpoints = [...state.checkpoints, event.at];
      next.checkpointTriggers = [];
      return next;
    case 'resolved':
      // Two ways to resolve: this event (no customer message, e.g. an internal-only incident),
      // or publishing a status update whose status is `resolved` (publishUpdate sets
      // `status` and `resolvedAt`). Once either happened, a `resolved` event is refused by the
      // `incident-resolved` check above: the incident is resolved once, at the first of the two.
      if (!state.recovery.confirmed)
        reject('resolved-after-recovery-confirmed', event, 'the incident lead has not confirmed recovery');
      next.status = 'resolved';
      next.resolvedAt = event.at;
      return next;
    case 'closed':
      if (state.status !== 'resolved')
        reject('closed-after-resolved', event, 'resolve the incident before closing it');
      next.closedAt = event.at;
      return next;
  }
}

function publishUpdate(
  state: IncidentState,
  next: IncidentState,
  event: EventOf<'update.published'>,
): IncidentState {
  const { update } = event;
  if (!state.roles.communicationOwner) {
    reject('owner-required-before-publish', event, 'assign a communication owner before publishing');
  }
  requireHolder(
    state,
    'communicationOwner',
    event,
    'published-by-communication-owner',
    'publishing a status update',
  );
  if (update.version !== state.updates.length + 1) {
    reject('version-sequence', event, `expected version ${state.updates.length + 1}, got ${update.version}`);
  }
  if (update.factsVersion !== state.factsVersion) {
    reject(
      'stale-facts',
      event,
      `the update uses facts version ${update.factsVersion}; the newest is ${state.factsVersion}`,
    );
  }
  if (update.status === 'resolved' && !state.recovery.confirmed) {
    reject(
      'resolved-after-recovery-confirmed',
      event,
      'the incident lead has not confirmed recovery with a customer-facing check',
    );
  }
  const draft = state.drafts[update.draftId];
  if (!draft || draft.revision !== update.draftRevision) {
    reject(
      'published-from-draft',
      event,
      `draft ${update.draftId} revision ${update.draftRevision} does not exist`,
    );
  }
  const pending = Object.values(draft!.approvals).filter((a) => a.status !== 'granted');
  if (pending.length > 0) {
    reject(
      'approvals-granted',
      event,
      `approval still missing: ${pending.map((a) => `${a.gate} (${a.status})`).join(', ')}`,
    );
  }
  const release = approvedReleaseOf(state, draft!, event, event.release, {
    version: update.version,
    ...(update.nextUpdateAt === undefined ? {} : { nextUpdateAt: update.nextUpdateAt }),
  });
  if (release) {
    if (!release.messages.some((m) => m.audience === draft!.audience && m.text === update.text)) {
      reject(
        'release-matches-approval',
        event,
        `the update's text is not the ${draft!.audience} message of its release`,
      );
    }
    next.releases = [...state.releases, release];
  }
  next.updates = [...state.updates, update];
  next.drafts = { ...state.drafts, [draft!.id]: { ...draft!, publishedVersion: update.version } };
  next.status = update.status;
  if (update.status === 'resolved') next.resolvedAt = event.at;
  return next;
}

/**
 * Records a side note sent outside the status versions. The revision must be the draft's current
 * one, every approval requested on it granted, the draft never published as a version, the
 * audience the draft's own, and the sender its author or the communication owner holder.
 */
function releaseNote(
  state: IncidentState,
  next: IncidentState,
  event: EventOf<'note.released'>,
): IncidentState {
  const draft = state.drafts[event.draftId];
  if (!draft) return reject('note-from-draft', event, `no draft ${event.draftId}`);
  if (draft.revision !== event.revision) {
    reject(
      'note-from-draft',
      event,
      `draft ${draft.id} is at revision ${draft.revision}, not ${event.revision}; release the current revision`,
    );
  }
  if (draft.publishedVersion !== undefined) {
    reject(
      'note-not-a-version',
      event,
      `draft ${draft.id} was published as version ${draft.publishedVersion}; a version is not a side note`,
    );
  }
  if (event.audience !== draft.audience) {
    reject(
      'note-audience-of-draft',
      event,
      `draft ${draft.id} was written for ${draft.audience}, not ${event.audience}`,
    );
  }
  const pending = Object.values(draft.approvals).filter((a) => a.status !== 'granted');
  if (pending.length > 0) {
    reject(
      'approvals-granted',
      event,
      `approval still missing: ${pending.map((a) => `${a.gate} (${a.status})`).join(', ')}`,
    );
  }
  const owner = roleHolder(state, 'communicationOwner');
  if (event.actor !== draft.author && event.actor !== owner?.id) {
    reject(
      'note-released-by-author-or-owner',
      event,
      `a side note is released by its author (${personNameInRoles(state, draft.author)})` +
        (owner ? ` or the communication owner (${owner.name})` : '') +
        `; ${personNameInRoles(state, event.actor)} is neither`,
    );
  }
  const release = approvedReleaseOf(state, draft, event, event.release, {
    version: state.updates.length,
    noteId: draft.id,
  });
  if (release) next.releases = [...state.releases, release];
  next.notes = [
    ...state.notes,
    {
      draftId: draft.id,
      revision: draft.revision,
      audience: event.audience,
      at: event.at,
      by: event.actor,
      recipients: event.recipients,
      ...(event.channel ? { channel: event.channel } : {}),
    },
  ];
  return next;
}

/**
 * Applies one event to the state (pure reducer over the append-only log).
 *
 * Resolving: an incident is resolved once, either by a `resolved` event or by publishing a
 * status update with status `resolved` (which already sets `status: 'resolved'` and
 * `resolvedAt`), whichever comes first. After that only `question.logged`, `checkpoint.held`,
 * `availability.changed`, `publish.blocked`, `note.released` and `closed` are accepted, so a `resolved` event
 * after a published resolution is rejected with rule `incident-resolved`; hosts that send one
 * out of habit should treat that rejection as "already resolved" (check `state.status` first).
 *
 * @param state - the current state, or `undefined` before the `declared` event. A state that
 *   did not come from `applyEvent`/`replay` (e.g. loaded from a store) is checked once against
 *   `incidentStateSchema`.
 * @param event - an event as plain data; parsed with zod first (ISO-8601 UTC `at`, `actor`).
 * @returns a new state; the input state is never modified.
 * @throws {ValidationError} `input_invalid` when the event is malformed (path-named), or when
 *   `state` is not an incident state (paths start with `state`).
 * @throws {EventRejectedError} `event_rejected` naming the broken rule, e.g.
 *   `owner-required-before-publish`, `resolved-after-recovery-confirmed`, `events-in-time-order`,
 *   `facts-confirmed-by-incident-lead`, `incident-resolved` (anything but the events above once
 *   resolved, including a second resolution); for `note.released`: `note-from-draft`,
 *   `note-not-a-version`, `note-audience-of-draft`, `approvals-granted`,
 *   `note-released-by-author-or-owner` (and `incident-closed`). The state is untouched.
 * @throws {NotAuthorizedError} `approval_not_authorized` when someone other than the approving
 *   role's holder grants or denies an approval; `actor` and `role` say who and which role, the
 *   message says it in names and role words: "Priya may not decide the compensation approval:
 *   only the named approver (Maya) may."
 * @example
 * const state = applyEvent(undefined, { type: 'declared', at: '2026-03-03T14:10:00Z', actor: 'dana',
 *   incidentId: 'inc-1', title: 'Card payments failing', incidentType: 'checkout', severity: 'SEV1' });
 * state.status; // 'investigating'
 */
export function applyEvent(
  state: IncidentState | undefined,
  event: IncidentEventInput | IncidentEvent,
): IncidentState {
  assertState(state);
  return remember(reduce(state, parseEvent(event)));
}

// States this reducer produced: known to be states, so they are not validated again.
const producedStates = new WeakSet<object>();

function remember(state: IncidentState): IncidentState {
  producedStates.add(state);
  return state;
}

const STATE_EXPECTED =
  'an incident state (the result of applyEvent or replay), or undefined before "declared"';

// A state handed in from outside (e.g. loaded from a store) is checked once; a value that is
// not a state at all gets one problem rather than one per missing field.
function assertState(state: unknown): asserts state is IncidentState | undefined {
  if (state === undefined) return;
  if (typeof state !== 'object' || state === null || Array.isArray(state)) {
    throw new ValidationError('incident state', [problem('state', STATE_EXPECTED, describeValue(state))]);
  }
  if (producedStates.has(state)) return;
  const parsed = incidentStateSchema.safeParse(state);
  if (parsed.success) {
    producedStates.add(state);
    return;
  }
  const required = Object.keys(incidentStateSchema.shape).filter(
    (k) =>
      !incidentStateSchema.shape[k as keyof typeof incidentStateSchema.shape].safeParse(undefined).success,
  );
  const missing = required.filter((k) => !(k in state));
  if (missing.length * 2 > required.length) {
    const keys = Object.keys(state)
      .slice(0, 5)
      .map((k) => JSON.stringify(k))
      .join(', ');
    throw new ValidationError('incident state', [
      problem('state', STATE_EXPECTED, keys === '' ? 'an empty object' : `an object with ${keys}`),
    ]);
  }
  throw new ValidationError('incident state', problemsFromZod(parsed.error, state, 'state'));
}

/**
 * Folds a whole log into a state. Deterministic: the same log always gives the same state.
 *
 * @param events - the incident's events, oldest first; the first must be `declared`.
 * @throws the first error {@link applyEvent} throws, saying which event: {@link ValidationError}
 *   paths are prefixed with `events.N`; {@link EventRejectedError} and {@link NotAuthorizedError}
 *   carry `index` and a message starting `events.N (type at AT): `. A log that is not a list is
 *   a {@link ValidationError} at `events`.
 * @example
 * try { replay(events); } catch (e) { if (e instanceof EventRejectedError) console.log(e.index, e.rule); }
 */
export function replay(events: ReadonlyArray<IncidentEventInput | IncidentEvent>): IncidentState {
  if (!Array.isArray(events)) {
    throw new ValidationError('incident log', [problem('events', 'a list of events', describeValue(events))]);
  }
  if (events.length === 0) throw new EventRejectedError('declared-first', 'replay', 'the log is empty');
  let state: IncidentState | undefined;
  for (let index = 0; index < events.length; index++) {
    const event = parseEvent(events[index], `events.${index}`);
    try {
      state = reduce(state, event);
    } catch (error) {
      const at = { index, type: event.type, at: event.at };
      if (error instanceof EventRejectedError)
        throw new EventRejectedError(error.rule, error.eventType, error.reason, at);
      if (error instanceof NotAuthorizedError)
        throw new NotAuthorizedError(error.actor, error.role, error.reason, at);
      throw error;
    }
  }
  return remember(state!);
}
