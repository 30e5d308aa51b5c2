/**
 * @module delivery/store-conformance
 * Contract cases for `Outbox` and `EventStore` implementations (in-memory, SQLite, a host's
 * queue-backed one). Framework-agnostic: each case throws on failure.
 */
import type { ConformanceCase } from './conformance';
import type { EventStore, NewDelivery, Outbox } from './store';
import { AppendConflictError } from './store-errors';

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`store conformance: ${message}`);
}

const delivery = (recipient: string, version = 1): NewDelivery => ({
  key: `inc-1/v${version}/email/${encodeURIComponent(recipient)}`,
  incidentId: 'inc-1',
  version,
  channel: 'email',
  recipient,
  audience: 'customer',
});
const T0 = '2026-03-03T14:00:00.000Z';
const T1 = '2026-03-03T14:00:01.000Z';

/**
 * The {@link Outbox} contract: idempotent enqueue, compare-and-set transitions (write before
 * send), terminal states sticking, per-incident listing, first-wins threads. `makeOutbox` is
 * called per case and must return an empty outbox.
 *
 * @example
 * for (const c of outboxConformanceCases(() => createMemoryOutbox())) await c.run();
 */
export function outboxConformanceCases(makeOutbox: () => Promise<Outbox> | Outbox): ConformanceCase[] {
  const cases: Array<[string, (o: Outbox) => Promise<void>]> = [
    [
      'enqueue inserts pending records once and returns them in input order',
      async (o) => {
        const [a, b] = await o.enqueue([delivery('a@x.io'), delivery('b@x.io')], T0);
        check(a?.state === 'pending' && a.attempts === 0 && a.recipient === 'a@x.io', 'first record pending');
        check(b?.recipient === 'b@x.io', 'records in input order');
        await o.begin(a!.key, ['pending'], T1);
        const [again] = await o.enqueue([delivery('a@x.io')], T1);
        check(
          again?.state === 'sending' && again.attempts === 1,
          're-enqueue must not reset an existing record',
        );
      },
    ],
    [
      'begin is a compare-and-set that counts attempts',
      async (o) => {
        const [a] = await o.enqueue([delivery('a@x.io')], T0);
        const first = await o.begin(a!.key, ['pending'], T1);
        check(
          first?.state === 'sending' && first.attempts === 1 && first.firstAttemptAt === T1,
          'begin moves to sending',
        );
        check(
          (await o.begin(a!.key, ['pending'], T1)) === undefined,
          'a second begin from pending must fail',
        );
        check(
          (await o.begin('missing', ['pending'], T1)) === undefined,
          'begin of a missing key returns undefined',
        );
      },
    ],
    [
      'complete records sent with its ref, and terminal states stick',
      async (o) => {
        const [a] = await o.enqueue([delivery('a@x.io')], T0);
        await o.begin(a!.key, ['pending'], T1);
        const sent = await o.complete(a!.key, { state: 'sent', ref: { messageId: '<m@x>' } }, T1);
        check(sent?.state === 'sent' && sent.ref?.messageId === '<m@x>', 'sent with ref');
        check(
          (await o.complete(a!.key, { state: 'failed', reason: 'x' }, T1)) === undefined,
          'sent is final',
        );
        check((await o.get(a!.key))?.state === 'sent', 'get returns the stored state');
      },
    ],
    [
      'a retryable completion keeps the attempt count and next attempt time',
      async (o) => {
        const [a] = await o.enqueue([delivery('a@x.io')], T0);
        await o.begin(a!.key, ['pending'], T0);
        const pending = await o.complete(a!.key, { state: 'pending', reason: '451', nextAttemptAt: T1 }, T0);
        check(
          pending?.state === 'pending' && pending.nextAttemptAt === T1 && pending.reason === '451',
          'pending',
        );
        const second = await o.begin(a!.key, ['pending'], T1);
        check(second?.attempts === 2 && second.firstAttemptAt === T0, 'second attempt keeps firstAttemptAt');
      },
    ],
    [
      'list filters by incident and version, ordered by key',
      async (o) => {
        await o.enqueue([delivery('b@x.io'), delivery('a@x.io'), delivery('a@x.io', 2)], T0);
        await o.enqueue([{ ...delivery('z@x.io'), incidentId: 'inc-2', key: 'inc-2/v1/email/z' }], T0);
        const v1 = await o.list('inc-1', 1);
        check(
          v1.map((r) => r.recipient).join() === 'a@x.io,b@x.io',
          `list v1, got ${v1.map((r) => r.recipient)}`,
        );
        check((await o.list('inc-1')).length === 3, 'list all versions');
      },
    ],
    [
      'threads: the first remembered ref wins',
      async (o) => {
        check((await o.thread('inc-1', 'slack', 'C1')) === undefined, 'no thread yet');
        await o.rememberThread('inc-1', 'slack', 'C1', { channel: 'C1', ts: '1.1' });
        await o.rememberThread('inc-1', 'slack', 'C1', { channel: 'C1', ts: '2.2' });
        check((await o.thread('inc-1', 'slack', 'C1'))?.ts === '1.1', 'first ref wins');
        check((await o.thread('inc-1', 'slack', 'C2')) === undefined, 'threads are per recipient');
      },
    ],
    [
      "threads lists one channel's threads of an incident by recipient",
      async (o) => {
        check((await o.threads('inc-1', 'slack')).size === 0, 'no threads yet');
        await o.rememberThread('inc-1', 'slack', 'C1', { channel: 'C1', ts: '1.1' });
        await o.rememberThread('inc-1', 'slack', 'C2', { channel: 'C2', ts: '2.2' });
        await o.rememberThread('inc-1', 'email', 'a@x.io', { messageId: '<m@x>' });
        await o.rememberThread('inc-2', 'slack', 'C3', { channel: 'C3', ts: '3.3' });
        const slack = await o.threads('inc-1', 'slack');
        check(
          JSON.stringify([...slack].sort()) ===
            JSON.stringify([
              ['C1', { channel: 'C1', ts: '1.1' }],
              ['C2', { channel: 'C2', ts: '2.2' }],
            ]),
          `threads of inc-1 on slack, got ${JSON.stringify([...slack])}`,
        );
      },
    ],
    [
      'a sent completion with thread: true remembers its ref as the thread (first wins)',
      async (o) => {
        const [a, b, c] = await o.enqueue(
          [delivery('a@x.io'), delivery('a@x.io', 2), delivery('c@x.io')],
          T0,
        );
        await o.begin(a!.key, ['pending'], T1);
        await o.complete(a!.key, { state: 'sent', ref: { messageId: '<1@x>' }, thread: true }, T1);
        check((await o.thread('inc-1', 'email', 'a@x.io'))?.messageId === '<1@x>', 'thread remembered');
        const listed = (await o.list('inc-1')).map((r) => r.ref?.messageId ?? null);
        check(JSON.stringify(listed) === JSON.stringify(['<1@x>', null, null]), 'list returns each sent ref');
        const later = await o.begin(b!.key, ['pending'], T1);
        check(later?.thread?.messageId === '<1@x>', 'begin reads the thread the recipient already has');
        await o.complete(b!.key, { state: 'sent', ref: { messageId: '<2@x>' }, thread: true }, T1);
        check((await o.thread('inc-1', 'email', 'a@x.io'))?.messageId === '<1@x>', 'first thread wins');
        const other = await o.begin(c!.key, ['pending'], T1);
        check(other !== undefined && other.thread === undefined, "begin reads no other recipient's thread");
        await o.complete(c!.key, { state: 'sent', ref: { messageId: '<3@x>' } }, T1);
        check((await o.thread('inc-1', 'email', 'c@x.io')) === undefined, 'no thread without thread: true');
        check(
          (await o.complete(c!.key, { state: 'sent', ref: { messageId: '<4@x>' }, thread: true }, T1)) ===
            undefined && (await o.thread('inc-1', 'email', 'c@x.io')) === undefined,
          'a refused completion remembers nothing',
        );
      },
    ],
  ];
  return cases.map(([name, body]) => ({
    name: `outbox: ${name}`,
    run: async () => body(await makeOutbox()),
  }));
}

