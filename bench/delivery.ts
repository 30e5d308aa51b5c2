/**
 * @module bench/delivery
 * Delivery benchmark (issue 7), loopback only. Run: `npx tsx bench/delivery.ts`.
 * 1. One update to 10,000 email recipients through a local SMTP server: raw nodemailer vs
 *    `publishUpdate` (in-memory and SQLite outbox), same pool settings; the median of 3
 *    alternating runs per variant (`BENCH_ROUNDS`), its throughput and overhead vs raw.
 * 2. Slack fan-out against the Web API stub enforcing a per-channel rate limit: achieved rate
 *    vs the limit, and the number of 429s (goal: zero).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStubWebClient, startSlackApiStub } from '@incident-comms/channel-slack/testing';
import { sampleMessage, sampleRelease } from '@incident-comms/core/testing';
import { createEmailChannel, renderEmail } from '../packages/channel-email/src/index';
import {
  createLoopbackTransport,
  startSmtpTestServer,
} from '../packages/channel-email/src/testing/smtp-test-server';
import { createSlackChannel } from '../packages/channel-slack/src/index';
import { createMemoryOutbox, deliveryKey, type Outbox, publishUpdate } from '../packages/core/src/index';
import { createSqliteStore } from '../packages/store-sqlite/src/index';

const EMAIL_RECIPIENTS = Number(process.env.BENCH_EMAIL_RECIPIENTS ?? 10_000);
/** Runs per email variant; the table reports each variant's median. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const POOL = { maxConnections: 5, maxMessages: 1_000 };
const from = { name: 'Status', address: 'status@example.com' };
const replyTo = { name: 'Dana Ops', address: 'dana@example.com' };
const seconds = (ms: number) => (ms / 1000).toFixed(2);

const median = (xs: readonly number[]) => {
  const sorted = [...xs].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function emailBench() {
  const smtp = await startSmtpTestServer({ keepMessages: false });
  // Published now: ordering and flood safety stay on at their defaults (maximum age, rate cap).
  const message = sampleMessage({
    incidentId: 'inc-bench',
    publishedAt: new Date().toISOString(),
    text: `${'We are investigating failed card payments. '.repeat(12)}`,
  });
  const settings = { from, replyTo, subject: () => message.subject, messageIdDomain: 'example.com' };
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  let run = 0;
  let concurrency: number | undefined;

  const raw = async (n: number) => {
    const prefix = `raw${++run}-`;
    const transport = createLoopbackTransport(smtp, POOL);
    const payloads = Array.from({ length: n }, (_, i) => {
      const to = `${prefix}${i}@example.com`;
      return renderEmail(message, to, { idempotencyKey: deliveryKey('inc-bench', 1, 'email', to) }, settings);
    });
    const started = performance.now();
    await Promise.all(
      payloads.map((p) => transport.sendMail({ ...p, disableFileAccess: true, disableUrlAccess: true })),
    );
    const ms = performance.now() - started;
    transport.close();
    return ms;
  };
  const ours = async (n: number, outbox: Outbox) => {
    const prefix = `ours${++run}-`;
    const transport = createLoopbackTransport(smtp, POOL);
    const email = createEmailChannel({ transport, from, replyTo, subject: () => message.subject });
    concurrency = email.capabilities.concurrency;
    const recipients = Array.from({ length: n }, (_, i) => `${prefix}${i}@example.com`);
    const started = performance.now();
    // No `concurrency` option: the publisher uses the email channel's declared capability.
    const result = await publishUpdate({
      release: sampleRelease([{ ...message, incidentId: `inc-${prefix}` }]),
      routes: [{ channel: 'email', audience: 'customer', recipients }],
      channels: [email],
      outbox,
    });
    const ms = performance.now() - started;
    transport.close();
    if (result.totals.sent !== n) throw new Error(`expected ${n} sent, got ${JSON.stringify(result.totals)}`);
    return ms;
  };
  const memory = (n: number) => ours(n, createMemoryOutbox());
  const sqlite = async (n: number) => {
    const store = createSqliteStore({ path: join(dir, `bench-${run}.db`) });
    try {
      return await ours(n, store);
    } finally {
      store.close();
    }
  };

  const variants = [
    { name: 'raw nodemailer', run: raw, ms: [] as number[] },
    { name: 'publishUpdate (memory outbox)', run: memory, ms: [] as number[] },
    { name: 'publishUpdate (SQLite outbox)', run: sqlite, ms: [] as number[] },
  ];
  for (const v of variants) await v.run(300); // warm-up
  const before = smtp.count();
  // Alternate the variants and rotate who goes first, so drift on the machine hits all alike.
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < variants.length; i++) {
      const v = variants[(round + i) % variants.length]!;
      v.ms.push(await v.run(EMAIL_RECIPIENTS));
    }
  }
  const delivered = smtp.count() - before;
  await smtp.close();
  rmSync(dir, { recursive: true, force: true });

  const rate = (ms: number) => EMAIL_RECIPIENTS / (ms / 1000);
  const rawMs = median(variants[0]!.ms);
  console.log(
    `\nEmail: one update to ${EMAIL_RECIPIENTS} recipients, pool ${JSON.stringify(POOL)}, smtp-server on 127.0.0.1; ` +
      `median of ${ROUNDS} alternating runs per variant; publishUpdate concurrency ${concurrency} (declared by the email channel)`,
  );
  console.table(
    Object.fromEntries(
      variants.map((v, i) => {
        const ms = median(v.ms);
        return [
          v.name,
          {
            seconds: seconds(ms),
            'msgs/s': rate(ms).toFixed(0),
            'overhead vs raw': i === 0 ? '-' : `${((ms / rawMs - 1) * 100).toFixed(1)}%`,
            runs: v.ms.map(seconds).join(' / '),
          },
        ];
      }),
    ),
  );
  console.log(
    `messages accepted by the server: ${delivered} (expected ${variants.length * ROUNDS * EMAIL_RECIPIENTS})`,
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
await slackBench();
