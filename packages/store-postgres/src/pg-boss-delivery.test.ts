import { type Channel, releaseHash } from '@incident-comms/core';
import { sampleMessage, sampleRelease } from '@incident-comms/core/testing';
import type { Pool } from 'pg';
import type { PgBoss } from 'pg-boss';
import { describe, expect, it } from 'vitest';
import { createPgBossDelivery } from './pg-boss-delivery';
import type { PostgresStore } from './postgres-store';

const channel: Channel<string> = {
  name: 'email',
  capabilities: { threads: false, edits: false },
  render: (m) => m.text,
  send: async () => ({ type: 'delivered', ref: { id: '1' } }),
};

/** A delivery whose database must never be reached: every refusal happens before it. */
function unreachable() {
  const touched: string[] = [];
  const pool = { connect: async () => touched.push('pool.connect') } as unknown as Pool;
  const boss = {} as PgBoss;
  const store = { schema: 'incident_comms' } as PostgresStore<unknown>;
  return { delivery: createPgBossDelivery({ pool, boss, store, channels: [channel] }), touched };
}

describe('PgBossDelivery.publish takes only a release that may go out', () => {
  const routes = [{ channel: 'email', audience: 'customer' as const, recipients: ['a@example.com'] }];
  const at = '2026-03-03T14:20:00Z';
  const approved = sampleRelease([
    sampleMessage({ text: 'Card payments fail at checkout. Next update by 9:35 AM ET.' }),
  ]);
  const edited = (text: string) => ({
    ...approved,
    messages: approved.messages.map((m) => ({ ...m, text })),
  });
  const rehashed = (text: string) => {
    const release = edited(text);
    return { ...release, hash: releaseHash(release) };
  };

  it.each([
    ['edited after approval', edited('Fixed by 10 AM, promise.'), 'release.messages'],
    [
      're-hashed, approvals still naming the old hash',
      rehashed('Fixed by 10 AM.'),
      'release.approvals.0.releaseHash',
    ],
    ['no approval at all', { ...approved, approvals: [] }, 'release.approvals'],
    ['a placeholder left', rehashed('Next update by {{nextUpdate}}.'), 'release.messages.0.text'],
  ])('refuses one %s, writing nothing', async (_what, release, path) => {
    const { delivery, touched } = unreachable();
    await expect(delivery.publish({ release, routes, at })).rejects.toMatchObject({
      code: 'delivery_input_invalid',
      problems: expect.arrayContaining([expect.objectContaining({ path })]),
    });
    expect(touched).toEqual([]);
  });
});
