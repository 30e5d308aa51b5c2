/**
 * @module test/support
 * Shared fixtures for core tests: a runbook with named people and a checkout incident log
 * (card charges fail at 9:10 ET on Tuesday 2026-03-03; 14:10 UTC).
 */

import type { IncidentEventInput } from '../src/incident/index';
import { defineRunbook, type Runbook } from '../src/runbook/index';
import { ROLES, type Role } from '../src/vocabulary';

const PEOPLE: Record<Role, [string, string]> = {
  communicationOwner: ['dana', 'sam'],
  incidentLead: ['lee', 'ola'],
  approver: ['maya', 'raj'],
  support: ['tom', 'ines'],
  sales: ['priya', 'ben'],
  customerSuccess: ['zoe', 'kai'],
  engineering: ['alex', 'jo'],
};

const title = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);

/** Raw runbook input with every role filled. */
export function runbookInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const roles = Object.fromEntries(
    ROLES.map((role) => {
      const [p, b] = PEOPLE[role];
      return [
        role,
        {
          primary: { id: p, name: title(p), contact: `@${p}` },
          backup: { id: b, name: title(b), contact: `@${b}` },
        },
      ];
    }),
  );
  return { roles, ...overrides };
}

/** A valid runbook with default policy. */
export function testRunbook(overrides: Record<string, unknown> = {}): Runbook {
  return defineRunbook(runbookInput(overrides));
}

/** `roles.assigned` payload matching {@link testRunbook}. */
export function roleAssignments(): Record<
  Role,
  { primary: { id: string; name: string }; backup: { id: string; name: string } }
> {
  return Object.fromEntries(
    ROLES.map((role) => {
      const [p, b] = PEOPLE[role];
      return [role, { primary: { id: p, name: title(p) }, backup: { id: b, name: title(b) } }];
    }),
  ) as never;
}

/** Minutes after the 9:10 ET alert (14:10 UTC) on 2026-03-03, as an ISO-8601 UTC instant. */
export function t(minutesAfterAlert: number): string {
  return new Date(Date.UTC(2026, 2, 3, 14, 10) + minutesAfterAlert * 60_000)
    .toISOString()
    .replace('.000Z', 'Z');
}

/** Declaration, roles and the first confirmed facts of the checkout outage. */
export function checkoutStart(): IncidentEventInput[] {
  return [
    {
      type: 'declared',
      at: t(0),
      actor: 'dana',
      incidentId: 'inc-checkout',
      title: 'Card payments failing at checkout',
      incidentType: 'checkout',
      severity: 'SEV1',
    },
    { type: 'roles.assigned', at: t(0), actor: 'dana', roles: roleAssignments() },
    {
      type: 'facts.confirmed',
      at: t(5),
      actor: 'lee',
      facts: {
        symptom: 'card payments at checkout are failing',
        affected: 'customers paying by card',
        scope: 'some',
        unknowns: ['whether the payment provider or our app is at fault'],
        teamAction: 'Engineers are working on the payment service now.',
        customerAction:
          'If a payment failed, please do not retry more than once until we confirm checkout is stable.',
      },
    },
  ];
}
