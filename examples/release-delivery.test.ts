/**
 * The release promise end to end: the communication owner edits the customer message and the
 * support reply of a draft, gets approval and publishes; a real SMTP server on loopback and the
 * Slack Web API stub receive exactly the edited words. An edit after approval blocks the release
 * until it is approved again. A property: whatever the facts, edits and audiences, everything
 * delivered is one approved message of its release, and nothing else is.
 */

import { createEmailChannel } from '@incident-comms/channel-email';
import { type SmtpTestServer, startSmtpTestServer } from '@incident-comms/channel-email/testing';
import { createSlackChannel } from '@incident-comms/channel-slack';
import {
  createStubWebClient,
  type SlackApiStub,
  startSlackApiStub,
} from '@incident-comms/channel-slack/testing';
import {
  applyEvent,
  approvedRelease,
  type Channel,
  createMemoryOutbox,
  type DeliveryRoute,
  type Draft,
  editReleaseMessage,
  type IncidentState,
  lintMessage,
  previewStatusUpdate,
  publish,
  publishUpdate,
  type ReleaseMessage,
  releaseDraft,
  replay,
  replyLintContext,
  requestApprovals,
} from '@incident-comms/core';
import { createVirtualClock } from '@incident-comms/core/testing';
import { renderRelease } from '@incident-comms/templates';
import fc from 'fast-check';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIENCES, type Audience } from '../packages/core/src/vocabulary';
import { checkoutStart, t, testRunbook } from '../packages/core/test/support';

const runbook = testRunbook();
const CUSTOMER_EDIT =
  'No invoices were lost. Queued invoices go out automatically once sending recovers, so there is nothing to resend. Card payments at checkout are failing for some customers paying by card. Next update by 14:35 UTC.';
const SUPPORT_EDIT =
  'Thanks for your patience. Card payments at checkout are failing for some customers right now; please retry a failed payment at most once. No invoices were lost. We will write again by 14:35 UTC.';

/** The outline of update 1 and its rendered release at `at`. */
function rendered(state: IncidentState, at: string) {
  const outline = {
    id: 'update-v1',
    kind: 'initial' as const,
    audience: 'customer' as const,
    status: 'investigating' as const,
    basedOnFactsVersion: state.factsVersion,
  };
  const next = previewStatusUpdate(state, { ...outline, text: '(draft)' }, runbook, at);
  // Published later, it keeps the next-update time its messages state.
  const keep = { nextUpdateAt: next.nextUpdateAt! };
  return { outline, keep, messages: renderRelease(next, runbook, { incidentId: state.id }) };
}

/** Records the draft, asks every gate and has each holder grant it, naming the release hash. */
function recordAndApprove(state: IncidentState, draft: Draft, at: string): IncidentState {
  let s = applyEvent(state, { type: 'draft.created', at, actor: 'dana', draft });
  for (const ask of requestApprovals(draft, s, runbook, at, 'dana')) {
    s = applyEvent(s, ask);
    const holder = ask.role === 'incidentLead' ? 'lee' : 'maya';
    s = applyEvent(s, {
      type: 'approval.granted',
      at,
      actor: holder,
      draftId: draft.id,
      revision: ask.revision,
      gate: ask.gate,
      releaseHash: s.drafts[draft.id]!.releaseHash,
    });
  }
  return s;
}

