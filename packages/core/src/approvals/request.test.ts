import { describe, expect, it } from 'vitest';
import { checkoutState, draftCreated, granted, NORMAL_UPDATE, t } from '../../test/approvals';
import { testRunbook } from '../../test/support';
import { NotAuthorizedError, ValidationError } from '../errors';
import { applyEvent, type IncidentEventInput, type IncidentState } from '../incident/index';
import { requestApprovals } from './index';

const runbook = testRunbook();
const REFUND = `${NORMAL_UPDATE} We will refund any duplicate charge.`;

const apply = (state: IncidentState, events: readonly IncidentEventInput[]) =>
  events.reduce(applyEvent, state);

describe('requestApprovals', () => {
  it('asks each gate once, with the role that decides it, on the current revision', () => {
    const state = checkoutState(draftCreated('d1', t(8), REFUND));
    const requests = requestApprovals(state.drafts.d1!, state, runbook, t(8), 'dana');
    expect(requests).toEqual([
      {
        type: 'approval.requested',
        at: t(8),
        actor: 'dana',
        draftId: 'd1',
        revision: 1,
        gate: 'facts',
        role: 'incidentLead',
      },
      {
        type: 'approval.requested',
        at: t(8),
        actor: 'dana',
        draftId: 'd1',
        revision: 1,
        gate: 'compensation',
        role: 'approver',
        topic: 'compensation',
      },
    ]);
    const after = apply(state, requests);
    // Asking again asks nothing: both are already waiting.
    expect(requestApprovals(after.drafts.d1!, after, runbook, t(9), 'dana')).toEqual([]);
    // The log holds who asked and when, so the review can measure approval wait.
    expect(after.drafts.d1!.approvals.compensation).toMatchObject({
      requestedAt: t(8),
      requestedBy: 'dana',
      status: 'requested',
    });
  });

  it('does not re-ask a denied gate: the wording must change first', () => {
    let state = checkoutState(draftCreated('d1', t(8), REFUND));
    state = apply(state, requestApprovals(state.drafts.d1!, state, runbook, t(8), 'dana'));
    state = applyEvent(state, {
      type: 'approval.denied',
      at: t(9),
      actor: 'maya',
      draftId: 'd1',
      revision: 1,
      gate: 'compensation',
      reason: 'no refunds promised yet',
    });
    expect(requestApprovals(state.drafts.d1!, state, runbook, t(10), 'dana')).toEqual([]);
  });

  it('refuses a draft that is not recorded, or differs from the recorded revision', () => {
    const state = checkoutState(draftCreated('d1', t(8), NORMAL_UPDATE));
    const unknown = {
      id: 'nope',
      text: NORMAL_UPDATE,
      kind: 'update' as const,
      status: 'investigating' as const,
    };
    expect(() => requestApprovals(unknown, state, runbook, t(8), 'dana')).toThrow(ValidationError);
    const edited = { ...state.drafts.d1!, text: REFUND };
    expect(() => requestApprovals(edited, state, runbook, t(8), 'dana')).toThrow(/draft\.text/);
    expect(() => requestApprovals(state.drafts.d1!, state, runbook, 'soon', 'dana')).toThrow(/now/);
  });
});

describe('who can grant', () => {
  const requested = () => {
    const state = checkoutState(draftCreated('d1', t(8), REFUND));
    return apply(state, requestApprovals(state.drafts.d1!, state, runbook, t(8), 'dana'));
  };

  it('the primary approver can grant', () => {
    const state = applyEvent(requested(), granted('d1', 1, 'compensation', 'maya', t(9)));
    expect(state.drafts.d1!.approvals.compensation).toMatchObject({
      status: 'granted',
      decidedBy: 'maya',
      decidedAt: t(9),
    });
  });

  it('the backup can grant while the primary is unavailable, and not before', () => {
    const before = requested();
    expect(() => applyEvent(before, granted('d1', 1, 'compensation', 'raj', t(9)))).toThrow(
      NotAuthorizedError,
    );
    const out = applyEvent(before, {
      type: 'availability.changed',
      at: t(9),
      actor: 'dana',
      personId: 'maya',
      available: false,
    });
    const state = applyEvent(out, granted('d1', 1, 'compensation', 'raj', t(10)));
    expect(state.drafts.d1!.approvals.compensation).toMatchObject({ status: 'granted', decidedBy: 'raj' });
  });

  it('anyone else gets NotAuthorizedError and nothing is recorded', () => {
    const state = requested();
    const snapshot = structuredClone(state);
    let error: unknown;
    try {
      applyEvent(state, granted('d1', 1, 'compensation', 'priya', t(9)));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NotAuthorizedError);
    expect(error).toMatchObject({ code: 'approval_not_authorized', actor: 'priya', role: 'approver' });
    expect(state).toEqual(snapshot);
    expect(state.drafts.d1!.approvals.compensation!.status).toBe('requested');
  });

  it('an edit after approval clears the approvals; the new revision is asked again', () => {
    let state = apply(requested(), [
      granted('d1', 1, 'facts', 'lee', t(9)),
      granted('d1', 1, 'compensation', 'maya', t(9)),
    ]);
    state = applyEvent(state, draftCreated('d1', t(10), `${REFUND} Thank you for your patience.`));
    expect(state.drafts.d1!.revision).toBe(2);
    expect(state.drafts.d1!.approvals).toEqual({});
    // A grant aimed at the old revision is refused.
    expect(() => applyEvent(state, granted('d1', 1, 'compensation', 'maya', t(11)))).toThrow(/edited/);
    expect(
      requestApprovals(state.drafts.d1!, state, runbook, t(11), 'dana').map((r) => [r.gate, r.revision]),
    ).toEqual([
      ['facts', 2],
      ['compensation', 2],
    ]);
  });
});
