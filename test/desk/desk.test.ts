/**
 * The incident desk over memory stores, the real templates and a recording host channel: each
 * step appends what the pure functions decide, refuses what they refuse, and delivers each
 * approved version once per recipient.
 */
import {
  audienceTimeZone,
  type Channel,
  createIncidentDesk,
  createMemoryEventStore,
  createMemoryOutbox,
  createSimulatedClock,
  DeliveryInputError,
  type DeliveryOutcome,
  type DeliveryRoute,
  EventRejectedError,
  formatUpdateTime,
  type IncidentDesk,
  type IncidentEvent,
  NotAuthorizedError,
  planNextUpdateAt,
  ValidationError,
} from '@incident-comms/core';
import * as templates from '@incident-comms/templates';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkoutStart, t, testRunbook } from '../../packages/core/test/support';

const runbook = testRunbook();
const FACTS = (checkoutStart()[2] as { facts: Record<string, unknown> }).facts as never;
const ROUTES: DeliveryRoute[] = [
  { channel: 'inbox', audience: 'customer', recipients: ['ana@example.com', 'bo@example.com'] },
  { channel: 'inbox', audience: 'internal', recipients: ['#incidents'] },
];

/** A host channel that keeps what it was asked to send. */
function recordingChannel() {
  const sent: Array<{ recipient: string; key: string; audience: string; text: string; version: number }> = [];
  const channel: Channel<{ recipient: string; audience: string; text: string; version: number }> = {
    name: 'inbox',
    capabilities: { threads: false, edits: false },
    render: (m, recipient) => ({ recipient, audience: m.audience, text: m.text, version: m.version }),
    async send(payload, { idempotencyKey }): Promise<DeliveryOutcome> {
      sent.push({ ...payload, key: idempotencyKey });
      return { type: 'delivered', ref: { id: `${sent.length}` } };
    },
  };
  return { channel, sent };
}

let clock: ReturnType<typeof createSimulatedClock>;
let inbox: ReturnType<typeof recordingChannel>;
let desk: IncidentDesk;

beforeEach(() => {
  clock = createSimulatedClock(t(0));
  inbox = recordingChannel();
  desk = createIncidentDesk({ runbook, templates, clock, channels: [inbox.channel], routes: ROUTES });
});

async function declared() {
  const { incidentId } = await desk.declare({
    incidentId: 'inc-1',
    actor: 'dana',
    title: 'Card payments failing at checkout',
    incidentType: 'checkout',
    severity: 'SEV1',
  });
  clock.advanceBy(5);
  await desk.confirmFacts(incidentId, { actor: 'lee', facts: FACTS });
  return incidentId;
}

async function approveAll(id: string, draftId: string) {
  for (const ask of await desk.requestApprovals(id, draftId)) {
    await desk.approve(id, { draftId, gate: ask.gate, actor: ask.approver!.id });
  }
}

