/**
 * @module delivery/conformance
 * The shared channel contract suite (style.md rule 3): every channel, ours and a host's, runs
 * the same cases. Framework-agnostic: each case is an async function that throws on failure.
 */
import type { ApprovedMessage } from '../message';
import { type Channel, type DeliveryOutcome, deliveryKey, deliveryOutcomeSchema } from './channel';
import { createMemoryOutbox } from './memory-store';
import { concurrencyProblem } from './plan';
import { publishUpdate } from './publish';
import { hostileMessage, sampleMessage, sampleRelease } from './samples';

export { hostileMessage, sampleMessage, sampleRelease } from './samples';

/** What a host's factory hands the suite for one case: a channel wired to a real (loopback) peer. */
export interface ChannelHarness<P = unknown> {
  readonly channel: Channel<P>;
  /** A recipient the peer accepts. */
  readonly recipient: string;
  /** How many messages `recipient` has received at the peer so far (enables exactly-once checks). */
  received?(recipient: string): Promise<number> | number;
  /**
   * Makes the peer fail the next send to `recipient` permanently (`rejected`) or transiently
   * (`retryable`). Enables the outcome-mapping cases.
   */
  failNext?(recipient: string, kind: 'rejected' | 'retryable'): Promise<void> | void;
  /**
   * The thread reference the peer recorded on the last message to `recipient` (Slack
   * `thread_ts`, email `In-Reply-To`), `undefined` when it was not a reply. Required for a
   * channel that declares `threads`: the suite checks replies land in the thread they are given.
   */
  lastThread?(recipient: string): Promise<string | undefined> | string | undefined;
  /** Releases what the harness opened (servers, pools). */
  close?(): Promise<void> | void;
}

/** Options of {@link channelConformanceCases}. */
export interface ConformanceOptions<P = unknown> {
  /** Extra escaping assertions for a payload rendered from {@link hostileMessage}; throw on failure. */
  checkEscaping?(payload: P, message: ApprovedMessage): void;
  /**
   * Harness hooks this peer cannot offer, skipped on purpose: without `received` the
   * exactly-once case, without `failNext` the outcome-mapping case is named "skipped" and
   * checks nothing. A hook that is missing and not listed here fails its case, so a suite
   * never passes a check it did not run.
   */
  without?: readonly HarnessHook[];
}

/** A harness hook a case may need, which `ConformanceOptions.without` may skip. */
export type HarnessHook = 'received' | 'failNext';

/** One named contract case; resolves on pass, throws an `Error` on failure. */
export interface ConformanceCase {
  readonly name: string;
  run(): Promise<void>;
}

