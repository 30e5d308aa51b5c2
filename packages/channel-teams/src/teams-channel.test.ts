import { createDeliveryEvents, createMemoryOutbox, publishUpdate } from '@incident-comms/core';
import {
  createVirtualClock,
  registerChannelConformance,
  sampleMessage,
  sampleRelease,
} from '@incident-comms/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TeamsPayload } from './card';
import { createTeamsChannel } from './teams-channel';
import { startTeamsWorkflowsStub, type TeamsWorkflowsStub } from './testing/workflows-stub';

const sourceOfTruth = { name: 'the Acme status page', url: 'https://status.acme.example/incidents' };
const opts = () => ({ idempotencyKey: 'k', attempt: 1, signal: new AbortController().signal });

registerChannelConformance<TeamsPayload>(
  'teams',
  async () => {
    const stub = await startTeamsWorkflowsStub();
    return {
      channel: createTeamsChannel({
        webhooks: { eng: stub.webhookUrl('eng') },
        sourceOfTruth,
        clock: createVirtualClock(),
      }),
      recipient: 'eng',
      received: (r: string) => stub.posts(r).length,
      failNext: (r: string, kind: 'rejected' | 'retryable') =>
        stub.failNext(r, kind === 'rejected' ? { status: 404 } : { status: 429, retryAfterSec: 1 }),
      close: () => stub.close(),
    };
  },
  { describe, it },
  {
    checkEscaping(payload) {
      const json = JSON.stringify(payload.body);
      // user text only in TextRuns (no Markdown), links defused, no mention entities
      if (json.includes('"msteams":{"width":"Full","entities"')) throw new Error('mention entities sent');
      if (json.includes('http://evil.example')) throw new Error('injected link left clickable');
      const blocks = JSON.stringify(
        payload.body.attachments[0].content.body.filter((b) => b.type === 'TextBlock'),
      );
      if (blocks.includes('<script>') || blocks.includes('evil'))
        throw new Error('user text in a Markdown TextBlock');
    },
  },
);

