import { describe, expect, it } from 'vitest';
import { checkoutState, draftCreated, granted, NORMAL_UPDATE, t } from '../../test/approvals';
import { testRunbook } from '../../test/support';
import { requestApprovals } from '../approvals/index';
import { applyEvent, type IncidentEventInput, type IncidentState } from '../incident/index';
import { lintMessage } from '../lint/lint-message';
import { draftLintContext, lintFactsFromState, publish } from './index';

const runbook = testRunbook({ timeZones: { default: 'America/New_York' } });
const apply = (state: IncidentState, events: readonly IncidentEventInput[]) =>
  events.reduce(applyEvent, state);

describe('lintFactsFromState', () => {
  it('reads confirmed facts: nothing beyond scope at first', () => {
    expect(lintFactsFromState(checkoutState())).toEqual({
      facts: {
        causeConfirmed: false,
        recoveryConfirmed: false,
        scope: 'some',
        workaround: false,
        compensationApproved: false,
        version: 1,
      },
    });
  });

  it('follows cause, workaround, approved fix time and recovery as the incident lead confirms them', () => {
    const state = checkoutState(
      {
        type: 'facts.confirmed',
        at: t(20),
        actor: 'lee',
        facts: { cause: 'an expired certificate', approvedFixTime: t(60) },
      },
      { type: 'workaround.found', at: t(21), actor: 'lee', workaround: 'pay with a saved wallet' },
      { type: 'recovery.confirmed', at: t(50), actor: 'lee', customerCheck: 'placed a real card order' },
    );
    expect(lintFactsFromState(state).facts).toEqual({
      causeConfirmed: true,
      recoveryConfirmed: true,
      scope: 'some',
      workaround: true,
      compensationApproved: false,
      approvedFixTime: t(60),
      version: 4,
    });
  });

  it('counts compensation approved only once every credit and SLA passage of this revision is granted by the approver', () => {
    const text = `${NORMAL_UPDATE} We will add a service credit, as our SLA provides.`;
    let state = checkoutState(draftCreated('d1', t(8), text));
    state = apply(state, requestApprovals(state.drafts.d1!, state, runbook, t(8), 'dana'));
    const approved = () =>
      lintFactsFromState(state, state.drafts.d1!, { runbook, now: t(10) }).facts.compensationApproved;
    state = applyEvent(state, granted('d1', 1, 'compensation', 'maya', t(9)));
    expect(approved()).toBe(false);
    state = applyEvent(state, granted('d1', 1, 'contract', 'maya', t(9)));
    expect(approved()).toBe(true);
    // An edit is a new revision: the approval is gone.
    state = applyEvent(state, draftCreated('d1', t(10), `${text} Thanks for bearing with us.`));
    expect(approved()).toBe(false);
  });

  it("states the next-update time the draft must name: the new version's, or the current promise without a draft", () => {
    const state = checkoutState(draftCreated('d1', t(8), NORMAL_UPDATE));
    expect(lintFactsFromState(state, state.drafts.d1!, { runbook, now: t(10) }).nextUpdateDue).toBe(t(25));
    // Before the first update, the first-update target (15 minutes after declaring).
    expect(lintFactsFromState(state, undefined, { runbook, now: t(10) }).nextUpdateDue).toBe(t(15));
  });

  it('turns a granted fix-time gate into the approved time, so the promise lints clean and publishes', () => {
    const text = `${NORMAL_UPDATE} We expect checkout to be working again by 10:30 AM ET.`;
    let state = checkoutState(draftCreated('d1', t(8), text));
    state = apply(state, requestApprovals(state.drafts.d1!, state, runbook, t(8), 'dana'));
    state = applyEvent(state, granted('d1', 1, 'facts', 'lee', t(9)));
    const fixTimeErrors = () =>
      lintMessage(text, draftLintContext(state, state.drafts.d1!, runbook, t(10))).filter(
        (d) => d.ruleId === 'no-fix-time-promise',
      );
    expect(fixTimeErrors()).toHaveLength(1);
    const early = publish(state, state.drafts.d1!, runbook, t(10));
    expect(!early.ok && early.reasons.map((r) => r.gate ?? r.ruleId)).toEqual([
      'fixTime',
      'no-fix-time-promise',
    ]);

    state = applyEvent(state, granted('d1', 1, 'fixTime', 'lee', t(10)));
    expect(lintFactsFromState(state, state.drafts.d1!, { runbook, now: t(10) }).facts.approvedFixTime).toBe(
      t(80),
    );
    expect(fixTimeErrors()).toEqual([]);
    expect(publish(state, state.drafts.d1!, runbook, t(10)).ok).toBe(true);
  });
});
