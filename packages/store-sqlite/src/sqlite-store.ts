/**
 * @module store-sqlite/sqlite-store
 * The durable embedded store: the delivery `Outbox` and the incident `EventStore` in one
 * SQLite file (better-sqlite3, WAL, one transaction per state change), so a crashed process
 * resumes where it left off.
 */
import {
  type ChannelRef,
  type DeliveryCompletion,
  type DeliveryRecord,
  type DeliveryState,
  type EventStore,
  IncidentCommsError,
  type NewDelivery,
  type Outbox,
} from '@incident-comms/core';
import Database from 'better-sqlite3';

/** Options of {@link createSqliteStore}. */
export interface SqliteStoreOptions {
  /** Database file path, or `':memory:'` for a throwaway store. Created if missing. */
  path: string;
  /**
   * SQLite `synchronous` level. `NORMAL` (default) with WAL survives a killed process; `FULL`
   * also survives power loss at some throughput cost.
   */
  synchronous?: 'NORMAL' | 'FULL' | undefined;
  /** Milliseconds to wait for another connection's write lock. Default 5 000. */
  busyTimeoutMs?: number | undefined;
}

/** The SQLite store: an {@link Outbox} and an {@link EventStore} over one file. */
export interface SqliteStore<E = unknown> extends Outbox, EventStore<E> {
  /** The database file path. */
  readonly path: string;
  /** Closes the database; the store must not be used afterwards. */
  close(): void;
}

/**
 * Thrown when the store cannot open its file or the schema is newer than this code
 * (`store_unavailable`). An {@link IncidentCommsError}; `path` is the database file.
 *
 * @example
 * throw new SqliteStoreError('/var/lib/incidents.db', 'schema version 99 is newer than 1');
 */
export class SqliteStoreError extends IncidentCommsError {
  declare readonly code: 'store_unavailable';
  readonly path: string;
  constructor(path: string, reason: string) {
    super('store_unavailable', `Cannot open the SQLite store at ${path}: ${reason}`);
    this.path = path;
  }
}

const SCHEMA_VERSION = 1;
const SCHEMA = `
CREATE TABLE IF NOT EXISTS deliveries (
  key TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  channel TEXT NOT NULL,
  recipient TEXT NOT NULL,
  audience TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending','sending','sent','failed','unknown')),
  attempts INTEGER NOT NULL DEFAULT 0,
  ref TEXT,
  reason TEXT,
  next_attempt_at TEXT,
  first_attempt_at TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS deliveries_by_incident ON deliveries (incident_id, version);
CREATE TABLE IF NOT EXISTS threads (
  incident_id TEXT NOT NULL,
  channel TEXT NOT NULL,
  recipient TEXT NOT NULL,
  ref TEXT NOT NULL,
  PRIMARY KEY (incident_id, channel, recipient)
);
CREATE TABLE IF NOT EXISTS events (
  incident_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  event TEXT NOT NULL,
  PRIMARY KEY (incident_id, seq)
);
`;

interface Row {
  key: string;
  incident_id: string;
  version: number;
  channel: string;
  recipient: string;
  audience: string;
  state: DeliveryState;
  attempts: number;
  ref: string | null;
  reason: string | null;
  next_attempt_at: string | null;
  first_attempt_at: string | null;
  updated_at: string;
}

function toRecord(row: Row): DeliveryRecord {
  return {
    key: row.key,
    incidentId: row.incident_id,
    version: row.version,
    channel: row.channel,
    recipient: row.recipient,
    audience: row.audience as DeliveryRecord['audience'],
    state: row.state,
    attempts: row.attempts,
    ref: row.ref === null ? undefined : (JSON.parse(row.ref) as ChannelRef),
    reason: row.reason ?? undefined,
    nextAttemptAt: row.next_attempt_at ?? undefined,
    firstAttemptAt: row.first_attempt_at ?? undefined,
    updatedAt: row.updated_at,
  };
}

/**
 * Opens (or creates) a durable store at `path`: WAL journal, schema created on first use,
 * every outbox transition one atomic `UPDATE … WHERE state IN (…) RETURNING`, so the record
 * is on disk before `send` starts and a killed process loses nothing it had recorded.
 * One publishing process per file at a time (readers may be many).
 *
 * @throws {SqliteStoreError} `store_unavailable` if the file cannot be opened or was written
 *   by a newer schema.
 * @example
 * const store = createSqliteStore({ path: 'incident-comms.db' });
 * await publishUpdate({ messages, routes, channels, outbox: store });
 * store.close();
 */
