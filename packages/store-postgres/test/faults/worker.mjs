/**
 * One delivery worker process of the fault test: pg-boss workers delivering through a pooled
 * SMTP transport until killed. Plain JavaScript on the built packages, so a restarted worker is
 * up in well under a second. Usage: node worker.mjs <postgres url> <smtp port> <schema>
 */
import { createEmailChannel } from '@incident-comms/channel-email';
import { createPgBossDelivery, createPostgresStore } from '@incident-comms/store-postgres';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { PgBoss } from 'pg-boss';

const [url, smtpPort, schema] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: url, max: 10 });
// A database restart cuts idle connections: the pool reconnects on the next query.
pool.on('error', () => {});
const boss = new PgBoss({ connectionString: url, schema: 'pgboss', max: 5, supervise: false, schedule: false });
boss.on('error', () => {});
await boss.start();
const transport = nodemailer.createTransport({
  host: '127.0.0.1',
  port: Number(smtpPort),
  ignoreTLS: true,
  pool: true,
  maxConnections: 4,
  maxRequeues: 0,
});
const email = createEmailChannel({ transport, from: 'status@example.com', replyTo: 'owner@example.com' });
const store = createPostgresStore({ pool, schema });
const delivery = createPgBossDelivery({ pool, boss, store, channels: [email], pollingIntervalSeconds: 0.5 });
await delivery.work({ localConcurrency: 2, batchSize: 16 });
process.send?.('ready');
