/**
 * @module store-sqlite/schema
 * The SQLite schema (version 2) and the migration from version 1.
 */
import { DELIVERY_STATES } from '@incident-comms/core';

/** The schema version this code writes (`PRAGMA user_version`). */
export const SCHEMA_VERSION = 2;
const deliveriesTable = (name: string, ifNotExists = '') => `
CREATE TABLE ${ifNotExists}${name} (
  key TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  channel TEXT NOT NULL,
  recipient TEXT NOT NULL,
  audience TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN (${DELIVERY_STATES.map((st) => `'${st}'`).join(',')})),
  attempts INTEGER NOT NULL DEFAULT 0,
  ref TEXT,
  reason TEXT,
  next_attempt_at TEXT,
  first_attempt_at TEXT,
  updated_at TEXT NOT NULL
);`;
/**
 * Migration from version 1: version 2 added the `superseded` and `expired` states (a table rebuild, since SQLite cannot
 * change a CHECK constraint in place) and the index the rate cap reads.
 */
export const MIGRATE_1_TO_2 = `
${deliveriesTable('deliveries_v2')};
INSERT INTO deliveries_v2 SELECT * FROM deliveries;
DROP TABLE deliveries;
ALTER TABLE deliveries_v2 RENAME TO deliveries;
`;
export const SCHEMA = `
${deliveriesTable('deliveries', 'IF NOT EXISTS ')};
CREATE INDEX IF NOT EXISTS deliveries_by_incident ON deliveries (incident_id, version);
CREATE INDEX IF NOT EXISTS deliveries_sent_by_channel ON deliveries (channel, updated_at) WHERE state = 'sent';
CREATE TABLE IF NOT EXISTS threads (
  incident_id TEXT NOT NULL,
  channel TEXT NOT NULL,
  recipient TEXT NOT NULL,
  ref TEXT NOT NULL,
  PRIMARY KEY (incident_id, channel, recipient)
);
CREATE TABLE IF NOT EXISTS reminders (
  incident_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  fired_at TEXT NOT NULL,
  PRIMARY KEY (incident_id, kind, key)
);
CREATE TABLE IF NOT EXISTS events (
  incident_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  event TEXT NOT NULL,
  PRIMARY KEY (incident_id, seq)
);
`;
