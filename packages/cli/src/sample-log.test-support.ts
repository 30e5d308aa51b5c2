/**
 * @module sample-log
 * Builds `examples/incident-log.sample.json`, the small checkout incident the README's CLI
 * examples run on, through core's own reducer, approval requests and `publish` (so every event,
 * including each full StatusUpdate, is one the library itself would write).
 */
import {
  applyEvent,
  type Draft,
  type IncidentEventInput,
  type IncidentState,
  publish,
  type Runbook,
  requestApprovals,
  roleAssignmentsFromRunbook,
} from '@incident-comms/core';

/**
 * The sample checkout incident (Tuesday 2026-03-03, alert at 9:10 AM ET = 14:10 UTC): declared,
 * roles, confirmed facts, an approved first update, questions from customers, sales and customer
 * success, confirmed recovery and an approved resolved version.
 *
 * @param runbook - `packages/core/runbook.example.yaml`, loaded (its people fill the roles).
 * @returns the event log, every event accepted by `applyEvent`.
 * @throws {Error} when `publish` blocks a version (the sample's wording must pass lint and the gates).
 */
export function buildSampleIncidentLog(runbook: Runbook): IncidentEventInput[] {
  const events: IncidentEventInput[] = [];
  let state: IncidentState | undefined;
  const add = (event: IncidentEventInput) => {
    state = applyEvent(state, event);
    events.push(event);
  };
  const current = (): IncidentState => {
    if (!state) throw new Error('no incident yet');
    return state;
  };
  const owner = runbook.roles.communicationOwner.primary.id;
  const lead = runbook.roles.incidentLead.primary.id;
  const approveAndPublish = (draft: Draft, requestAt: string, grantAt: string, publishAt: string) => {
    add({ type: 'draft.created', at: requestAt, actor: owner, draft });
    for (const request of requestApprovals(draft, current(), runbook, requestAt, owner)) {
      add(request);
      const approver = runbook.roles[request.role]!.primary.id;
      add({
        type: 'approval.granted',
        at: grantAt,
        actor: approver,
        draftId: request.draftId,
        revision: request.revision,
        gate: request.gate,
      });
    }
    const outcome = publish(current(), draft, runbook, publishAt, { actor: owner });
    if (!outcome.ok) {
      throw new Error(`sample draft ${draft.id} blocked: ${outcome.reasons.map((r) => r.message).join(' ')}`);
    }
    add(outcome.event);
  };

  add({
    type: 'declared',
    at: '2026-03-03T14:10:00Z',
    actor: owner,
    incidentId: 'inc-2026-03-03-checkout',
    title: 'Card payments failing at checkout',
    incidentType: 'checkout',
    severity: 'SEV1',
  });
  add({
    type: 'roles.assigned',
    at: '2026-03-03T14:10:00Z',
    actor: owner,
    roles: roleAssignmentsFromRunbook(runbook),
  });
  add({
    type: 'facts.confirmed',
    at: '2026-03-03T14:14:00Z',
    actor: lead,
    facts: {
      symptom: 'card payments at checkout fail with a payment error',
      affected: 'customers paying by card',
      scope: 'some',
      unknowns: ['why some card payments fail and others go through'],
      teamAction: 'Engineers are working on the payment service now.',
      customerAction: 'If a payment fails, wait before trying again; PayPal checkout works.',
      regions: ['US', 'EU'],
    },
  });
  add({
    type: 'question.logged',
    at: '2026-03-03T14:16:00Z',
    actor: runbook.roles.support.primary.id,
    question: 'My card payment failed twice. Was I charged twice?',
    topic: 'double charges',
    from: 'customer',
  });
  const factsVersion = () => current().factsVersion;
  approveAndPublish(
    {
      id: 'd-1',
      kind: 'initial',
      audience: 'customer',
      status: 'investigating',
      text:
        'Some customers paying by card cannot complete checkout right now; the payment fails with an error. ' +
        'Our engineers are working on the payment service now. If a payment fails, please wait before trying again; PayPal checkout works. ' +
        'Next update by 9:35 AM ET.',
      basedOnFactsVersion: factsVersion(),
    },
    '2026-03-03T14:17:00Z',
    '2026-03-03T14:19:00Z',
    '2026-03-03T14:20:00Z',
  );
  add({
    type: 'question.logged',
    at: '2026-03-03T14:24:00Z',
    actor: runbook.roles.sales.primary.id,
    question: 'A prospect is mid-trial and asks whether checkout is safe to demo today.',
    topic: 'demo readiness',
    from: 'sales-prospect',
    accountId: 'acct-northwind',
  });
  add({
    type: 'question.logged',
    at: '2026-03-03T14:27:00Z',
    actor: runbook.roles.customerSuccess.primary.id,
    question: 'Was I charged twice for the order that failed?',
    topic: 'double charges',
    from: 'cs-account',
    accountId: 'acct-contoso',
  });
  add({
    type: 'recovery.confirmed',
    at: '2026-03-03T14:31:00Z',
    actor: lead,
    customerCheck: 'placed a real card order end to end in the US and the EU',
    recoveredAt: '2026-03-03T14:29:00Z',
  });
  approveAndPublish(
    {
      id: 'd-2',
      kind: 'resolved',
      audience: 'customer',
      status: 'resolved',
      text:
        'Card payments at checkout have worked normally again since 9:29 AM ET. ' +
        'If a payment failed earlier today, you can place the order again now. Thank you for your patience.',
      basedOnFactsVersion: factsVersion(),
    },
    '2026-03-03T14:32:00Z',
    '2026-03-03T14:33:00Z',
    '2026-03-03T14:34:00Z',
  );
  return events;
}
