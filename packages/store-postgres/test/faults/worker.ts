/**
 * One delivery worker process of the fault test: pg-boss workers that deliver through a pooled
 * SMTP transport until killed. Usage: worker.ts <postgres url> <smtp port> <schema>
 */
import { createEmailChannel } from '@incident-comms/channel-email';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { createPgBossDelivery, createPostgresStore } from '../../src/index';

const [url, smtpPort, schema] = process.argv.slice(2) as [string, string, string];
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
const delivery = createPgBossDelivery({ pool, boss, store, channels: [email], leaseSeconds: 4, pollingIntervalSeconds: 0.2 });
await delivery.work({ localConcurrency: 8 });
process.send?.('ready');
