/**
 * @module coordinator/errors
 * Typed errors of the coordinator: used after `stop()`, and a stored log that no longer replays.
 */
import { IncidentCommsError } from '../errors';

/**
 * Thrown by `dispatch` and `start` after `stop()` (`coordinator_stopped`): a stopped coordinator
 * schedules nothing, so it must not accept events either.
 *
 * @example
 * coordinator.stop();
 * await coordinator.dispatch('inc-1', event); // rejects with code 'coordinator_stopped'
 */
export class CoordinatorStoppedError extends IncidentCommsError {
  constructor() {
    super('coordinator_stopped', 'the coordinator was stopped; create a new one to continue');
  }
}

/**
 * An incident's stored log does not replay (`stored_log_invalid`), e.g. a log edited by hand or
 * written under another version. The coordinator does not throw it: it quarantines the incident
 * and emits it in an `incident.quarantined` event. `cause` is the reducer's error
 * (`ValidationError` with paths `events.N…`, or `EventRejectedError` naming the rule).
 *
 * @example
 * coordinator.on('incident.quarantined', ({ error }) => {
 *   error.incidentId; // 'inc-1'
 *   error.eventIndex; // 4 (the fifth event failed)
 * });
 */
export class StoredLogError extends IncidentCommsError {
  readonly incidentId: string;
  /** 0-based index of the event that failed to replay, when the reducer says. */
  readonly eventIndex: number | undefined;
  /** The failing event's `type`, when it has one. */
  readonly eventType: string | undefined;
  override readonly cause: unknown;
  constructor(incidentId: string, cause: unknown, events: readonly unknown[] = []) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super('stored_log_invalid', `the stored log of incident ${incidentId} does not replay: ${reason}`);
    this.incidentId = incidentId;
    this.cause = cause;
    this.eventIndex = failingIndex(cause);
    const type =
      this.eventIndex === undefined ? undefined : (events[this.eventIndex] as { type?: unknown })?.type;
    this.eventType = typeof type === 'string' ? type : undefined;
  }
}

/** The failing event's index from a replay error: `index` on rejections, `events.N…` paths on validation. */
function failingIndex(cause: unknown): number | undefined {
  const index = (cause as { index?: unknown } | undefined)?.index;
  if (typeof index === 'number') return index;
  const problems = (cause as { problems?: ReadonlyArray<{ path?: unknown }> } | undefined)?.problems;
  const path = problems?.[0]?.path;
  const match = typeof path === 'string' ? /^events\.(\d+)/.exec(path) : null;
  return match ? Number(match[1]) : undefined;
}

/**
 * Thrown by `dispatch` to an incident the coordinator quarantined (`incident_quarantined`)
 * because its stored log does not replay; `cause` is that {@link StoredLogError}. Other
 * incidents are unaffected.
 *
 * @example
 * await coordinator.dispatch('broken', event); // rejects with code 'incident_quarantined'
 */
export class IncidentQuarantinedError extends IncidentCommsError {
  readonly incidentId: string;
  override readonly cause: StoredLogError;
  constructor(cause: StoredLogError) {
    super('incident_quarantined', `incident ${cause.incidentId} is quarantined: ${cause.message}`);
    this.incidentId = cause.incidentId;
    this.cause = cause;
  }
}
