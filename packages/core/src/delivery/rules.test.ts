/**
 * One test per delivery rule written on `publishUpdate` (issue 16): order, supersede, threads at
 * send time, first contact, maximum age, rate cap and coalescing, bounded attempts, and each
 * across a restart (a new process = a fresh view of the same stored outbox).
 */
import { describe, expect, it } from 'vitest';
import type { ApprovedMessage } from '../message';
import type { AnyChannel, Channel, DeliveryOutcome, SendOptions } from './channel';
import { createVirtualClock, sampleMessage, sampleRelease } from './conformance';
import { createDeliveryEvents } from './events';
import { createMemoryOutbox } from './memory-store';
import { type PublishOptions, publishUpdate } from './publish';
import type { DeliveryClock } from './retry';
import type { Outbox } from './store';

interface Send {
  recipient: string;
  version: number;
  text: string;
  thread: string | undefined;
}

/** A threading channel; `next(recipient)` may script the outcome of each send. */
function chat(
  next: (p: {
    recipient: string;
    version: number;
  }) => DeliveryOutcome | Promise<DeliveryOutcome | undefined> | undefined = () => undefined,
) {
  const sends: Send[] = [];
  let ts = 0;
  const channel: Channel<{ recipient: string; version: number; text: string }> = {
    name: 'chat',
    capabilities: { threads: true, edits: false },
    render: (m, recipient) => ({ recipient, version: m.version, text: m.text }),
    async send(p, options: SendOptions) {
      sends.push({ recipient: p.recipient, version: p.version, text: p.text, thread: options.thread?.ts });
      return (await next(p)) ?? { type: 'delivered', ref: { ts: `${++ts}` } };
    },
  };
  return { channel, sends };
}

/** A clock whose sleeps wait until `wake()` (or their abort signal): time passes only when told. */
function manualClock(startMs = Date.parse('2026-03-03T14:10:00Z')) {
  let now = startMs;
  const sleepers = new Set<() => void>();
  const clock: DeliveryClock & { wake(advanceMs?: number): void; sleeping(): number } = {
    now: () => now,
    sleep: (_ms, signal) =>
      new Promise<void>((resolve) => {
        const done = () => {
          sleepers.delete(done);
          resolve();
        };
        sleepers.add(done);
        signal?.addEventListener('abort', done, { once: true });
      }),
    wake(advanceMs = 0) {
      now += advanceMs;
      for (const s of [...sleepers]) s();
    },
    sleeping: () => sleepers.size,
  };
  return clock;
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 1_000 && !condition(); i++) await new Promise((r) => setImmediate(r));
  expect(condition()).toBe(true);
};

const version = (v: number, overrides: Partial<ApprovedMessage> = {}) =>
  sampleMessage({
    incidentId: 'inc-rules',
    version: v,
    audience: 'customer',
    text: `version ${v}`,
    ...overrides,
  });

function publisher(
  outbox: Outbox,
  channel: AnyChannel,
  clock: DeliveryClock,
  extra: Partial<PublishOptions> = {},
) {
  return (v: number | ApprovedMessage, recipients = ['r1'], more: Partial<PublishOptions> = {}) =>
    publishUpdate({
      release: sampleRelease([typeof v === 'number' ? version(v) : v]),
      routes: [{ channel: 'chat', audience: 'customer', recipients }],
      channels: [channel],
      outbox,
      clock,
      ...extra,
      ...more,
    });
}

/** The same stored outbox seen by a new process (no in-process lanes, claims or rate history). */
const restarted = (outbox: Outbox): Outbox => ({ ...outbox });

