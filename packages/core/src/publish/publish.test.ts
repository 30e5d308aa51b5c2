import { describe, expect, it } from 'vitest';
import {
  checkoutState,
  type DraftOptions,
  denied,
  draftCreated,
  granted,
  NORMAL_UPDATE,
  t,
} from '../../test/approvals';
import { checkoutStart, ownerGap, roleAssignments, testRunbook } from '../../test/support';
import { requestApprovals } from '../approvals/index';
import { NotAuthorizedError, ValidationError } from '../errors';
import {
  applyEvent,
  currentStatusUpdate,
  type IncidentEventInput,
  type IncidentState,
  replay,
  supersededUpdates,
} from '../incident/index';
import { type PublishOutcome, previewStatusUpdate, publish } from './index';

const runbook = testRunbook({ timeZones: { default: 'America/New_York' } });
const apply = (state: IncidentState, events: readonly IncidentEventInput[]) =>
  events.reduce(applyEvent, state);

/** Records a draft, asks for every gate, and lets the incident lead confirm the facts. */
function approvedDraft(
  state: IncidentState,
  id: string,
  at: string,
  text: string,
  options: DraftOptions = {},
): IncidentState {
  let s = applyEvent(state, draftCreated(id, at, text, options));
  s = apply(s, requestApprovals(s.drafts[id]!, s, runbook, at, options.actor ?? 'dana'));
  return applyEvent(s, granted(id, s.drafts[id]!.revision, 'facts', 'lee', at));
}

const blocked = (outcome: PublishOutcome) => {
  if (outcome.ok) throw new Error('expected publish to be blocked');
  return outcome;
};
const codes = (outcome: PublishOutcome) => blocked(outcome).reasons.map((r) => r.code);

