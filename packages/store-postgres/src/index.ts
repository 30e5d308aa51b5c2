/**
 * @module @incident-comms/store-postgres
 * The incident log, the delivery outbox and reminders on PostgreSQL, with delivery on pg-boss
 * workers, for hosts that run several instances.
 */
export { assertMigrated, type MigrateOptions, migrate, PostgresStoreError, SCHEMA_VERSION } from './migrations';
export {
  AppendConflictError,
  type AppendOptions,
  createPostgresStore,
  type PostgresStore,
  type PostgresStoreOptions,
} from './postgres-store';
export {
  createPgBossDelivery,
  type PgBossDelivery,
  type PgBossDeliveryOptions,
  type PgBossPublishInput,
} from './pg-boss-delivery';