describe('rule: versions to one recipient go in order; a waiting older one is superseded', () => {
  it('supersedes a version waiting out a Retry-After when a newer one is ready, and reports it', async () => {
    const clock = manualClock();
    const { channel, sends } = chat((p) =>
      p.version === 1 ? { type: 'retryable', reason: '429', retryAfterMs: 30_000 } : undefined,
    );
    const events = createDeliveryEvents();
    const superseded: string[] = [];
    events.on('superseded', (e) => superseded.push(`v${e.version} by v${e.supersededBy}`));
    const publish = publisher(createMemoryOutbox(), channel, clock, { events });
    const first = publish(1);
    await until(() => clock.sleeping() === 1); // v1 waits out its Retry-After
    const second = await publish(2);
    const older = await first;
    expect(sends.map((s) => s.version)).toEqual([1, 2]);
    expect(older.deliveries[0]).toMatchObject({
      state: 'superseded',
      reason: expect.stringMatching(/version 2/),
    });
    expect(older.totals.superseded).toBe(1);
    expect(second.deliveries[0]?.state).toBe('sent');
    expect(superseded).toEqual(['v1 by v2']);
  });

  it('never starts a later version while an earlier one is in flight; it waits, then threads under it', async () => {
    const clock = createVirtualClock();
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const { channel, sends } = chat(async (p) => {
      if (p.version === 1) await gate;
      return undefined;
    });
    const publish = publisher(createMemoryOutbox(), channel, clock);
    const first = publish(1);
    await until(() => sends.length === 1);
    const second = publish(2);
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    expect(sends).toHaveLength(1); // v2 waits for v1 to be final
    release();
    await Promise.all([first, second]);
    expect(sends.map((s) => `${s.version} ${s.thread}`)).toEqual(['1 undefined', '2 1']);
  });

  it('supersedes at once an older version published after a newer one, even after it finished', async () => {
    const clock = createVirtualClock();
    const { channel, sends } = chat();
    const publish = publisher(createMemoryOutbox(), channel, clock);
    await publish(3);
    const late = await publish(2);
    expect(late.deliveries[0]).toMatchObject({ state: 'superseded' });
    expect(sends.map((s) => s.version)).toEqual([3]);
  });

  it('across a restart: a version left pending by a dead process is superseded by the next one', async () => {
    const outbox = createMemoryOutbox();
    const clock = manualClock();
    const { channel, sends } = chat((p) =>
      p.version === 1 ? { type: 'retryable', reason: '503', retryAfterMs: 60_000 } : undefined,
    );
    const controller = new AbortController();
    const first = publisher(outbox, channel, clock, { signal: controller.signal })(1);
    await until(() => clock.sleeping() === 1);
    controller.abort(); // the process stops while v1 waits: v1 stays pending in the outbox
    expect((await first).deliveries[0]?.state).toBe('pending');

    const events = createDeliveryEvents();
    const superseded: number[] = [];
    events.on('superseded', (e) => superseded.push(e.version));
    const after = publisher(restarted(outbox), channel, clock, { events });
    expect((await after(2)).deliveries[0]?.state).toBe('sent');
    expect(superseded).toEqual([1]);
    expect((await outbox.list('inc-rules', 1))[0]?.state).toBe('superseded');
    // Re-publishing v1 in the new process sends nothing.
    expect((await after(1)).deliveries[0]).toMatchObject({ state: 'superseded', duplicate: true });
    expect(sends.map((s) => s.version)).toEqual([1, 2]);
  });

  it('across a restart: a send cut off by a crash is unknown, not resent; the next version follows it', async () => {
    const outbox = createMemoryOutbox();
    const clock = createVirtualClock();
    const [record] = await outbox.enqueue(
      [
        {
          key: 'inc-rules/v1/chat/r1',
          incidentId: 'inc-rules',
          version: 1,
          channel: 'chat',
          recipient: 'r1',
          audience: 'customer',
        },
      ],
      new Date(clock.now()).toISOString(),
    );
    await outbox.begin(record!.key, ['pending'], new Date(clock.now()).toISOString()); // then the process died
    const { channel, sends } = chat();
    const firstContact = sampleRelease([version(2, { text: 'first contact v2' })]);
    const result = await publisher(restarted(outbox), channel, clock)(2, ['r1'], { firstContact });
    expect((await outbox.get(record!.key))?.state).toBe('unknown');
    expect(result.deliveries[0]).toMatchObject({ state: 'sent', firstContact: false });
    // v1 may have arrived: v2 is not treated as the recipient's first message.
    expect(sends).toEqual([{ recipient: 'r1', version: 2, text: 'version 2', thread: undefined }]);
  });
});

