/**
 * @module @incident-comms/store-postgres
 * The incident log, the delivery outbox and reminders on PostgreSQL, with delivery on pg-boss
 * workers, for hosts that run several instances.
 */

/** Re-exported from core for convenience: the conflict every `EventStore` raises the same way. */
export { AppendConflictError, type AppendOptions } from '@incident-comms/core';
export {
  assertMigrated,
  type MigrateOptions,
  migrate,
  PostgresStoreError,
  SCHEMA_VERSION,
} from './migrations';
export {
  createPgBossDelivery,
  type PgBossDelivery,
  type PgBossDeliveryOptions,
  type PgBossPublishInput,
} from './pg-boss-delivery';
export {
  createPostgresStore,
  type PostgresAppendOptions,
  type PostgresStore,
  type PostgresStoreOptions,
} from './postgres-store';
