/**
 * Honest outcomes behind a gateway (issue 16): a 5xx after Slack stored the message must not
 * be resent; the message metadata carrying the idempotency key tells a kept post from a lost one.
 */
import { createMemoryOutbox, publishUpdate, settleUnknown } from '@incident-comms/core';
import { sampleMessage, sampleRelease } from '@incident-comms/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackChannel } from './slack-channel';
import { type SlackApiStub, startSlackApiStub } from './testing/slack-api-stub';
import { createStubWebClient } from './testing/stub-client';

describe('Slack lookup by idempotency key', () => {
  let stub: SlackApiStub;
  beforeEach(async () => {
    stub = await startSlackApiStub();
  });
  afterEach(() => stub.close());

  const publish = (slack: ReturnType<typeof createSlackChannel>, outbox = createMemoryOutbox()) =>
    publishUpdate({
      release: sampleRelease([
        sampleMessage({ incidentId: 'inc-gw', audience: 'internal', publishedAt: new Date().toISOString() }),
      ]),
      routes: [{ channel: 'slack', audience: 'internal', recipients: ['C0ENG'] }],
      channels: [slack],
      outbox,
      retry: { baseDelayMs: 1, random: () => 0 },
    });

  it('a 5xx after the message was stored is delivered (found), never posted twice', async () => {
    const slack = createSlackChannel({ client: createStubWebClient(stub) });
    stub.failNext('chat.postMessage', { status: 502, stored: true });
    const result = await publish(slack);
    expect(result.deliveries[0]).toMatchObject({ state: 'sent', attempts: 1 });
    const posts = stub.calls.filter((c) => c.method === 'chat.postMessage');
    expect(posts).toHaveLength(1);
  });

  it('a 5xx that kept nothing is retried once the lookup says it is absent', async () => {
    const slack = createSlackChannel({ client: createStubWebClient(stub) });
    stub.failNext('chat.postMessage', { status: 503 });
    const result = await publish(slack);
    expect(result.deliveries[0]).toMatchObject({ state: 'sent', attempts: 2 });
    expect(stub.posts('C0ENG')).toHaveLength(1);
  });

  it('settles an unknown delivery: found in the conversation → sent', async () => {
    const slack = createSlackChannel({ client: createStubWebClient(stub) });
    const outbox = createMemoryOutbox();
    stub.failNext('chat.postMessage', { error: 'internal_error' }); // Slack: may or may not have posted
    expect((await publish(slack, outbox)).deliveries[0]?.state).toBe('unknown');
    // Nothing was stored by that call: the lookup reports it absent, so the next publish resends.
    const settled = await settleUnknown({ incidentId: 'inc-gw', outbox, channels: [slack] });
    expect(settled.map((s) => s.state)).toEqual(['pending']);
    expect((await publish(slack, outbox)).deliveries[0]).toMatchObject({ state: 'sent', duplicate: false });
    expect(stub.posts('C0ENG')).toHaveLength(1);
  });
});