describe('an edited release, delivered by email (real SMTP) and Slack (Web API stub)', () => {
  let smtp: SmtpTestServer;
  let slack: SlackApiStub;
  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    slack = await startSlackApiStub();
  });
  afterAll(async () => {
    await smtp.close();
    await slack.close();
  });

  it('delivers the edits byte for byte; an edit after approval blocks until approved again', async () => {
    let state = replay(checkoutStart());
    const { outline, keep, messages } = rendered(state, t(6));
    const edited = editReleaseMessage(
      editReleaseMessage(messages, { audience: 'customer', text: CUSTOMER_EDIT }),
      { audience: 'support-reply', text: SUPPORT_EDIT },
    );
    const draft = releaseDraft(outline, edited);
    state = recordAndApprove(state, draft, t(7));
    expect(publish(state, draft, runbook, t(8), keep).ok).toBe(true);

    // One more word after approval: a new revision, every approval void, publish refuses.
    const late = releaseDraft(
      outline,
      editReleaseMessage(edited, { audience: 'support-reply', text: `${SUPPORT_EDIT} Sorry!` }),
    );
    expect(publish(state, late, runbook, t(8), keep)).toMatchObject({
      ok: false,
      reasons: expect.arrayContaining([expect.objectContaining({ code: 'draft-edited' })]),
    });
    state = applyEvent(state, { type: 'draft.created', at: t(8), actor: 'dana', draft: late });
    const blocked = publish(state, late, runbook, t(9), keep);
    expect(blocked.ok).toBe(false);
    expect(!blocked.ok && blocked.reasons.map((r) => r.code)).toContain('approval-missing');
    // Approving the old release's hash is refused: approvals bind to the content.
    expect(() =>
      applyEvent(
        applyEvent(state, {
          type: 'approval.requested',
          at: t(9),
          actor: 'dana',
          draftId: 'update-v1',
          revision: 2,
          gate: 'facts',
          role: 'incidentLead',
        }),
        {
          type: 'approval.granted',
          at: t(9),
          actor: 'lee',
          draftId: 'update-v1',
          revision: 2,
          gate: 'facts',
          releaseHash: blockedHash(draft),
        },
      ),
    ).toThrow(/approve what will be sent/);

    // Back to the first wording, approved again, published and delivered.
    state = recordAndApprove(state, draft, t(10));
    const outcome = publish(state, draft, runbook, t(11), keep);
    if (!outcome.ok) throw new Error(outcome.reasons.map((r) => r.message).join('\n'));
    state = applyEvent(state, outcome.event);
    const release = approvedRelease(state, { version: 1 });

    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, ignoreTLS: true });
    const routes: DeliveryRoute[] = [
      { channel: 'email', audience: 'customer', recipients: ['ana@example.com'] },
      { channel: 'email', audience: 'support-reply', recipients: ['help@example.com'] },
      { channel: 'slack', audience: 'support-reply', recipients: ['C0SUPPORT'] },
    ];
    const result = await publishUpdate({
      release,
      routes,
      channels: [
        createEmailChannel({ transport, from: 'status@example.com', replyTo: 'dana@example.com' }),
        createSlackChannel({ client: createStubWebClient(slack), clock: createVirtualClock() }),
      ],
      outbox: createMemoryOutbox(),
      clock: createVirtualClock(), // the scenario's time: its messages are not expired
    });
    transport.close();
    expect(result.totals.sent).toBe(3);

    const [customerMail] = await smtp.parsed('ana@example.com');
    const [supportMail] = await smtp.parsed('help@example.com');
    expect(customerMail!.text!.replace(/\n$/, '')).toBe(CUSTOMER_EDIT);
    expect(supportMail!.text!.replace(/\n$/, '')).toBe(SUPPORT_EDIT);
    expect(customerMail!.subject).toBe(release.messages.find((m) => m.audience === 'customer')!.subject);
    const [post] = slack.posts('C0SUPPORT');
    expect(String(post!.args.text).endsWith(`\n${SUPPORT_EDIT}`)).toBe(true);
    // The template's own wording of the edited messages reached nobody.
    const original = messages.find((m) => m.audience === 'customer')!.text;
    expect(customerMail!.text).not.toContain(original.slice(0, 60));
  });
});

