import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ApprovedMessage } from '../message';
import type { Channel, DeliveryOutcome, SendOptions } from './channel';
import { createVirtualClock, sampleMessage, sampleRelease } from './conformance';
import { DeliveryInputError } from './errors';
import { createDeliveryEvents, type DeliveryEventMap } from './events';
import { createMemoryOutbox } from './memory-store';
import { publishUpdate } from './publish';

interface Sent {
  recipient: string;
  key: string;
  attempt: number;
  thread?: string | undefined;
}

/** A scripted in-memory channel: `script[recipient]` lists outcomes per attempt; default delivered. */
function scriptedChannel(
  name: string,
  script: Record<string, Array<DeliveryOutcome['type'] | DeliveryOutcome>> = {},
) {
  const sent: Sent[] = [];
  let ts = 0;
  const channel: Channel<{ recipient: string; text: string }> & { sent: Sent[] } = {
    name,
    capabilities: { threads: true, edits: false },
    sent,
    render: (m: ApprovedMessage, recipient: string) => ({ recipient, text: `${m.version}:${m.text}` }),
    async send(payload, options: SendOptions) {
      sent.push({
        recipient: payload.recipient,
        key: options.idempotencyKey,
        attempt: options.attempt,
        thread: options.thread?.ts,
      });
      const step = script[payload.recipient]?.shift() ?? 'delivered';
      if (typeof step !== 'string') return step;
      if (step === 'delivered') return { type: 'delivered', ref: { ts: `${++ts}` } };
      return { type: step, reason: `scripted ${step}` };
    },
  };
  return channel;
}

const customer = sampleMessage({ incidentId: 'inc-7', version: 1 });
const internal = sampleMessage({
  incidentId: 'inc-7',
  version: 1,
  audience: 'internal',
  text: 'internal text',
});

function collect(events: ReturnType<typeof createDeliveryEvents>) {
  const log: Array<[keyof DeliveryEventMap, string]> = [];
  for (const name of ['queued', 'sent', 'retrying', 'failed', 'unknown', 'skipped-duplicate'] as const) {
    events.on(name, (e: { recipient: string }) => log.push([name, e.recipient]));
  }
  return log;
}

const NONE = {
  sent: 0,
  failed: 0,
  unknown: 0,
  skipped: 0,
  pending: 0,
  superseded: 0,
  expired: 0,
  deferred: 0,
};

