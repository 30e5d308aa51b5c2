/**
 * @module delivery/outbox-row
 * The outbox as a SQL table row (snake_case columns, JSON text for the channel's ref) and its
 * mapping to a {@link DeliveryRecord}: one mapping for every SQL store (SQLite, PostgreSQL).
 */
import type { ChannelRef } from './channel';
import type { DeliveryRecord, DeliveryState } from './store';

/** One row of a SQL store's `deliveries` table. Instants are ISO-8601 UTC text. */
export interface OutboxRow {
  key: string;
  incident_id: string;
  version: number;
  channel: string;
  recipient: string;
  audience: string;
  state: DeliveryState;
  attempts: number;
  /** The channel's ref as JSON text, or null before a send succeeded. */
  ref: string | null;
  reason: string | null;
  next_attempt_at: string | null;
  first_attempt_at: string | null;
  updated_at: string;
}

/**
 * The delivery record of an outbox row.
 *
 * @param row - a `deliveries` row as the SQL driver returns it.
 * @param ref - the row's ref when the caller already holds it (skips parsing `row.ref`).
 * @example
 * const record = outboxRecordFromRow(db.prepare('SELECT * FROM deliveries WHERE key = ?').get(key));
 */
export function outboxRecordFromRow(row: OutboxRow, ref?: ChannelRef): DeliveryRecord {
  return {
    key: row.key,
    incidentId: row.incident_id,
    version: row.version,
    channel: row.channel,
    recipient: row.recipient,
    audience: row.audience as DeliveryRecord['audience'],
    state: row.state,
    attempts: row.attempts,
    ref: ref ?? (row.ref === null ? undefined : (JSON.parse(row.ref) as ChannelRef)),
    reason: row.reason ?? undefined,
    nextAttemptAt: row.next_attempt_at ?? undefined,
    firstAttemptAt: row.first_attempt_at ?? undefined,
    updatedAt: row.updated_at,
  };
}
