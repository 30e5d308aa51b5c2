import { type Channel, createIncidentDesk, createSimulatedClock } from '@incident-comms/core';
import { loadRunbook } from '@incident-comms/core/node';
import * as templates from '@incident-comms/templates';

// A channel is a plain object; this one prints what it would send.
const terminal: Channel<string> = {
  name: 'terminal',
  capabilities: { threads: false, edits: false },
  render: (message, recipient) => `to ${recipient}: ${message.subject}\n${message.text}`,
  send: async (payload) => { console.log(payload); return { type: 'delivered', ref: { id: `${payload.length}` } }; },
};
const clock = createSimulatedClock('2026-03-03T14:10:00Z'); // drills and tests run on simulated time
const routes = [{ channel: 'terminal', audience: 'internal', recipients: ['#incidents'] }] as const;
const desk = createIncidentDesk({ runbook: await loadRunbook('runbook.yaml', { checks: [templates.checkRunbookTemplates] }), templates, clock, channels: [terminal], routes });
desk.on('update.due', (r) => console.log(`reminder for ${r.owner?.name}: next update due at ${r.dueAt}`));

const { incidentId } = await desk.declare({ actor: 'dana', title: 'Checkout failing', incidentType: 'checkout', severity: 'SEV1' });
await desk.confirmFacts(incidentId, { actor: 'lee', facts: { symptom: 'card payments fail', affected: 'customers paying by card', teamAction: 'We are on it.' } });
const release = await desk.draft(incidentId, { kind: 'initial' });
for (const ask of await desk.requestApprovals(incidentId, release.draftId))
  await desk.approve(incidentId, { draftId: release.draftId, gate: ask.gate, actor: ask.approver!.id });
await desk.publish(incidentId, release.draftId);
clock.advanceBy(15); // the owner is reminded five minutes before the promised time
desk.stop();
