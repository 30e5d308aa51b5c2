/**
 * @module bench/delivery
 * Delivery benchmark, loopback only. Run: `pnpm bench delivery` (or `npx tsx bench/delivery.ts`).
 * 1. One update to 10,000 email recipients through one local SMTP server (smtp-server on
 *    127.0.0.1, in this process, so every variant pays the same server cost): raw nodemailer vs
 *    `publishUpdate` with the in-memory and the SQLite outbox, ordering and flood safety on at
 *    their defaults. Like with like, per run:
 *    - the same pooled transport options (`createLoopbackTransport`, {@link POOL}), a fresh
 *      transport per run, the same message count, distinct recipients;
 *    - the same message work: raw builds each recipient's payload with `renderEmail` (the
 *      renderer the email channel uses) inside its timed window, and sends it with the same
 *      per-message options (`disableFileAccess`, `disableUrlAccess`);
 *    - the same sends in flight: raw keeps as many `sendMail` calls open as `publishUpdate` does
 *      (the email channel's declared `capabilities.concurrency` = maxConnections × 4), like a
 *      host that bounds its work. Two reference rows are shown, not compared: raw with all
 *      10,000 queued at once (nodemailer's pool then holds the backlog), and raw plus the SQLite
 *      record a host would otherwise keep itself for durability (a committed `sending` before
 *      each send and a committed `sent` after it, same file settings as the SQLite outbox).
 *    What only `publishUpdate` does (its overhead): the outbox write before and after every send,
 *    per-recipient lanes and threads, the maximum-age and rate-cap checks, a bounded attempt with
 *    its abort signal, the outcome check and the report.
 *    Each variant runs `BENCH_ROUNDS` times (default 7), alternating and rotating who goes
 *    first so drift on the machine hits all alike, each run starting from a collected heap (so
 *    one variant's garbage is not collected on the next one's clock) and a short untimed run of
 *    the same variant (so the heap has its pages again, as a working host's does). The table
 *    shows the median wall time, the median process CPU time per message (steadier than wall
 *    time on a busy machine), the event loop's busy time per message (what the host's own
 *    thread spends), and for wall and CPU the overhead against raw: the median over rounds of
 *    the ratio within each round.
 * 2. What our code alone costs: the same publish to a channel that answers at once (no SMTP),
 *    CPU µs per message for each outbox; the part of the overhead above that floor is our code
 *    running colder between nodemailer's work (caches, collections).
 * 3. Slack fan-out against the Web API stub enforcing a per-channel rate limit: achieved rate
 *    vs the limit, and the number of 429s (goal: zero).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createStubWebClient, startSlackApiStub } from '@incident-comms/channel-slack/testing';
import { sampleMessage, sampleRelease } from '@incident-comms/core/testing';
import Database from 'better-sqlite3';
import { createEmailChannel, renderEmail } from '../packages/channel-email/src/index';
import {
  createLoopbackTransport,
  startSmtpTestServer,
} from '../packages/channel-email/src/testing/smtp-test-server';
import { createSlackChannel } from '../packages/channel-slack/src/index';
import {
  type Channel,
  createMemoryOutbox,
  deliveryKey,
  type Outbox,
  publishUpdate,
} from '../packages/core/src/index';
import { createSqliteStore } from '../packages/store-sqlite/src/index';

const EMAIL_RECIPIENTS = Number(process.env.BENCH_EMAIL_RECIPIENTS ?? 10_000);
/** Runs per email variant; the table reports each variant's median. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const POOL = { maxConnections: 5, maxMessages: 1_000 };
/** Messages of the untimed run before each timed one (see {@link timed}). */
const WARM = 300;
const from = { name: 'Status', address: 'status@example.com' };
const replyTo = { name: 'Dana Ops', address: 'dana@example.com' };
const seconds = (ms: number) => (ms / 1000).toFixed(2);