describe('createIncidentDesk', () => {
  it('declares with every role from the runbook, and takes overrides', async () => {
    const id = await declared();
    expect(desk.current(id).owners.communicationOwner).toEqual({ id: 'dana', name: 'Dana' });
    expect(desk.current(id).owners.incidentLead).toEqual({ id: 'lee', name: 'Lee' });
    const other = await desk.declare({
      incidentId: 'inc-2',
      actor: 'dana',
      title: 'Sign-in failing',
      incidentType: 'sign-in',
      severity: 'SEV2',
      roles: { incidentLead: { primary: { id: 'ola', name: 'Ola' }, backup: { id: 'lee', name: 'Lee' } } },
    });
    expect(desk.current(other.incidentId).owners.incidentLead?.id).toBe('ola');
    expect(desk.current(other.incidentId).owners.approver?.id).toBe('maya');
  });

  it('names every problem of a declaration or a draft at once, at its own path', async () => {
    const cases: Array<[() => Promise<unknown>, string[]]> = [
      [
        () => desk.declare({ actor: 'dana', title: ' ', incidentType: 'nope', severity: 'SEV9' } as never),
        ['title', 'incidentType', 'severity'],
      ],
      [
        () =>
          desk.declare({ actor: 'dana', title: 'x', incidentType: 'Bad Type', severity: 'SEV1' } as never),
        ['incidentType'],
      ],
      [
        () => desk.declare({ title: 'x', incidentType: 'checkout', severity: 'SEV1', extra: 1 } as never),
        ['actor', ''],
      ],
      [() => desk.declare(null as never), ['']],
      [
        () =>
          desk.declare({ actor: 'dana', title: 'a\nb', incidentType: 'checkout', severity: 'SEV9' } as never),
        ['title', 'severity'],
      ],
      [
        () =>
          desk.declare({
            actor: 'dana',
            title: 'x'.repeat(201),
            incidentType: 'checkout',
            severity: 'SEV1',
          } as never),
        ['title'],
      ],
    ];
    const id = await declared();
    cases.push(
      [() => desk.draft(id, { kind: 'bogus' } as never), ['kind']],
      [
        () => desk.draft(id, { kind: 'update', audience: 'martians', followUpAt: 'soon' } as never),
        ['audience', 'followUpAt'],
      ],
      [
        () => desk.draft(id, { kind: 'update', segment: 'constructor', text: 'x'.repeat(25_000) } as never),
        ['segment', 'text'],
      ],
      [() => desk.draft(id, { kind: 'resolved' }), ['kind']],
      [() => desk.draft(id, { kind: 'initial', status: 'resolved' }), ['status']],
    );
    for (const [call, paths] of cases) {
      const error = await call().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).problems.map((p) => p.path).sort()).toEqual([...paths].sort());
    }
    expect(desk.state(id)!.drafts).toEqual({});
  });

  it('drafts the full release: every audience, the next update planned on the cadence', async () => {
    const id = await declared();
    clock.advanceBy(1);
    const release = await desk.draft(id, { kind: 'initial' });
    expect(release.draftId).toBe('update-v1');
    expect(new Set(release.messages.map((m) => m.audience)).size).toBe(7);
    const planned = planNextUpdateAt(runbook, 'SEV1', 'investigating', t(6))!;
    expect(release.nextUpdateAt).toBe(planned);
    const customer = release.messages.find((m) => m.audience === 'customer')!;
    expect(customer.text).toBe(release.draft.text);
    expect(customer.text).toContain(
      formatUpdateTime(planned, audienceTimeZone(runbook, 'customer'), { relativeTo: t(6) }),
    );
    expect(desk.current(id).openDrafts).toEqual([
      { draftId: 'update-v1', revision: 1, waitingFor: ['facts'] },
    ]);
  });

  it('blocks an unapproved publish (recorded in the log), then delivers the approved one once per recipient', async () => {
    const id = await declared();
    const release = await desk.draft(id, { kind: 'initial' });
    const blocked = await desk.publish(id, release.draftId);
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) expect(blocked.reasons.map((r) => r.code)).toContain('approval-missing');
    expect(desk.state(id)!.blocked).toHaveLength(1);
    expect(inbox.sent).toHaveLength(0);

    await approveAll(id, release.draftId);
    clock.advanceBy(2);
    const published = await desk.publish(id, release.draftId);
    expect(published.ok).toBe(true);
    if (!published.ok) return;
    expect(published.statusUpdate.version).toBe(1);
    // The published version keeps the time the draft promised.
    expect(published.statusUpdate.nextUpdateAt).toBe(release.nextUpdateAt);
    expect(published.delivery?.totals).toMatchObject({ sent: 3, failed: 0, unknown: 0 });
    expect(inbox.sent.map((s) => s.recipient).sort()).toEqual([
      '#incidents',
      'ana@example.com',
      'bo@example.com',
    ]);
    expect(inbox.sent.find((s) => s.audience === 'customer')!.text).toBe(release.draft.text);
    expect(desk.current(id).statusUpdate?.version).toBe(1);

    const again = await desk.publish(id, release.draftId);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.reasons.map((r) => r.code)).toContain('draft-already-published');
    expect(inbox.sent).toHaveLength(3);
  });

  it('refuses routes no release can use when the desk is created, each problem naming its path', () => {
    const strict = {
      ...inbox.channel,
      checkRecipient: (r: string) => (r.includes('@') ? undefined : 'an address'),
    };
    const cases: Array<[DeliveryRoute[], string]> = [
      [[{ channel: 'sms', audience: 'customer', recipients: ['a@x.io'] }], 'routes.0.channel'],
      [[{ channel: 'inbox', audience: 'martians' as never, recipients: ['a@x.io'] }], 'routes.0.audience'],
      [
        [...ROUTES.slice(0, 1), { channel: 'inbox', audience: 'customer', recipients: ['a@x.io', 'nobody'] }],
        'routes.1.recipients.1',
      ],
    ];
    for (const [routes, path] of cases) {
      let error: unknown;
      try {
        createIncidentDesk({ runbook, templates, clock, channels: [strict], routes });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DeliveryInputError);
      expect((error as DeliveryInputError).problems.map((p) => p.path)).toContain(path);
    }
  });

  it('refuses channels it could never deliver through when created: a shared name, a concurrency that starts no send', () => {
    const cases: Array<[Channel<never>[], string]> = [
      [[inbox.channel, inbox.channel] as never, 'channels.1.name'],
      ...[Number.NaN, 0, 1.5].map((concurrency): [Channel<never>[], string] => [
        [{ ...inbox.channel, capabilities: { threads: false, edits: false, concurrency } }] as never,
        'channels.0.capabilities.concurrency',
      ]),
    ];
    for (const [channels, path] of cases) {
      expect(() => createIncidentDesk({ runbook, templates, clock, channels, routes: ROUTES })).toThrow(
        expect.objectContaining({
          code: 'delivery_input_invalid',
          problems: expect.arrayContaining([expect.objectContaining({ path })]),
        }),
      );
    }
  });

  it('takes the attempt bound and flood policy, refusing ones that bound nothing when created', async () => {
    for (const [more, path] of [
      [{ attemptTimeoutMs: 0 }, 'attemptTimeoutMs'],
      [{ flood: { maxAgeMs: 0 } }, 'flood.maxAgeMs'],
    ] as const)
      expect(() => createIncidentDesk({ runbook, templates, clock, ...more })).toThrow(
        expect.objectContaining({
          code: 'delivery_input_invalid',
          problems: [expect.objectContaining({ path })],
        }),
      );
    // A channel that never answers: the desk's own bound (50 ms + the 1 s grace) ends the publish.
    const silent: Channel<string> = {
      name: 'inbox',
      capabilities: { threads: false, edits: false },
      render: (_m, recipient) => recipient,
      send: () => new Promise<DeliveryOutcome>(() => {}),
    };
    const bounded = createIncidentDesk({
      runbook,
      templates,
      clock,
      channels: [silent],
      routes: ROUTES,
      attemptTimeoutMs: 50,
    });
    const { incidentId } = await bounded.declare({
      actor: 'dana',
      title: 'Card payments failing',
      incidentType: 'checkout',
      severity: 'SEV1',
    });
    await bounded.confirmFacts(incidentId, { actor: 'lee', facts: FACTS });
    const release = await bounded.draft(incidentId, { kind: 'initial' });
    for (const ask of await bounded.requestApprovals(incidentId, release.draftId))
      await bounded.approve(incidentId, {
        draftId: release.draftId,
        gate: ask.gate,
        actor: ask.approver!.id,
      });
    const published = await bounded.publish(incidentId, release.draftId);
    if (!published.ok) throw new Error(`blocked: ${JSON.stringify(published.reasons)}`);
    expect(published.delivery?.totals.unknown).toBe(3);
    expect(published.delivery?.deliveries[0]?.reason).toMatch(/within 1050 ms/);
    bounded.stop();
  });

  it('refuses to publish a version its routes cannot carry, and records nothing as published', async () => {
    // Routes chosen per incident are only known at publish time: a bad one must not leave a
    // version recorded as published that then never goes out.
    let routes: DeliveryRoute[] = [{ channel: 'sms', audience: 'customer', recipients: ['a@x.io'] }];
    desk = createIncidentDesk({ runbook, templates, clock, channels: [inbox.channel], routes: () => routes });
    const id = await declared();
    const release = await desk.draft(id, { kind: 'initial' });
    await approveAll(id, release.draftId);
    const logged = desk.state(id)!;
    await expect(desk.publish(id, release.draftId)).rejects.toBeInstanceOf(DeliveryInputError);
    await expect(
      desk.publish(id, release.draftId, {
        routes: [{ channel: 'inbox', audience: 'customer', segment: 'mars', recipients: ['a@x.io'] }],
      }),
    ).rejects.toBeInstanceOf(DeliveryInputError);
    expect(desk.state(id)).toEqual(logged);
    expect(desk.current(id).statusUpdate).toBeUndefined();
    routes = ROUTES;
    const published = await desk.publish(id, release.draftId);
    expect(published.ok && published.statusUpdate.version).toBe(1);
    expect(inbox.sent).toHaveLength(3);
  });

  it('refuses an approval by the wrong person with the reducer error and appends nothing', async () => {
    const id = await declared();
    const release = await desk.draft(id, { kind: 'initial' });
    await desk.requestApprovals(id, release.draftId);
    const before = desk.state(id)!;
    await expect(
      desk.approve(id, { draftId: release.draftId, gate: 'facts', actor: 'priya' }),
    ).rejects.toBeInstanceOf(NotAuthorizedError);
    expect(desk.state(id)).toBe(before);
    await expect(desk.approve('nope', { draftId: 'x', gate: 'facts', actor: 'lee' })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('an edit voids the approvals; the new revision is asked again', async () => {
    const id = await declared();
    const release = await desk.draft(id, { kind: 'initial' });
    await approveAll(id, release.draftId);
    const edited = await desk.edit(id, release.draftId, {
      actor: 'dana',
      text: `${release.draft.text} Thank you.`,
    });
    expect(edited.revision).toBe(2);
    expect(edited.hash).toMatch(/^sha256:/);
    expect(edited.hash).not.toBe(release.hash);
    // An approver who saw the first wording cannot approve the second.
    await desk.requestApprovals(id, release.draftId);
    const before = desk.state(id)!;
    await expect(
      desk.approve(id, { draftId: release.draftId, gate: 'facts', actor: 'lee', releaseHash: release.hash }),
    ).rejects.toMatchObject({ code: expect.any(String) });
    expect(desk.state(id)).toBe(before);
    const result = await desk.publish(id, release.draftId);
    expect(result.ok).toBe(false);
    await desk.approve(id, {
      draftId: release.draftId,
      gate: 'facts',
      actor: 'lee',
      releaseHash: edited.hash,
    });
    expect((await desk.publish(id, release.draftId)).ok).toBe(true);
    expect(inbox.sent.find((s) => s.audience === 'customer')!.text).toMatch(/Thank you\.$/);
  });

  it('runs concurrent calls to one incident one at a time: one of two racing publishes wins', async () => {
    const id = await declared();
    const release = await desk.draft(id, { kind: 'initial' });
    await approveAll(id, release.draftId);
    const results = await Promise.all([desk.publish(id, release.draftId), desk.publish(id, release.draftId)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(desk.state(id)!.updates).toHaveLength(1);
    expect(inbox.sent).toHaveLength(3);
  });

  it('reminds the owner on the clock, and refuses to resolve before recovery is confirmed', async () => {
    const id = await declared();
    const due: string[] = [];
    desk.on('update.due', (r) => due.push(`${r.owner?.id} ${r.dueAt}`));
    const release = await desk.draft(id, { kind: 'initial' });
    await approveAll(id, release.draftId);
    await desk.publish(id, release.draftId);
    const next = desk.current(id).due.nextUpdateAt!;
    expect(next).toBe(release.nextUpdateAt);
    clock.advanceTo(next);
    expect(due).toEqual([`dana ${next}`]);

    await expect(desk.resolve(id, { actor: 'lee' })).rejects.toBeInstanceOf(EventRejectedError);
    await desk.startRecovery(id, { actor: 'alex', note: 'fix deployed' });
    await desk.confirmRecovery(id, { actor: 'lee', customerCheck: 'a real card order went through' });
    const resolved = await desk.resolve(id, { actor: 'lee' });
    expect(resolved.status).toBe('resolved');
    expect(desk.scheduled(id)).toEqual([]);
    // Resolving twice is not an error: the log holds one resolution.
    expect((await desk.resolve(id, { actor: 'lee' })).status).toBe('resolved');
  });

  it('logs triaged tickets and questions for the engineering checkpoint', async () => {
    const id = await declared();
    clock.advanceBy(1);
    const triage = await desk.triage(id, {
      id: 'T-1',
      at: t(6),
      by: 'tom',
      text: 'My card payment failed twice',
    });
    expect(['reassure', 'escalate']).toContain(triage.decision);
    await desk.logQuestion(id, {
      actor: 'tom',
      question: 'Will I be charged twice?',
      topic: 'billing',
      from: 'support-reply',
    });
    expect(desk.state(id)!.questions).toHaveLength(2);
    await desk.holdCheckpoint(id, { actor: 'dana', note: 'questions passed on' });
    expect(desk.state(id)!.checkpoints).toHaveLength(1);
  });

  it('resume() finishes a side note another desk left half-delivered, without a second copy', async () => {
    const events = createMemoryEventStore<IncidentEvent>();
    const outbox = createMemoryOutbox();
    const sent: string[] = [];
    let release: (() => void) | undefined;
    const deliveredTo = (recipient: string): DeliveryOutcome => {
      sent.push(recipient);
      return { type: 'delivered', ref: { id: recipient } };
    };
    // The first desk's channel hangs on the second recipient, as if its process stopped there.
    const hanging: Channel<string> = {
      name: 'notes',
      capabilities: { threads: false, edits: false, concurrency: 1 },
      render: (_m, recipient) => recipient,
      send: (recipient) =>
        recipient === 'b@example.com'
          ? new Promise((resolve) => {
              release = () => resolve({ type: 'delivered', ref: { id: recipient } });
            })
          : Promise.resolve(deliveredTo(recipient)),
    };
    const first = createIncidentDesk({ runbook, templates, clock, events, outbox, channels: [hanging] });
    desk = first;
    const id = await declared();
    // A side note goes out under the current version's promise.
    const update = await first.draft(id, { kind: 'initial' });
    await approveAll(id, update.draftId);
    expect((await first.publish(id, update.draftId)).ok).toBe(true);
    const due = update.nextUpdateAt!;
    const next = formatUpdateTime(due, audienceTimeZone(runbook, 'cs-account'), {
      relativeTo: clock.isoNow(),
    });
    const text = `We will add a credit to your next invoice. Next update by ${next}.`;
    const note = await first.draft(id, {
      id: 'credit',
      kind: 'update',
      audience: 'cs-account',
      text,
      subject: 'A credit',
    });
    await approveAll(id, note.draftId);
    const recipients = ['a@example.com', 'b@example.com', 'c@example.com'];
    const routes: DeliveryRoute[] = [{ channel: 'notes', audience: 'cs-account', recipients }];
    void first.sideNote(id, note.draftId, { routes });
    await expect.poll(() => release).toBeDefined();
    first.stop();

    const recording: Channel<string> = {
      ...hanging,
      send: async (r) => deliveredTo(r),
    };
    const second = createIncidentDesk({
      runbook,
      templates,
      clock,
      events,
      outbox,
      channels: [recording],
      routes: [],
    });
    const report = await second.resume();
    // a was sent and b is still in flight in this process: both skipped; only c goes out.
    expect(report.deliveries.map((d) => d.totals)).toEqual([
      expect.objectContaining({ sent: 1, skipped: 2, failed: 0, unknown: 0 }),
    ]);
    release!();
    await expect.poll(() => sent.length).toBe(2);
    expect(sent.sort()).toEqual(['a@example.com', 'c@example.com']);
    expect((await second.resume()).deliveries).toEqual([]);
  });

  it('resume() reports an incident whose log no longer replays; the others keep working', async () => {
    const events = createMemoryEventStore<IncidentEvent>();
    const first = createIncidentDesk({ runbook, templates, clock, events });
    for (const incidentId of ['inc-good', 'inc-bad'])
      await first.declare({
        incidentId,
        actor: 'dana',
        title: 'Card payments failing',
        incidentType: 'checkout',
        severity: 'SEV1',
      });
    first.stop();
    // Written past the desk (a bad migration, a hand edit): the log no longer replays.
    await events.append('inc-bad', {
      type: 'facts.confirmed',
      at: 'not-a-date',
      actor: 'lee',
      facts: {},
    } as never);
    const second = createIncidentDesk({ runbook, templates, clock, events });
    const report = await second.resume();
    expect(report.incidents).toEqual(['inc-good']);
    expect(report.quarantined).toEqual([
      expect.objectContaining({
        code: 'stored_log_invalid',
        incidentId: 'inc-bad',
        eventIndex: 2,
        eventType: 'facts.confirmed',
      }),
    ]);
    await expect(second.confirmFacts('inc-bad', { actor: 'lee', facts: FACTS })).rejects.toMatchObject({
      code: 'incident_quarantined',
    });
    await second.confirmFacts('inc-good', { actor: 'lee', facts: FACTS });
    const fresh = await second.declare({
      actor: 'dana',
      title: 'Sign-in failing',
      incidentType: 'sign-in',
      severity: 'SEV2',
    });
    expect(second.state(fresh.incidentId)?.status).toBeDefined();
    second.stop();
  });
});