function fail(message: string): never {
  throw new Error(`conformance: ${message}`);
}
function expectOutcome(
  outcome: unknown,
  types: readonly DeliveryOutcome['type'][],
  what: string,
): DeliveryOutcome {
  const parsed = deliveryOutcomeSchema.safeParse(outcome);
  if (!parsed.success) fail(`${what}: not a valid DeliveryOutcome: ${JSON.stringify(outcome)}`);
  if (!types.includes(parsed.data.type))
    fail(`${what}: expected ${types.join(' or ')}, got ${JSON.stringify(outcome)}`);
  return parsed.data;
}
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * The channel contract as named async cases. `makeHarness` is called once per case and the
 * harness closed after it, so cases are independent.
 *
 * Cases: declared name and capabilities; pure, deterministic, JSON-data `render` that does not
 * mutate its input; CR/LF in the subject is rejected with a typed error or cannot reach a
 * header line; escaping (host-supplied check); `send` delivers with a JSON ref; an
 * already-aborted signal sends nothing and resolves `retryable`; `send` never rejects; a
 * channel declaring threads replies under the thread it is given (seen at the peer);
 * rejected/retryable mapping (the harness's `failNext`); and exactly one copy per recipient
 * across two publishes of the same version (the harness's `received`). A harness without one
 * of those hooks fails its case unless `options.without` lists the hook (the case is then
 * named "skipped").
 *
 * @example
 * for (const c of channelConformanceCases(makeHarness)) await c.run();
 */
export function channelConformanceCases<P>(
  makeHarness: () => Promise<ChannelHarness<P>> | ChannelHarness<P>,
  options: ConformanceOptions<P> = {},
): ConformanceCase[] {
  const withHarness = (body: (h: ChannelHarness<P>) => Promise<void>) => async (): Promise<void> => {
    const h = await makeHarness();
    try {
      await body(h);
    } finally {
      await h.close?.();
    }
  };
  const ctx = (m: ApprovedMessage, recipient: string) => ({
    idempotencyKey: deliveryKey(m.incidentId, m.version, 'conformance', recipient),
  });
  const sendOptions = (key: string, signal = new AbortController().signal) => ({
    idempotencyKey: key,
    attempt: 1,
    signal,
  });
  const without = new Set(options.without ?? []);
  const missingHook = (hook: HarnessHook, what: string): void => {
    if (!without.has(hook))
      fail(
        `the harness has no ${hook}(recipient…), so this case cannot ${what}: implement it, or pass { without: ['${hook}'] } to skip the case on purpose`,
      );
  };
  let counter = 0;
  const uniqueMessage = (overrides: Partial<ApprovedMessage> = {}) =>
    sampleMessage({ incidentId: `inc-conformance-${Date.now().toString(36)}-${++counter}`, ...overrides });

  // [name, body, the optional harness hook the case needs]
  const cases: Array<[string, (h: ChannelHarness<P>) => Promise<void>, HarnessHook?]> = [
    [
      'declares a name and boolean capabilities (and a positive concurrency, if any)',
      async ({ channel }) => {
        if (typeof channel.name !== 'string' || channel.name === '') fail('name must be a non-empty string');
        const caps = channel.capabilities;
        if (typeof caps?.threads !== 'boolean' || typeof caps?.edits !== 'boolean') {
          fail('capabilities must declare threads and edits as booleans');
        }
        const { concurrency } = caps;
        if (concurrencyProblem('capabilities.concurrency', concurrency)) {
          fail(
            `capabilities.concurrency must be a positive integer when declared, got ${String(concurrency)}`,
          );
        }
      },
    ],
    [
      'render is pure: deterministic, JSON data, input not mutated',
      async ({ channel, recipient }) => {
        const m = deepFreeze(sampleMessage());
        const a = channel.render(m, recipient, ctx(m, recipient));
        const b = channel.render(m, recipient, ctx(m, recipient));
        const ja = JSON.stringify(a);
        if (ja !== JSON.stringify(b)) fail('render returned different payloads for the same input');
        if (JSON.stringify(JSON.parse(ja)) !== ja) fail('render must return plain JSON data');
      },
    ],
    [
      'a subject with CR/LF is refused with a typed error or cannot start a header line',
      async ({ channel, recipient }) => {
        const m = sampleMessage({
          subject: 'Update\r\nBcc: victim@example.com',
          incidentTitle: 'T\nX-Injected: 1',
        });
        let payload: P;
        try {
          payload = channel.render(m, recipient, ctx(m, recipient));
        } catch (error) {
          if (typeof (error as { code?: unknown }).code !== 'string')
            fail('render threw an error without a string `code`');
          return;
        }
        const json = JSON.stringify(payload);
        if (json.includes('\\r\\nBcc:') || json.includes('\\nX-Injected:')) {
          fail('CR/LF from the subject or title reached the payload verbatim');
        }
      },
    ],
    [
      'escapes user-supplied text (host check)',
      async ({ channel, recipient }) => {
        const m = hostileMessage();
        const payload = channel.render(m, recipient, ctx(m, recipient));
        options.checkEscaping?.(payload, m);
      },
    ],
    [
      'send delivers and returns a JSON ref',
      async (h) => {
        const m = uniqueMessage();
        const before = (await h.received?.(h.recipient)) ?? 0;
        const key = ctx(m, h.recipient).idempotencyKey;
        const outcome = expectOutcome(
          await h.channel.send(h.channel.render(m, h.recipient, ctx(m, h.recipient)), sendOptions(key)),
          ['delivered'],
          'send',
        );
        if (
          outcome.type === 'delivered' &&
          Object.keys(outcome.ref).length === 0 &&
          h.channel.capabilities.threads
        ) {
          fail('a threading channel must return a non-empty ref');
        }
        if (h.received && (await h.received(h.recipient)) !== before + 1)
          fail('peer did not receive exactly one message');
      },
    ],
    [
      'an already-aborted signal sends nothing and resolves retryable',
      async (h) => {
        const m = uniqueMessage();
        const before = (await h.received?.(h.recipient)) ?? 0;
        const controller = new AbortController();
        controller.abort();
        const payload = h.channel.render(m, h.recipient, ctx(m, h.recipient));
        let outcome: unknown;
        try {
          outcome = await h.channel.send(
            payload,
            sendOptions(ctx(m, h.recipient).idempotencyKey, controller.signal),
          );
        } catch (error) {
          fail(`send rejected instead of resolving an outcome: ${String(error)}`);
        }
        expectOutcome(outcome, ['retryable'], 'send with an aborted signal');
        if (h.received && (await h.received(h.recipient)) !== before)
          fail('an aborted send reached the peer');
      },
    ],
    [
      'threaded channels reply under the thread they are given (checked at the peer)',
      async (h) => {
        if (!h.channel.capabilities.threads) return;
        if (!h.lastThread) fail('a channel that declares threads needs a harness with lastThread(recipient)');
        const m1 = uniqueMessage();
        const first = expectOutcome(
          await h.channel.send(h.channel.render(m1, h.recipient, ctx(m1, h.recipient)), sendOptions('t1')),
          ['delivered'],
          'first send',
        );
        if (first.type !== 'delivered') return;
        if ((await h.lastThread(h.recipient)) !== undefined) fail('the first message must not be a reply');
        const m2 = { ...m1, version: 2, kind: 'update' as const };
        const c2 = { ...ctx(m2, h.recipient), thread: first.ref };
        expectOutcome(
          await h.channel.send(h.channel.render(m2, h.recipient, c2), {
            ...sendOptions(c2.idempotencyKey),
            thread: first.ref,
          }),
          ['delivered'],
          'threaded reply',
        );
        const seen = await h.lastThread(h.recipient);
        if (seen === undefined || !Object.values(first.ref).includes(seen)) {
          fail(
            `declares threads but ignored the thread it was given: the peer saw ${JSON.stringify(seen)}, expected one of ${JSON.stringify(first.ref)}`,
          );
        }
      },
    ],
    [
      'maps a permanent refusal to rejected and a transient one to retryable',
      async (h) => {
        if (!h.failNext) return missingHook('failNext', 'inject a permanent and a transient failure');
        for (const kind of ['rejected', 'retryable'] as const) {
          const m = uniqueMessage();
          await h.failNext(h.recipient, kind);
          const outcome = await h.channel.send(
            h.channel.render(m, h.recipient, ctx(m, h.recipient)),
            sendOptions(ctx(m, h.recipient).idempotencyKey),
          );
          expectOutcome(outcome, [kind], `send after failNext(${kind})`);
        }
      },
      'failNext',
    ],
    [
      'publishing the same version twice delivers exactly one copy',
      async (h) => {
        if (!h.received) return missingHook('received', 'count what the peer received');
        // Published now: this case runs on the real clock, whose maximum age would expire an old one.
        const m = uniqueMessage({ publishedAt: new Date().toISOString() });
        const outbox = createMemoryOutbox();
        const before = await h.received(h.recipient);
        const input = {
          release: sampleRelease([m]),
          routes: [{ channel: h.channel.name, audience: m.audience, recipients: [h.recipient, h.recipient] }],
          channels: [h.channel],
          outbox,
        };
        const first = await publishUpdate(input);
        const second = await publishUpdate(input);
        if (first.totals.sent !== 1)
          fail(`first publish: expected 1 sent, got ${JSON.stringify(first.totals)}`);
        if (second.totals.skipped !== 1 || second.totals.sent !== 0) {
          fail(`second publish: expected 1 skipped, got ${JSON.stringify(second.totals)}`);
        }
        if ((await h.received(h.recipient)) !== before + 1)
          fail('the recipient did not get exactly one copy');
      },
      'received',
    ],
  ];
  // A case skipped on purpose says so in its name, so a test report never shows it as checked.
  return cases.map(([name, body, hook]) => ({
    name: hook && without.has(hook) ? `${name} (skipped: harness without ${hook})` : name,
    run: withHarness(body),
  }));
}

/** The subset of a vitest/jest/mocha-like API that {@link registerChannelConformance} needs. */
export interface TestApi {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void>): void;
}

/**
 * Registers the conformance cases with a test framework, one test per case.
 *
 * @example
 * import { describe, it } from 'vitest';
 * registerChannelConformance('webhook', makeHarness, { describe, it });
 */
export function registerChannelConformance<P>(
  name: string,
  makeHarness: () => Promise<ChannelHarness<P>> | ChannelHarness<P>,
  test: TestApi,
  options: ConformanceOptions<P> = {},
): void {
  test.describe(`channel conformance: ${name}`, () => {
    for (const c of channelConformanceCases(makeHarness, options)) test.it(c.name, () => c.run());
  });
}

export { eventStoreConformanceCases, outboxConformanceCases } from './store-conformance';

export { createVirtualClock, type VirtualClock } from './virtual-clock';
