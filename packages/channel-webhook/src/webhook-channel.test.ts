import { readFileSync } from 'node:fs';
import { createDeliveryEvents, createMemoryOutbox, deliveryKey, publishUpdate } from '@incident-comms/core';
import {
  createVirtualClock,
  hostileMessage,
  registerChannelConformance,
  sampleMessage,
  sampleRelease,
} from '@incident-comms/core/testing';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { webhookPayloadJsonSchema } from './payload';
import { startWebhookReceiver, type WebhookReceiver } from './testing/webhook-receiver';
import { createWebhookChannel, type WebhookChannelPayload } from './webhook-channel';

const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
const NEXT_SECRET = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;
const opts = (key: string) => ({ idempotencyKey: key, attempt: 1, signal: new AbortController().signal });

registerChannelConformance<WebhookChannelPayload>(
  'webhook',
  async () => {
    const receiver = await startWebhookReceiver({ secrets: [SECRET], paths: ['/ops'] });
    return {
      channel: createWebhookChannel({ endpoints: { ops: { url: receiver.url('/ops'), secrets: [SECRET] } } }),
      recipient: 'ops',
      received: (r: string) => receiver.accepted(`/${r}`).length,
      failNext: (r: string, kind: 'rejected' | 'retryable') =>
        receiver.failNext(`/${r}`, kind === 'rejected' ? { status: 410 } : { status: 503 }),
      close: () => receiver.close(),
    };
  },
  { describe, it },
  {
    checkEscaping(payload, message) {
      const { body } = payload;
      if (body.data.incident.title.includes('\n')) throw new Error('title kept a line break');
      if (body.data.message.text !== message.text)
        throw new Error('body text was changed, not carried as data');
    },
  },
);