describe('createTeamsChannel against the Workflows stub', () => {
  let stub: TeamsWorkflowsStub;
  beforeEach(async () => {
    stub = await startTeamsWorkflowsStub();
  });
  afterEach(() => stub.close());
  const channel = (extra: Partial<Parameters<typeof createTeamsChannel>[0]> = {}) =>
    createTeamsChannel({
      webhooks: { eng: stub.webhookUrl('eng'), support: stub.webhookUrl('support') },
      sourceOfTruth,
      clock: createVirtualClock(),
      ...extra,
    });
  const message = sampleMessage({ incidentId: 'inc-teams', audience: 'internal' });

  it('posts one Adaptive Card per message with status, severity, update, next update and the approved text', async () => {
    const result = await publishUpdate({
      release: sampleRelease([message]),
      routes: [{ channel: 'teams', audience: 'internal', recipients: ['eng', 'support'] }],
      channels: [channel()],
      outbox: createMemoryOutbox(),
      clock: createVirtualClock(),
    });
    expect(result.totals.sent).toBe(2);
    expect(result.deliveries.map((d) => d.ref)).toEqual([
      { webhook: 'eng', runId: stub.posts('eng')[0]?.runId },
      { webhook: 'support', runId: stub.posts('support')[0]?.runId },
    ]);
    const [post] = stub.posts('eng');
    const card = post!.body.attachments[0]!.content as Record<string, unknown>;
    expect(card).toMatchObject({
      type: 'AdaptiveCard',
      version: '1.5',
      fallbackText: expect.stringMatching(
        /^SEV2 Investigating: Card payments failing at checkout \(update 1\)\n\nSome card payments fail/,
      ),
      actions: [{ type: 'Action.OpenUrl', title: 'Open the Acme status page', url: sourceOfTruth.url }],
    });
    expect(card.body).toMatchObject([
      {
        type: 'Container',
        style: 'attention',
        items: [
          {
            type: 'RichTextBlock',
            inlines: [{ text: 'SEV2 · Investigating — Card payments failing at checkout' }],
          },
        ],
      },
      {
        type: 'FactSet',
        facts: [
          { title: 'Status', value: 'Investigating' },
          { title: 'Severity', value: 'SEV2' },
          { title: 'Update', value: '1 (initial)' },
          {
            title: 'Next update',
            value: '{{DATE(2026-03-03T14:35:00Z, SHORT)}} {{TIME(2026-03-03T14:35:00Z)}}',
          },
        ],
      },
      { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: message.text }] },
    ]);
  });

  it('trims an oversize card under the limit, says where the full text is, and the stub accepts it', async () => {
    const long = sampleMessage({
      text: Array.from({ length: 400 }, (_, i) => `Paragraph ${i}: ${'words '.repeat(20)}`).join('\n\n'),
    });
    const teams = channel();
    const payload = teams.render(long, 'eng', { idempotencyKey: 'k' });
    expect(payload.trimmed).toBe(true);
    const size = new TextEncoder().encode(JSON.stringify(payload.body)).length;
    expect(size).toBeLessThanOrEqual(28_000);
    expect(size).toBeGreaterThan(26_000); // kept as much of the text as fits
    const body = payload.body.attachments[0].content.body;
    expect(JSON.stringify(body.at(-1))).toContain('Read it in full on the Acme status page.');
    expect(await teams.send(payload, opts())).toMatchObject({
      type: 'delivered',
      warnings: ['card trimmed to the Teams size limit'],
    });
    // the untrimmed body would have been refused by the service
    const untrimmed = createTeamsChannel({
      webhooks: { eng: stub.webhookUrl('eng') },
      sourceOfTruth,
      maxPayloadBytes: 28_000,
    });
    expect(untrimmed.render(sampleMessage({ text: 'short' }), 'eng', { idempotencyKey: 'k' }).trimmed).toBe(
      false,
    );
  });

  it.each([
    [
      '429 with Retry-After',
      { status: 429, retryAfterSec: 4 } as const,
      { type: 'retryable', retryAfterMs: 4_000 },
    ],
    [
      '500 (the flow may have posted)',
      { status: 500 } as const,
      { type: 'unknown', reason: expect.stringMatching(/^teams: HTTP 500/) },
    ],
    ['502', { status: 502 } as const, { type: 'unknown' }],
    ['400 bad card', { status: 400 } as const, { type: 'rejected' }],
    ['401', { status: 401 } as const, { type: 'rejected' }],
    ['404', { status: 404 } as const, { type: 'rejected' }],
  ])('maps %s', async (_name, fault, expected) => {
    const teams = channel();
    stub.failNext('eng', fault);
    expect(await teams.send(teams.render(message, 'eng', { idempotencyKey: 'k' }), opts())).toMatchObject(
      expected,
    );
  });

  it('maps a wrong signature and an unknown workflow to rejected, as the service answers them', async () => {
    const good = stub.webhookUrl('eng');
    const teams = createTeamsChannel({
      webhooks: {
        badsig: good.replace(/sig=[^&]+/, 'sig=forged'),
        gone: good.replace(/workflows\/[^/]+/, 'workflows/deleted'),
      },
      sourceOfTruth,
    });
    for (const [hook, status] of [
      ['badsig', 401],
      ['gone', 404],
    ] as const) {
      expect(await teams.send(teams.render(message, hook, { idempotencyKey: 'k' }), opts())).toMatchObject({
        type: 'rejected',
        reason: expect.stringMatching(new RegExp(`^teams: HTTP ${status} `)),
      });
    }
    expect(stub.posts()).toHaveLength(0);
  });

  it('maps 413 from the service to rejected (a card over a smaller limit than configured)', async () => {
    const small = await startTeamsWorkflowsStub({ maxBodyBytes: 3_000 });
    const teams = createTeamsChannel({ webhooks: { eng: small.webhookUrl('eng') }, sourceOfTruth });
    const big = sampleMessage({ text: 'x '.repeat(3_000) });
    expect(await teams.send(teams.render(big, 'eng', { idempotencyKey: 'k' }), opts())).toMatchObject({
      type: 'rejected',
      reason: expect.stringMatching(/^teams: HTTP 413/),
    });
    await small.close();
  });

  it('reports a timeout after sending as unknown and a refused connection as retryable', async () => {
    const teams = channel({ timeoutMs: 150 });
    stub.failNext('eng', { delayMs: 2_000 });
    expect(await teams.send(teams.render(message, 'eng', { idempotencyKey: 'k' }), opts())).toEqual({
      type: 'unknown',
      reason: 'teams: no answer within 150 ms',
    });
    const dead = await startTeamsWorkflowsStub();
    const url = dead.webhookUrl('eng');
    await dead.close();
    const offline = createTeamsChannel({ webhooks: { eng: url }, sourceOfTruth });
    expect(await offline.send(offline.render(message, 'eng', { idempotencyKey: 'k' }), opts())).toMatchObject(
      {
        type: 'retryable',
        reason: expect.stringMatching(/ECONNREFUSED/),
      },
    );
  });

  it('paces each webhook over every window and answers retryable, unsent, when the wait is too long', async () => {
    const clock = createVirtualClock(0);
    const teams = channel({
      clock,
      rateLimits: [
        { limit: 4, windowMs: 1_000 },
        { limit: 6, windowMs: 30_000 },
      ],
      maxPacingWaitMs: 5_000,
    });
    const send = async (hook: string) =>
      teams.send(teams.render(message, hook, { idempotencyKey: 'k' }), opts());
    for (let i = 0; i < 4; i++) expect((await send('eng')).type).toBe('delivered');
    expect(clock.sleeps).toEqual([]); // a burst of 4 fits the first second
    for (let i = 0; i < 2; i++) expect((await send('eng')).type).toBe('delivered');
    expect(clock.sleeps).toEqual([1_000]);
    // the 30-second window is full: the seventh is not attempted; retryable with the wait
    expect(await send('eng')).toMatchObject({ type: 'retryable', retryAfterMs: 29_000 });
    expect(stub.posts('eng')).toHaveLength(6);
    expect((await send('support')).type).toBe('delivered'); // another webhook has its own windows
  });

  it('never draws a 429 from a stub that enforces the same limits (real clock)', async () => {
    const limits = [{ limit: 2, windowMs: 250 }];
    const strict = await startTeamsWorkflowsStub({ rateLimits: limits });
    const teams = createTeamsChannel({
      webhooks: { eng: strict.webhookUrl('eng') },
      sourceOfTruth,
      rateLimits: limits,
    });
    const outcomes = [];
    for (let i = 0; i < 5; i++)
      outcomes.push(await teams.send(teams.render(message, 'eng', { idempotencyKey: 'k' }), opts()));
    expect(outcomes.map((o) => o.type)).toEqual(Array(5).fill('delivered'));
    expect(strict.statuses).toEqual(Array(5).fill(202));
    await strict.close();
  });

  it('holds a webhook back for its Retry-After after a 429, and the publisher delivers once', async () => {
    const clock = createVirtualClock(0);
    stub.failNext('eng', { status: 429, retryAfterSec: 3 });
    const delays: number[] = [];
    const events = createDeliveryEvents();
    events.on('retrying', (e) => delays.push(e.delayMs));
    const result = await publishUpdate({
      release: sampleRelease([message]),
      routes: [{ channel: 'teams', audience: 'internal', recipients: ['eng'] }],
      channels: [channel({ clock })],
      outbox: createMemoryOutbox(),
      clock,
      events,
      retry: { random: () => 0 },
    });
    expect(delays).toEqual([3_000]);
    expect(result.deliveries[0]).toMatchObject({ state: 'sent', attempts: 2 });
    expect(stub.posts('eng')).toHaveLength(1);
  });
});

