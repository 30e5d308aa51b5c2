import { createEmailChannel } from '@incident-comms/channel-email';
import { createIncidentDesk } from '@incident-comms/core';
import { loadRunbook } from '@incident-comms/core/node';
import * as templates from '@incident-comms/templates';
import nodemailer from 'nodemailer';

const runbook = await loadRunbook('runbook.yaml', { checks: [templates.checkRunbookTemplates] }); // start from `npx incident-comms init`
const transport = nodemailer.createTransport({ host: '127.0.0.1', port: Number(process.env.SMTP_PORT), ignoreTLS: true });
const email = createEmailChannel({ transport, from: 'status@acme.example', replyTo: 'dana@acme.example' });
const routes = [{ channel: 'email', audience: 'customer', recipients: ['ana@example.com'] }] as const;
const desk = createIncidentDesk({ runbook, templates, channels: [email], routes });

const { incidentId } = await desk.declare({ actor: 'dana', title: 'Card payments failing', incidentType: 'checkout', severity: 'SEV2' });
const facts = { symptom: 'card payments fail at checkout', affected: 'customers paying by card', teamAction: 'We are fixing the payment service.' };
await desk.confirmFacts(incidentId, { actor: 'lee', facts });
const release = await desk.draft(incidentId, { kind: 'initial' }); // every audience's message, next update planned
for (const ask of await desk.requestApprovals(incidentId, release.draftId))
  await desk.approve(incidentId, { draftId: release.draftId, gate: ask.gate, actor: ask.approver!.id });
const published = await desk.publish(incidentId, release.draftId);
console.log(published.ok ? `sent ${published.delivery?.totals.sent}: ${release.messages[0]!.text}` : published.reasons);

await desk.confirmRecovery(incidentId, { actor: 'lee', customerCheck: 'a real card order went through' });
console.log(`status: ${(await desk.resolve(incidentId, { actor: 'lee' })).status}`);
desk.stop();
transport.close();