describe('publishUpdate', () => {
  it('fans one version out to every route and recipient with per-audience messages', async () => {
    const email = scriptedChannel('email');
    const slack = scriptedChannel('slack');
    const result = await publishUpdate({
      release: sampleRelease([customer, internal]),
      routes: [
        { channel: 'email', audience: 'customer', recipients: ['a@x.io', 'b@x.io', 'a@x.io'] },
        { channel: 'slack', audience: 'internal', recipients: ['C1', 'C2'] },
      ],
      channels: [email, slack],
      outbox: createMemoryOutbox(),
      clock: createVirtualClock(),
    });
    expect(email.sent.map((s) => s.recipient).sort()).toEqual(['a@x.io', 'b@x.io']);
    expect(slack.sent.map((s) => s.recipient).sort()).toEqual(['C1', 'C2']);
    expect(email.sent[0]?.key).toBe('inc-7/v1/email/a%40x.io');
    expect(result.byChannel.email).toEqual({ ...NONE, sent: 2 });
    expect(result.totals.sent).toBe(4);
    expect(result.deliveries.map((d) => d.recipient)).toEqual(['a@x.io', 'b@x.io', 'C1', 'C2']);
  });

  it('never sends the same version twice to one recipient: a second publish skips as duplicate', async () => {
    const email = scriptedChannel('email');
    const outbox = createMemoryOutbox();
    const input = {
      release: sampleRelease([customer]),
      routes: [{ channel: 'email', audience: 'customer' as const, recipients: ['a@x.io', 'b@x.io'] }],
      channels: [email],
      outbox,
      clock: createVirtualClock(),
    };
    await publishUpdate(input);
    const events = createDeliveryEvents();
    const log = collect(events);
    const again = await publishUpdate({ ...input, events });
    expect(email.sent).toHaveLength(2);
    expect(again.totals).toEqual({ ...NONE, skipped: 2 });
    expect(log).toEqual([
      ['skipped-duplicate', 'a@x.io'],
      ['skipped-duplicate', 'b@x.io'],
    ]);
  });

  it('retries retryable outcomes with jittered exponential backoff and honours Retry-After', async () => {
    const email = scriptedChannel('email', {
      'a@x.io': ['retryable', { type: 'retryable', reason: '429', retryAfterMs: 7_000 }, 'delivered'],
    });
    const clock = createVirtualClock();
    const events = createDeliveryEvents();
    const retrying: number[] = [];
    events.on('retrying', (e) => retrying.push(e.delayMs));
    const result = await publishUpdate({
      release: sampleRelease([customer]),
      routes: [{ channel: 'email', audience: 'customer', recipients: ['a@x.io'] }],
      channels: [email],
      outbox: createMemoryOutbox(),
      clock,
      events,
      retry: { baseDelayMs: 1_000, random: () => 0.5 },
    });
    // attempt 1 → 0.5 × 1000; attempt 2 → max(0.5 × 2000, Retry-After 7000)
    expect(retrying).toEqual([500, 7_000]);
    expect(clock.sleeps).toEqual([500, 7_000]);
    expect(email.sent.map((s) => s.attempt)).toEqual([1, 2, 3]);
    expect(result.deliveries[0]).toMatchObject({ state: 'sent', attempts: 3 });
  });

  it('stops after maxAttempts and reports the delivery failed (event and result)', async () => {
    const email = scriptedChannel('email', {
      'a@x.io': ['retryable', 'retryable', 'retryable', 'retryable'],
    });
    const events = createDeliveryEvents();
    const failed: string[] = [];
    events.on('failed', (e) => failed.push(e.reason));
    const result = await publishUpdate({
      release: sampleRelease([customer]),
      routes: [{ channel: 'email', audience: 'customer', recipients: ['a@x.io', 'b@x.io'] }],
      channels: [email],
      outbox: createMemoryOutbox(),
      clock: createVirtualClock(),
      events,
      retry: { maxAttempts: 3 },
    });
    expect(failed).toEqual(['gave up after 3 attempts: scripted retryable']);
    expect(result.deliveries[0]).toMatchObject({ state: 'failed', attempts: 3 });
    expect(result.byChannel.email).toMatchObject({ sent: 1, failed: 1 });
  });

  it('stops when the time budget would be exceeded, even with attempts left', async () => {
    const email = scriptedChannel('email', {
      'a@x.io': [{ type: 'retryable', reason: 'slow down', retryAfterMs: 120_000 }],
    });
    const result = await publishUpdate({
      release: sampleRelease([customer]),
      routes: [{ channel: 'email', audience: 'customer', recipients: ['a@x.io'] }],
      channels: [email],
      outbox: createMemoryOutbox(),
      clock: createVirtualClock(),
      retry: { budgetMs: 60_000 },
    });
    expect(result.deliveries[0]?.state).toBe('failed');
    expect(result.deliveries[0]?.reason).toMatch(
      /retry budget of 60000 ms exhausted after 1 attempts: slow down/,
    );
  });

  it('reports unknown outcomes without resending; resendUnknown opts in to resending', async () => {
    const outbox = createMemoryOutbox();
    const email = scriptedChannel('email', { 'a@x.io': ['unknown'] });
    const input = {
      release: sampleRelease([customer]),
      routes: [{ channel: 'email', audience: 'customer' as const, recipients: ['a@x.io'] }],
      channels: [email],
      outbox,
      clock: createVirtualClock(),
    };
    const first = await publishUpdate(input);
    expect(first.deliveries[0]).toMatchObject({ state: 'unknown', reason: 'scripted unknown' });
    const second = await publishUpdate(input);
    expect(second.deliveries[0]).toMatchObject({ state: 'unknown', duplicate: true });
    expect(email.sent).toHaveLength(1);
    const third = await publishUpdate({ ...input, resendUnknown: true });
    expect(third.deliveries[0]).toMatchObject({ state: 'sent', attempts: 2 });
    expect(email.sent).toHaveLength(2);
  });

  it('isolates failures per channel and per recipient', async () => {
    const broken: Channel<string> = {
      name: 'broken',
      capabilities: { threads: false, edits: false },
      render: () => 'x',
      send: async () => {
        throw new Error('socket exploded');
      },
    };
    const email = scriptedChannel('email', { 'bad@x.io': ['rejected'] });
    const result = await publishUpdate({
      release: sampleRelease([customer, internal]),
      routes: [
        { channel: 'broken', audience: 'internal', recipients: ['r1'] },
        { channel: 'email', audience: 'customer', recipients: ['bad@x.io', 'good@x.io'] },
      ],
      channels: [broken, email],
      outbox: createMemoryOutbox(),
      clock: createVirtualClock(),
    });
    expect(result.byChannel.broken).toMatchObject({ unknown: 1 });
    expect(result.deliveries[0]?.reason).toBe('channel broken threw: socket exploded');
    expect(result.byChannel.email).toMatchObject({ sent: 1, failed: 1 });
  });

  it('marks a delivery failed when render throws, and still sends the others', async () => {
    const email = scriptedChannel('email');
    const picky = {
      ...email,
      render: (m: ApprovedMessage, r: string) => {
        if (r === 'bad') throw Object.assign(new Error('address invalid'), { code: 'email_address_invalid' });
        return { recipient: r, text: m.text };
      },
    };
    const result = await publishUpdate({
      release: sampleRelease([customer]),
      routes: [{ channel: 'email', audience: 'customer', recipients: ['bad', 'ok'] }],
      channels: [picky],
      outbox: createMemoryOutbox(),
      clock: createVirtualClock(),
    });
    expect(result.deliveries[0]).toMatchObject({
      state: 'failed',
      reason: 'render failed (email_address_invalid): address invalid',
    });
    expect(result.deliveries[1]?.state).toBe('sent');
  });

  it('treats an invalid outcome from a host channel as unknown', async () => {
    const sloppy: Channel<string> = {
      name: 'sloppy',
      capabilities: { threads: false, edits: false },
      render: () => 'x',
      send: async () => ({ type: 'ok' }) as unknown as DeliveryOutcome,
    };
    const result = await publishUpdate({
      release: sampleRelease([customer]),
      routes: [{ channel: 'sloppy', audience: 'customer', recipients: ['r'] }],
      channels: [sloppy],
      outbox: createMemoryOutbox(),
      clock: createVirtualClock(),
    });
    expect(result.deliveries[0]?.state).toBe('unknown');
    expect(result.deliveries[0]?.reason).toMatch(/invalid outcome/);
  });

  it('reports a delivery left `sending` by a crashed process as unknown instead of resending it', async () => {
    const outbox = createMemoryOutbox();
    const email = scriptedChannel('email');
    const [rec] = await outbox.enqueue(
      [
        {
          key: 'inc-7/v1/email/a%40x.io',
          incidentId: 'inc-7',
          version: 1,
          channel: 'email',
          recipient: 'a@x.io',
          audience: 'customer',
        },
      ],
      '2026-03-03T14:00:00.000Z',
    );
    await outbox.begin(rec!.key, ['pending'], '2026-03-03T14:00:00.000Z');
    const result = await publishUpdate({
      release: sampleRelease([customer]),
      routes: [{ channel: 'email', audience: 'customer', recipients: ['a@x.io', 'b@x.io'] }],
      channels: [email],
      outbox,
      clock: createVirtualClock(),
    });
    expect(result.deliveries[0]).toMatchObject({
      state: 'unknown',
      reason: expect.stringMatching(/interrupted/),
    });
    expect(email.sent.map((s) => s.recipient)).toEqual(['b@x.io']);
  });

  it('stops on its signal leaving deliveries pending; the next publish resumes exactly the rest', async () => {
    const outbox = createMemoryOutbox();
    const controller = new AbortController();
    const email = scriptedChannel('email');
    const send = email.send.bind(email);
    email.send = async (payload, options) => {
      if (email.sent.length === 3) controller.abort();
      return send(payload, options);
    };
    const recipients = Array.from({ length: 10 }, (_, i) => `r${i}@x.io`);
    const input = {
      release: sampleRelease([customer]),
      routes: [{ channel: 'email', audience: 'customer' as const, recipients }],
      channels: [email],
      outbox,
      clock: createVirtualClock(),
      concurrency: 1,
    };
    const first = await publishUpdate({ ...input, signal: controller.signal });
    expect(first.interrupted).toBe(true);
    expect(first.totals).toMatchObject({ sent: 4, pending: 6 });
    const second = await publishUpdate(input);
    expect(second.totals).toMatchObject({ sent: 6, skipped: 4, pending: 0 });
    expect(email.sent.map((s) => s.recipient).sort()).toEqual([...recipients].sort());
  });

  it('replies in the thread of the first delivered message for later versions', async () => {
    const outbox = createMemoryOutbox();
    const slack = scriptedChannel('slack');
    const route = { channel: 'slack', audience: 'internal' as const, recipients: ['C1'] };
    const clock = createVirtualClock();
    await publishUpdate({
      release: sampleRelease([internal]),
      routes: [route],
      channels: [slack],
      outbox,
      clock,
    });
    await publishUpdate({
      release: sampleRelease([{ ...internal, version: 2 }]),
      routes: [route],
      channels: [slack],
      outbox,
      clock,
    });
    await publishUpdate({
      release: sampleRelease([{ ...internal, version: 3 }]),
      routes: [route],
      channels: [slack],
      outbox,
      clock,
    });
    expect(slack.sent.map((s) => s.thread)).toEqual([undefined, '1', '1']);
  });

  it('rejects inconsistent input with path-named problems before queueing anything', async () => {
    const outbox = createMemoryOutbox();
    const email = scriptedChannel('email');
    const attempt = publishUpdate({
      release: sampleRelease([customer, internal]),
      routes: [
        { channel: 'sms', audience: 'customer', recipients: ['1'] },
        { channel: 'email', audience: 'sales-renewal', recipients: ['a@x.io'] },
        { channel: 'email', audience: 'customer', recipients: ['b@x.io'] },
        { channel: 'email', audience: 'internal', recipients: ['b@x.io'] },
      ],
      channels: [email],
      outbox,
    });
    await expect(attempt).rejects.toBeInstanceOf(DeliveryInputError);
    const error = (await attempt.catch((e: unknown) => e)) as DeliveryInputError;
    expect(error.code).toBe('delivery_input_invalid');
    expect(error.problems.map((p) => p.path)).toEqual([
      'routes.0.channel',
      'routes.1.audience',
      'routes.3.recipients.0',
    ]);
    expect(await outbox.list('inc-7')).toEqual([]);
    expect(email.sent).toEqual([]);
  });

  it('refuses a release edited after approval, unapproved or holding a placeholder, before queueing anything', async () => {
    const approved = sampleRelease([customer, internal]);
    const cases = [
      {
        release: {
          ...approved,
          messages: approved.messages.map((m) => ({ ...m, text: `${m.text} Edited.` })),
        },
        path: 'release.messages',
      },
      { release: { ...approved, approvals: [] }, path: 'release.approvals' },
      {
        release: {
          ...approved,
          approvals: approved.approvals.map((a) => ({ ...a, releaseHash: `sha256:${'0'.repeat(64)}` })),
        },
        path: 'release.approvals.0.releaseHash',
      },
      {
        release: sampleRelease([{ ...customer, text: 'Next update by {{nextUpdateTime}}.' }]),
        path: 'release.messages.0.text',
      },
      { release: { ...approved, messages: [] }, path: 'release.messages' },
    ];
    for (const { release, path } of cases) {
      const outbox = createMemoryOutbox();
      const email = scriptedChannel('email');
      const attempt = publishUpdate({
        release,
        routes: [{ channel: 'email', audience: 'customer', recipients: ['a@x.io'] }],
        channels: [email],
        outbox,
      });
      const error = (await attempt.catch((e: unknown) => e)) as DeliveryInputError;
      expect(error).toBeInstanceOf(DeliveryInputError);
      expect(error.problems.map((p) => p.path)).toContain(path);
      expect(await outbox.list('inc-7')).toEqual([]);
      expect(email.sent).toEqual([]);
    }
  });

  it('property: whatever the outcomes, each recipient gets at most one delivered send and every delivery ends reported', async () => {
    const outcome = fc.constantFrom<DeliveryOutcome['type']>('delivered', 'retryable', 'rejected', 'unknown');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(outcome, { maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        async (scripts) => {
          const recipients = scripts.map((_, i) => `r${i}`);
          const email = scriptedChannel(
            'email',
            Object.fromEntries(scripts.map((s, i) => [`r${i}`, [...s]])),
          );
          const outbox = createMemoryOutbox();
          const input = {
            release: sampleRelease([customer]),
            routes: [{ channel: 'email', audience: 'customer' as const, recipients }],
            channels: [email],
            outbox,
            clock: createVirtualClock(),
            retry: { maxAttempts: 4 },
          };
          const first = await publishUpdate(input);
          await publishUpdate(input); // a retry of the whole publish must not resend anything final
          for (const [i, script] of scripts.entries()) {
            const sends = email.sent.filter((s) => s.recipient === `r${i}`);
            // the channel delivers once its script runs out; retries stop at maxAttempts (4)
            const firstFinal = [...script, 'delivered'].findIndex((t) => t !== 'retryable');
            const expectedSends = Math.min(firstFinal + 1, 4);
            expect(sends.length).toBe(expectedSends);
            expect(first.deliveries[i]?.state).not.toBe('pending');
          }
          expect(first.totals.sent + first.totals.failed + first.totals.unknown).toBe(recipients.length);
        },
      ),
      { numRuns: 60 },
    );
  });
});