describe('publish refuses a release whose messages contradict the confirmed facts', () => {
  const cases = [
    {
      audience: 'sales-active-deal' as const,
      text: 'Good news: card payments at checkout still go through normally, so your rollout is not affected. The next update is due by 14:35 UTC.',
      fact: 'whatIsBroken',
    },
    {
      audience: 'sales-renewal' as const,
      text: 'All customers are affected: card payments at checkout are failing. The next update is due by 14:35 UTC.',
      fact: 'whoIsAffected',
    },
    {
      audience: 'cs-account' as const,
      text: 'Card payments at checkout are failing for some customers paying by card. We will send you the next update by 15:05 UTC.',
      fact: 'nextUpdate',
    },
  ];
  for (const { audience, text, fact } of cases) {
    it(`names ${fact} and the ${audience} message`, () => {
      let state = replay(checkoutStart());
      const { outline, keep, messages } = rendered(state, t(6));
      const draft = releaseDraft(outline, editReleaseMessage(messages, { audience, text }));
      state = recordAndApprove(state, draft, t(7));
      const outcome = publish(state, draft, runbook, t(8), keep);
      expect(outcome.ok).toBe(false);
      const reasons = outcome.ok ? [] : outcome.reasons.filter((r) => r.code === 'release-inconsistent');
      expect(reasons, JSON.stringify(outcome.ok ? [] : outcome.reasons)).toContainEqual(
        expect.objectContaining({ fact, audiences: [audience] }),
      );
      expect(reasons.find((r) => r.fact === fact)!.message).toContain(audience);
    });
  }

  it('accepts the same edit when it agrees with the facts', () => {
    let state = replay(checkoutStart());
    const { outline, keep, messages } = rendered(state, t(6));
    const text =
      'Card payments at checkout are failing for some customers paying by card; engineers are on it. The next update is due by 14:35 UTC, and I will forward it to you.';
    const draft = releaseDraft(
      outline,
      editReleaseMessage(messages, { audience: 'sales-active-deal', text }),
    );
    state = recordAndApprove(state, draft, t(7));
    const outcome = publish(state, draft, runbook, t(8), keep);
    expect(outcome.ok ? [] : outcome.reasons).toEqual([]);
  });
});

describe('an ad-hoc reply is linted against the newest published version', () => {
  it("accepts the promised next-update time and refuses the next version's plan", () => {
    let state = replay(checkoutStart());
    const { outline, keep, messages } = rendered(state, t(6));
    const draft = releaseDraft(outline, messages);
    state = recordAndApprove(state, draft, t(7));
    const outcome = publish(state, draft, runbook, t(8), keep);
    if (!outcome.ok) throw new Error('not published');
    state = applyEvent(state, outcome.event);
    // Ten minutes later, support answers a ticket: the promise in force is 14:35 UTC.
    const context = replyLintContext(state, { audience: 'support-reply' }, runbook, t(18));
    expect(context.nextUpdateDue).toBe(outcome.statusUpdate.nextUpdateAt);
    const errors = (text: string) =>
      lintMessage(text, context)
        .filter((d) => d.severity === 'error')
        .map((d) => d.ruleId);
    expect(
      errors(
        'Card payments at checkout are failing for some customers. Our next update is due by 14:35 UTC.',
      ),
    ).toEqual([]);
    expect(
      errors(
        'Card payments at checkout are failing for some customers. Our next update is due by 14:45 UTC.',
      ),
    ).toContain('next-update-time');
  });
});

function blockedHash(draft: Draft): string {
  return applyEvent(replay(checkoutStart()), { type: 'draft.created', at: t(6), actor: 'dana', draft })
    .drafts[draft.id]!.releaseHash!;
}

/** A host channel that keeps every message it is asked to deliver. */
function recordingChannel() {
  const sent: Array<{ recipient: string; audience: Audience; subject: string; text: string; hash?: string }> =
    [];
  const channel: Channel<(typeof sent)[number]> = {
    name: 'inbox',
    capabilities: { threads: false, edits: false },
    render: (m, recipient) => ({
      recipient,
      audience: m.audience,
      subject: m.subject,
      text: m.text,
      ...(m.releaseHash ? { hash: m.releaseHash } : {}),
    }),
    async send(payload) {
      sent.push(payload);
      return { type: 'delivered', ref: { id: String(sent.length) } };
    },
  };
  return { channel, sent };
}