describe('createTeamsChannel config', () => {
  const url = 'https://prod-01.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=x';
  it.each([
    [{ webhooks: {}, sourceOfTruth }, 'options.webhooks'],
    [{ webhooks: { eng: 'http://example.com/hook' }, sourceOfTruth }, 'options.webhooks.eng'],
    [{ webhooks: { eng: url }, sourceOfTruth: { name: '' } }, 'options.sourceOfTruth.name'],
    [
      { webhooks: { eng: url }, sourceOfTruth: { name: 'x', url: 'javascript:alert(1)' } },
      'options.sourceOfTruth.url',
    ],
    [{ webhooks: { eng: url }, sourceOfTruth, maxPayloadBytes: 40_000 }, 'options.maxPayloadBytes'],
  ])('rejects %j naming %s', (options, path) => {
    expect(() => createTeamsChannel(options as never)).toThrowError(
      expect.objectContaining({
        code: 'channel_config_invalid',
        problems: expect.arrayContaining([expect.objectContaining({ path })]),
      }),
    );
  });
  it('refuses to render for a webhook that is not configured (a URL is not a recipient)', () => {
    const teams = createTeamsChannel({ webhooks: { eng: url }, sourceOfTruth });
    expect(() => teams.render(sampleMessage(), url, { idempotencyKey: 'k' })).toThrowError(
      expect.objectContaining({ code: 'channel_config_invalid' }),
    );
  });
});