describe('publish', () => {
  it('creates version 1 from the confirmed facts once the incident lead confirmed them', () => {
    const state = approvedDraft(checkoutState(), 'd1', t(8), NORMAL_UPDATE);
    const outcome = publish(state, state.drafts.d1!, runbook, t(10));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.reasons));
    expect(outcome.statusUpdate).toEqual({
      version: 1,
      status: 'investigating',
      kind: 'update',
      severity: 'SEV1',
      title: 'Card payments failing at checkout',
      incidentType: 'checkout',
      symptom: 'card payments at checkout are failing',
      affected: 'customers paying by card',
      scope: 'some',
      teamAction: 'Engineers are working on the payment service now.',
      unknowns: ['whether the payment provider or our app is at fault'],
      customerAction:
        'If a payment failed, please do not retry more than once until we confirm checkout is stable.',
      regions: [],
      productAreas: ['checkout'],
      text: NORMAL_UPDATE,
      publishedAt: t(10),
      nextUpdateAt: t(25), // SEV1: 15 minutes, 9:35 AM ET as the text says
      ownerId: 'dana',
      ownerName: 'Dana',
      factsVersion: 1,
      draftId: 'd1',
      draftRevision: 1,
    });
    expect(outcome.event).toEqual({
      type: 'update.published',
      at: t(10),
      actor: 'dana',
      update: outcome.statusUpdate,
    });
    const after = applyEvent(state, outcome.event);
    expect(currentStatusUpdate(after)).toEqual(outcome.statusUpdate);
  });

  it('adds version N+1 as the one current update and keeps earlier versions unchanged', () => {
    let state = approvedDraft(checkoutState(), 'd1', t(8), NORMAL_UPDATE);
    const first = publish(state, state.drafts.d1!, runbook, t(10));
    if (!first.ok) throw new Error('first publish blocked');
    state = applyEvent(state, first.event);
    const v1 = structuredClone(currentStatusUpdate(state));
    const second = NORMAL_UPDATE.replace('9:35 AM ET', '9:50 AM ET');
    state = approvedDraft(state, 'd2', t(24), second);
    const outcome = publish(state, state.drafts.d2!, runbook, t(25));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.reasons));
    expect(outcome.statusUpdate).toMatchObject({ version: 2, nextUpdateAt: t(40), text: second });
    state = applyEvent(state, outcome.event);
    expect(currentStatusUpdate(state)?.version).toBe(2);
    expect(supersededUpdates(state)).toEqual([v1]);
  });

  it('uses the backup owner while the communication owner is out', () => {
    let state = approvedDraft(checkoutState(), 'd1', t(8), NORMAL_UPDATE);
    state = applyEvent(state, {
      type: 'availability.changed',
      at: t(9),
      actor: 'lee',
      personId: 'dana',
      available: false,
    });
    const outcome = publish(state, state.drafts.d1!, runbook, t(10));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.reasons));
    expect(outcome.statusUpdate).toMatchObject({ ownerId: 'sam', ownerName: 'Sam' });
    expect(outcome.event.actor).toBe('sam');
    expect(() => applyEvent(state, outcome.event)).not.toThrow();
  });

  it('honours an earlier next-update time the owner promised, never a later one', () => {
    const text = NORMAL_UPDATE.replace('9:35 AM ET', '9:30 AM ET');
    const state = approvedDraft(checkoutState(), 'd1', t(8), text);
    const outcome = publish(state, state.drafts.d1!, runbook, t(10), { nextUpdateAt: t(20) });
    expect(outcome.ok && outcome.statusUpdate.nextUpdateAt).toBe(t(20));
    expect(() => publish(state, state.drafts.d1!, runbook, t(10), { nextUpdateAt: t(30) })).toThrow(
      ValidationError,
    );
    expect(() => publish(state, state.drafts.d1!, runbook, t(10), { nextUpdateAt: t(9) })).toThrow(
      /after now/,
    );
    expect(() => publish(state, state.drafts.d1!, runbook, 'now')).toThrow(ValidationError);
    expect(() => publish(state, state.drafts.d1!, runbook, t(7))).toThrow(/not before the last event/);
  });

  it('publishes a resolution only after recovery was confirmed with a customer-facing check', () => {
    const text =
      'Card payments at checkout are working normally again. We confirmed it by placing real card orders. ' +
      'If a payment failed earlier, you can try it again now.';
    let state = checkoutState();
    state = approvedDraft(state, 'r1', t(40), text, { kind: 'resolved', status: 'resolved' });
    const early = blocked(publish(state, state.drafts.r1!, runbook, t(41)));
    expect(early.reasons.map((r) => r.code)).toContain('recovery-not-confirmed');
    expect(early.reasons.find((r) => r.code === 'recovery-not-confirmed')?.message).toContain(
      'customer-facing check',
    );

    state = applyEvent(state, {
      type: 'recovery.confirmed',
      at: t(45),
      actor: 'lee',
      customerCheck: 'placed a real card order end to end',
      recoveredAt: t(42),
    });
    // Recovery bumped the facts version: the draft is now stale and must be rewritten.
    expect(codes(publish(state, state.drafts.r1!, runbook, t(46)))).toEqual(['stale-facts']);
    state = approvedDraft(state, 'r1', t(46), text, {
      kind: 'resolved',
      status: 'resolved',
      basedOnFactsVersion: 2,
    });
    const outcome = publish(state, state.drafts.r1!, runbook, t(47));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.reasons));
    expect(outcome.statusUpdate).toMatchObject({ status: 'resolved', kind: 'resolved', recoveredAt: t(42) });
    expect(outcome.statusUpdate.nextUpdateAt).toBeUndefined();
    state = applyEvent(state, outcome.event);
    expect(state.status).toBe('resolved');
    expect(codes(publish(state, state.drafts.r1!, runbook, t(50)))).toEqual(
      expect.arrayContaining(['draft-already-published', 'incident-resolved']),
    );
  });
});

