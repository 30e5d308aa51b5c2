/**
 * @module bench/delivery
 * Delivery benchmark (issue 7), loopback only. Run: `npx tsx bench/delivery.ts`.
 * 1. One update to 10,000 email recipients through a local SMTP server: raw nodemailer vs
 *    `publishUpdate` (in-memory and SQLite outbox), same pool settings; throughput and overhead.
 * 2. Slack fan-out against the Web API stub enforcing a per-channel rate limit: achieved rate
 *    vs the limit, and the number of 429s (goal: zero).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmailChannel, renderEmail } from '../packages/channel-email/src/index';
import {
  createLoopbackTransport,
  startSmtpTestServer,
} from '../packages/channel-email/src/testing/smtp-test-server';
import { createSlackChannel } from '../packages/channel-slack/src/index';
import { startSlackApiStub } from '../packages/channel-slack/src/testing/slack-api-stub';
import { createStubWebClient } from '../packages/channel-slack/src/testing/stub-client';
import { sampleMessage } from '../packages/core/src/entries/testing';
import { createMemoryOutbox, deliveryKey, type Outbox, publishUpdate } from '../packages/core/src/index';
import { createSqliteStore } from '../packages/store-sqlite/src/index';

const EMAIL_RECIPIENTS = Number(process.env.BENCH_EMAIL_RECIPIENTS ?? 10_000);
const POOL = { maxConnections: 5, maxMessages: 1_000 };
const from = { name: 'Status', address: 'status@example.com' };
const replyTo = { name: 'Dana Ops', address: 'dana@example.com' };
const seconds = (ms: number) => (ms / 1000).toFixed(2);

async function emailBench() {
  const smtp = await startSmtpTestServer({ keepMessages: false });
  const message = sampleMessage({
    incidentId: 'inc-bench',
    text: `${'We are investigating failed card payments. '.repeat(12)}`,
  });
  const settings = { from, replyTo, subject: () => message.subject, messageIdDomain: 'example.com' };

  const raw = async (prefix: string, n: number) => {
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
  const ours = async (prefix: string, n: number, outbox: Outbox) => {
    const transport = createLoopbackTransport(smtp, POOL);
    const email = createEmailChannel({ transport, from, replyTo, subject: () => message.subject });
    const recipients = Array.from({ length: n }, (_, i) => `${prefix}${i}@example.com`);
    const started = performance.now();
    const result = await publishUpdate({
      messages: [{ ...message, incidentId: `inc-${prefix}` }],
      routes: [{ channel: 'email', audience: 'customer', recipients }],
      channels: [email],
      outbox,
      concurrency: 32,
    });
    const ms = performance.now() - started;
    transport.close();
    if (result.totals.sent !== n) throw new Error(`expected ${n} sent, got ${JSON.stringify(result.totals)}`);
    return ms;
  };

  await raw('warm-raw', 300);
  await ours('warm-ours', 300, createMemoryOutbox());
  const before = smtp.count();
  const rawMs = await raw('raw', EMAIL_RECIPIENTS);
  const memMs = await ours('mem', EMAIL_RECIPIENTS, createMemoryOutbox());
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const store = createSqliteStore({ path: join(dir, 'bench.db') });
  const sqlMs = await ours('sql', EMAIL_RECIPIENTS, store);
  store.close();
  rmSync(dir, { recursive: true, force: true });
  const delivered = smtp.count() - before;
  await smtp.close();

  const rate = (ms: number) => EMAIL_RECIPIENTS / (ms / 1000);
  console.log(
    `\nEmail: one update to ${EMAIL_RECIPIENTS} recipients, pool ${JSON.stringify(POOL)}, smtp-server on 127.0.0.1`,
  );
  console.table({
    'raw nodemailer': { seconds: seconds(rawMs), 'msgs/s': rate(rawMs).toFixed(0), overhead: '-' },
    'publishUpdate (memory outbox)': {
      seconds: seconds(memMs),
      'msgs/s': rate(memMs).toFixed(0),
      overhead: `${((rate(rawMs) / rate(memMs) - 1) * 100).toFixed(1)}%`,
    },
    'publishUpdate (SQLite outbox)': {
      seconds: seconds(sqlMs),
      'msgs/s': rate(sqlMs).toFixed(0),
      overhead: `${((rate(rawMs) / rate(sqlMs) - 1) * 100).toFixed(1)}%`,
    },
  });
  console.log(`messages accepted by the server: ${delivered} (expected ${3 * EMAIL_RECIPIENTS})`);
}

async function slackBench() {
  const limit = { perSecond: 5, burst: 3 };
  const channels = ['C0BENCH1', 'C0BENCH2', 'C0BENCH3', 'C0BENCH4', 'C0BENCH5'];
  const versions = 25; // 25 messages per Slack channel, queued at once
  const stub = await startSlackApiStub({ rateLimit: limit });
  // One token of headroom below the stub's burst absorbs network jitter between our bucket and Slack's.
  const slack = createSlackChannel({
    client: createStubWebClient(stub),
    rateLimit: { perSecond: limit.perSecond, burst: limit.burst - 1 },
  });
  const outbox = createMemoryOutbox();
  const base = sampleMessage({ incidentId: 'inc-slack-bench', audience: 'internal' });
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: versions }, (_, v) =>
      publishUpdate({
        messages: [{ ...base, version: v + 1 }],
        routes: [{ channel: 'slack', audience: 'internal', recipients: channels }],
        channels: [slack],
        outbox,
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