const median = (xs: readonly number[]) => {
  const sorted = [...xs].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * One timed run: wall milliseconds, process CPU microseconds (user + system, every thread), and
 * the microseconds the main thread's event loop was busy.
 */
interface Sample {
  readonly ms: number;
  readonly cpuUs: number;
  readonly loopUs: number;
}

// A full collection before each timed run (V8's own `gc`, exposed at run time).
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/**
 * Times `work` from a collected heap. A forced collection also hands V8's pooled pages back to
 * the system (`--trace-gc` shows the pool drop from ~60 MB to ~3 MB), which a working host's
 * heap keeps; so `warm` (a short untimed run of the same variant, on the same transport and
 * outbox) takes them again before the clock starts.
 */
async function timed(work: () => Promise<void>, warm: () => Promise<void>): Promise<Sample> {
  collect();
  await warm();
  const cpu = process.cpuUsage();
  const loop = performance.eventLoopUtilization();
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ms, cpuUs: used.user + used.system, loopUs: performance.eventLoopUtilization(loop).active * 1000 };
}

/** Runs `work` over `0..n-1` with at most `limit` calls open at once (a host's worker pool). */
async function bounded(n: number, limit: number, work: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < n) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, n) }, worker));
}

async function emailBench() {
  const smtp = await startSmtpTestServer({ keepMessages: false });
  // Published now: ordering and flood safety stay on at their defaults (maximum age, rate cap).
  const message = sampleMessage({
    incidentId: 'inc-bench',
    publishedAt: new Date().toISOString(),
    text: `${'We are investigating failed card payments. '.repeat(12)}`,
  });
  const subject = () => message.subject;
  const settings = { from, replyTo, subject, messageIdDomain: 'example.com' };
  // The in-flight limit publishUpdate uses: the email channel's declared concurrency.
  const probe = createLoopbackTransport(smtp, POOL);
  const inFlight = createEmailChannel({ transport: probe, from, replyTo }).capabilities.concurrency!;
  probe.close();
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  let run = 0;

  const raw = (limit: number) => async (n: number) => {
    const prefix = `raw${++run}-`;
    const transport = createLoopbackTransport(smtp, POOL);
    const send = (to: string) => {
      const key = deliveryKey('inc-bench', 1, 'email', to);
      const payload = renderEmail(message, to, { idempotencyKey: key }, settings);
      return transport.sendMail({ ...payload, disableFileAccess: true, disableUrlAccess: true });
    };
    const sample = await timed(
      () => bounded(n, limit, (i) => send(`${prefix}${i}@example.com`)),
      () => bounded(WARM, limit, (i) => send(`${prefix}w${i}@example.com`)),
    );
    transport.close();
    return sample;
  };
  // What a host that wants durability would otherwise write: raw nodemailer plus its own record
  // in SQLite (same file settings as the SQLite outbox: WAL, synchronous NORMAL): every row
  // inserted up front in one transaction, then per send a committed `sending` before it and a
  // committed `sent` after it (each statement its own transaction, better-sqlite3's default).
  const rawRecorded = (limit: number) => async (n: number) => {
    const prefix = `rec${++run}-`;
    const path = join(dir, `raw-${run}.db`);
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(
      'CREATE TABLE sends (key TEXT PRIMARY KEY, state TEXT NOT NULL, ref TEXT, updated_at TEXT NOT NULL)',
    );
    const insert = db.prepare(
      "INSERT OR IGNORE INTO sends (key, state, updated_at) VALUES (?, 'pending', ?)",
    );
    const mark = db.prepare(
      "UPDATE sends SET state = ?, ref = ?, updated_at = ? WHERE key = ? AND state IN ('pending', 'sending')",
    );
    const transport = createLoopbackTransport(smtp, POOL);
    const send = async (to: string) => {
      const key = deliveryKey('inc-bench', 1, 'email', to);
      mark.run('sending', null, new Date().toISOString(), key);
      const payload = renderEmail(message, to, { idempotencyKey: key }, settings);
      await transport.sendMail({ ...payload, disableFileAccess: true, disableUrlAccess: true });
      mark.run('sent', payload.messageId, new Date().toISOString(), key);
    };
    const enqueue = (tag: string, count: number) =>
      db.transaction(() => {
        const at = new Date().toISOString();
        for (let i = 0; i < count; i++)
          insert.run(deliveryKey('inc-bench', 1, 'email', `${prefix}${tag}${i}@example.com`), at);
      })();
    const sample = await timed(
      async () => {
        enqueue('', n);
        await bounded(n, limit, (i) => send(`${prefix}${i}@example.com`));
      },
      async () => {
        enqueue('w', WARM);
        await bounded(WARM, limit, (i) => send(`${prefix}w${i}@example.com`));
      },
    );
    transport.close();
    db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    return sample;
  };
  const ours = async (n: number, outbox: Outbox) => {
    const prefix = `ours${++run}-`;
    const transport = createLoopbackTransport(smtp, POOL);
    const email = createEmailChannel({ transport, from, replyTo, subject, messageIdDomain: 'example.com' });
    // No `concurrency` option: the publisher uses the email channel's declared capability.
    const publish = (incidentId: string, count: number, tag: string) =>
      publishUpdate({
        release: sampleRelease([{ ...message, incidentId }]),
        routes: [
          {
            channel: 'email',
            audience: 'customer',
            recipients: Array.from({ length: count }, (_, i) => `${prefix}${tag}${i}@example.com`),
          },
        ],
        channels: [email],
        outbox,
      });
    let sent = -1;
    const sample = await timed(
      async () => {
        sent = (await publish(`inc-${prefix}`, n, '')).totals.sent;
      },
      async () => {
        await publish(`inc-${prefix}warm`, WARM, 'w');
      },
    );
    transport.close();
    if (sent !== n) throw new Error(`expected ${n} sent, got ${sent}`);
    return sample;
  };
  const memory = (n: number) => ours(n, createMemoryOutbox());
  const sqlite = async (n: number) => {
    // A fresh file per run, removed after it: every run starts from the same empty disk state.
    const path = join(dir, `bench-${run}.db`);
    const store = createSqliteStore({ path });
    try {
      return await ours(n, store);
    } finally {
      store.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    }
  };

  const variants = [
    { name: `raw nodemailer (${inFlight} in flight)`, run: raw(inFlight), samples: [] as Sample[] },
    { name: 'publishUpdate (memory outbox)', run: memory, samples: [] as Sample[] },
    { name: 'publishUpdate (SQLite outbox)', run: sqlite, samples: [] as Sample[] },
    { name: 'reference: raw, all queued at once', run: raw(Infinity), samples: [] as Sample[] },
    {
      name: 'reference: raw + own SQLite record per send',
      run: rawRecorded(inFlight),
      samples: [] as Sample[],
    },
  ];
  for (const v of variants) await v.run(300); // warm-up
  const before = smtp.count();
  // Alternate the variants and rotate who goes first, so drift on the machine hits all alike.
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < variants.length; i++) {
      const v = variants[(round + i) % variants.length]!;
      v.samples.push(await v.run(EMAIL_RECIPIENTS));
    }
  }
  const delivered = smtp.count() - before;
  await smtp.close();
  rmSync(dir, { recursive: true, force: true });

  type Variant = (typeof variants)[number];
  const wall = (v: Variant) => median(v.samples.map((s) => s.ms));
  const cpu = (v: Variant) => median(v.samples.map((s) => s.cpuUs / EMAIL_RECIPIENTS));
  // Overhead: the median over rounds of each round's ratio to raw (runs of one round are
  // neighbours in time, so a ratio within a round cancels most of the machine's drift).
  const base = variants[0]!;
  const overhead = (v: Variant, of: (s: Sample) => number) => {
    const ratios = v.samples.map((s, round) => of(s) / of(base.samples[round]!) - 1);
    return `${(median(ratios) * 100).toFixed(1)}%`;
  };
  console.log(
    `\nEmail: one update to ${EMAIL_RECIPIENTS} recipients, pool ${JSON.stringify(POOL)}, smtp-server on 127.0.0.1 (same process); ` +
      `${inFlight} sends in flight (the email channel's declared concurrency); median of ${ROUNDS} alternating runs per variant`,
  );
  console.table(
    Object.fromEntries(
      variants.map((v, i) => [
        v.name,
        {
          seconds: seconds(wall(v)),
          'msgs/s': (EMAIL_RECIPIENTS / (wall(v) / 1000)).toFixed(0),
          'wall overhead': i === 0 ? '-' : overhead(v, (s) => s.ms),
          'CPU µs/msg': cpu(v).toFixed(0),
          'event loop µs/msg': median(v.samples.map((x) => x.loopUs / EMAIL_RECIPIENTS)).toFixed(0),
          'CPU overhead': i === 0 ? '-' : overhead(v, (s) => s.cpuUs),
          runs: v.samples.map((s) => seconds(s.ms)).join(' / '),
        },
      ]),
    ),
  );
  console.log(
    `messages accepted by the server: ${delivered} (expected ${variants.length * ROUNDS * (EMAIL_RECIPIENTS + WARM)})`,
  );
}

