/**
 * @module test/support
 * Shared fixtures for core tests: a runbook with named people and a checkout incident log
 * (card charges fail at 9:10 ET on Tuesday 2026-03-03; 14:10 UTC).
 */

import { gatedTopics } from '../src/approvals/gates';
import {
  applyEvent,
  type FactsInput,
  type IncidentEventInput,
  type IncidentState,
  personNameInRoles,
  roleHolder,
} from '../src/incident/index';
import { gateRole } from '../src/incident/policy';
import { defineRunbook, type Runbook } from '../src/runbook/index';
import { type MessageKind, ROLES, type Role, type Status } from '../src/vocabulary';

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

/** The emergency admin the checkout incident's declaration names (overrides are listed in the review). */
export const ADMIN = { id: 'ada', name: 'Ada' };

/**
 * Both the communication owner (`dana`) and the backup (`sam`) out at `at`: the permission
 * table refuses the second change (it leaves nobody to own updates), so the admin overrides it.
 */
export function ownerGap(at: string): IncidentEventInput[] {
  return [
    { type: 'availability.changed', at, actor: 'lee', personId: 'dana', available: false },
    {
      type: 'availability.changed',
      at,
      actor: ADMIN.id,
      personId: 'sam',
      available: false,
      override: 'Sam is unreachable too; the gap is real and the review must show it',
    },
  ];
}

/** The checkout outage's facts as the incident lead confirms them at t(5) in `checkoutStart`. */
export function checkoutFacts() {
  return {
    symptom: 'card payments at checkout are failing',
    affected: 'customers paying by card',
    scope: 'some' as const,
    unknowns: ['whether the payment provider or our app is at fault'],
    teamAction: 'Engineers are working on the payment service now.',
    customerAction:
      'If a payment failed, please do not retry more than once until we confirm checkout is stable.',
  } satisfies FactsInput;
}

/** The fields of a published checkout status update copied from the incident and `checkoutFacts`. */
export function checkoutUpdateFields() {
  return {
    severity: 'SEV1',
    title: 'Card payments failing at checkout',
    incidentType: 'checkout',
    ...checkoutFacts(),
    regions: [] as string[],
    productAreas: ['checkout'],
  };
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
      policy: { admins: [ADMIN] },
    },
    { type: 'roles.assigned', at: t(0), actor: 'dana', roles: roleAssignments() },
    {
      type: 'facts.confirmed',
      at: t(5),
      actor: 'lee',
      facts: checkoutFacts(),
    },
  ];
}

/** Options of {@link publicationEvents}. */
export interface PublicationOptions {
  /** Draft id (default `d<version>`). */
  draftId?: string;
  /** Facts the incident lead confirms first (the version states them). */
  facts?: FactsInput;
  /** The promised next-update time (omit for none). */
  nextUpdateAt?: string;
  /** Product areas stated (default `['checkout']`; the log does not hold the runbook's). */
  productAreas?: string[];
  /** Who drafts, asks for approval and publishes (default: the communication owner holder). */
  owner?: string;
}

/**
 * The events that publish `draft` as the next status version the way the permission table
 * allows it: optional facts confirmed by the incident lead, the draft by the owner, every gate
 * (facts, and each topic the text and the facts touch) asked by the owner and granted by the
 * gate's role holder, then the version built from the confirmed facts.
 */
export function publicationEvents(
  state: IncidentState,
  at: string,
  draft: { kind: MessageKind; status: Status; text: string },
  options: PublicationOptions = {},
): IncidentEventInput[] {
  const events: IncidentEventInput[] = [];
  let s = state;
  const push = (event: IncidentEventInput) => {
    events.push(event);
    s = applyEvent(s, event);
  };
  // A version is built from confirmed facts: confirm the ones it needs and any it changes.
  const needed = {
    ...(s.facts.symptom ? {} : { symptom: 'card payments at checkout are failing' }),
    ...(s.facts.affected ? {} : { affected: 'customers paying by card' }),
    ...(s.facts.teamAction ? {} : { teamAction: 'Engineers are working on it.' }),
    ...options.facts,
  };
  if (Object.keys(needed).length > 0) {
    push({ type: 'facts.confirmed', at, actor: roleHolder(s, 'incidentLead')!.id, facts: needed });
  }
  const owner = options.owner
    ? { id: options.owner, name: personNameInRoles(s, options.owner) }
    : roleHolder(s, 'communicationOwner')!;
  const version = s.updates.length + 1;
  const id = options.draftId ?? `d${version}`;
  push({
    type: 'draft.created',
    at,
    actor: owner.id,
    draft: { id, ...draft, basedOnFactsVersion: s.factsVersion },
  });
  const revision = s.drafts[id]!.revision;
  for (const gate of ['facts', ...gatedTopics(draft.text, s.facts).keys()]) {
    const role = gateRole(s, gate)!;
    push({ type: 'approval.requested', at, actor: owner.id, draftId: id, revision, gate, role });
    push({ type: 'approval.granted', at, actor: roleHolder(s, role)!.id, draftId: id, revision, gate });
  }
  const f = s.facts;
  push({
    type: 'update.published',
    at,
    actor: owner.id,
    update: {
      version,
      status: draft.status,
      kind: draft.kind,
      severity: s.severity,
      title: s.title,
      incidentType: s.incidentType,
      symptom: f.symptom!.value,
      affected: f.affected!.value,
      scope: f.scope.value,
      teamAction: f.teamAction!.value,
      unknowns: f.unknowns?.value ?? [],
      ...(f.cause ? { cause: f.cause.value } : {}),
      ...(f.workaround ? { workaround: f.workaround.value } : {}),
      ...(f.customerAction ? { customerAction: f.customerAction.value } : {}),
      regions: f.regions?.value ?? [],
      productAreas: f.productAreas?.value ?? options.productAreas ?? ['checkout'],
      text: draft.text,
      publishedAt: at,
      ...(options.nextUpdateAt ? { nextUpdateAt: options.nextUpdateAt } : {}),
      ...(draft.status === 'resolved' && s.recovery.confirmed
        ? { recoveredAt: s.recovery.confirmed.recoveredAt }
        : {}),
      ownerId: owner.id,
      ownerName: owner.name,
      factsVersion: s.factsVersion,
      draftId: id,
      draftRevision: revision,
    },
  });
  return events;
}
