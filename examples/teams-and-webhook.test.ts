/**
 * The demo's Teams and signed-webhook destinations: every version of the internal summary
 * reaches the Teams stub as an Adaptive Card, every customer version reaches the billing
 * receiver signed, each signature verifies with standardwebhooks, and a tampered body is refused.
 */
import { createMemoryOutbox, publishUpdate } from '@incident-comms/core';
import { createVirtualClock, sampleMessage, sampleRelease } from '@incident-comms/core/testing';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamsAndWebhook, TEAMS_WEBHOOK, type TeamsAndWebhook } from './src/demo/teams-and-webhook';

const SECRET = `whsec_${Buffer.alloc(32, 4).toString('base64')}`;
let extra: TeamsAndWebhook;

const versions = [1, 2, 3].map((version) => {
  const status = (['investigating', 'identified', 'resolved'] as const)[version - 1]!;
  const base = {
    incidentId: 'inc-demo',
    version,
    status,
    kind: version === 3 ? ('resolved' as const) : ('update' as const),
  };
  return [
    sampleMessage({ ...base, audience: 'internal', text: `Internal summary v${version}.` }),
    sampleMessage({ ...base, audience: 'customer', text: `Customer update v${version}: <b>checkout</b>.` }),
  ];
});

beforeAll(async () => {
  extra = await startTeamsAndWebhook(
    { name: 'the Acme status page', url: 'https://status.acme.example' },
    SECRET,
  );
  const outbox = createMemoryOutbox();
  // The sample messages are dated 3 March 2026: deliver them on a clock of that morning, or the
  // maximum age (6 hours) would rightly expire them.
  const clock = createVirtualClock();
  for (const messages of versions) {
    const result = await publishUpdate({
      release: sampleRelease(messages),
      routes: [...extra.routes],
      channels: [...extra.channels],
      outbox,
      clock,
    });
    expect(result.totals).toMatchObject({ sent: 2, failed: 0 });
  }
});
afterAll(() => extra.close());

describe('demo: Teams and signed webhook', () => {
  it('posts one Adaptive Card per version of the internal summary to Teams', () => {
    const cards = extra.teams.posts(TEAMS_WEBHOOK).map((p) => JSON.stringify(p.body.attachments[0]?.content));
    expect(cards).toHaveLength(3);
    for (const [i, card] of cards.entries()) expect(card).toContain(`Internal summary v${i + 1}.`);
  });

  it('delivers every customer version signed, and each signature verifies with standardwebhooks', () => {
    expect(extra.receiver.accepted().map((p) => [p.data.message.version, p.data.message.text])).toEqual(
      versions.map(([, customer]) => [customer!.version, customer!.text]),
    );
    for (const req of extra.receiver.requests.filter((r) => r.status === 200)) {
      expect(new Webhook(SECRET).verify(req.body, req.headers)).toMatchObject({ schemaVersion: 1 });
    }
  });

  it('refuses a tampered body: 401 from the receiver, webhook_signature_invalid from the verifier', async () => {
    expect(await extra.tamperCheck()).toEqual({ status: 401, code: 'webhook_signature_invalid' });
    expect(extra.receiver.accepted()).toHaveLength(3);
    expect(extra.summary()).toEqual([
      'Teams incident-status: 3 Adaptive Cards',
      'webhook billing-bot: 3 signed update(s), 3 request(s) verified, 1 refused',
    ]);
  });
});
