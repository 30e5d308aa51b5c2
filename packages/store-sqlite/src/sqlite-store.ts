/**
 * @module store-sqlite/sqlite-store
 * The durable embedded store: the delivery `Outbox` and the incident `EventStore` in one
 * SQLite file (better-sqlite3, WAL, group commit: each state change is committed before its
 * call resolves), so a crashed process resumes where it left off.
 */
import {
  AppendConflictError,
  type ChannelRef,
  type DeliveryCompletion,
  type DeliveryRecord,
  type DeliveryState,
  type EventStore,
  IncidentCommsError,
  type IncidentEvent,
  type NewDelivery,
  type Outbox,
  type OutboxRow,
  outboxRecordFromRow,
} from '@incident-comms/core';
import Database from 'better-sqlite3';
import { MIGRATE_1_TO_2, SCHEMA, SCHEMA_VERSION } from './schema';

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

/** The SQLite store: an {@link Outbox} and an {@link EventStore} over one file.
 *
 * `E` is the event type the log holds: `IncidentEvent` by default, what the desk and the
 * coordinator append (pass another type, or `unknown`, to keep other JSON events).
 */
export interface SqliteStore<E = IncidentEvent> extends Outbox, EventStore<E> {
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

/**
 * Opens (or creates) a durable store at `path`: WAL journal, schema created on first use,
 * every outbox transition one atomic `UPDATE … WHERE state IN (…) RETURNING`, so the record
 * is on disk before `send` starts and a killed process loses nothing it had recorded.
 * Group commit: the writes issued in one turn of the event loop (e.g. the completions and next
 * `begin`s of many concurrent sends) run in call order in one transaction, and each call
 * resolves only after that transaction committed; reads first commit the writes queued before
 * them. One publishing process per file at a time (readers may be many).
 *
 * @throws {SqliteStoreError} `store_unavailable` if the file cannot be opened or was written
 *   by a newer schema.
 * @example
 * const store = createSqliteStore({ path: 'incident-comms.db' });
 * await publishUpdate({ release: approvedRelease(state, { version: 2 }), routes, channels, outbox: store });
 * store.close();
 */
export function createSqliteStore<E = IncidentEvent>(options: SqliteStoreOptions): SqliteStore<E> {
  let db: Database.Database;
  try {
    db = new Database(options.path);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5_000))}`);
    // Checkpoint the WAL every ~40 MB instead of SQLite's ~4 MB: a publish rewrites the same
    // pages many times, and fewer checkpoints copy (and sync) each page back fewer times.
    // Durability is unchanged; the WAL file is truncated back to 64 MB after a checkpoint.
    db.pragma('wal_autocheckpoint = 10000');
    db.pragma('journal_size_limit = 67108864');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION)
      throw new Error(`schema version ${version} is newer than ${SCHEMA_VERSION}`);
    db.transaction(() => {
      if (version === 1) db.exec(MIGRATE_1_TO_2);
      db.exec(SCHEMA);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }).immediate();
  } catch (error) {
    throw new SqliteStoreError(options.path, error instanceof Error ? error.message : String(error));
  }

  const insert = db.prepare<[string, string, number, string, string, string, string]>(
    `INSERT OR IGNORE INTO deliveries (key, incident_id, version, channel, recipient, audience, state, attempts, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?)`,
  );
  const selectOne = db.prepare<[string], OutboxRow>('SELECT * FROM deliveries WHERE key = ?');
  const enqueueAll = (deliveries: readonly NewDelivery[], at: string) =>
    deliveries.map((d): DeliveryRecord => {
      const { changes } = insert.run(d.key, d.incidentId, d.version, d.channel, d.recipient, d.audience, at);
      if (changes === 0) return outboxRecordFromRow(selectOne.get(d.key)!);
      const { key, incidentId, version, channel, recipient, audience } = d;
      return {
        key,
        incidentId,
        version,
        channel,
        recipient,
        audience,
        state: 'pending',
        attempts: 0,
        updatedAt: at,
      };
    });

  // One prepared statement per SQL text and list of `from` states, reused for every call.
  const statements = new Map<string, Database.Statement>();
  const cached = (name: string, from: readonly DeliveryState[], sql: (inList: string) => string) => {
    const id = `${name}:${from.join(',')}`;
    let stmt = statements.get(id);
    if (!stmt) {
      stmt = db.prepare(sql(from.map(() => '?').join(',') || 'NULL'));
      statements.set(id, stmt);
    }
    return stmt;
  };
  // The recipient's thread comes back with the begun row: one statement per `begin`.
  const beginSql = (inList: string) =>
    `UPDATE deliveries SET state = 'sending', attempts = attempts + 1,
       first_attempt_at = COALESCE(first_attempt_at, ?), next_attempt_at = NULL, updated_at = ?
     WHERE key = ? AND state IN (${inList}) RETURNING *, (SELECT t.ref FROM threads t
       WHERE t.incident_id = deliveries.incident_id AND t.channel = deliveries.channel
         AND t.recipient = deliveries.recipient) AS thread_ref`;
  const completeSql = (inList: string) =>
    `UPDATE deliveries SET state = ?, ref = COALESCE(?, ref), reason = ?, next_attempt_at = ?, updated_at = ?
     WHERE key = ? AND state IN (${inList}) RETURNING *`;

  const listAll = db.prepare<[string], OutboxRow>(
    'SELECT * FROM deliveries WHERE incident_id = ? ORDER BY key',
  );
  const listVersion = db.prepare<[string, number], OutboxRow>(
    'SELECT * FROM deliveries WHERE incident_id = ? AND version = ? ORDER BY key',
  );
  const getThread = db.prepare<[string, string, string], { ref: string }>(
    'SELECT ref FROM threads WHERE incident_id = ? AND channel = ? AND recipient = ?',
  );
  const putThread = db.prepare(
    'INSERT OR IGNORE INTO threads (incident_id, channel, recipient, ref) VALUES (?, ?, ?, ?)',
  );
  const sentSince = db.prepare<[string, string], { recipient: string; updated_at: string }>(
    "SELECT recipient, updated_at FROM deliveries WHERE channel = ? AND state = 'sent' AND updated_at >= ?",
  );
  const listThreads = db.prepare<[string, string], { recipient: string; ref: string }>(
    'SELECT recipient, ref FROM threads WHERE incident_id = ? AND channel = ?',
  );
  // A sent completion that starts a thread: the state change and the thread in one write.
  const completeAndRemember = (
    stmt: Database.Statement,
    args: unknown[],
    ref: string,
  ): OutboxRow | undefined => {
    const row = stmt.get(...args) as OutboxRow | undefined;
    if (row) putThread.run(row.incident_id, row.channel, row.recipient, ref);
    return row;
  };
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
  const putReminder = db.prepare(
    'INSERT OR IGNORE INTO reminders (incident_id, kind, key, fired_at) VALUES (?, ?, ?, ?)',
  );
  const listReminders = db.prepare<[string], { kind: string; key: string; fired_at: string }>(
    'SELECT kind, key, fired_at FROM reminders WHERE incident_id = ? ORDER BY rowid',
  );
  const appendEvent = (incidentId: string, json: string, expected: number | undefined) => {
    const { seq } = nextSeq.get(incidentId)!;
    if (expected !== undefined && expected !== seq - 1) throw new AppendConflictError(incidentId, expected);
    putEvent.run(incidentId, seq, json);
    return seq;
  };

  // Group commit. Every write joins a queue; the queue runs as ONE transaction on the next turn
  // of the event loop (setImmediate), in call order, and each write's promise settles only after
  // that transaction committed. So `begin` still resolves only once its record is on disk
  // (write before send), each compare-and-set still sees every write queued before it, and a
  // killed process loses only writes whose promises had not resolved. Writes issued in the same
  // turn (the completions and next `begin`s of many concurrent sends) share one commit instead
  // of paying one each. If the batch fails, each write is retried in its own transaction so an
  // error reaches only the write that caused it. Reads run the queue first: they see every
  // write issued before them.
  interface Write {
    /** The write's statements; runs inside the batch's transaction. */
    readonly run: () => unknown;
    /** Settles the caller's promise once the outcome is committed (or known to be refused). */
    readonly settle: (outcome: { ok: true; value: unknown } | { ok: false; error: unknown }) => void;
  }
  let queue: Write[] = [];
  let scheduled = false;
  const runAll = db.transaction((writes: readonly Write[]) => writes.map((w) => w.run()));
  const flush = (): void => {
    scheduled = false;
    if (queue.length === 0) return;
    const writes = queue;
    queue = [];
    let values: unknown[];
    try {
      values = runAll.immediate(writes);
    } catch {
      // Rolled back as a whole: retry each write alone so only the failing one is refused.
      for (const w of writes) {
        try {
          w.settle({ ok: true, value: db.transaction(w.run).immediate() });
        } catch (error) {
          w.settle({ ok: false, error });
        }
      }
      return;
    }
    writes.forEach((w, i) => {
      w.settle({ ok: true, value: values[i] });
    });
  };
  const write = <T>(run: () => T): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queue.push({ run, settle: (o) => (o.ok ? resolve(o.value as T) : reject(o.error)) });
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
  const read = <T>(run: () => T): Promise<T> => {
    try {
      flush();
      return Promise.resolve(run());
    } catch (error) {
      return Promise.reject(error);
    }
  };

  return {
    path: options.path,
    enqueue(deliveries, at) {
      const copy = [...deliveries];
      return write(() => enqueueAll(copy, at));
    },
    begin(key, from, at) {
      const states = [...from];
      return write(() => {
        const row = cached('begin', states, beginSql).get(at, at, key, ...states) as
          | (OutboxRow & { thread_ref: string | null })
          | undefined;
        if (!row) return undefined;
        const thread = row.thread_ref === null ? undefined : (JSON.parse(row.thread_ref) as ChannelRef);
        return { ...outboxRecordFromRow(row), thread };
      });
    },
    async complete(key, completion: DeliveryCompletion, at, from = ['sending']) {
      const ref = completion.state === 'sent' ? JSON.stringify(completion.ref) : null;
      const reason = completion.state === 'sent' ? null : completion.reason;
      const next = completion.state === 'pending' ? completion.nextAttemptAt : null;
      const args = [completion.state, ref, reason, next, at, key, ...from];
      const startsThread = completion.state === 'sent' && completion.thread === true;
      const states = [...from];
      return write(() => {
        const stmt = cached('complete', states, completeSql);
        const row = startsThread
          ? completeAndRemember(stmt, args, ref!)
          : (stmt.get(...args) as OutboxRow | undefined);
        return (
          row && outboxRecordFromRow(row, completion.state === 'sent' ? { ...completion.ref } : undefined)
        );
      });
    },
    get(key) {
      return read(() => {
        const row = selectOne.get(key);
        return row && outboxRecordFromRow(row);
      });
    },
    list(incidentId, version) {
      return read(() =>
        (version === undefined ? listAll.all(incidentId) : listVersion.all(incidentId, version)).map((row) =>
          outboxRecordFromRow(row),
        ),
      );
    },
    thread(incidentId, channel, recipient) {
      return read(() => {
        const row = getThread.get(incidentId, channel, recipient);
        return row && (JSON.parse(row.ref) as ChannelRef);
      });
    },
    threads(incidentId, channel) {
      return read(
        () =>
          new Map(
            listThreads.all(incidentId, channel).map((r) => [r.recipient, JSON.parse(r.ref) as ChannelRef]),
          ),
      );
    },
    recentSends(channel, since) {
      return read(() =>
        sentSince.all(channel, since).map((r) => ({ recipient: r.recipient, at: r.updated_at })),
      );
    },
    rememberThread(incidentId, channel, recipient, ref) {
      const json = JSON.stringify(ref);
      return write(() => {
        putThread.run(incidentId, channel, recipient, json);
      });
    },
    async append(incidentId, event, options) {
      const json = JSON.stringify(event);
      if (json === undefined) throw new TypeError('EventStore.append: event must be JSON data');
      return write(() => appendEvent(incidentId, json, options?.expectedPosition));
    },
    load(incidentId) {
      return read(() => loadEvents.all(incidentId).map((r) => JSON.parse(r.event) as E));
    },
    incidents() {
      return read(() => listIncidents.all().map((r) => r.incident_id));
    },
    recordReminder(incidentId, reminder) {
      const { kind, key, at } = reminder;
      return write(() => {
        putReminder.run(incidentId, kind, key, at);
      });
    },
    firedReminders(incidentId) {
      return read(() =>
        listReminders.all(incidentId).map((r) => ({ kind: r.kind, key: r.key, at: r.fired_at })),
      );
    },
    close() {
      flush();
      db.close();
    },
  };
}
