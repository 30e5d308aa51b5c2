import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryOutbox, IncidentCommsError, publishUpdate } from '@incident-comms/core';
import {
  eventStoreConformanceCases,
  outboxConformanceCases,
  sampleMessage,
  sampleRelease,
} from '@incident-comms/core/testing';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStore, SqliteStoreError } from './index';

const dir = mkdtempSync(join(tmpdir(), 'store-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => createSqliteStore<unknown>({ path: join(dir, `t${++n}.db`) });

describe('createSqliteStore', () => {
  for (const c of [...outboxConformanceCases(fresh), ...eventStoreConformanceCases(fresh)])
    it(c.name, () => c.run());

  it('uses WAL and keeps everything across close and reopen', async () => {
    const path = join(dir, 'reopen.db');
    const store = createSqliteStore<unknown>({ path });
    const [rec] = await store.enqueue(
      [{ key: 'k', incidentId: 'inc', version: 1, channel: 'slack', recipient: 'C1', audience: 'internal' }],
      '2026-03-03T14:00:00.000Z',
    );
    await store.begin(rec!.key, ['pending'], '2026-03-03T14:00:01.000Z');
    await store.append('inc', { type: 'declared' });
    await store.rememberThread('inc', 'slack', 'C1', { channel: 'C1', ts: '1.2' });
    store.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    const again = createSqliteStore<unknown>({ path });
    expect(await again.get('k')).toMatchObject({ state: 'sending', attempts: 1 });
    expect(await again.load('inc')).toEqual([{ type: 'declared' }]);
    expect(await again.thread('inc', 'slack', 'C1')).toEqual({ channel: 'C1', ts: '1.2' });
    again.close();
  });

  it('is a drop-in outbox for publishUpdate (same results as the in-memory one)', async () => {
    // Published just now: the system clock's default maximum age must not expire it.
    const message = sampleMessage({ incidentId: 'inc-s', publishedAt: new Date().toISOString() });
    const sent: string[] = [];
    const channel = {
      name: 'test',
      capabilities: { threads: false, edits: false },
      render: (_m: unknown, r: string) => r,
      send: async (r: string) => {
        sent.push(r);
        return { type: 'delivered' as const, ref: { id: r } };
      },
    };
    const routes = [{ channel: 'test', audience: 'customer' as const, recipients: ['a', 'b', 'c'] }];
    const store = fresh();
    const viaSqlite = await publishUpdate({
      release: sampleRelease([message]),
      routes,
      channels: [channel],
      outbox: store,
    });
    const again = await publishUpdate({
      release: sampleRelease([message]),
      routes,
      channels: [channel],
      outbox: store,
    });
    const viaMemory = await publishUpdate({
      release: sampleRelease([message]),
      routes,
      channels: [channel],
      outbox: createMemoryOutbox(),
    });
    expect(viaSqlite.totals).toEqual(viaMemory.totals);
    expect(again.totals.skipped).toBe(3);
    expect(sent).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
    store.close();
  });

  it('group commit: writes of one turn share a transaction, and each resolves only once committed', async () => {
    const path = join(dir, 'group.db');
    const store = createSqliteStore<unknown>({ path });
    const other = new Database(path, { readonly: true });
    const stateOf = (key: string) =>
      (other.prepare('SELECT state FROM deliveries WHERE key = ?').get(key) as { state: string } | undefined)
        ?.state;
    const at = '2026-03-03T14:00:00.000Z';
    const ds = ['a', 'b', 'c'].map((r) => ({
      key: `inc/v1/email/${r}`,
      incidentId: 'inc',
      version: 1,
      channel: 'email',
      recipient: r,
      audience: 'customer' as const,
    }));
    await store.enqueue(ds, at);
    const begins = ds.map((d) => store.begin(d.key, ['pending'], at));
    // Not yet committed: another connection still sees them pending.
    expect(ds.map((d) => stateOf(d.key))).toEqual(['pending', 'pending', 'pending']);
    const first = await begins[0];
    // Resolved means on disk, for every write of the batch.
    expect(first?.state).toBe('sending');
    expect(ds.map((d) => stateOf(d.key))).toEqual(['sending', 'sending', 'sending']);
    // Writes in call order: the second begin of the same key sees the first and is refused.
    const [, again, twice] = await Promise.all([
      store.complete(ds[1]!.key, { state: 'pending', reason: '451', nextAttemptAt: at }, at),
      store.begin(ds[1]!.key, ['pending'], at),
      store.begin(ds[1]!.key, ['pending'], at),
    ]);
    expect([again?.attempts, twice]).toEqual([2, undefined]);
    // A read sees every write issued before it.
    void store.complete(ds[2]!.key, { state: 'sent', ref: { messageId: '<c@x>' } }, at);
    expect(await store.get(ds[2]!.key)).toMatchObject({ state: 'sent', ref: { messageId: '<c@x>' } });
    other.close();
    store.close();
  });

  it('group commit: a failing write is refused alone; the rest of its batch commits', async () => {
    const store = fresh();
    const at = '2026-03-03T14:00:00.000Z';
    const good = {
      key: 'g',
      incidentId: 'inc',
      version: 1,
      channel: 'email',
      recipient: 'g',
      audience: 'customer' as const,
    };
    const bad = { ...good, key: 'b', incidentId: null as unknown as string };
    const results = await Promise.allSettled([
      store.enqueue([good], at),
      store.enqueue([bad], at),
      store.append('inc', { type: 'declared' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await store.get('g')).toMatchObject({ state: 'pending' });
    expect(await store.get('b')).toBeUndefined();
    expect(await store.load('inc')).toEqual([{ type: 'declared' }]);
    store.close();
  });

  it('close commits writes still queued', async () => {
    const path = join(dir, 'close.db');
    const store = createSqliteStore<unknown>({ path });
    const appended = store.append('inc', { type: 'declared' });
    store.close();
    expect(await appended).toBe(1);
    const again = createSqliteStore<unknown>({ path });
    expect(await again.load('inc')).toEqual([{ type: 'declared' }]);
    again.close();
  });

  it('refuses a file written by a newer schema with a typed error', () => {
    const path = join(dir, 'newer.db');
    const raw = new Database(path);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => createSqliteStore<unknown>({ path })).toThrow(SqliteStoreError);
    try {
      createSqliteStore<unknown>({ path });
    } catch (error) {
      expect(error).toBeInstanceOf(IncidentCommsError);
      expect(error).toMatchObject({ name: 'SqliteStoreError', code: 'store_unavailable', path });
    }
  });
});
