/**
 * @module store-postgres/migrations
 * Versioned schema migrations, run explicitly by the host (`migrate()` or
 * `incident-comms db migrate`), never implicitly at connect: a fleet of instances must not race
 * to change the schema. Each migration runs in one transaction under an advisory lock.
 */
import { IncidentCommsError } from '@incident-comms/core';
import type { Pool, PoolClient } from 'pg';

/** Thrown when the schema is missing, newer than this code, or misnamed (`store_unavailable`). */
export class PostgresStoreError extends IncidentCommsError {
  declare readonly code: 'store_unavailable';
  constructor(reason: string) {
    super('store_unavailable', `PostgreSQL store: ${reason}`);
  }
}

/** The schema name must be a plain SQL identifier: it is interpolated into every statement. */
export function quoteSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new PostgresStoreError(`schema: expected a lower-case SQL identifier (a-z, 0-9, _), got ${JSON.stringify(schema)}`);
  return `"${schema}"`;
}

const MIGRATIONS: ReadonlyArray<(s: string) => string> = [
  // 1: the incident log, the outbox, threads, the approved messages workers deliver, fired reminders.
  (s) => `
    CREATE TABLE ${s}.events (
      incident_id text NOT NULL,
      position integer NOT NULL,
      event text NOT NULL,
      appended_at timestamptz NOT NULL DEFAULT now(),
      global_seq bigserial,
      PRIMARY KEY (incident_id, position)
    );
    CREATE TABLE ${s}.deliveries (
      key text PRIMARY KEY,
      incident_id text NOT NULL,
      version integer NOT NULL,
      channel text NOT NULL,
      recipient text NOT NULL,
      audience text NOT NULL,
      state text NOT NULL CHECK (state IN ('pending','sending','sent','failed','unknown','superseded','expired')),
      attempts integer NOT NULL DEFAULT 0,
      ref text,
      reason text,
      next_attempt_at text,
      first_attempt_at text,
      updated_at text NOT NULL
    );
    CREATE INDEX deliveries_by_incident ON ${s}.deliveries (incident_id, version);
    CREATE INDEX deliveries_by_lane ON ${s}.deliveries (incident_id, channel, recipient, version);
    CREATE INDEX deliveries_sent ON ${s}.deliveries (channel, updated_at) WHERE state = 'sent';
    CREATE TABLE ${s}.threads (
      incident_id text NOT NULL,
      channel text NOT NULL,
      recipient text NOT NULL,
      ref text NOT NULL,
      PRIMARY KEY (incident_id, channel, recipient)
    );
    CREATE TABLE ${s}.messages (
      incident_id text NOT NULL,
      version integer NOT NULL,
      audience text NOT NULL,
      message text NOT NULL,
      PRIMARY KEY (incident_id, version, audience)
    );
    CREATE TABLE ${s}.reminders (
      incident_id text NOT NULL,
      kind text NOT NULL,
      key text NOT NULL,
      fired_at text NOT NULL,
      seq bigserial,
      PRIMARY KEY (incident_id, kind, key)
    );`,
];

/** The schema version this code reads and writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Options of {@link migrate}. */
export interface MigrateOptions {
  /** A node-postgres pool (or anything with `connect()` returning a client). */
  pool: Pick<Pool, 'connect'>;
  /** Schema to create the tables in. Default `incident_comms`. */
  schema?: string | undefined;
}

/**
 * Brings the schema up to {@link SCHEMA_VERSION}; safe to run from several processes at once
 * (they queue on an advisory lock) and again later (applied migrations are skipped).
 *
 * @returns the versions applied by this call (empty when already current).
 * @throws {PostgresStoreError} when the database holds a newer schema than this code.
 * @example
 * await migrate({ pool, schema: 'incident_comms' }); // [1] the first time, [] afterwards
 */
export async function migrate(options: MigrateOptions): Promise<number[]> {
  const name = options.schema ?? 'incident_comms';
  const s = quoteSchema(name);
  const client = await options.pool.connect();
  const applied: number[] = [];
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`incident-comms:migrate:${name}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${s}.schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const current = await currentVersion(client, s);
    if (current > SCHEMA_VERSION)
      throw new PostgresStoreError(`schema ${name} is at version ${current}, newer than this code (${SCHEMA_VERSION})`);
    for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
      await client.query('BEGIN');
      try {
        await client.query(MIGRATIONS[version - 1]!(s));
        await client.query(`INSERT INTO ${s}.schema_migrations (version) VALUES ($1)`, [version]);
        await client.query('COMMIT');
        applied.push(version);
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`incident-comms:migrate:${name}`]).catch(() => {});
    client.release();
  }
  return applied;
}

async function currentVersion(client: PoolClient, s: string): Promise<number> {
  const { rows } = await client.query<{ v: number | null }>(`SELECT max(version) AS v FROM ${s}.schema_migrations`);
  return rows[0]?.v ?? 0;
}

/**
 * Refuses to run on a schema that is not migrated to exactly this code's version.
 * @throws {PostgresStoreError} naming the command that fixes it.
 */
export async function assertMigrated(pool: Pick<Pool, 'query'>, schema: string): Promise<void> {
  const s = quoteSchema(schema);
  let version = 0;
  try {
    const { rows } = await pool.query<{ v: number | null }>(`SELECT max(version) AS v FROM ${s}.schema_migrations`);
    version = rows[0]?.v ?? 0;
  } catch {
    version = 0;
  }
  if (version !== SCHEMA_VERSION)
    throw new PostgresStoreError(
      `schema ${schema} is at version ${version}, this code needs ${SCHEMA_VERSION}: run migrate() or \`incident-comms db migrate\``,
    );
}