export function createSqliteStore<E = unknown>(options: SqliteStoreOptions): SqliteStore<E> {
  let db: Database.Database;
  try {
    db = new Database(options.path);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5_000))}`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION)
      throw new Error(`schema version ${version} is newer than ${SCHEMA_VERSION}`);
    db.exec(SCHEMA);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  } catch (error) {
    throw new SqliteStoreError(options.path, error instanceof Error ? error.message : String(error));
  }

  const insert = db.prepare(
    `INSERT OR IGNORE INTO deliveries (key, incident_id, version, channel, recipient, audience, state, attempts, updated_at)
     VALUES (@key, @incidentId, @version, @channel, @recipient, @audience, 'pending', 0, @at)`,
  );
  const selectOne = db.prepare<[string], Row>('SELECT * FROM deliveries WHERE key = ?');
  const enqueueAll = db.transaction((deliveries: readonly NewDelivery[], at: string) =>
    deliveries.map((d) => {
      insert.run({ ...d, at });
      return toRecord(selectOne.get(d.key)!);
    }),
  );

  const statements = new Map<string, Database.Statement>();
  const cached = (sql: string) => {
    let stmt = statements.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      statements.set(sql, stmt);
    }
    return stmt;
  };
  const inList = (states: readonly DeliveryState[]) => states.map(() => '?').join(',') || 'NULL';

  const listAll = db.prepare<[string], Row>('SELECT * FROM deliveries WHERE incident_id = ? ORDER BY key');
  const listVersion = db.prepare<[string, number], Row>(
    'SELECT * FROM deliveries WHERE incident_id = ? AND version = ? ORDER BY key',
  );
  const getThread = db.prepare<[string, string, string], { ref: string }>(
    'SELECT ref FROM threads WHERE incident_id = ? AND channel = ? AND recipient = ?',
  );
  const putThread = db.prepare(
    'INSERT OR IGNORE INTO threads (incident_id, channel, recipient, ref) VALUES (?, ?, ?, ?)',
  );
  const nextSeq = db.prepare<[string], { seq: number }>(
    'SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM events WHERE incident_id = ?',
  );
  const putEvent = db.prepare('INSERT INTO events (incident_id, seq, event) VALUES (?, ?, ?)');
  const loadEvents = db.prepare<[string], { event: string }>(
    'SELECT event FROM events WHERE incident_id = ? ORDER BY seq',
  );
  const listIncidents = db.prepare<[], { incident_id: string }>(
    'SELECT incident_id FROM events GROUP BY incident_id ORDER BY MIN(rowid)',
  );
  const appendEvent = db.transaction((incidentId: string, json: string) => {
    const { seq } = nextSeq.get(incidentId)!;
    putEvent.run(incidentId, seq, json);
    return seq;
  });

  return {
    path: options.path,
    async enqueue(deliveries, at) {
      return enqueueAll.immediate(deliveries, at);
    },
    async begin(key, from, at) {
      const row = cached(
        `UPDATE deliveries SET state = 'sending', attempts = attempts + 1,
           first_attempt_at = COALESCE(first_attempt_at, ?), next_attempt_at = NULL, updated_at = ?
         WHERE key = ? AND state IN (${inList(from)}) RETURNING *`,
      ).get(at, at, key, ...from) as Row | undefined;
      return row && toRecord(row);
    },
    async complete(key, completion: DeliveryCompletion, at, from = ['sending']) {
      const ref = completion.state === 'sent' ? JSON.stringify(completion.ref) : null;
      const reason = completion.state === 'sent' ? null : completion.reason;
      const next = completion.state === 'pending' ? completion.nextAttemptAt : null;
      const row = cached(
        `UPDATE deliveries SET state = ?, ref = COALESCE(?, ref), reason = ?, next_attempt_at = ?, updated_at = ?
         WHERE key = ? AND state IN (${inList(from)}) RETURNING *`,
      ).get(completion.state, ref, reason, next, at, key, ...from) as Row | undefined;
      return row && toRecord(row);
    },
    async get(key) {
      const row = selectOne.get(key);
      return row && toRecord(row);
    },
    async list(incidentId, version) {
      const rows = version === undefined ? listAll.all(incidentId) : listVersion.all(incidentId, version);
      return rows.map(toRecord);
    },
    async thread(incidentId, channel, recipient) {
      const row = getThread.get(incidentId, channel, recipient);
      return row && (JSON.parse(row.ref) as ChannelRef);
    },
    async rememberThread(incidentId, channel, recipient, ref) {
      putThread.run(incidentId, channel, recipient, JSON.stringify(ref));
    },
    async append(incidentId, event) {
      const json = JSON.stringify(event);
      if (json === undefined) throw new TypeError('EventStore.append: event must be JSON data');
      return appendEvent.immediate(incidentId, json);
    },
    async load(incidentId) {
      return loadEvents.all(incidentId).map((r) => JSON.parse(r.event) as E);
    },
    async incidents() {
      return listIncidents.all().map((r) => r.incident_id);
    },
    close() {
      db.close();
    },
  };
}
