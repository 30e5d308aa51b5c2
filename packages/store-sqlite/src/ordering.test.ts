/**
 * Issue 16 on the SQLite outbox: the delivery-order property (group commit, reads and the
 * thread read inside `begin` keep the in-memory outbox's guarantees) and the old-incident replay.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { checkDeliveryOrder } from '../../core/src/delivery/ordering.test-support';
import { checkOldIncidentsSendNothing } from '../../core/src/delivery/replay.test-support';
import { createSqliteStore, type SqliteStore } from './index';

const dir = mkdtempSync(join(tmpdir(), 'store-sqlite-order-'));
const open: SqliteStore[] = [];
afterAll(() => {
  for (const s of open) s.close();
  rmSync(dir, { recursive: true, force: true });
});
let n = 0;

describe('publishUpdate ordering on the SQLite outbox', () => {
  it('property: per recipient, delivered versions strictly increase, threaded under the first, none duplicated or unreported', async () => {
    await checkDeliveryOrder(() => {
      const store = createSqliteStore({ path: join(dir, `o${++n}.db`) });
      open.push(store);
      return store;
    }, 40);
  }, 60_000);
});

describe('resuming 500 old incidents with unsent rows (SQLite outbox)', () => {
  it('sends nothing: every row is expired with its reason', async () => {
    const store = createSqliteStore({ path: join(dir, 'old-incidents.db') });
    open.push(store);
    await checkOldIncidentsSendNothing(store);
  }, 60_000);
});
