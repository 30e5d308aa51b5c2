import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryOutbox, IncidentCommsError, publishUpdate } from '@incident-comms/core';
import {
  eventStoreConformanceCases,
  outboxConformanceCases,
  sampleMessage,
} from '@incident-comms/core/testing';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStore, SqliteStoreError } from './index';

const dir = mkdtempSync(join(tmpdir(), 'store-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => createSqliteStore({ path: join(dir, `t${++n}.db`) });

describe('createSqliteStore', () => {
  for (const c of [...outboxConformanceCases(fresh), ...eventStoreConformanceCases(fresh)])
    it(c.name, () => c.run());

  it('uses WAL and keeps everything across close and reopen', async () => {
    const path = join(dir, 'reopen.db');
    const store = createSqliteStore({ path });
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
    const again = createSqliteStore({ path });
    expect(await again.get('k')).toMatchObject({ state: 'sending', attempts: 1 });
    expect(await again.load('inc')).toEqual([{ type: 'declared' }]);
    expect(await again.thread('inc', 'slack', 'C1')).toEqual({ channel: 'C1', ts: '1.2' });
    again.close();
  });

  it('is a drop-in outbox for publishUpdate (same results as the in-memory one)', async () => {
    const message = sampleMessage({ incidentId: 'inc-s' });
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
      messages: [message],
      routes,
      channels: [channel],
      outbox: store,
    });
    const again = await publishUpdate({ messages: [message], routes, channels: [channel], outbox: store });
    const viaMemory = await publishUpdate({
      messages: [message],
      routes,
      channels: [channel],
      outbox: createMemoryOutbox(),
    });
    expect(viaSqlite.totals).toEqual(viaMemory.totals);
    expect(again.totals.skipped).toBe(3);
    expect(sent).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
    store.close();
  });

  it('refuses a file written by a newer schema with a typed error', () => {
    const path = join(dir, 'newer.db');
    const raw = new Database(path);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => createSqliteStore({ path })).toThrow(SqliteStoreError);
    try {
      createSqliteStore({ path });
    } catch (error) {
      expect(error).toBeInstanceOf(IncidentCommsError);
      expect(error).toMatchObject({ name: 'SqliteStoreError', code: 'store_unavailable', path });
    }
  });
});