describe('createWebhookChannel against a verifying receiver', () => {
  let receiver: WebhookReceiver;
  beforeEach(async () => {
    receiver = await startWebhookReceiver({ secrets: [SECRET], paths: ['/ops', '/billing'] });
  });
  afterEach(() => receiver.close());
  const channel = (extra: Partial<Parameters<typeof createWebhookChannel>[0]> = {}) =>
    createWebhookChannel({
      endpoints: {
        ops: { url: receiver.url('/ops'), secrets: [SECRET] },
        billing: { url: receiver.url('/billing'), secrets: [SECRET] },
      },
      ...extra,
    });
  // Published now: these publishes run on the real clock, whose maximum age would expire an older one.
  const message = sampleMessage({ incidentId: 'inc-hook', publishedAt: new Date().toISOString() });

  it('signs per Standard Webhooks: the idempotency key is the webhook-id, every request verifies', async () => {
    const clock = createVirtualClock(Date.now());
    const result = await publishUpdate({
      release: sampleRelease([message]),
      routes: [{ channel: 'webhook', audience: 'customer', recipients: ['ops', 'billing'] }],
      channels: [channel({ clock })],
      outbox: createMemoryOutbox(),
    });
    expect(result.totals.sent).toBe(2);
    for (const req of receiver.requests) {
      expect(req.status).toBe(200);
      expect(req.headers['webhook-id']).toBe(deliveryKey('inc-hook', 1, 'webhook', req.path.slice(1)));
      expect(req.headers['webhook-timestamp']).toBe(String(Math.floor(clock.now() / 1000)));
      expect(req.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
      // checked again here with the library directly, independent of the receiver
      expect(new Webhook(SECRET).verify(req.body, req.headers)).toMatchObject({
        type: 'incident.initial',
        schemaVersion: 1,
        data: { idempotencyKey: req.headers['webhook-id'], incident: { id: 'inc-hook', severity: 'SEV2' } },
      });
    }
    expect(receiver.accepted('/ops')[0]?.data.message).toMatchObject({
      version: 1,
      kind: 'initial',
      subject: message.subject,
      text: message.text,
      nextUpdateAt: message.nextUpdateAt,
    });
  });

  it('signs with every secret during a rotation; a receiver holding either one verifies', async () => {
    const rotating = createWebhookChannel({
      endpoints: { ops: { url: receiver.url('/ops'), secrets: [NEXT_SECRET, SECRET] } },
    });
    const payload = rotating.render(message, 'ops', { idempotencyKey: 'k-rot' });
    expect((await rotating.send(payload, opts('k-rot'))).type).toBe('delivered');
    const req = receiver.requests.at(-1)!;
    expect(req.headers['webhook-signature']?.split(' ')).toHaveLength(2);
    for (const secret of [SECRET, NEXT_SECRET])
      expect(() => new Webhook(secret).verify(req.body, req.headers)).not.toThrow();
    const other = `whsec_${Buffer.alloc(32, 3).toString('base64')}`;
    expect(() => new Webhook(other).verify(req.body, req.headers)).toThrow(/No matching signature/);
  });

  it('the receiver rejects a tampered body, a wrong secret and a replay with a forged timestamp', async () => {
    const ch = channel();
    await ch.send(ch.render(message, 'ops', { idempotencyKey: 'k-t' }), opts('k-t'));
    const sent = receiver.requests.at(-1)!;
    const pick = ['content-type', 'webhook-id', 'webhook-timestamp', 'webhook-signature'];
    const original = {
      body: sent.body,
      headers: Object.fromEntries(pick.map((k) => [k, sent.headers[k] ?? ''])),
    };
    const post = (body: string, headers: Record<string, string>) =>
      fetch(receiver.url('/ops'), { method: 'POST', body, headers });
    const tampered = original.body.replace('Some card payments fail', 'Nothing is wrong');
    expect(tampered).not.toBe(original.body);
    expect((await post(tampered, original.headers)).status).toBe(401);
    const forgedTime = {
      ...original.headers,
      'webhook-timestamp': String(Number(original.headers['webhook-timestamp']) + 1),
    };
    expect((await post(original.body, forgedTime)).status).toBe(401);
    const { 'webhook-signature': _dropped, ...unsigned } = original.headers;
    expect((await post(original.body, unsigned)).status).toBe(401);
    const wrong = await startWebhookReceiver({ secrets: [NEXT_SECRET] });
    const toWrong = createWebhookChannel({
      endpoints: { ops: { url: wrong.url('/ops'), secrets: [SECRET] } },
    });
    expect(
      await toWrong.send(toWrong.render(message, 'ops', { idempotencyKey: 'k-w' }), opts('k-w')),
    ).toMatchObject({
      type: 'rejected',
      reason: 'webhook: HTTP 401 webhook_signature_invalid',
    });
    await wrong.close();
    expect(receiver.accepted('/ops')).toHaveLength(1);
    expect(receiver.requests.filter((r) => r.status === 401).map((r) => r.refused)).toEqual([
      'webhook_signature_invalid',
      'webhook_signature_invalid',
      'webhook_signature_invalid',
    ]);
  });

  it.each([
    [
      '429 with Retry-After',
      { status: 429, retryAfterSec: 7 } as const,
      { type: 'retryable', retryAfterMs: 7_000 },
    ],
    ['500', { status: 500 } as const, { type: 'retryable', reason: 'webhook: HTTP 500' }],
    ['503', { status: 503 } as const, { type: 'retryable' }],
    [
      '410 Gone (endpoint disabled)',
      { status: 410 } as const,
      { type: 'rejected', reason: 'webhook: HTTP 410 endpoint disabled' },
    ],
  ])('maps %s', async (_name, fault, expected) => {
    const ch = channel();
    receiver.failNext('/ops', fault);
    expect(await ch.send(ch.render(message, 'ops', { idempotencyKey: 'k' }), opts('k'))).toMatchObject(
      expected,
    );
  });

  it('maps an unknown path to rejected and an oversize body to rejected (413)', async () => {
    const small = await startWebhookReceiver({ secrets: [SECRET], paths: ['/ops'], maxBodyBytes: 2_000 });
    const ch = createWebhookChannel({
      endpoints: {
        gone: { url: small.url('/nope'), secrets: [SECRET] },
        ops: { url: small.url('/ops'), secrets: [SECRET] },
      },
    });
    expect(await ch.send(ch.render(message, 'gone', { idempotencyKey: 'k1' }), opts('k1'))).toMatchObject({
      type: 'rejected',
      reason: 'webhook: HTTP 404 no such endpoint',
    });
    const big = sampleMessage({ text: 'x'.repeat(5_000) });
    expect(await ch.send(ch.render(big, 'ops', { idempotencyKey: 'k2' }), opts('k2'))).toMatchObject({
      type: 'rejected',
      reason: 'webhook: HTTP 413 payload too large',
    });
    await small.close();
  });

  it('reports a timeout after sending as unknown, then a resend is deduplicated by webhook-id', async () => {
    const ch = channel({ timeoutMs: 150 });
    receiver.failNext('/ops', { delayMs: 2_000 });
    const payload = ch.render(message, 'ops', { idempotencyKey: 'k-slow' });
    expect(await ch.send(payload, opts('k-slow'))).toEqual({
      type: 'unknown',
      reason: 'webhook: no answer within 150 ms',
    });
    expect((await ch.send(payload, { ...opts('k-slow'), attempt: 2 })).type).toBe('delivered');
    expect(receiver.requests.filter((r) => r.status === 200)).toHaveLength(2);
    expect(receiver.accepted('/ops')).toHaveLength(1);
  });

  it('reports a refused connection as retryable and retries a 429 through the publisher once', async () => {
    const dead = await startWebhookReceiver({ secrets: [SECRET] });
    const deadUrl = dead.url('/ops');
    await dead.close();
    const offline = createWebhookChannel({ endpoints: { ops: { url: deadUrl, secrets: [SECRET] } } });
    expect(
      await offline.send(offline.render(message, 'ops', { idempotencyKey: 'k' }), opts('k')),
    ).toMatchObject({
      type: 'retryable',
      reason: expect.stringMatching(/ECONNREFUSED/),
    });

    receiver.failNext('/ops', { status: 429, retryAfterSec: 2 });
    const clock = createVirtualClock(Date.now());
    const delays: number[] = [];
    const events = createDeliveryEvents();
    events.on('retrying', (e) => delays.push(e.delayMs));
    const result = await publishUpdate({
      release: sampleRelease([message]),
      routes: [{ channel: 'webhook', audience: 'customer', recipients: ['ops'] }],
      channels: [channel({ clock })],
      outbox: createMemoryOutbox(),
      clock,
      events,
      retry: { random: () => 0 },
    });
    expect(delays).toEqual([2_000]);
    expect(result.deliveries[0]).toMatchObject({ state: 'sent', attempts: 2 });
    expect(receiver.accepted('/ops')).toHaveLength(1);
  });

  it('ships payload.schema.json generated from the zod schema', () => {
    const file = new URL('../payload.schema.json', import.meta.url);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(webhookPayloadJsonSchema());
  });
});

describe('createWebhookChannel config', () => {
  const url = 'https://hooks.example.com/incidents';
  it.each([
    [{ endpoints: {} }, 'options.endpoints'],
    [{ endpoints: { ops: { url, secrets: [] } } }, 'options.endpoints.ops.secrets'],
    [{ endpoints: { ops: { url, secrets: ['hunter2'] } } }, 'options.endpoints.ops.secrets.0'],
    [
      { endpoints: { ops: { url: 'http://hooks.example.com/x', secrets: [SECRET] } } },
      'options.endpoints.ops.url',
    ],
    [
      { endpoints: { ops: { url: 'ftp://hooks.example.com/x', secrets: [SECRET] } } },
      'options.endpoints.ops.url',
    ],
    [{ endpoints: { 'a b': { url, secrets: [SECRET] } } }, 'options.endpoints.a b'],
    [{ endpoints: { ops: { url, secrets: [SECRET] } }, timeoutMs: 0 }, 'options.timeoutMs'],
  ])('rejects %j naming %s', (options, path) => {
    expect(() => createWebhookChannel(options as never)).toThrowError(
      expect.objectContaining({
        code: 'channel_config_invalid',
        problems: expect.arrayContaining([expect.objectContaining({ path })]),
      }),
    );
  });
  it('refuses to render for an endpoint that is not configured', () => {
    const ch = createWebhookChannel({ endpoints: { ops: { url, secrets: [SECRET] } } });
    expect(() => ch.render(hostileMessage(), 'https://evil.example', { idempotencyKey: 'k' })).toThrowError(
      expect.objectContaining({ code: 'channel_config_invalid' }),
    );
  });
  it('refuses an idempotency key that cannot be a header without sending', async () => {
    const ch = createWebhookChannel({ endpoints: { ops: { url, secrets: [SECRET] } } });
    const payload = ch.render(sampleMessage(), 'ops', { idempotencyKey: 'k' });
    expect(await ch.send(payload, opts('a\r\nx-evil: 1'))).toMatchObject({ type: 'rejected' });
  });
});
