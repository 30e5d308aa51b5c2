/**
 * @module delivery/store-errors
 * The optimistic-concurrency contract of an `EventStore`: the position a decision was based on,
 * and the typed error a store raises when another writer appended first.
 */
import { IncidentCommsError } from '../errors';

/** Options of {@link EventStore.append}. */
export interface AppendOptions {
  /**
   * Optimistic concurrency: the number of events the caller's decision was based on. The append
   * succeeds only if the log still holds exactly that many events; otherwise the store throws
   * {@link AppendConflictError} and appends nothing. Without it the event goes after whatever
   * is there. The coordinator always passes it, so two instances sharing one store never
   * append a decision made on a stale state.
   */
  readonly expectedPosition?: number | undefined;
}

/**
 * Thrown by `EventStore.append` when `expectedPosition` is stale (`append_conflict`): another
 * writer (an instance sharing the store) appended to the incident first. Nothing was appended.
 * Reload the log, decide again on the fresh state, append again; the coordinator does this by
 * itself.
 *
 * @example
 * try { await store.append(id, event, { expectedPosition: 7 }); }
 * catch (e) { if (e instanceof AppendConflictError) { /* reload and decide again *\/ } }
 */
export class AppendConflictError extends IncidentCommsError {
  declare readonly code: 'append_conflict';
  readonly incidentId: string;
  readonly expectedPosition: number;
  constructor(incidentId: string, expectedPosition: number) {
    super(
      'append_conflict',
      `incident ${incidentId}: another writer appended after position ${expectedPosition}; reload the log and decide again`,
    );
    this.incidentId = incidentId;
    this.expectedPosition = expectedPosition;
  }
}