describe('previewStatusUpdate', () => {
  const draftOf = (state: IncidentState, id: string, text: string, status = 'investigating' as const) => ({
    id,
    kind: 'update' as const,
    audience: 'customer' as const,
    status,
    text,
    basedOnFactsVersion: state.factsVersion,
  });

  it('is the version publish creates: same mapping, field for field', () => {
    let state = approvedDraft(checkoutState(), 'd1', t(8), NORMAL_UPDATE);
    const first = publish(state, state.drafts.d1!, runbook, t(10));
    expect(first.ok && first.statusUpdate).toEqual(
      previewStatusUpdate(state, state.drafts.d1!, runbook, t(10)),
    );
    if (!first.ok) return;
    state = applyEvent(state, first.event);
    state = apply(state, [
      { type: 'workaround.found', at: t(20), actor: 'lee', workaround: 'Pay by bank transfer instead.' },
      { type: 'availability.changed', at: t(21), actor: 'lee', personId: 'dana', available: false },
    ]);
    const second = NORMAL_UPDATE.replace('9:35 AM ET', '9:45 AM ET');
    state = approvedDraft(state, 'd2', t(22), second, { basedOnFactsVersion: 2, actor: 'sam' });
    const options = { nextUpdateAt: t(35) };
    const outcome = publish(state, state.drafts.d2!, runbook, t(23), options);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.reasons));
    expect(previewStatusUpdate(state, state.drafts.d2!, runbook, t(23), options)).toEqual(
      outcome.statusUpdate,
    );
    expect(outcome.statusUpdate).toMatchObject({
      version: 2,
      workaround: 'Pay by bank transfer instead.',
      ownerId: 'sam',
      nextUpdateAt: t(35),
    });
  });

  it('previews a draft not recorded yet, so its wording can be rendered from the version it becomes', () => {
    const state = checkoutState();
    const draft = draftOf(state, 'd-new', '(wording to come)');
    const preview = previewStatusUpdate(state, draft, runbook, t(9));
    expect(preview).toMatchObject({
      version: 1,
      text: '(wording to come)',
      draftId: 'd-new',
      draftRevision: 1, // the revision recording it will create
      publishedAt: t(9),
      nextUpdateAt: t(25), // SEV1: 15 minutes from 9:19, rounded up to 9:35 AM ET
      ownerId: 'dana',
      symptom: 'card payments at checkout are failing',
    });
    // An edited text of a recorded draft becomes the next revision.
    const recorded = approvedDraft(state, 'd1', t(8), NORMAL_UPDATE);
    expect(
      previewStatusUpdate(recorded, draftOf(recorded, 'd1', 'new words'), runbook, t(9)).draftRevision,
    ).toBe(2);
    expect(previewStatusUpdate(recorded, recorded.drafts.d1!, runbook, t(9)).draftRevision).toBe(1);
  });

  it('skips the gates: no approvals asked, lint errors in the text, still a preview', () => {
    const state = checkoutState();
    const draft = draftOf(state, 'd1', 'Fixed within 10 minutes, guaranteed!!!');
    expect(
      codes(publish(applyEvent(state, draftCreated('d1', t(8), draft.text)), draft, runbook, t(9))),
    ).toContain('approval-missing');
    expect(previewStatusUpdate(state, draft, runbook, t(9)).text).toBe(draft.text);
  });

  it('refuses when no version can be built yet, naming what is missing', () => {
    const bare = replay([checkoutStart()[0]!]);
    const draft = draftOf(bare, 'd1', 'x');
    let caught: unknown;
    try {
      previewStatusUpdate(bare, draft, runbook, t(1));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).problems.map((p) => p.path)).toEqual([
      'state.facts.symptom',
      'state.facts.affected',
      'state.facts.teamAction',
      'state.roles.communicationOwner',
    ]);
    expect(() =>
      previewStatusUpdate(checkoutState(), draftOf(checkoutState(), 'd1', 'x'), runbook, 'now'),
    ).toThrow(ValidationError);
  });
});