/**
 * The {@link EventStore} contract: ordered appends with 1-based positions, JSON round trip,
 * per-incident logs, incidents in first-append order.
 *
 * @example
 * for (const c of eventStoreConformanceCases(() => createMemoryEventStore())) await c.run();
 */
export function eventStoreConformanceCases(
  makeStore: () => Promise<EventStore> | EventStore,
): ConformanceCase[] {
  const cases: Array<[string, (s: EventStore) => Promise<void>]> = [
    [
      'append returns positions and load returns events in order as JSON copies',
      async (s) => {
        const event = { type: 'declared', at: T0, nested: { list: [1, 2] } };
        check((await s.append('inc-1', event)) === 1, 'first position is 1');
        check((await s.append('inc-1', { type: 'resolved', at: T1 })) === 2, 'second position is 2');
        const loaded = await s.load('inc-1');
        check(JSON.stringify(loaded) === JSON.stringify([event, { type: 'resolved', at: T1 }]), 'round trip');
        check(loaded[0] !== event, 'load returns copies');
      },
    ],
    [
      'logs are per incident and incidents() lists them in first-append order',
      async (s) => {
        check((await s.load('nope')).length === 0, 'unknown incident loads []');
        await s.append('inc-b', { type: 'declared' });
        await s.append('inc-a', { type: 'declared' });
        await s.append('inc-b', { type: 'closed' });
        check((await s.load('inc-a')).length === 1, 'inc-a has one event');
        check((await s.incidents()).join() === 'inc-b,inc-a', 'first-append order');
      },
    ],
    [
      'an append at a stale expectedPosition is refused with AppendConflictError and appends nothing',
      async (s) => {
        check(
          (await s.append('inc-1', { type: 'declared' }, { expectedPosition: 0 })) === 1,
          'fresh position 0 appends',
        );
        check(
          (await s.append('inc-1', { type: 'a' }, { expectedPosition: 1 })) === 2,
          'current position appends',
        );
        for (const stale of [0, 1, 3]) {
          const refused = await s.append('inc-1', { type: 'stale' }, { expectedPosition: stale }).then(
            () => undefined,
            (error: unknown) => error,
          );
          check(refused instanceof AppendConflictError, `expectedPosition ${stale} of 2 is refused`);
        }
        check((await s.load('inc-1')).length === 2, 'nothing appended by a refused append');
      },
    ],
    [
      'fired reminders are kept per incident, once per kind and key, in record order',
      async (s) => {
        check((await s.firedReminders('inc-1')).length === 0, 'none before any is recorded');
        await s.recordReminder('inc-1', { kind: 'update.overdue', key: 'k#1', at: T0 });
        await s.recordReminder('inc-1', { kind: 'update.due', key: 'k', at: T0 });
        await s.recordReminder('inc-1', { kind: 'update.overdue', key: 'k#1', at: T1 });
        await s.recordReminder('inc-2', { kind: 'update.due', key: 'k', at: T1 });
        const fired = await s.firedReminders('inc-1');
        check(
          JSON.stringify(fired) ===
            JSON.stringify([
              { kind: 'update.overdue', key: 'k#1', at: T0 },
              { kind: 'update.due', key: 'k', at: T0 },
            ]),
          `inc-1 keeps its first record of each reminder, got ${JSON.stringify(fired)}`,
        );
        check((await s.firedReminders('inc-2')).length === 1, 'inc-2 has its own');
      },
    ],
  ];
  return cases.map(([name, body]) => ({
    name: `event store: ${name}`,
    run: async () => body(await makeStore()),
  }));
}
