/**
 * @module cli/db
 * `incident-comms db migrate`: the PostgreSQL store's migrations, loaded only when asked for, so
 * the CLI works without the store or its driver installed.
 */
import { CliInputError } from './io';

interface PgModule {
  default: { Pool: new (options: { connectionString: string }) => { end(): Promise<void> } };
}
interface StoreModule {
  migrate(options: { pool: unknown; schema?: string }): Promise<number[]>;
}

async function optional<T>(name: string): Promise<T> {
  try {
    return (await import(name)) as T;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND')
      throw new CliInputError(`db: ${name} is not installed; install @incident-comms/store-postgres and pg beside the CLI`);
    throw error;
  }
}

/**
 * Runs the store's migrations against `url` in `schema`.
 * @returns the migration versions applied (empty when already current).
 * @throws {CliInputError} when the store package or `pg` is not installed.
 */
export async function migrateDatabase(url: string, schema: string): Promise<number[]> {
  const store = await optional<StoreModule>('@incident-comms/store-postgres');
  const pg = await optional<PgModule>('pg');
  const pool = new pg.default.Pool({ connectionString: url });
  try {
    return await store.migrate({ pool, schema });
  } finally {
    await pool.end();
  }
}