describe('publish: every blocked reason', () => {
  it('approval-missing: nobody asked the incident lead to confirm the facts', () => {
    const state = checkoutState(draftCreated('d1', t(8), NORMAL_UPDATE));
    const outcome = blocked(publish(state, state.drafts.d1!, runbook, t(10)));
    expect(outcome.reasons).toEqual([
      expect.objectContaining({ code: 'approval-missing', gate: 'facts', role: 'incidentLead' }),
    ]);
    expect(outcome.reasons[0]?.message).toContain('Ask the incident lead (Lee) for approval.');
  });

  it('approval-pending and approval-denied name the gate and who decides', () => {
    let state = checkoutState(
      draftCreated('d1', t(8), `${NORMAL_UPDATE} We will refund any duplicate charge.`),
    );
    state = apply(state, requestApprovals(state.drafts.d1!, state, runbook, t(8), 'dana'));
    state = applyEvent(state, denied('d1', 1, 'facts', 'lee', t(9), 'scope is now all customers'));
    const outcome = blocked(publish(state, state.drafts.d1!, runbook, t(10)));
    expect(outcome.reasons.filter((r) => r.code !== 'lint-error').map((r) => [r.code, r.gate])).toEqual([
      ['approval-denied', 'facts'],
      ['approval-pending', 'compensation'],
    ]);
    expect(outcome.reasons[0]?.message).toContain('scope is now all customers');
    expect(outcome.reasons[1]?.message).toContain('the named approver (Maya)');
  });

  it('approval-wrong-role: a grant from a role the runbook no longer names does not count', () => {
    const text = `${NORMAL_UPDATE} We will refund any duplicate charge.`;
    let state = approvedDraft(checkoutState(), 'd1', t(8), text);
    state = applyEvent(state, granted('d1', 1, 'compensation', 'maya', t(9)));
    const moved = testRunbook({
      timeZones: { default: 'America/New_York' },
      approvals: { compensation: 'incidentLead' },
    });
    const found = codes(publish(state, state.drafts.d1!, moved, t(10))).filter((c) => c !== 'lint-error');
    expect(found).toEqual(['approval-wrong-role']);
  });

  it('stale-facts: facts changed after the draft was written', () => {
    let state = approvedDraft(checkoutState(), 'd1', t(8), NORMAL_UPDATE);
    // A change the draft's wording still fits ("some customers" stays true of a few), so the
    // only reason is the stale version; scope 'all' would also make lint flag "some customers".
    state = applyEvent(state, { type: 'scope.changed', at: t(9), actor: 'lee', scope: 'few' });
    const outcome = blocked(publish(state, state.drafts.d1!, runbook, t(10)));
    // Reported once, as the stale-facts refusal (not again as a lint error of the same rule).
    expect(outcome.reasons.map((r) => r.code)).toEqual(['stale-facts']);
    expect(outcome.reasons[0]?.message).toContain('facts version 1; the newest is 2');
  });

  it('no-communication-owner: both the owner and the backup are out', () => {
    let state = approvedDraft(checkoutState(), 'd1', t(8), NORMAL_UPDATE);
    state = apply(state, ownerGap(t(9)));
    const outcome = blocked(publish(state, state.drafts.d1!, runbook, t(10)));
    expect(outcome.reasons.map((r) => r.code)).toEqual(['no-communication-owner']);
    expect(outcome.event.actor).toBe('system');
  });

  it('no-communication-owner: no owner was ever assigned', () => {
    const { communicationOwner: _owner, ...others } = roleAssignments();
    const state = replay([
      {
        type: 'declared',
        at: t(0),
        actor: 'lee',
        incidentId: 'inc-2',
        title: 'Card payments failing at checkout',
        incidentType: 'checkout',
        severity: 'SEV1',
      },
      { type: 'roles.assigned', at: t(0), actor: 'lee', roles: others },
      {
        type: 'facts.confirmed',
        at: t(5),
        actor: 'lee',
        facts: {
          symptom: 'card payments at checkout are failing',
          affected: 'customers paying by card',
          scope: 'some',
          teamAction: 'Engineers are on it.',
        },
      },
      draftCreated('d1', t(8), NORMAL_UPDATE, { actor: 'lee' }),
      {
        type: 'approval.requested',
        at: t(8),
        actor: 'lee',
        draftId: 'd1',
        revision: 1,
        gate: 'facts',
        role: 'incidentLead',
      },
      granted('d1', 1, 'facts', 'lee', t(9)),
    ]);
    const outcome = blocked(publish(state, state.drafts.d1!, runbook, t(10)));
    expect(outcome.reasons.map((r) => r.code)).toEqual(['no-communication-owner']);
    expect(outcome.reasons[0]?.message).toContain('No communication owner is assigned');
  });

  it('facts-missing: the incident lead has not confirmed what customers see', () => {
    const state = replay([
      {
        type: 'declared',
        at: t(0),
        actor: 'dana',
        incidentId: 'inc-3',
        title: 'Card payments failing at checkout',
        incidentType: 'checkout',
        severity: 'SEV1',
      },
      { type: 'roles.assigned', at: t(0), actor: 'dana', roles: roleAssignments() },
      draftCreated('d1', t(8), NORMAL_UPDATE, { basedOnFactsVersion: 0 }),
      {
        type: 'approval.requested',
        at: t(8),
        actor: 'dana',
        draftId: 'd1',
        revision: 1,
        gate: 'facts',
        role: 'incidentLead',
      },
      granted('d1', 1, 'facts', 'lee', t(9)),
    ]);
    const outcome = blocked(publish(state, state.drafts.d1!, runbook, t(10)));
    expect(outcome.reasons.map((r) => r.code)).toContain('facts-missing');
    expect(outcome.reasons.find((r) => r.code === 'facts-missing')?.message).toContain(
      'what customers see, who is affected, what the team is doing',
    );
  });

  it('lint-error: each lint error is a reason with its rule id and span', () => {
    const text = `${NORMAL_UPDATE} We suspect the payment provider is at fault.`;
    const state = approvedDraft(checkoutState(), 'd1', t(8), text);
    const outcome = blocked(publish(state, state.drafts.d1!, runbook, t(10)));
    expect(outcome.reasons).toEqual([
      expect.objectContaining({
        code: 'lint-error',
        ruleId: 'no-cause-speculation',
        span: expect.objectContaining({ text: 'We suspect' }),
      }),
    ]);
    expect(outcome.event.reasons).toEqual([
      { code: 'lint-error', ruleId: 'no-cause-speculation', message: outcome.reasons[0]!.message },
    ]);
    expect(outcome.diagnostics.some((d) => d.ruleId === 'no-cause-speculation')).toBe(true);
  });

  it('draft-not-recorded and draft-edited: only the approved wording can go out', () => {
    const state = approvedDraft(checkoutState(), 'd1', t(8), NORMAL_UPDATE);
    const unknown = { ...state.drafts.d1!, id: 'd9' };
    expect(codes(publish(state, unknown, runbook, t(10)))).toEqual([
      'draft-not-recorded',
      'approval-missing',
    ]);
    const edited = { ...state.drafts.d1!, text: NORMAL_UPDATE.replace('some customers', 'customers') };
    expect(codes(publish(state, edited, runbook, t(10)))).toEqual(['draft-edited', 'approval-missing']);
    // Claiming newer facts than the recorded revision was written from is an edit too.
    const later = applyEvent(state, {
      type: 'facts.confirmed',
      at: t(9),
      actor: 'lee',
      facts: { regions: ['US'] },
    });
    const relabelled = { ...later.drafts.d1!, basedOnFactsVersion: 2 };
    expect(codes(publish(later, relabelled, runbook, t(10)))).toEqual(['draft-edited', 'approval-missing']);
  });

  it('lists every reason at once, and the blocked event records them for the review', () => {
    let state = checkoutState(
      draftCreated(
        'd1',
        t(8),
        `${NORMAL_UPDATE} Our lawyers are reviewing it. We suspect the payment provider.`,
      ),
    );
    state = apply(state, [
      { type: 'scope.changed', at: t(9), actor: 'lee', scope: 'some' },
      ...ownerGap(t(9)),
    ]);
    const outcome = blocked(publish(state, state.drafts.d1!, runbook, t(10), { actor: 'lee' }));
    expect(outcome.reasons.map((r) => [r.code, r.gate ?? r.ruleId ?? null])).toEqual([
      ['stale-facts', null],
      ['no-communication-owner', null],
      ['approval-missing', 'facts'],
      ['approval-missing', 'legal'],
      ['lint-error', 'no-cause-speculation'],
    ]);
    const after = applyEvent(state, outcome.event);
    expect(after.blocked).toEqual([
      { at: t(10), draftId: 'd1', revision: 1, reasons: outcome.event.reasons },
    ]);
    expect(after.updates).toEqual([]);
  });
});

