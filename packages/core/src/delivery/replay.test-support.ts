/**
 * Shared test support: issue 16's flood — a data migration left 500 old resolved incidents with
 * unsent rows; resuming them must send nothing and say why. Runs on any outbox.
 */
import { expect } from 'vitest';
import type { Channel } from './channel';
import { deliveryKey } from './channel';
import { sampleMessage, sampleRelease } from './conformance';
import { publishUpdate } from './publish';
import type { Outbox } from './store';

const SUBSCRIBERS = ['ops@a.example', 'it@b.example', 'help@c.example'];

/** Enqueues the old rows, resumes every incident on the real clock, and checks nothing went out. */
export async function checkOldIncidentsSendNothing(outbox: Outbox, incidents = 500): Promise<void> {
  const sent: string[] = [];
  const email: Channel<string> = {
    name: 'email',
    capabilities: { threads: true, edits: false },
    render: (_m, recipient) => recipient,
    async send(recipient) {
      sent.push(recipient);
      return { type: 'delivered', ref: { messageId: `<${sent.length}@x>` } };
    },
  };
  const old = (i: number) =>
    sampleMessage({
      incidentId: `old-${i}`,
      version: 3,
      kind: 'resolved',
      status: 'resolved',
      audience: 'customer',
      publishedAt: '2025-11-04T09:20:00.000Z',
      text: 'Resolved: payments work normally since 9:20 AM.',
    });
  const rows = Array.from({ length: incidents }, (_, i) =>
    SUBSCRIBERS.map((recipient) => ({
      key: deliveryKey(`old-${i}`, 3, 'email', recipient),
      incidentId: `old-${i}`,
      version: 3,
      channel: 'email',
      recipient,
      audience: 'customer' as const,
    })),
  ).flat();
  await outbox.enqueue(rows, '2025-11-04T09:20:01.000Z');

  let expired = 0;
  for (let i = 0; i < incidents; i++) {
    const result = await publishUpdate({
      release: sampleRelease([old(i)]),
      routes: [{ channel: 'email', audience: 'customer', recipients: SUBSCRIBERS }],
      channels: [email],
      outbox,
    });
    expect(result.totals.sent).toBe(0);
    expired += result.totals.expired;
    for (const d of result.deliveries)
      expect(d.reason).toMatch(/^expired: published \d+ h ago \(2025-11-04T09:20:00.000Z\)/);
  }
  expect(sent).toEqual([]);
  expect(expired).toBe(incidents * SUBSCRIBERS.length);
  // Final: a second resume reports them as already settled, still sending nothing.
  const again = await publishUpdate({
    release: sampleRelease([old(0)]),
    routes: [{ channel: 'email', audience: 'customer', recipients: SUBSCRIBERS }],
    channels: [email],
    outbox,
  });
  expect(again.deliveries.map((d) => [d.state, d.duplicate])).toEqual(
    SUBSCRIBERS.map(() => ['expired', true]),
  );
  expect(sent).toEqual([]);
}
