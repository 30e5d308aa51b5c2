import { createDeliveryEvents, createMemoryOutbox, publishUpdate } from '@incident-comms/core';
import {
  createVirtualClock,
  registerChannelConformance,
  sampleMessage,
  sampleRelease,
} from '@incident-comms/core/testing';
import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SlackPayload } from './blocks';
import { createSlackChannel } from './slack-channel';
import { type SlackApiStub, startSlackApiStub } from './testing/slack-api-stub';

const clientFor = (url: string, timeout = 5_000) =>
  new WebClient('xoxb-test', {
    slackApiUrl: url,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout,
  });

registerChannelConformance<SlackPayload>(
  'slack',
  async () => {
    const stub = await startSlackApiStub();
    return {
      channel: createSlackChannel({ client: clientFor(stub.url), clock: createVirtualClock() }),
      recipient: 'C0CONFORM',
      received: (r: string) => stub.posts(r).length,
      lastThread: (r: string) => {
        const ts = stub.posts(r).at(-1)?.args.thread_ts;
        return typeof ts === 'string' ? ts : undefined;
      },
      failNext: (_r: string, kind: 'rejected' | 'retryable') =>
        stub.failNext(
          'chat.postMessage',
          kind === 'rejected' ? { error: 'channel_not_found' } : { status: 500 },
        ),
      close: () => stub.close(),
    };
  },
  { describe, it },
  {
    checkEscaping(payload) {
      const json = JSON.stringify(payload.post);
      for (const bad of ['<!channel>', '<!here>', '<@U123ABC>', '<http://evil', '@channel', '<script>']) {
        if (json.includes(bad)) throw new Error(`payload contains ${bad}`);
      }
    },
  },
);