/** Our code's own CPU per message: `publishUpdate` to a channel that answers at once. */
async function floorBench() {
  const message = sampleMessage({ incidentId: 'inc-floor', publishedAt: new Date().toISOString() });
  const instant: Channel<string> = {
    name: 'instant',
    capabilities: { threads: true, edits: false, concurrency: 20 },
    render: (_message, recipient) => recipient,
    send: () =>
      new Promise((resolve) => setImmediate(() => resolve({ type: 'delivered', ref: { id: 'x' } }))),
  };
  const dir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
  let files = 0;
  const outboxes: Record<string, () => Outbox & { close?: () => void }> = {
    memory: () => createMemoryOutbox(),
    SQLite: () => createSqliteStore({ path: join(dir, `floor-${++files}.db`) }),
  };
  const samples: Record<string, Sample[]> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, open] of Object.entries(outboxes)) {
      const outbox = open();
      const publish = (tag: string, count: number) =>
        publishUpdate({
          release: sampleRelease([{ ...message, incidentId: `inc-floor-${tag}` }]),
          routes: [
            {
              channel: 'instant',
              audience: 'customer',
              recipients: Array.from({ length: count }, (_, i) => `f${tag}-${i}`),
            },
          ],
          channels: [instant],
          outbox,
        });
      const sample = await timed(
        async () => {
          await publish(`${round}`, EMAIL_RECIPIENTS);
        },
        async () => {
          await publish(`${round}-warm`, WARM);
        },
      );
      outbox.close?.();
      samples[name] = [...(samples[name] ?? []), sample];
    }
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `\nOur code alone: one update to ${EMAIL_RECIPIENTS} recipients of a channel that answers at once`,
  );
  console.table(
    Object.fromEntries(
      Object.entries(samples).map(([name, xs]) => [
        `publishUpdate (${name} outbox)`,
        {
          'CPU µs/msg, all threads (median)': median(xs.map((x) => x.cpuUs / EMAIL_RECIPIENTS)).toFixed(1),
          'event loop µs/msg (median)': median(xs.map((x) => x.loopUs / EMAIL_RECIPIENTS)).toFixed(1),
        },
      ]),
    ),
  );
}

