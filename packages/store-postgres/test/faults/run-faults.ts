/**
 * The delivery fault test (`npm run test:faults`): three worker processes deliver one update to
 * RECIPIENTS recipients (and a second version published part-way, so order is tested too)
 * through a real SMTP server, while this driver SIGKILLs a random worker every 1–2.5 s (at
 * least MIN_KILLS times) and restarts PostgreSQL once mid-run. It ends by printing
 *   faults: kills=K pg_restarts=1 recipients=N lost=L duplicated=D out_of_order=O unknown=U
 * counted from what the SMTP server received and what the outbox reports, and exits 1 unless
 * lost, duplicated and out_of_order are all 0.
 *
 * A worker that cannot start (it was forked while PostgreSQL restarts) is started again, as a
 * supervisor would, up to MAX_START_FAILURES times; a worker that exits after it was up is a
 * crash, reported with the end of its stderr.
 *
 * Env: FAULT_RECIPIENTS (default 10000), FAULT_MIN_KILLS (default 20), FAULT_VERBOSE (worker
 * stderr and progress).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startSmtpTestServer } from '@incident-comms/channel-email/testing';
import type { ApprovedMessage } from '@incident-comms/core';
import { sampleRelease } from '@incident-comms/core/testing';
import { simpleParser } from 'mailparser';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { createPgBossDelivery, createPostgresStore, migrate } from '../../src/index';
import { startPgCluster } from '../../src/testing/index';

const RECIPIENTS = Number(process.env.FAULT_RECIPIENTS ?? 10_000);
const MIN_KILLS = Number(process.env.FAULT_MIN_KILLS ?? 20);
/** Workers that may fail to start (PostgreSQL down under them) before that counts as a crash. */
const MAX_START_FAILURES = 10;
const SCHEMA = 'faults';
const worker = fileURLToPath(new URL('./worker.mjs', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => process.stderr.write(`[faults] ${line}\n`);

const cluster = await startPgCluster();
const smtp = await startSmtpTestServer({ keepMessages: true, replyDelayMs: 3 });
const pool = new pg.Pool({ connectionString: cluster.url, max: 5 });
pool.on('error', () => {});
const workers = new Set<ChildProcess>();
try {
  await migrate({ pool, schema: SCHEMA });
  // This process supervises: jobs of a killed worker expire after the lease and are retried.
  const boss = new PgBoss({
    connectionString: cluster.url,
    schema: 'pgboss',
    superviseIntervalSeconds: 1,
    monitorIntervalSeconds: 1,
  });
  boss.on('error', () => {});
  await boss.start();
  const store = createPostgresStore({ pool, schema: SCHEMA });
  const delivery = createPgBossDelivery({ pool, boss, store, channels: [emailStub()], leaseSeconds: 4 });
  await delivery.prepare();

  const crashes: string[] = [];
  let startFailures = 0;
  // Only workers that are up and draining are killed: a kill must land mid-work.
  const ready = new Set<ChildProcess>();
  const spawnWorker = () => {
    const child = fork(worker, [cluster.url, String(smtp.port), SCHEMA], {
      execArgv: [],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      if (process.env.FAULT_VERBOSE) process.stderr.write(chunk);
      stderr = (stderr + chunk.toString()).slice(-2_000);
    });
    let started = false;
    workers.add(child);
    child.on('message', (m) => {
      if (m !== 'ready') return;
      started = true;
      ready.add(child);
    });
    child.on('exit', (code) => {
      workers.delete(child);
      ready.delete(child);
      // Killed by us: code is null.
      if (code === null) return;
      // A worker started while PostgreSQL restarts cannot connect and exits: it is started
      // again, as a process supervisor would. A worker that exits after it was up is a failure
      // of the code under test.
      if (!started && ++startFailures <= MAX_START_FAILURES) {
        log(`a worker could not start (exit ${code}); starting another`);
        spawnWorker();
        return;
      }
      const why = stderr.trim().split('\n').slice(-3).join(' | ');
      crashes.push(`a worker exited with code ${code}${started ? '' : ' before it was up'}: ${why}`);
    });
    return child;
  };
  for (let i = 0; i < 3; i++) spawnWorker();

  const recipients = Array.from({ length: RECIPIENTS }, (_, i) => `r${i}@example.com`);
  const routes = [{ channel: 'email', audience: 'customer' as const, recipients }];
  const t0 = Date.now();
  await delivery.publish({ release: sampleRelease([message(1)]), routes, at: new Date().toISOString() });
  log(`published v1 to ${RECIPIENTS} recipients`);

  let kills = 0;
  let restarts = 0;
  let latest = 1;
  const outstanding = async () =>
    Number(
      (
        await pool.query<{ n: string }>(
          `SELECT count(*) AS n FROM ${SCHEMA}.deliveries WHERE state IN ('pending','sending')`,
        )
      ).rows[0]?.n ?? 0,
    );
  for (;;) {
    await sleep(1_000 + Math.random() * 1_500);
    const left = await outstanding().catch(() => Number.POSITIVE_INFINITY);
    if (process.env.FAULT_VERBOSE)
      log(`left=${left} received=${smtp.count()} kills=${kills} workers=${workers.size}`);
    if (left === 0 && kills >= MIN_KILLS && latest >= 2) break;
    if (crashes.length > 0) throw new Error(crashes.join('; '));
    if (Date.now() - t0 > 600_000)
      throw new Error(`gave up after 10 minutes with ${left} deliveries outstanding`);
    const victims = [...ready];
    const victim = victims[Math.floor(Math.random() * victims.length)];
    // Keep at least one other worker draining, so each kill lands on a working fleet.
    if (victim && victims.length >= 2 && left > 0 && !process.env.FAULT_NO_KILL) {
      victim.kill('SIGKILL');
      kills++;
      spawnWorker();
    }
    // A newer version part-way (and again whenever the work ran out before enough kills), so
    // the faults land mid-run and version order is tested: older waiting deliveries are superseded.
    if ((latest === 1 && smtp.count() >= RECIPIENTS / 3) || (left === 0 && kills < MIN_KILLS)) {
      latest++;
      await delivery.publish({
        release: sampleRelease([message(latest)]),
        routes,
        at: new Date().toISOString(),
      });
      log(`published v${latest} after ${smtp.count()} messages and ${kills} kills`);
    }
    if (restarts === 0 && kills >= MIN_KILLS / 2) {
      await cluster.restart();
      restarts++;
      log('restarted PostgreSQL');
    }
  }
  for (const w of workers) w.kill('SIGKILL');
  await boss.stop({ graceful: false });

  // Count from both sides: what arrived (by version, in arrival order) and what was reported.
  const arrivals = new Map<string, number[]>();
  for (const mail of smtp.messages) {
    const parsed = await simpleParser(mail.raw);
    const version = Number(/\(update (\d+)\)/.exec(parsed.subject ?? '')?.[1]);
    for (const to of mail.to) arrivals.set(to, [...(arrivals.get(to) ?? []), version]);
  }
  const { rows } = await pool.query<{ recipient: string; version: number; state: string }>(
    `SELECT recipient, version, state FROM ${SCHEMA}.deliveries`,
  );
  const reported = new Map<string, Map<number, string>>();
  for (const r of rows)
    reported.set(r.recipient, (reported.get(r.recipient) ?? new Map()).set(r.version, r.state));
  let lost = 0;
  let duplicated = 0;
  let outOfOrder = 0;
  let unknown = 0;
  for (const recipient of recipients) {
    const got = arrivals.get(recipient) ?? [];
    const states = reported.get(recipient) ?? new Map<number, string>();
    if (new Set(got).size !== got.length) duplicated++;
    if (got.some((v, i) => i > 0 && v < got[i - 1]!)) outOfOrder++;
    for (let version = 1; version <= latest; version++) {
      const state = states.get(version);
      const arrived = got.includes(version);
      if (state === 'unknown') unknown++;
      // Lost: no copy and no honest report (sent without arriving, or never settled).
      const settledUnsent =
        state === 'superseded' || state === 'failed' || state === 'expired' || state === 'unknown';
      if (!arrived && !settledUnsent) lost++;
    }
  }
  log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s, ${smtp.count()} messages received`);
  console.log(
    `faults: kills=${kills} pg_restarts=${restarts} recipients=${RECIPIENTS} lost=${lost} duplicated=${duplicated} out_of_order=${outOfOrder} unknown=${unknown}`,
  );
  process.exitCode = lost === 0 && duplicated === 0 && outOfOrder === 0 ? 0 : 1;
} finally {
  for (const w of workers) w.kill('SIGKILL');
  await pool.end().catch(() => {});
  await smtp.close();
  await cluster.stop();
}

function message(version: number): ApprovedMessage {
  return {
    incidentId: 'inc-faults',
    incidentTitle: 'Invoices not sending',
    version,
    kind: version === 1 ? 'initial' : 'update',
    audience: 'customer',
    severity: 'SEV2',
    status: version === 1 ? 'investigating' : 'identified',
    publishedAt: new Date().toISOString(),
    nextUpdateAt: new Date(Date.now() + 30 * 60_000).toISOString(),
    subject: `Invoice emails are delayed (update ${version})`,
    text: `Invoice emails are delayed for some accounts. Queued invoices go out once sending recovers. Update ${version}.`,
  };
}

/** The driver only publishes: it needs the channel's name, never sends. */
function emailStub() {
  return {
    name: 'email',
    capabilities: { threads: true, edits: false },
    render: () => {
      throw new Error('the driver does not send');
    },
    send: async () => ({ type: 'rejected' as const, reason: 'the driver does not send' }),
  };
}
