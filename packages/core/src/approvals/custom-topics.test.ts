import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NotAuthorizedError } from '../errors';
import { applyEvent, type IncidentState } from '../incident/index';
import { incidentPolicyFromRunbook, roleAssignmentsFromRunbook } from '../incident/roles';
import { defineRunbook, type Runbook } from '../runbook/index';
import { APPROVAL_TOPICS, ROLES } from '../vocabulary';
import { requestApprovals } from './request';

const EXTRA_ROLES = ['legalReviewer', 'cfo', 'privacyLead', 'auditLead'] as const;
const CUSTOM_TOPICS = ['regulator', 'invoices', 'audit', 'pricing', 'payroll'] as const;
// Words nothing built-in detects, one per custom topic.
const PHRASE = (i: number) => `zorblax${'abcdefgh'[i]}`;
const AT = (minutes: number) =>
  new Date(Date.UTC(2026, 2, 3, 14, minutes)).toISOString().replace('.000Z', 'Z');

const person = (id: string) => ({ id, name: id, contact: `@${id}` });

interface Setup {
  extras: string[];
  topics: Array<{ id: string; roleIndex: number }>;
  builtIns: Array<{ topic: (typeof APPROVAL_TOPICS)[number]; roleIndex: number }>;
  mentioned: boolean[];
}

const setups = fc.record({
  extras: fc.subarray([...EXTRA_ROLES]),
  topics: fc.uniqueArray(fc.record({ id: fc.constantFrom(...CUSTOM_TOPICS), roleIndex: fc.nat(20) }), {
    selector: (t) => t.id,
    minLength: 1,
    maxLength: CUSTOM_TOPICS.length,
  }),
  builtIns: fc.uniqueArray(fc.record({ topic: fc.constantFrom(...APPROVAL_TOPICS), roleIndex: fc.nat(20) }), {
    selector: (t) => t.topic,
    maxLength: 3,
  }),
  mentioned: fc.array(fc.boolean(), { minLength: CUSTOM_TOPICS.length, maxLength: CUSTOM_TOPICS.length }),
});

function runbookOf(setup: Setup): Runbook {
  const roleIds = [...ROLES, ...setup.extras];
  const pick = (i: number) => roleIds[i % roleIds.length]!;
  const roles = Object.fromEntries(
    roleIds.map((r) => [r, { primary: person(`${r}-p`), backup: person(`${r}-b`) }]),
  );
  const topics = Object.fromEntries([
    ...setup.topics.map((t, i) => [t.id, { role: pick(t.roleIndex), phrases: [PHRASE(i)] }]),
    ...setup.builtIns.map((b) => [b.topic, { role: pick(b.roleIndex) }]),
  ]);
  return defineRunbook({ roles, topics });
}

function incident(runbook: Runbook): IncidentState {
  let state = applyEvent(undefined, {
    type: 'declared',
    at: AT(0),
    actor: 'communicationOwner-p',
    incidentId: 'inc-prop',
    title: 'Invoices not sending',
    incidentType: 'sync-stopped',
    severity: 'SEV2',
    policy: incidentPolicyFromRunbook(runbook),
  });
  state = applyEvent(state, {
    type: 'roles.assigned',
    at: AT(0),
    actor: 'communicationOwner-p',
    roles: roleAssignmentsFromRunbook(runbook),
  });
  return applyEvent(state, {
    type: 'facts.confirmed',
    at: AT(1),
    actor: 'incidentLead-p',
    facts: { symptom: 'invoices are not being sent', affected: 'customers sending invoices', scope: 'some' },
  });
}

describe('custom approval topics and extra roles', () => {
  it('lets only the configured role decide each gate, for any topic set', () => {
    fc.assert(
      fc.property(setups, (setup) => {
        const runbook = runbookOf(setup);
        let state = incident(runbook);
        const said = setup.topics.filter((_, i) => setup.mentioned[i]);
        const phrases = setup.topics.map((_, i) => PHRASE(i)).filter((_, i) => setup.mentioned[i]);
        const text = `Some invoices are slow to send.${phrases.map((p) => ` We looked at ${p}.`).join('')}`;
        const draft = {
          id: 'd1',
          kind: 'update' as const,
          audience: 'customer' as const,
          status: 'investigating' as const,
          text,
          basedOnFactsVersion: state.factsVersion,
        };
        state = applyEvent(state, { type: 'draft.created', at: AT(2), actor: 'communicationOwner-p', draft });
        const requests = requestApprovals(draft, state, runbook, AT(3), 'communicationOwner-p');
        // One gate per mentioned custom topic, besides the facts gate, each asked of its role.
        const expected = new Map(said.map((t) => [t.id, runbook.topics[t.id]!.role]));
        for (const [id, role] of expected) {
          expect(requests.find((r) => r.gate === id)?.role).toBe(role);
        }
        for (const request of requests) state = applyEvent(state, request);
        const people = Object.values(roleAssignmentsFromRunbook(runbook)).flatMap((p) => [
          p.primary.id,
          p.backup.id,
        ]);
        for (const request of requests) {
          const holder = `${request.role}-p`;
          for (const actor of people.filter((p) => p !== holder)) {
            const grant = {
              type: 'approval.granted' as const,
              at: AT(4),
              actor,
              draftId: 'd1',
              revision: 1,
              gate: request.gate,
            };
            expect(() => applyEvent(state, grant)).toThrow(NotAuthorizedError);
          }
          state = applyEvent(state, {
            type: 'approval.granted',
            at: AT(4),
            actor: holder,
            draftId: 'd1',
            revision: 1,
            gate: request.gate,
          });
          expect(state.drafts.d1?.approvals[request.gate]).toMatchObject({
            status: 'granted',
            role: request.role,
          });
        }
      }),
      { seed: 1907, numRuns: 60 },
    );
  });

  it('refuses a request that names another role than the topic has', () => {
    const runbook = runbookOf({
      extras: ['legalReviewer'],
      topics: [{ id: 'regulator', roleIndex: 7 }],
      builtIns: [],
      mentioned: [true],
    });
    let state = incident(runbook);
    const draft = {
      id: 'd1',
      kind: 'update' as const,
      audience: 'customer' as const,
      status: 'investigating' as const,
      text: `We told the ${PHRASE(0)}.`,
      basedOnFactsVersion: 1,
    };
    state = applyEvent(state, { type: 'draft.created', at: AT(2), actor: 'communicationOwner-p', draft });
    const ask = {
      type: 'approval.requested' as const,
      at: AT(3),
      actor: 'communicationOwner-p',
      draftId: 'd1',
      revision: 1,
      gate: 'regulator',
      topic: 'regulator',
    };
    expect(() => applyEvent(state, { ...ask, role: 'approver' })).toThrow(
      expect.objectContaining({ rule: 'approval-role-from-gate' }),
    );
    expect(applyEvent(state, { ...ask, role: 'legalReviewer' }).drafts.d1?.approvals.regulator?.role).toBe(
      'legalReviewer',
    );
  });
});
