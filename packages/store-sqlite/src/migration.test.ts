/** A version-1 file (before `superseded` and `expired`) opens as version 2 with its rows intact. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from './index';

const dir = mkdtempSync(join(tmpdir(), 'store-sqlite-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('schema migration 1 → 2', () => {
  it('keeps every delivery and accepts the new final states', async () => {
    const path = join(dir, 'v1.db');
    const raw = new Database(path);
    raw.exec(`CREATE TABLE deliveries (
      key TEXT PRIMARY KEY, incident_id TEXT NOT NULL, version INTEGER NOT NULL, channel TEXT NOT NULL,
      recipient TEXT NOT NULL, audience TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending','sending','sent','failed','unknown')),
      attempts INTEGER NOT NULL DEFAULT 0, ref TEXT, reason TEXT, next_attempt_at TEXT,
      first_attempt_at TEXT, updated_at TEXT NOT NULL);
      CREATE INDEX deliveries_by_incident ON deliveries (incident_id, version);`);
    raw
      .prepare(
        "INSERT INTO deliveries (key, incident_id, version, channel, recipient, audience, state, attempts, updated_at) VALUES ('k1', 'inc', 1, 'email', 'a@x.io', 'customer', 'pending', 0, '2026-03-03T14:00:00.000Z')",
      )
      .run();
    raw.pragma('user_version = 1');
    raw.close();

    const store = createSqliteStore({ path });
    expect(await store.get('k1')).toMatchObject({ state: 'pending', recipient: 'a@x.io' });
    const done = await store.complete(
      'k1',
      { state: 'superseded', reason: 'v2 is ready' },
      '2026-03-03T14:01:00.000Z',
      ['pending'],
    );
    expect(done?.state).toBe('superseded');
    store.close();
    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(2);
    check.close();
  });
});