describe('rule: threads are read at send time', () => {
  it('two versions published together: the second replies under the first, one thread per recipient', async () => {
    const clock = createVirtualClock();
    const { channel, sends } = chat();
    const publish = publisher(createMemoryOutbox(), channel, clock);
    await Promise.all([publish(1, ['a', 'b']), publish(2, ['a', 'b']), publish(3, ['a', 'b'])]);
    for (const r of ['a', 'b']) {
      const mine = sends.filter((s) => s.recipient === r);
      expect(mine[0]?.thread).toBeUndefined();
      expect(new Set(mine.slice(1).map((s) => s.thread)).size).toBeLessThanOrEqual(1);
      expect(mine.map((s) => s.version)).toEqual([...mine.map((s) => s.version)].sort());
    }
  });
});

describe('rule: the first message a recipient gets reads on its own', () => {
  it('sends the release firstContact message to a recipient new at this version, the update to the others', async () => {
    const clock = createVirtualClock();
    const { channel, sends } = chat((p) =>
      p.recipient === 'failed-before' && p.version === 1
        ? { type: 'rejected', reason: 'bounced' }
        : undefined,
    );
    const publish = publisher(createMemoryOutbox(), channel, clock);
    await publish(1, ['old', 'failed-before']);
    const resolved = version(2, { kind: 'resolved', status: 'resolved', text: 'resolved, in reply' });
    const standalone = version(2, {
      kind: 'resolved',
      status: 'resolved',
      text: 'Card payments failed from 9:10 to 9:40 AM ET; they work normally again since 9:40 AM ET.',
    });
    const result = await publish(resolved, ['old', 'new', 'failed-before'], {
      firstContact: sampleRelease([standalone]),
    });
    const v2 = sends.filter((s) => s.version === 2);
    expect(v2.map((s) => [s.recipient, s.text])).toEqual([
      ['old', 'resolved, in reply'],
      ['new', standalone.text],
      ['failed-before', standalone.text],
    ]);
    expect(result.deliveries.map((d) => d.firstContact ?? false)).toEqual([false, true, true]);
  });
});