describe('createSlackChannel against the Web API stub', () => {
  let stub: SlackApiStub;
  beforeEach(async () => {
    stub = await startSlackApiStub();
  });
  afterEach(() => stub.close());

  const message = sampleMessage({
    incidentId: 'inc-slack',
    audience: 'internal',
    publishedAt: new Date().toISOString(),
  });
  const route = { channel: 'slack', audience: 'internal' as const, recipients: ['C0ENG', 'C0SUPPORT'] };

  it('posts Block Kit with a fallback, threads later versions per Slack channel, and edits the status line', async () => {
    const slack = createSlackChannel({
      client: clientFor(stub.url),
      statusLineUpdate: true,
      clock: createVirtualClock(),
    });
    const outbox = createMemoryOutbox();
    await publishUpdate({ release: sampleRelease([message]), routes: [route], channels: [slack], outbox });
    const v2 = {
      ...message,
      version: 2,
      kind: 'update' as const,
      status: 'identified' as const,
      text: 'Cause found.',
    };
    const result = await publishUpdate({
      release: sampleRelease([v2]),
      routes: [route],
      channels: [slack],
      outbox,
    });
    expect(result.totals.sent).toBe(2);

    const [root, reply] = stub.posts('C0ENG');
    expect(root?.args.thread_ts).toBeUndefined();
    expect(root?.args.text).toMatch(/^SEV2 Investigating: Card payments failing at checkout/);
    expect(root?.args.blocks).toMatchObject([
      {
        type: 'section',
        text: { type: 'mrkdwn', text: '*SEV2 · Investigating* — Card payments failing at checkout' },
      },
      { type: 'section' },
      { type: 'context' },
    ]);
    expect(root?.args.metadata).toEqual({
      event_type: 'incident_comms_update',
      event_payload: { idempotency_key: 'inc-slack/v1/slack/C0ENG', incident_id: 'inc-slack', version: 1 },
    });
    expect(typeof reply?.args.thread_ts).toBe('string');
    expect(reply?.args.thread_ts).toBe(root?.ts);
    expect(stub.posts('C0SUPPORT')[1]?.args.thread_ts).toBe(stub.posts('C0SUPPORT')[0]?.ts);
    const updates = stub.calls.filter((c) => c.method === 'chat.update');
    expect(updates.map((u) => u.args.ts).sort()).toEqual([root?.ts, stub.posts('C0SUPPORT')[0]?.ts].sort());
    expect(JSON.stringify(updates[0]?.args.blocks)).toContain('Identified');
  });

  it('splits text over the 3,000-character section limit', async () => {
    const slack = createSlackChannel({ client: clientFor(stub.url), clock: createVirtualClock() });
    const long = sampleMessage({ text: `${'word '.repeat(1_300)}\n${'x'.repeat(2_500)} & more` });
    const payload = slack.render(long, 'C0ENG', { idempotencyKey: 'k' });
    const sections = payload.post.blocks.filter((b) => b.type === 'section').slice(1);
    // 6,500 chars of words split at spaces, then the remainder up to the line break, then the x-run
    expect(sections.length).toBe(4);
    for (const s of sections) expect(s.type === 'section' && s.text.text.length).toBeLessThanOrEqual(3_000);
    const joined = sections.map((s) => (s.type === 'section' ? s.text.text : '')).join('');
    expect(joined.replace(/\s/g, '')).toBe(`${'word'.repeat(1_300)}${'x'.repeat(2_500)}&amp;more`);
    const outcome = await slack.send(payload, {
      idempotencyKey: 'k',
      attempt: 1,
      signal: new AbortController().signal,
    });
    expect(outcome.type).toBe('delivered');
  });

  it('retries a 429 after its Retry-After through the publisher and delivers once', async () => {
    const clock = createVirtualClock();
    const slack = createSlackChannel({ client: clientFor(stub.url), clock });
    stub.failNext('chat.postMessage', { status: 429, retryAfterSec: 2 });
    const events = createDeliveryEvents();
    const delays: number[] = [];
    events.on('retrying', (e) => delays.push(e.delayMs));
    const result = await publishUpdate({
      release: sampleRelease([message]),
      routes: [{ ...route, recipients: ['C0ENG'] }],
      channels: [slack],
      outbox: createMemoryOutbox(),
      clock,
      events,
      retry: { random: () => 0 },
    });
    expect(delays).toEqual([2_000]);
    expect(result.deliveries[0]).toMatchObject({ state: 'sent', attempts: 2 });
    expect(stub.posts('C0ENG')).toHaveLength(1);
    expect(stub.rateLimited()).toBe(1);
  });

  it.each([
    [{ status: 500 } as const, { type: 'retryable', reason: 'HTTP 500' }],
    [
      { error: 'ratelimited', retryAfterSec: 3 },
      { type: 'retryable', reason: 'slack: ratelimited', retryAfterMs: 3_000 },
    ],
    [{ status: 429, retryAfterSec: 1 } as const, { type: 'retryable', retryAfterMs: 1_000 }],
    [{ error: 'channel_not_found' }, { type: 'rejected', reason: 'slack: channel_not_found' }],
    [{ error: 'not_in_channel' }, { type: 'rejected', reason: 'slack: not_in_channel' }],
    [{ error: 'invalid_auth' }, { type: 'rejected', reason: 'slack: invalid_auth' }],
    [{ error: 'fatal_error' }, { type: 'unknown', reason: 'slack: fatal_error' }],
  ])('maps %j to %j', async (fault, expected) => {
    const slack = createSlackChannel({ client: clientFor(stub.url), clock: createVirtualClock() });
    stub.failNext('chat.postMessage', fault);
    const payload = slack.render(message, 'C0ENG', { idempotencyKey: 'k' });
    expect(
      await slack.send(payload, { idempotencyKey: 'k', attempt: 1, signal: new AbortController().signal }),
    ).toMatchObject(expected);
  });

  it('reports a timeout after sending as unknown, and a refused connection as retryable', async () => {
    const slack = createSlackChannel({ client: clientFor(stub.url, 150), clock: createVirtualClock() });
    stub.failNext('chat.postMessage', { delayMs: 5_000 });
    const payload = slack.render(message, 'C0ENG', { idempotencyKey: 'k' });
    const opts = { idempotencyKey: 'k', attempt: 1, signal: new AbortController().signal };
    expect(await slack.send(payload, opts)).toMatchObject({
      type: 'unknown',
      reason: 'timed out waiting for Slack',
    });

    const closed = await startSlackApiStub();
    const deadUrl = closed.url;
    await closed.close();
    const offline = createSlackChannel({ client: clientFor(deadUrl), clock: createVirtualClock() });
    expect(await offline.send(payload, opts)).toMatchObject({
      type: 'retryable',
      reason: expect.stringMatching(/ECONNREFUSED/),
    });
  });

  it('keeps to the per-channel token bucket and pauses a channel after a 429', async () => {
    const clock = createVirtualClock(0);
    const slack = createSlackChannel({
      client: clientFor(stub.url),
      clock,
      rateLimit: { perSecond: 1, burst: 2 },
    });
    const payload = slack.render(message, 'C0ENG', { idempotencyKey: 'k' });
    const opts = { idempotencyKey: 'k', attempt: 1, signal: new AbortController().signal };
    for (let i = 0; i < 4; i++) await slack.send(payload, opts);
    expect(clock.sleeps).toEqual([1_000, 1_000]);
    stub.failNext('chat.postMessage', { status: 429, retryAfterSec: 5 });
    clock.advance(10_000);
    await slack.send(payload, opts);
    await slack.send(payload, opts);
    expect(clock.sleeps.at(-1)).toBeGreaterThanOrEqual(5_000);
  });
});

describe('createSlackChannel config', () => {
  it('throws channel_config_invalid when the client would retry on its own', () => {
    const client = new WebClient('xoxb-test');
    expect(() => createSlackChannel({ client })).toThrowError(
      expect.objectContaining({
        code: 'channel_config_invalid',
        problems: expect.arrayContaining([
          expect.objectContaining({ path: 'client.retryConfig.retries' }),
          expect.objectContaining({ path: 'client.rejectRateLimitedCalls' }),
        ]),
      }),
    );
  });
  it('warns instead when allowClientRetries is set', () => {
    const warnings: string[] = [];
    createSlackChannel({
      client: new WebClient('x'),
      allowClientRetries: true,
      onWarning: (w) => warnings.push(w),
    });
    expect(warnings[0]).toMatch(/client\.retryConfig\.retries should be retries: 0/);
  });
  it('names bad option paths', () => {
    const client = new WebClient('x', { retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
    expect(() => createSlackChannel({ client, rateLimit: { perSecond: -1 } })).toThrowError(
      /options\.rateLimit\.perSecond/,
    );
    expect(() => createSlackChannel({ client, name: 'Slack Main' })).toThrowError(/options\.name/);
  });
  it('refuses a recipient that is not a Slack conversation id', () => {
    const client = new WebClient('x', { retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
    expect(() =>
      createSlackChannel({ client }).render(sampleMessage(), '#general', { idempotencyKey: 'k' }),
    ).toThrowError(expect.objectContaining({ code: 'channel_config_invalid' }));
  });
});
