/**
 * The host of the desk restart test: one desk over a SQLite file, delivering by email to a
 * loopback SMTP server, on a simulated clock. `run` (the child process) declares an incident
 * and publishes its first update; the test kills it part-way through delivery.
 *
 * Usage (child): node --import tsx desk-host.ts <db-path> <smtp-port>
 */
import nodemailer from 'nodemailer';
import { createEmailChannel } from '../../packages/channel-email/src/index';
import { createIncidentDesk, createSimulatedClock } from '../../packages/core/src/index';
import { checkoutStart, t, testRunbook } from '../../packages/core/test/support';
import { createSqliteStore } from '../../packages/store-sqlite/src/index';
import * as templates from '../../packages/templates/src/index';

export const INCIDENT_ID = 'inc-restart';
export const RECIPIENTS = Array.from({ length: 12 }, (_, i) => `customer${i}@example.com`);
/** When the child publishes (minutes after the alert). */
export const PUBLISH_MINUTE = 7;

/** A desk over the SQLite file at `db`, delivering to the SMTP server on `port` one message at a time. */
export function openDesk(db: string, port: number, startAt: string) {
  const store = createSqliteStore({ path: db });
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    ignoreTLS: true,
    pool: true,
    maxConnections: 1,
    maxRequeues: 0,
  });
  const email = createEmailChannel({ transport, from: 'status@example.com', replyTo: 'dana@example.com' });
  // One send in flight at a time, so a kill leaves at most one delivery caught mid-send.
  const channel = { ...email, capabilities: { ...email.capabilities, concurrency: 1 } };
  const clock = createSimulatedClock(startAt);
  const routes = [{ channel: 'email', audience: 'customer', recipients: RECIPIENTS }] as const;
  const desk = createIncidentDesk({
    runbook: testRunbook(),
    templates,
    events: store,
    outbox: store,
    channels: [channel],
    routes,
    clock,
  });
  const close = () => {
    desk.stop();
    transport.close();
    store.close();
  };
  return { desk, clock, store, close };
}

async function run(db: string, port: number): Promise<void> {
  const { desk, clock } = openDesk(db, port, t(0));
  await desk.declare({
    incidentId: INCIDENT_ID,
    actor: 'dana',
    title: 'Card payments failing at checkout',
    incidentType: 'checkout',
    severity: 'SEV1',
  });
  clock.advanceTo(t(5));
  const facts = (checkoutStart()[2] as unknown as { facts: never }).facts;
  await desk.confirmFacts(INCIDENT_ID, { actor: 'lee', facts });
  const release = await desk.draft(INCIDENT_ID, { kind: 'initial' });
  for (const ask of await desk.requestApprovals(INCIDENT_ID, release.draftId)) {
    await desk.approve(INCIDENT_ID, { draftId: release.draftId, gate: ask.gate, actor: ask.approver!.id });
  }
  clock.advanceTo(t(PUBLISH_MINUTE));
  process.stdout.write('publishing\n');
  await desk.publish(INCIDENT_ID, release.draftId);
  process.stdout.write('delivered\n');
}

if (process.argv[1]?.endsWith('desk-host.ts')) {
  const [db, port] = process.argv.slice(2);
  await run(db!, Number(port));
  process.exit(0);
}