describe('rule: flood safety', () => {
  it('expires a version older than the maximum age: reported with the reason, never sent', async () => {
    const clock = createVirtualClock(Date.parse('2027-03-03T14:00:00Z'));
    const { channel, sends } = chat();
    const result = await publisher(createMemoryOutbox(), channel, clock)(1, ['a', 'b']);
    expect(sends).toEqual([]);
    expect(result.totals).toMatchObject({ sent: 0, expired: 2 });
    expect(result.deliveries[0]?.reason).toMatch(
      /^expired: published 8759 h ago \(2026-03-03T14:05:00.000Z\)/,
    );
  });

  it('caps messages per recipient per hour by severity (SEV1 bursts), across incidents; a later publish sends the deferred one', async () => {
    const clock = createVirtualClock();
    const { channel, sends } = chat();
    const outbox = createMemoryOutbox();
    const publish = publisher(outbox, channel, clock);
    const states: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const m = sampleMessage({ incidentId: `inc-${i}`, severity: 'SEV2', audience: 'customer' });
      states.push((await publish(m)).deliveries[0]!.state);
      clock.advance(60_000);
    }
    expect(states).toEqual(['sent', 'sent', 'sent', 'sent', 'deferred']);
    const sev1 = sampleMessage({ incidentId: 'inc-sev1', severity: 'SEV1', audience: 'customer' });
    expect((await publish(sev1)).deliveries[0]?.state).toBe('sent');
    clock.advance(60 * 60_000); // the window moves on: the deferred one goes with a re-publish
    const again = await publish(
      sampleMessage({ incidentId: 'inc-5', severity: 'SEV2', audience: 'customer' }),
    );
    expect(again.deliveries[0]).toMatchObject({ state: 'sent', duplicate: false });
    expect(sends).toHaveLength(6);
  });

  it('coalesces: a deferred version is superseded by the next one, so the recipient gets only the current status', async () => {
    const clock = createVirtualClock();
    const { channel, sends } = chat();
    const publish = publisher(createMemoryOutbox(), channel, clock, {
      flood: { rateCap: { windowMs: 3_600_000, max: { SEV1: 1, SEV2: 1, SEV3: 1 } } },
    });
    expect((await publish(1)).deliveries[0]?.state).toBe('sent');
    expect((await publish(2)).deliveries[0]?.state).toBe('deferred');
    expect((await publish(3)).deliveries[0]?.state).toBe('deferred');
    clock.advance(3_600_001);
    expect((await publish(2)).deliveries[0]?.state).toBe('superseded');
    expect((await publish(3)).deliveries[0]?.state).toBe('sent');
    expect(sends.map((s) => s.version)).toEqual([1, 3]);
  });

  it('keeps the cap across a restart (sends are counted from the outbox)', async () => {
    const clock = createVirtualClock();
    const { channel, sends } = chat();
    const outbox = createMemoryOutbox();
    const flood = { rateCap: { windowMs: 3_600_000, max: { SEV1: 2, SEV2: 2, SEV3: 2 } } };
    await publisher(outbox, channel, clock, { flood })(
      sampleMessage({ incidentId: 'x1', audience: 'customer' }),
    );
    await publisher(outbox, channel, clock, { flood })(
      sampleMessage({ incidentId: 'x2', audience: 'customer' }),
    );
    const after = publisher(restarted(outbox), channel, clock, { flood });
    expect(
      (await after(sampleMessage({ incidentId: 'x3', audience: 'customer' }))).deliveries[0]?.state,
    ).toBe('deferred');
    expect(sends).toHaveLength(2);
  });

  it('refuses settings that cannot bound anything', async () => {
    const { channel } = chat();
    const publish = publisher(createMemoryOutbox(), channel, createVirtualClock());
    for (const [more, path] of [
      [{ attemptTimeoutMs: 0 }, 'attemptTimeoutMs'],
      [{ attemptTimeoutMs: -5 }, 'attemptTimeoutMs'],
      [{ attemptTimeoutMs: Number.POSITIVE_INFINITY }, 'attemptTimeoutMs'],
      [{ flood: { maxAgeMs: 0 } }, 'flood.maxAgeMs'],
      [{ concurrency: Number.NaN }, 'concurrency'],
      [{ concurrency: 0 }, 'concurrency'],
      [{ concurrency: 2.5 }, 'concurrency'],
      [
        { flood: { rateCap: { windowMs: 1000, max: { SEV1: 0, SEV2: 1, SEV3: 1 } } } },
        'flood.rateCap.max.SEV1',
      ],
    ] as const) {
      await expect(publish(1, ['r1'], more as Partial<PublishOptions>)).rejects.toMatchObject({
        code: 'delivery_input_invalid',
        problems: [expect.objectContaining({ path })],
      });
    }
  });
});

describe('rule: every attempt is bounded', () => {
  it('refuses a channel whose declared concurrency could not start a send (nothing queued)', async () => {
    for (const concurrency of [Number.NaN, 0, -1, 1.5, Number.POSITIVE_INFINITY]) {
      const { channel, sends } = chat();
      const outbox = createMemoryOutbox();
      const odd = { ...channel, capabilities: { ...channel.capabilities, concurrency } };
      await expect(
        publishUpdate({
          release: sampleRelease([version(1)]),
          routes: [{ channel: 'chat', audience: 'customer', recipients: ['r1'] }],
          channels: [odd],
          outbox,
          clock: createVirtualClock(),
        }),
      ).rejects.toMatchObject({
        code: 'delivery_input_invalid',
        problems: [expect.objectContaining({ path: 'channels.0.capabilities.concurrency' })],
      });
      expect(sends).toHaveLength(0);
      expect(await outbox.list(version(1).incidentId)).toEqual([]);
    }
  });

  it('gives up on a channel that ignores its abort signal: unknown, and the publish finishes', async () => {
    const stuck: Channel<string> = {
      name: 'chat',
      capabilities: { threads: false, edits: false },
      render: () => 'x',
      send: () => new Promise<DeliveryOutcome>(() => {}), // never settles, ignores the signal
    };
    const result = await publishUpdate({
      release: sampleRelease([version(1)]),
      routes: [{ channel: 'chat', audience: 'customer', recipients: ['r1', 'r2'] }],
      channels: [stuck],
      outbox: createMemoryOutbox(),
      clock: createVirtualClock(),
      attemptTimeoutMs: 20,
    });
    expect(result.totals.unknown).toBe(2);
    expect(result.deliveries[0]?.reason).toMatch(/did not answer within 1020 ms \(it ignored the abort\)/);
  });
});
