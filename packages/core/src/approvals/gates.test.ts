import { describe, expect, it } from 'vitest';
import { checkoutState, draftCreated, granted, NORMAL_UPDATE, t } from '../../test/approvals';
import { testRunbook } from '../../test/support';
import { applyEvent } from '../incident/index';
import type { Role } from '../vocabulary';
import { gateStatuses, requiredApprovals } from './index';

const runbook = testRunbook();
const state = checkoutState();
const draftOf = (
  text: string,
  extra: { kind?: 'update' | 'resolved'; status?: 'investigating' | 'resolved' } = {},
) => ({
  text,
  kind: extra.kind ?? ('update' as const),
  status: extra.status ?? ('investigating' as const),
});
const ids = (text: string) => requiredApprovals(draftOf(text), state, runbook).map((g) => g.id);

describe('requiredApprovals', () => {
  it('asks only the incident lead to confirm the facts of a normal update', () => {
    const gates = requiredApprovals(draftOf(NORMAL_UPDATE), state, runbook);
    expect(gates).toEqual([
      {
        id: 'facts',
        kind: 'approval',
        role: 'incidentLead',
        approver: { id: 'lee', name: 'Lee' },
        reason:
          'Every update goes out only after the incident lead (Lee) confirms it states the current facts.',
      },
    ]);
  });

  it.each([
    ['compensation', 'We will make this right on your invoice once service is back.'],
    ['compensation', 'We are adding a service credit to affected accounts.'],
    ['dataLoss', 'Your data is safe and nothing needs to be re-entered.'],
    ['dataLoss', 'No data was lost while payments were failing.'],
    ['contract', 'Per our contract, we will keep you informed.'],
    ['contract', 'This does not count against your SLA.'],
    ['legal', 'Our lawyers are reviewing what happened.'],
    ['security', 'No passwords were exposed during this incident.'],
    ['security', 'There is no sign of unauthorized access to your account.'],
  ] as const)('routes %s to the named approver: "%s"', (topic, sentence) => {
    const gates = requiredApprovals(draftOf(`${NORMAL_UPDATE} ${sentence}`), state, runbook);
    const gate = gates.find((g) => g.id === topic);
    expect(gate).toMatchObject({
      kind: 'approval',
      topic,
      role: 'approver',
      approver: { id: 'maya', name: 'Maya' },
    });
    expect(gate?.reason).toContain('the named approver (Maya) must approve it first');
    // The span points into the text that triggered it.
    const text = `${NORMAL_UPDATE} ${sentence}`;
    expect(text.slice(gate!.span!.start, gate!.span!.end)).toBe(gate!.span!.text);
    expect(sentence).toContain(gate!.span!.text);
  });

  it('sends a promised fix time to the incident lead', () => {
    const text = `${NORMAL_UPDATE} We expect checkout to be fixed within 30 minutes.`;
    const gate = requiredApprovals(draftOf(text), state, runbook).find((g) => g.id === 'fixTime');
    expect(gate).toMatchObject({ topic: 'fixTime', role: 'incidentLead', approver: { id: 'lee' } });
    expect(gate?.span?.text).toContain('within 30 minutes');
  });

  it('does not treat the next update time or a quoted customer question as a sensitive topic', () => {
    expect(ids(NORMAL_UPDATE)).toEqual(['facts']);
    expect(
      ids(`${NORMAL_UPDATE} You asked whether you will get a refund; we will answer in the next update.`),
    ).toEqual(['facts']);
  });

  it('follows the runbook when it routes a topic to another role', () => {
    const legalToLead = testRunbook({ approvals: { legal: 'incidentLead' } });
    const gate = requiredApprovals(
      draftOf(`${NORMAL_UPDATE} Our lawyers are involved.`),
      state,
      legalToLead,
    ).find((g) => g.id === 'legal');
    expect(gate).toMatchObject({ role: 'incidentLead', approver: { id: 'lee' } });
  });

  it('names the backup as approver while the primary is out', () => {
    const out = applyEvent(state, {
      type: 'availability.changed',
      at: t(6),
      actor: 'dana',
      personId: 'maya',
      available: false,
    });
    const gate = requiredApprovals(
      draftOf(`${NORMAL_UPDATE} We will refund any duplicate charge.`),
      out,
      runbook,
    ).find((g) => g.id === 'compensation');
    expect(gate?.approver).toEqual({ id: 'raj', name: 'Raj' });
  });

  it('makes a resolution wait on recovery confirmed with a customer-facing check (a precondition, not an approval)', () => {
    const resolution = draftOf('Card payments at checkout are working again.', {
      kind: 'resolved',
      status: 'resolved',
    });
    const gates = requiredApprovals(resolution, state, runbook);
    expect(gates.map((g) => [g.id, g.kind])).toEqual([
      ['facts', 'approval'],
      ['resolution', 'precondition'],
    ]);
    expect(gateStatuses(gates, undefined, state).map((s) => s.state)).toEqual(['missing', 'unmet']);
    const recovered = applyEvent(state, {
      type: 'recovery.confirmed',
      at: t(40),
      actor: 'lee',
      customerCheck: 'placed a real card order end to end',
    });
    expect(gateStatuses(gates, undefined, recovered).map((s) => s.state)).toEqual(['missing', 'met']);
  });
});

describe('gateStatuses', () => {
  it('reads approvals of the current revision only, and refuses a grant recorded under the wrong role', () => {
    const text = `${NORMAL_UPDATE} We will refund any duplicate charge.`;
    let s = checkoutState(draftCreated('d1', t(8), text));
    const ask = (gate: string, role: Role) =>
      ({
        type: 'approval.requested',
        at: t(8),
        actor: 'dana',
        draftId: 'd1',
        revision: 1,
        gate,
        role,
      }) as const;
    // Asking sales (not the approver) to clear the refund is refused: the gate decides the role.
    expect(() => applyEvent(s, ask('compensation', 'sales'))).toThrow(
      expect.objectContaining({ rule: 'approval-role-from-gate' }),
    );
    s = applyEvent(s, ask('facts', 'incidentLead'));
    s = applyEvent(s, ask('compensation', 'approver'));
    s = applyEvent(s, granted('d1', 1, 'facts', 'lee', t(9)));
    s = applyEvent(s, granted('d1', 1, 'compensation', 'maya', t(9)));
    expect(
      gateStatuses(requiredApprovals(s.drafts.d1!, s, runbook), s.drafts.d1, s).map((x) => [
        x.gate.id,
        x.state,
      ]),
    ).toEqual([
      ['facts', 'granted'],
      ['compensation', 'granted'],
    ]);
    // A runbook that now routes refunds to the incident lead does not count the approver's grant.
    const moved = testRunbook({ approvals: { compensation: 'incidentLead' } });
    expect(
      gateStatuses(requiredApprovals(s.drafts.d1!, s, moved), s.drafts.d1, s).map((x) => [
        x.gate.id,
        x.state,
      ]),
    ).toEqual([
      ['facts', 'granted'],
      ['compensation', 'wrong-role'],
    ]);
  });
});
