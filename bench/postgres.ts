/**
 * @module bench/postgres
 * The PostgreSQL outbox on pg-boss workers (issue 21), loopback only: one update to N email
 * recipients (`BENCH_PG_RECIPIENTS`, default 3,000) through a local SMTP server, delivered by 1,
 * 2 and 3 workers (each its own pg-boss instance and SMTP pool, in this process), against raw
 * nodemailer sending the same messages with the same pool settings, alternating in one run.
 * Needs the PostgreSQL server binaries (a throwaway cluster is started). Run: `npx tsx bench/postgres.ts`.
 */

import { sampleMessage, sampleRelease } from '@incident-comms/core/testing';
import { startPgCluster } from '@incident-comms/store-postgres/testing';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { createEmailChannel, renderEmail } from '../packages/channel-email/src/index';
import {
  createLoopbackTransport,
  startSmtpTestServer,
} from '../packages/channel-email/src/testing/smtp-test-server';
import { deliveryKey } from '../packages/core/src/index';
import { createPgBossDelivery, createPostgresStore, migrate } from '../packages/store-postgres/src/index';

const N = Number(process.env.BENCH_PG_RECIPIENTS ?? 3_000);
const POOL = { maxConnections: 4, maxMessages: 1_000 };
const from = { name: 'Status', address: 'status@example.com' };
const replyTo = { name: 'Dana Ops', address: 'dana@example.com' };

const cluster = await startPgCluster();
const smtp = await startSmtpTestServer({ keepMessages: false });
const pool = new pg.Pool({ connectionString: cluster.url, max: 20 });
const message = sampleMessage({
  incidentId: 'inc-bench',
  text: 'We are investigating failed card payments. '.repeat(12),
});
const settings = { from, replyTo, subject: () => message.subject, messageIdDomain: 'example.com' };
let run = 0;

/** Raw nodemailer: `workers` pools of the same size sending the same rendered messages. */
async function raw(workers: number): Promise<number> {
  const prefix = `raw${++run}-`;
  const transports = Array.from({ length: workers }, () => createLoopbackTransport(smtp, POOL));
  const payloads = Array.from({ length: N }, (_, i) => {
    const to = `${prefix}${i}@example.com`;
    return renderEmail(message, to, { idempotencyKey: deliveryKey('inc-bench', 1, 'email', to) }, settings);
  });
  const started = performance.now();
  await Promise.all(
    payloads.map((p, i) =>
      transports[i % workers]!.sendMail({ ...p, disableFileAccess: true, disableUrlAccess: true }),
    ),
  );
  const ms = performance.now() - started;
  for (const t of transports) t.close();
  return ms;
}

/** The outbox: publish (one transaction), then `workers` pg-boss workers drain it. */
async function ours(workers: number): Promise<number> {
  const prefix = `pg${++run}-`;
  const schema = `bench_${run}`;
  await migrate({ pool, schema });
  const store = createPostgresStore({ pool, schema });
  const fleet = await Promise.all(
    Array.from({ length: workers }, async () => {
      const boss = new PgBoss({ connectionString: cluster.url, schema: 'pgboss', max: 5 });
      boss.on('error', () => {});
      await boss.start();
      const transport = createLoopbackTransport(smtp, POOL);
      const email = createEmailChannel({ transport, from, replyTo, subject: () => message.subject });
      const delivery = createPgBossDelivery({ pool, boss, store, channels: [email], queue: `bench-${run}` });
      await delivery.prepare();
      return { boss, transport, delivery };
    }),
  );
  const recipients = Array.from({ length: N }, (_, i) => `${prefix}${i}@example.com`);
  const started = performance.now();
  await fleet[0]!.delivery.publish({
    release: sampleRelease([{ ...message, incidentId: `inc-${prefix}` }]),
    routes: [{ channel: 'email', audience: 'customer', recipients }],
    at: new Date().toISOString(),
  });
  for (const w of fleet) await w.delivery.work({ localConcurrency: 2, batchSize: 16 });
  for (;;) {
    const { rows } = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${schema}.deliveries WHERE state IN ('pending','sending')`,
    );
    if (Number(rows[0]?.n) === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const ms = performance.now() - started;
  for (const w of fleet) {
    await w.delivery.stop();
    await w.boss.stop({ graceful: false });
    w.transport.close();
  }
  return ms;
}

console.log(
  `PostgreSQL outbox on pg-boss workers: one update to ${N} recipients, local SMTP, same pool per worker\n`,
);
console.log('| workers | raw nodemailer | pg-boss outbox | msgs/s (outbox) | overhead vs raw |');
console.log('|---|---|---|---|---|');
try {
  for (const workers of [1, 2, 3]) {
    const rawMs = await raw(workers);
    const oursMs = await ours(workers);
    console.log(
      `| ${workers} | ${(rawMs / 1000).toFixed(2)} s | ${(oursMs / 1000).toFixed(2)} s | ${Math.round((N / oursMs) * 1000)} | ${(((oursMs - rawMs) / rawMs) * 100).toFixed(0)}% |`,
    );
  }
} finally {
  await pool.end();
  await smtp.close();
  await cluster.stop();
}
