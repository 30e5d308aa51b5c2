import { createDeliveryEvents, createMemoryOutbox, publishUpdate } from '@incident-comms/core';
import {
  createVirtualClock,
  registerChannelConformance,
  sampleMessage,
  sampleRelease,
} from '@incident-comms/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StatuspagePayload } from './incident-request';
import { createStatuspageChannel } from './statuspage-channel';
import { type StatuspageStub, startStatuspageStub } from './testing/statuspage-stub';

const KEY = 'sp_test_key_0123456789';
const PAGE = 'kctbh9vrtdwd';
const CHECKOUT = '8kbf7d35c070';
const API = 'ftgks51sfs2d';
const opts = () => ({ idempotencyKey: 'k', attempt: 1, signal: new AbortController().signal });

registerChannelConformance<StatuspagePayload>(
  'statuspage',
  async () => {
    const stub = await startStatuspageStub({ apiKey: KEY, pages: { [PAGE]: [CHECKOUT] } });
    return {
      channel: createStatuspageChannel({
        apiKey: KEY,
        baseUrl: stub.url,
        pages: { [PAGE]: { components: [CHECKOUT] } },
        clock: createVirtualClock(),
      }),
      recipient: PAGE,
      received: (r: string) => stub.writes(r),
      // A reply is an update to an existing incident: the newest incident, once it has more than its creation.
      lastThread: (r: string) => {
        const newest = stub.incidents(r).at(-1);
        return newest && newest.updates.length > 1 ? newest.id : undefined;
      },
      failNext: (_r: string, kind: 'rejected' | 'retryable') =>
        stub.failNext(kind === 'rejected' ? { status: 404 } : { status: 429, retryAfterSec: 1 }),
      close: () => stub.close(),
    };
  },
  { describe, it },
  {
    checkEscaping(payload) {
      // Markdown and HTML characters reach the page only backslash-escaped (shown literally)
      const unescaped = /(?<!\\)[<>[\]*_`|]/.exec(payload.body.incident.body);
      if (unescaped) throw new Error(`update body has an unescaped ${unescaped[0]}`);
    },
  },
);

describe('createStatuspageChannel against the Statuspage stub', () => {
  let stub: StatuspageStub;
  beforeEach(async () => {
    stub = await startStatuspageStub({ apiKey: KEY, pages: { [PAGE]: [CHECKOUT, API] } });
  });
  afterEach(() => stub.close());
  const channel = (extra: Partial<Parameters<typeof createStatuspageChannel>[0]> = {}) =>
    createStatuspageChannel({
      apiKey: KEY,
      baseUrl: stub.url,
      pages: { [PAGE]: { components: [CHECKOUT] } },
      clock: createVirtualClock(),
      ...extra,
    });
  const v1 = sampleMessage({ incidentId: 'inc-sp', severity: 'SEV1' });
  const route = { channel: 'statuspage', audience: 'customer' as const, recipients: [PAGE] };

  it('creates the incident on the first version, updates it with the matching status, resolves it', async () => {
    const statuspage = channel();
    const outbox = createMemoryOutbox();
    const publish = (m: typeof v1) =>
      publishUpdate({
        release: sampleRelease([m]),
        routes: [route],
        channels: [statuspage],
        outbox,
        clock: createVirtualClock(),
      });
    const first = await publish(v1);
    expect(first.deliveries[0]).toMatchObject({
      state: 'sent',
      ref: { pageId: PAGE, incidentId: stub.incidents()[0]?.id },
    });
    expect(stub.incidents()[0]).toMatchObject({
      name: v1.incidentTitle,
      status: 'investigating',
      impact: 'critical',
    });
    expect(stub.components(PAGE)).toEqual({ [CHECKOUT]: 'major_outage', [API]: 'operational' });

    await publish({ ...v1, version: 2, kind: 'update', status: 'identified', text: 'We found the cause.' });
    await publish({
      ...v1,
      version: 3,
      kind: 'resolved',
      status: 'resolved',
      text: 'Fixed.',
      nextUpdateAt: undefined,
    });
    expect(stub.incidents()).toHaveLength(1);
    const [incident] = stub.incidents();
    expect(incident?.status).toBe('resolved');
    expect(incident?.updates.map((u) => [u.status, u.body])).toEqual([
      [
        'investigating',
        'Some card payments fail at checkout. We are investigating.\nNext update by 14:35 UTC.',
      ],
      ['identified', 'We found the cause.'],
      ['resolved', 'Fixed.'],
    ]);
    expect(stub.components(PAGE)).toEqual({ [CHECKOUT]: 'operational', [API]: 'operational' });
  });

  it('uses the page settings for component statuses and can keep subscribers quiet', async () => {
    const statuspage = channel({
      pages: { [PAGE]: { components: [CHECKOUT, API], componentStatus: { SEV2: 'degraded_performance' } } },
      deliverNotifications: false,
    });
    const m = sampleMessage({ severity: 'SEV2' });
    expect((await statuspage.send(statuspage.render(m, PAGE, { idempotencyKey: 'k' }), opts())).type).toBe(
      'delivered',
    );
    expect(stub.components(PAGE)).toEqual({
      [CHECKOUT]: 'degraded_performance',
      [API]: 'degraded_performance',
    });
    expect(stub.incidents()[0]?.updates[0]?.deliverNotifications).toBe(false);
  });

  it.each([
    [
      '429 with Retry-After',
      { status: 429, retryAfterSec: 5 } as const,
      { type: 'retryable', retryAfterMs: 5_000 },
    ],
    [
      '420 (Statuspage rate limit)',
      { status: 420, retryAfterSec: 2 } as const,
      { type: 'retryable', retryAfterMs: 2_000 },
    ],
    ['500 (the incident may exist)', { status: 500 } as const, { type: 'unknown' }],
    ['503', { status: 503 } as const, { type: 'unknown' }],
  ])('maps %s', async (_name, fault, expected) => {
    const statuspage = channel();
    stub.failNext(fault);
    expect(await statuspage.send(statuspage.render(v1, PAGE, { idempotencyKey: 'k' }), opts())).toMatchObject(
      expected,
    );
    expect(stub.incidents()).toHaveLength(0);
  });

  it('maps a bad key, an unknown page or incident, an invalid component and an oversize body to rejected', async () => {
    const wrongKey = channel({ apiKey: 'not_the_key_123' });
    expect(await wrongKey.send(wrongKey.render(v1, PAGE, { idempotencyKey: 'k' }), opts())).toEqual({
      type: 'rejected',
      reason: 'statuspage: HTTP 401 {"error":"Could not authenticate"}',
    });
    const unknownPage = channel({ pages: { zzzzzz999999: {} } });
    expect(
      await unknownPage.send(unknownPage.render(v1, 'zzzzzz999999', { idempotencyKey: 'k' }), opts()),
    ).toMatchObject({
      type: 'rejected',
      reason: expect.stringMatching(/^statuspage: HTTP 404/),
    });
    const update = channel().render(v1, PAGE, {
      idempotencyKey: 'k',
      thread: { pageId: PAGE, incidentId: 'gone12345' },
    });
    expect(update.op).toBe('update');
    expect((await channel().send(update, opts())).type).toBe('rejected');
    const badComponent = channel({ pages: { [PAGE]: { components: ['nosuchcomp1'] } } });
    expect(
      await badComponent.send(badComponent.render(v1, PAGE, { idempotencyKey: 'k' }), opts()),
    ).toMatchObject({
      type: 'rejected',
      reason: expect.stringMatching(/^statuspage: HTTP 422 .*Component nosuchcomp1 not found/),
    });
    const huge = sampleMessage({ text: 'x'.repeat(70_000) });
    expect(await channel().send(channel().render(huge, PAGE, { idempotencyKey: 'k' }), opts())).toMatchObject(
      {
        type: 'rejected',
        reason: expect.stringMatching(/^statuspage: HTTP 413/),
      },
    );
    expect(stub.incidents()).toHaveLength(0);
  });

  it('reports a timeout after sending as unknown and a refused connection as retryable', async () => {
    const statuspage = channel({ timeoutMs: 150 });
    stub.failNext({ delayMs: 2_000 });
    expect(await statuspage.send(statuspage.render(v1, PAGE, { idempotencyKey: 'k' }), opts())).toEqual({
      type: 'unknown',
      reason: 'statuspage: no answer within 150 ms',
    });
    const dead = await startStatuspageStub({ apiKey: KEY, pages: { [PAGE]: [] } });
    const url = dead.url;
    await dead.close();
    const offline = channel({ baseUrl: url });
    expect(await offline.send(offline.render(v1, PAGE, { idempotencyKey: 'k' }), opts())).toMatchObject({
      type: 'retryable',
      reason: expect.stringMatching(/ECONNREFUSED/),
    });
  });

  it('paces requests per API key and never draws a 420 from a stub enforcing the limit (real clock)', async () => {
    const limits = [{ limit: 2, windowMs: 250 }];
    const strict = await startStatuspageStub({
      apiKey: KEY,
      pages: { [PAGE]: [] },
      rateLimits: limits,
      rateLimitStatus: 420,
    });
    const statuspage = createStatuspageChannel({
      apiKey: KEY,
      baseUrl: strict.url,
      pages: { [PAGE]: {} },
      rateLimits: limits,
    });
    for (let i = 0; i < 5; i++) {
      const m = sampleMessage({ incidentId: `inc-${i}` });
      expect((await statuspage.send(statuspage.render(m, PAGE, { idempotencyKey: 'k' }), opts())).type).toBe(
        'delivered',
      );
    }
    expect(strict.statuses).toEqual(Array(5).fill(201));
    await strict.close();
  });

  it('retries a 429 after its Retry-After through the publisher and creates one incident', async () => {
    const clock = createVirtualClock(0);
    stub.failNext({ status: 429, retryAfterSec: 2 });
    const delays: number[] = [];
    const events = createDeliveryEvents();
    events.on('retrying', (e) => delays.push(e.delayMs));
    const result = await publishUpdate({
      release: sampleRelease([v1]),
      routes: [route],
      channels: [channel({ clock })],
      outbox: createMemoryOutbox(),
      clock,
      events,
      retry: { random: () => 0 },
    });
    expect(delays).toEqual([2_000]);
    expect(result.deliveries[0]).toMatchObject({ state: 'sent', attempts: 2 });
    expect(stub.incidents()).toHaveLength(1);
  });
});

describe('createStatuspageChannel config and routing', () => {
  const pages = { [PAGE]: {} };
  it.each([
    [{ apiKey: '', pages }, 'options.apiKey'],
    [{ apiKey: KEY, pages: {} }, 'options.pages'],
    [{ apiKey: KEY, pages: { 'Not A Page': {} } }, 'options.pages.Not A Page'],
    [{ apiKey: KEY, pages: { [PAGE]: { components: ['x'] } } }, `options.pages.${PAGE}.components.0`],
    [
      { apiKey: KEY, pages: { [PAGE]: { componentStatus: { SEV1: 'on_fire' } } } },
      `options.pages.${PAGE}.componentStatus.SEV1`,
    ],
    [{ apiKey: KEY, pages, baseUrl: 'http://api.example.com/v1' }, 'options.baseUrl'],
  ])('rejects %j naming %s', (options, path) => {
    expect(() => createStatuspageChannel(options as never)).toThrowError(
      expect.objectContaining({
        code: 'channel_config_invalid',
        problems: expect.arrayContaining([expect.objectContaining({ path })]),
      }),
    );
  });
  it('refuses any audience but customer, and any page it was not given', () => {
    const statuspage = createStatuspageChannel({ apiKey: KEY, pages });
    for (const audience of ['internal', 'support-reply', 'cs-account'] as const) {
      expect(() =>
        statuspage.render(sampleMessage({ audience }), PAGE, { idempotencyKey: 'k' }),
      ).toThrowError(
        expect.objectContaining({
          code: 'channel_config_invalid',
          problems: [expect.objectContaining({ path: 'message.audience' })],
        }),
      );
    }
    expect(() => statuspage.render(sampleMessage(), 'otherpage123', { idempotencyKey: 'k' })).toThrowError(
      expect.objectContaining({ problems: [expect.objectContaining({ path: 'recipient' })] }),
    );
  });
});