describe('the practice', () => {
  it('normal updates go after engineering confirms the facts; sensitive topics go through one named leader', () => {
    // 9:18 ET. Dana, the communication owner, drafts the first update from the confirmed facts.
    let state = checkoutState(draftCreated('first', t(8), NORMAL_UPDATE));
    state = apply(state, requestApprovals(state.drafts.first!, state, runbook, t(8), 'dana'));
    expect(Object.keys(state.drafts.first!.approvals)).toEqual(['facts']);
    // It waits only for the incident lead to confirm the facts...
    expect(codes(publish(state, state.drafts.first!, runbook, t(9)))).toEqual(['approval-pending']);
    // ...Lee confirms, and it goes out.
    state = applyEvent(state, granted('first', 1, 'facts', 'lee', t(9)));
    let outcome = publish(state, state.drafts.first!, runbook, t(10));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.reasons));
    state = applyEvent(state, outcome.event);

    // 9:33 ET. Customer success wants to offer a credit. Dana drafts it into the next update.
    const credit = `${NORMAL_UPDATE.replace('9:35 AM ET', '9:50 AM ET')} We will make this right on your invoice.`;
    state = applyEvent(state, draftCreated('credit', t(23), credit));
    state = apply(state, requestApprovals(state.drafts.credit!, state, runbook, t(23), 'dana'));
    expect(state.drafts.credit!.approvals.compensation).toMatchObject({
      role: 'approver',
      status: 'requested',
    });
    // Lee confirms the facts, but a credit offer goes through one named leader: it still waits.
    state = applyEvent(state, granted('credit', 1, 'facts', 'lee', t(24)));
    const waiting = blocked(publish(state, state.drafts.credit!, runbook, t(24)));
    expect(waiting.reasons.map((r) => [r.code, r.gate ?? r.ruleId])).toEqual([
      ['approval-pending', 'compensation'],
      ['lint-error', 'no-compensation-offer'],
    ]);
    // Priya in sales cannot wave it through; nothing is recorded.
    expect(() => applyEvent(state, granted('credit', 1, 'compensation', 'priya', t(24)))).toThrow(
      NotAuthorizedError,
    );
    expect(state.drafts.credit!.approvals.compensation!.status).toBe('requested');
    // Maya, the named approver, grants it; now it goes out as version 2.
    state = applyEvent(state, granted('credit', 1, 'compensation', 'maya', t(25)));
    outcome = publish(state, state.drafts.credit!, runbook, t(25));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.reasons));
    state = applyEvent(state, outcome.event);
    expect(currentStatusUpdate(state)).toMatchObject({ version: 2, text: credit });
    expect(supersededUpdates(state).map((u) => u.version)).toEqual([1]);
  });
});