const SYMPTOMS = [
  'card payments at checkout are failing',
  'sign-in fails with an error for some users',
  'invoice emails are delayed by up to an hour',
  'reports time out when they cover more than a month',
];
const AFFECTED = [
  'customers paying by card',
  'users of single sign-on',
  'accounts in the EU region',
  'everyone',
];
const EDITS = [
  'Card payments are failing for some customers. Next update by 14:35 UTC.',
  'We are still working on it and will write again by 14:35 UTC.',
  'Thanks for your patience while we look into this. Please retry a failed payment once at most. Next update by 14:35 UTC.',
];

describe('property: what is delivered is exactly what was approved', () => {
  it('for random facts, edits and audiences, every delivery is one approved message of its release, and nothing else goes out', async () => {
    let delivered = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SYMPTOMS),
        fc.constantFrom(...AFFECTED),
        fc.constantFrom('few', 'some', 'many', 'all', 'unknown'),
        fc.subarray([...AUDIENCES], { minLength: 1 }),
        fc.array(fc.record({ audience: fc.constantFrom(...AUDIENCES), text: fc.constantFrom(...EDITS) }), {
          maxLength: 3,
        }),
        async (symptom, affected, scope, audiences, edits) => {
          let state = replay([
            ...checkoutStart().slice(0, 2),
            {
              type: 'facts.confirmed',
              at: t(5),
              actor: 'lee',
              facts: { symptom, affected, scope, teamAction: 'Engineers are working on it now.' },
            },
          ]);
          const { outline } = rendered(state, t(6));
          const next = previewStatusUpdate(state, { ...outline, text: '(draft)' }, runbook, t(6));
          let messages: ReleaseMessage[] = renderRelease(next, runbook, {
            incidentId: state.id,
            audiences: [...new Set<Audience>(['customer', ...audiences])],
          });
          for (const edit of edits) {
            if (messages.some((m) => m.audience === edit.audience))
              messages = editReleaseMessage(messages, edit);
          }
          const draft = releaseDraft(outline, messages);
          state = recordAndApprove(state, draft, t(7));
          const inbox = recordingChannel();
          const routes: DeliveryRoute[] = AUDIENCES.map((audience) => ({
            channel: 'inbox',
            audience,
            recipients: [`${audience}@example.com`],
          })).filter((r) => messages.some((m) => m.audience === r.audience));
          const outcome = publish(state, draft, runbook, t(8));
          if (!outcome.ok) {
            // Nothing approved for delivery: there is no release to hand to publishUpdate.
            expect(() => approvedRelease(state, { version: 1 })).toThrow();
            return;
          }
          state = applyEvent(state, outcome.event);
          const release = approvedRelease(state, { version: 1 });
          await publishUpdate({
            release,
            routes,
            channels: [inbox.channel],
            outbox: createMemoryOutbox(),
            clock: createVirtualClock(),
          });
          delivered += 1;
          expect(inbox.sent).toHaveLength(routes.length);
          for (const sent of inbox.sent) {
            expect(sent.hash).toBe(release.hash);
            expect(release.messages).toContainEqual(
              expect.objectContaining({ audience: sent.audience, subject: sent.subject, text: sent.text }),
            );
            expect(sent.recipient).toBe(`${sent.audience}@example.com`);
          }
          // Exactly the approved set: each approved message went to its audience, once.
          expect(new Set(inbox.sent.map((s) => s.audience))).toEqual(
            new Set(release.messages.map((m) => m.audience)),
          );
          expect(release.messages).toEqual(draft.messages);
        },
      ),
      { seed: 1414, numRuns: 25 },
    );
    // The property is about deliveries: most runs must get that far.
    expect(delivered).toBeGreaterThan(12);
  });
});
