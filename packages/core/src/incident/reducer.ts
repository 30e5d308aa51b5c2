/**
 * @module incident/reducer
 * `applyEvent` folds one event into the state, refusing events that break the practice;
 * `replay` folds a whole log. Pure: the input state is never modified.
 */
import {
  describeValue,
  EventRejectedError,
  NotAuthorizedError,
  problem,
  problemsFromZod,
  protoKeyProblems,
  ValidationError,
} from '../errors';
import { eventSchema, type IncidentEvent, type IncidentEventInput } from './events';
import { checkOnLadder, EVENT_HANDLERS, type EventHandler } from './handlers';
import { authorize } from './permissions';
import { policyFromDeclared } from './policy';
import { reject } from './publish-handlers';
import type { IncidentState } from './state';
import { assertState, remember } from './state-check';

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
  const dropped = protoKeyProblems(input, where);
  if (dropped.length > 0) throw new ValidationError(where, dropped);
  const parsed = eventSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(where, problemsFromZod(parsed.error, input, where));
  return parsed.data;
}

const ALLOWED_AFTER_RESOLVED = new Set<IncidentEvent['type']>([
  'question.logged',
  'checkpoint.held',
  'availability.changed',
  'publish.blocked',
  'note.released',
  'closed',
]);

function reduce(state: IncidentState | undefined, event: IncidentEvent): IncidentState {
  if (event.type === 'declared') {
    if (state) reject('declared-once', event, `incident ${state.id} is already declared`);
    const policy = policyFromDeclared(event.policy);
    checkOnLadder(event, event.severity, policy);
    if (!policy.incidentTypes?.includes(event.incidentType))
      reject(
        'incident-type-defined',
        event,
        `incident type ${JSON.stringify(event.incidentType)} is not one the runbook defines (${policy.incidentTypes?.join(', ')})`,
      );
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
      policy,
      releases: [],
      overrides: [],
      facts: { scope: { value: 'unknown', by: event.actor, at: event.at } },
      factsVersion: 0,
      recovery: {},
      drafts: {},
      updates: [],
      notes: [],
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
  // The permission table (incident/permissions): who may append this event, for whom, when.
  const override = authorize(state, event);
  const next: IncidentState = { ...state, lastEventAt: event.at, eventCount: state.eventCount + 1 };
  if (override) next.overrides = [...(state.overrides ?? []), override];
  // The table of handlers (incident/handlers): what this event type changes.
  const handle = EVENT_HANDLERS[event.type] as EventHandler<typeof event.type>;
  return handle(state, next, event as never);
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
 * @throws {EventRejectedError} `event_rejected` naming the broken rule of the log's order, e.g.
 *   `resolved-after-recovery-confirmed`, `events-in-time-order`, `version-sequence`,
 *   `stale-facts`, `incident-resolved` (anything but the events above once resolved, including
 *   a second resolution); for `note.released`: `note-from-draft`, `note-not-a-version`,
 *   `note-audience-of-draft`, `approvals-granted` (and `incident-closed`). The state is untouched.
 * @throws {NotAuthorizedError} when the permission table (`PERMISSION_TABLE`) refuses the event;
 *   `rule` names the row (`roles-reassigned-per-table`, `availability-keeps-a-decider`,
 *   `approval-role-from-gate`, `decision-stands-until-edit`, `published-as-approved`, …),
 *   `actor` and `role` say who tried and which role the rule wanted. Deciding a gate without
 *   holding its role has code `approval_not_authorized` and reads in names and role words:
 *   "Priya may not decide the compensation approval: only the named approver (Maya) may."
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
        throw new NotAuthorizedError(error.actor, error.role, error.reason, at, error.rule);
      throw error;
    }
  }
  return remember(state!);
}
