/**
 * Shared test support: the delivery-order property over random publish timings, Retry-Afters
 * and failures, run on any outbox (the in-memory one here, SQLite in its package).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Channel, DeliveryOutcome, SendOptions } from './channel';
import { createVirtualClock, sampleMessage, sampleRelease } from './conformance';
import type { DeliveryReport, PublishResult } from './publish';
import { publishUpdate } from './publish';
import type { Outbox } from './store';

type Step = 'delivered' | 'retryable' | 'retry-after' | 'rejected' | 'unknown';

interface Scenario {
  /** Per version: ticks to wait before publishing it. */
  readonly starts: number[];
  /** Per version, per recipient: outcomes of successive attempts (then delivered). */
  readonly scripts: Step[][][];
  /** Ticks each send takes. */
  readonly latency: number[];
}

/** What one recipient saw, in order: sends starting (with the thread given) and deliveries. */
type Seen =
  | {
      readonly kind: 'start';
      readonly recipient: string;
      readonly version: number;
      readonly thread: string | undefined;
    }
  | { readonly kind: 'delivered'; readonly recipient: string; readonly version: number; readonly ts: string };

const tick = () => new Promise<void>((r) => setImmediate(r));
const ticks = async (n: number) => {
  for (let i = 0; i < n; i++) await tick();
};

const scenario = (recipients: number): fc.Arbitrary<Scenario> =>
  fc.integer({ min: 2, max: 5 }).chain((versions) =>
    fc.record({
      starts: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: versions, maxLength: versions }),
      scripts: fc.array(
        fc.array(
          fc.array(fc.constantFrom<Step>('delivered', 'retryable', 'retry-after', 'rejected', 'unknown'), {
            maxLength: 3,
          }),
          { minLength: recipients, maxLength: recipients },
        ),
        { minLength: versions, maxLength: versions },
      ),
      latency: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 }),
    }),
  );

/** A threading channel that plays the scenario and records what each recipient saw, in order. */
function playingChannel(s: Scenario) {
  const seen: Seen[] = [];
  const inFlight = new Set<string>();
  const attempts = new Map<string, number>();
  let sends = 0;
  const channel: Channel<{ recipient: string; version: number }> = {
    name: 'chat',
    capabilities: { threads: true, edits: false },
    render: (m, recipient) => ({ recipient, version: m.version }),
    async send(p, options: SendOptions): Promise<DeliveryOutcome> {
      // One send per recipient at a time: a later version never overlaps an earlier one.
      expect(inFlight.has(p.recipient)).toBe(false);
      inFlight.add(p.recipient);
      seen.push({ kind: 'start', recipient: p.recipient, version: p.version, thread: options.thread?.ts });
      const k = `${p.version}/${p.recipient}`;
      const n = attempts.get(k) ?? 0;
      attempts.set(k, n + 1);
      await ticks(s.latency[sends++ % s.latency.length]!);
      inFlight.delete(p.recipient);
      const step = s.scripts[p.version - 1]![Number(p.recipient.slice(1))]![n] ?? 'delivered';
      if (step === 'delivered') {
        const ts = `${p.version}.${p.recipient}`;
        seen.push({ kind: 'delivered', recipient: p.recipient, version: p.version, ts });
        return { type: 'delivered', ref: { ts } };
      }
      if (step === 'retry-after') return { type: 'retryable', reason: '429', retryAfterMs: 30_000 };
      return { type: step, reason: `scripted ${step}` };
    },
  };
  return { channel, seen };
}

/** Runs one scenario against a fresh outbox and checks the ordering rules for each recipient. */
async function checkScenario(s: Scenario, recipients: string[], outbox: Outbox): Promise<void> {
  const { channel, seen } = playingChannel(s);
  const clock = createVirtualClock();
  const publishes = s.starts.map(async (wait, i): Promise<PublishResult> => {
    await ticks(wait);
    return publishUpdate({
      release: sampleRelease([
        sampleMessage({ incidentId: 'inc-order', version: i + 1, audience: 'internal' }),
      ]),
      routes: [{ channel: 'chat', audience: 'internal', recipients }],
      channels: [channel],
      outbox,
      clock,
      retry: { maxAttempts: 3, random: () => 0.5 },
      flood: { maxAgeMs: false, rateCap: false },
    });
  });
  const results = await Promise.all(publishes);
  for (const recipient of recipients) {
    const mine = seen.filter((x) => x.recipient === recipient);
    const starts = mine.filter((x) => x.kind === 'start');
    const got = mine.filter((x) => x.kind === 'delivered');
    // Once a version started, no older one starts again.
    for (let i = 1; i < starts.length; i++)
      expect(starts[i]!.version).toBeGreaterThanOrEqual(starts[i - 1]!.version);
    // Delivered versions strictly increase: no duplicate, none out of order.
    for (let i = 1; i < got.length; i++) expect(got[i]!.version).toBeGreaterThan(got[i - 1]!.version);
    // Every send after the first delivery replies in its thread; none before it has one.
    let thread: string | undefined;
    for (const x of mine) {
      if (x.kind === 'start') expect(x.thread).toBe(thread);
      else thread ??= x.ts;
    }
    // Every version is reported final; sent exactly when the channel delivered it.
    const reports = results.map((r) => r.deliveries.find((d) => d.recipient === recipient)!);
    for (const [i, report] of reports.entries()) checkReport(report, i + 1, got);
    // The newest version is never superseded.
    expect(reports.at(-1)!.state).not.toBe('superseded');
  }
}

function checkReport(report: DeliveryReport, version: number, got: ReadonlyArray<{ version: number }>) {
  expect(['sent', 'failed', 'unknown', 'superseded']).toContain(report.state);
  expect(report.state === 'sent').toBe(got.some((x) => x.version === version));
  if (report.state !== 'sent') expect(report.reason).toEqual(expect.any(String));
}

/**
 * The ordering property: for random publish timings, Retry-Afters and failures, per recipient
 * the delivered versions strictly increase, every later send replies under the first delivered
 * message, nothing is delivered twice, and every version is reported.
 */
export async function checkDeliveryOrder(makeOutbox: () => Outbox, runs = 60): Promise<void> {
  const recipients = ['r0', 'r1'];
  await fc.assert(
    fc.asyncProperty(scenario(recipients.length), (s) => checkScenario(s, recipients, makeOutbox())),
    { numRuns: runs, seed: 1616 },
  );
}
