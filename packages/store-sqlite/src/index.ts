/**
 * @module @incident-comms/store-sqlite
 * Durable SQLite (better-sqlite3) implementation of the core `Outbox` and `EventStore`.
 */
export type { SqliteStore, SqliteStoreOptions } from './sqlite-store';
export { createSqliteStore, SqliteStoreError } from './sqlite-store';