async function slackBench() {
  const limit = { perSecond: 5, burst: 3 };
  const channels = ['C0BENCH1', 'C0BENCH2', 'C0BENCH3', 'C0BENCH4', 'C0BENCH5'];
  const versions = 25; // 25 messages per Slack channel (one per incident), queued at once
  const stub = await startSlackApiStub({ rateLimit: limit });
  // One token of headroom below the stub's burst absorbs network jitter between our bucket and Slack's.
  const slack = createSlackChannel({
    client: createStubWebClient(stub),
    rateLimit: { perSecond: limit.perSecond, burst: limit.burst - 1 },
  });
  const outbox = createMemoryOutbox();
  const base = sampleMessage({
    incidentId: 'inc-slack-bench',
    audience: 'internal',
    publishedAt: new Date().toISOString(),
  });
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: versions }, (_, v) =>
      publishUpdate({
        // One version of 25 incidents: versions of one incident would coalesce (superseded).
        release: sampleRelease([{ ...base, incidentId: `inc-slack-bench-${v + 1}` }]),
        routes: [{ channel: 'slack', audience: 'internal', recipients: channels }],
        channels: [slack],
        outbox,
        // Internal channels: the per-recipient cap is for customers and would defer most of these.
        flood: { rateCap: false },
      }),
    ),
  );
  const ms = performance.now() - started;
  await stub.close();
  const sent = results.reduce((n, r) => n + r.totals.sent, 0);
  const perChannel = versions / (ms / 1000);
  console.log(
    `\nSlack: ${versions} versions × ${channels.length} channels against the Web API stub (limit ${limit.perSecond}/s, burst ${limit.burst} per channel)`,
  );
  console.table({
    result: {
      sent,
      seconds: seconds(ms),
      'achieved msgs/s per channel': perChannel.toFixed(1),
      'limit msgs/s per channel': limit.perSecond,
      'of limit': `${((perChannel / limit.perSecond) * 100).toFixed(0)}%`,
      '429s': stub.rateLimited(),
    },
  });
}

await emailBench();
await floorBench();
await slackBench();
