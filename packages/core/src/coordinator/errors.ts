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
 * Thrown by `start` when an incident's stored log does not replay (`stored_log_invalid`), e.g. a
 * log edited by hand or written under another version. `cause` is the reducer's error
 * (`ValidationError` with paths `events.N…`, or `EventRejectedError` naming the rule).
 *
 * @example
 * try { await coordinator.start(); } catch (error) {
 *   if (error instanceof StoredLogError) error.incidentId; // 'inc-1'
 * }
 */
export class StoredLogError extends IncidentCommsError {
  readonly incidentId: string;
  override readonly cause: unknown;
  constructor(incidentId: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super('stored_log_invalid', `the stored log of incident ${incidentId} does not replay: ${reason}`);
    this.incidentId = incidentId;
    this.cause = cause;
  }
}
