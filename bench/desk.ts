/**
 * @module bench/desk
 * What the incident desk costs per status update, side by side with the same flow wired by
 * hand from the pure functions, the coordinator and `publishUpdate` (what a host wrote before
 * the desk). Each update: draft every audience's message, ask and grant approval, publish,
 * deliver to 10 recipients on an in-memory channel. Memory stores, simulated clock.
 *
 * Run from the repo root: `npx tsx bench/desk.ts` (`BENCH_UPDATES=200` to change the count).
 */
import {
  approvedRelease,
  type Channel,
  createCoordinator,
  createIncidentDesk,
  createMemoryEventStore,
  createMemoryOutbox,
  createSimulatedClock,
  type DeliveryRoute,
  type IncidentEvent,
  planNextUpdateAt,
  previewStatusUpdate,
  publish,
  publishUpdate,
  releaseDraft,
  requestApprovals,
  roleHolder,
} from '../packages/core/src/index';
import { checkoutStart, roleAssignments, testRunbook } from '../packages/core/test/support';
import * as templates from '../packages/templates/src/index';

const UPDATES = Number(process.env.BENCH_UPDATES ?? 200);
const runbook = testRunbook();
const facts = (checkoutStart()[2] as unknown as { facts: never }).facts;
const channel: Channel<string> = {
  name: 'inbox',
  capabilities: { threads: false, edits: false },
  render: (m) => m.text,
  send: async () => ({ type: 'delivered', ref: { id: 'x' } }),
};
const routes: DeliveryRoute[] = [
  {
    channel: 'inbox',
    audience: 'customer',
    recipients: Array.from({ length: 8 }, (_, i) => `c${i}@example.com`),
  },
  { channel: 'inbox', audience: 'internal', recipients: ['#incidents', '#support'] },
];
const declared = {
  actor: 'dana',
  title: 'Card payments failing',
  incidentType: 'checkout',
  severity: 'SEV1',
} as const;

async function viaDesk(): Promise<number> {
  const clock = createSimulatedClock('2026-03-03T14:10:00Z');
  const desk = createIncidentDesk({ runbook, templates, clock, channels: [channel], routes });
  const { incidentId: id } = await desk.declare({ incidentId: 'inc', ...declared });
  await desk.confirmFacts(id, { actor: 'lee', facts });
  const began = performance.now();
  for (let i = 0; i < UPDATES; i++) {
    clock.advanceBy(1);
    const release = await desk.draft(id, { kind: i === 0 ? 'initial' : 'update' });
    for (const ask of await desk.requestApprovals(id, release.draftId))
      await desk.approve(id, { draftId: release.draftId, gate: ask.gate, actor: ask.approver!.id });
    const published = await desk.publish(id, release.draftId);
    if (!published.ok) throw new Error(published.reasons.map((r) => r.message).join('\n'));
  }
  const ms = performance.now() - began;
  desk.stop();
  return ms;
}

async function byHand(): Promise<number> {
  const clock = createSimulatedClock('2026-03-03T14:10:00Z');
  const coordinator = createCoordinator({ runbook, clock, store: createMemoryEventStore<IncidentEvent>() });
  const outbox = createMemoryOutbox();
  const id = 'inc';
  const iso = () => new Date(Math.floor(clock.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  await coordinator.dispatch(id, { type: 'declared', ...declared });
  await coordinator.dispatch(id, { type: 'roles.assigned', actor: 'dana', roles: roleAssignments() });
  await coordinator.dispatch(id, { type: 'facts.confirmed', actor: 'lee', facts });
  const began = performance.now();
  for (let i = 0; i < UPDATES; i++) {
    clock.advanceBy(1);
    let state = coordinator.state(id)!;
    const now = iso();
    const status = state.status;
    const outline = {
      id: `update-v${i + 1}`,
      kind: i === 0 ? 'initial' : 'update',
      audience: 'customer',
      status,
      basedOnFactsVersion: state.factsVersion,
    } as const;
    const nextUpdateAt = planNextUpdateAt(runbook, state.severity, status, now)!;
    const preview = previewStatusUpdate(state, { ...outline, text: '(draft)' }, runbook, now, {
      nextUpdateAt,
    });
    const draft = releaseDraft(outline, templates.renderRelease(preview, runbook, { incidentId: id }));
    state = await coordinator.dispatch(id, { type: 'draft.created', actor: 'dana', draft, at: now });
    for (const request of requestApprovals(draft, state, runbook, now, 'dana')) {
      state = await coordinator.dispatch(id, request);
      const approver = roleHolder(state, request.role)!;
      state = await coordinator.dispatch(id, {
        type: 'approval.granted',
        actor: approver.id,
        draftId: draft.id,
        revision: request.revision,
        gate: request.gate,
        at: now,
      });
    }
    const decided = publish(state, state.drafts[draft.id]!, runbook, now, { nextUpdateAt });
    if (!decided.ok) throw new Error(decided.reasons.map((r) => r.message).join('\n'));
    state = await coordinator.dispatch(id, decided.event);
    const release = approvedRelease(state, { version: decided.statusUpdate.version });
    await publishUpdate({
      release,
      routes,
      channels: [channel],
      outbox,
      clock: { now: () => clock.now(), sleep: async () => {} },
    });
  }
  const ms = performance.now() - began;
  coordinator.stop();
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rounds = { desk: [] as number[], hand: [] as number[] };
await viaDesk(); // warm-up
await byHand();
for (let r = 0; r < 5; r++) {
  rounds.desk.push(await viaDesk());
  rounds.hand.push(await byHand());
}
const perUpdate = (ms: number) => ((ms / UPDATES) * 1000).toFixed(0);
const desk = median(rounds.desk);
const hand = median(rounds.hand);
console.log(`${UPDATES} updates (draft, approve, publish, 10 deliveries each), median of 5 runs:`);
console.log(`  by hand (pure functions + coordinator + publishUpdate)  ${perUpdate(hand)} µs per update`);
console.log(`  createIncidentDesk                                     ${perUpdate(desk)} µs per update`);
console.log(
  `  desk overhead                                          ${(((desk - hand) / hand) * 100).toFixed(1)} %`,
);
