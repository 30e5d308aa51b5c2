/**
 * @module sample-updates
 * Realistic status-update versions for every incident type, severity and message kind, shaped
 * like the ones `publish` records: what template overrides are rendered with at runbook load.
 */
import {
  DEFAULT_INCIDENT_TYPES,
  type DefaultIncidentType,
  type IncidentType,
  incidentTypeDefinition,
  type MessageKind,
  type Runbook,
  type Scope,
  type Severity,
  type StatusUpdate,
  severityLevel,
  statusUpdateSchema,
} from '@incident-comms/core';

// Minutes after the 9:10 AM ET (14:10 UTC) alert on 2026-03-03, as an ISO-8601 UTC instant.
const t = (minutes: number) =>
  new Date(Date.UTC(2026, 2, 3, 14, 10) + minutes * 60_000).toISOString().replace('.000Z', 'Z');

/** The facts of one sample incident. */
export interface SampleFacts {
  title: string;
  symptom: string;
  affected: string;
  scope: Scope;
  teamAction: string;
  unknowns: string[];
  workaround: string;
  customerAction?: string;
  cause: string;
}

/** Facts an incident lead would confirm for each incident type. */
export const SAMPLE_FACTS: Readonly<Record<DefaultIncidentType, SampleFacts>> = {
  'sign-in': {
    title: 'Sign-in failing on the web app',
    symptom: 'customers cannot sign in to the web app',
    affected: 'customers who sign in with a password',
    scope: 'many',
    teamAction: 'Engineers are rolling back this morning’s change to the sign-in service.',
    unknowns: ['whether single sign-on accounts are affected'],
    workaround: 'If your company uses single sign-on, you can still sign in that way.',
    cause: 'A change to the sign-in service this morning rejected valid passwords.',
  },
  checkout: {
    title: 'Card payments failing at checkout',
    symptom: 'card payments at checkout are failing',
    affected: 'customers paying by card',
    scope: 'some',
    teamAction: 'Engineers are working on the payment service now.',
    unknowns: ['whether the payment provider or our app is at fault'],
    workaround: 'You can pay by bank transfer from the checkout page instead.',
    customerAction:
      'If a payment failed, please do not retry more than once until we confirm checkout is stable.',
    cause: 'A configuration change to the payment service rejected valid cards.',
  },
  'data-delayed': {
    title: 'New orders missing from reports',
    symptom: 'new orders are missing from reports and dashboards',
    affected: 'customers using the reports page',
    scope: 'many',
    teamAction: 'Engineers are working through the backlog of unprocessed orders.',
    unknowns: ['how long the backlog will take to clear'],
    workaround: 'The orders list in each store still shows every new order.',
    cause: 'A stuck job stopped new orders from reaching reports.',
  },
  timeouts: {
    title: 'Saving and searching timing out',
    symptom: 'saving and searching in the app time out',
    affected: 'customers in the EU region',
    scope: 'some',
    teamAction: 'Engineers are adding capacity to the EU database now.',
    unknowns: ['why the EU database slowed down'],
    workaround: 'Saving smaller batches of changes usually goes through.',
    cause: 'A slow query overloaded the EU database.',
  },
  'sync-stopped': {
    title: 'Calendar sync and notification emails stopped',
    symptom: 'notification emails and calendar syncs have stopped',
    affected: 'customers with a connected calendar',
    scope: 'some',
    teamAction: 'Engineers are restarting the sync service and checking each connection.',
    unknowns: ['whether emails queued since 9:10 AM ET will be sent or need to be sent again'],
    workaround: 'You can still see every booking on the bookings page.',
    cause: 'An expired credential stopped the calendar connection.',
  },
};

/**
 * The sample facts of an incident type: the built-in samples for the five default types the
 * runbook keeps as they are; for a type the runbook defines (or redefines), facts written from
 * its own definition (its name, symptom and product area).
 *
 * @example
 * sampleFactsFor('invoices-not-sending', runbook).symptom; // 'invoices are not being sent'
 */
export function sampleFactsFor(
  incidentType: IncidentType,
  runbook: Pick<Runbook, 'incidentTypes'>,
): SampleFacts {
  const definition = incidentTypeDefinition(runbook, incidentType);
  const builtIn = Object.hasOwn(SAMPLE_FACTS, incidentType)
    ? SAMPLE_FACTS[incidentType as DefaultIncidentType]
    : undefined;
  if (builtIn && DEFAULT_INCIDENT_TYPES[incidentType as DefaultIncidentType].symptom === definition.symptom)
    return builtIn;
  const area = definition.productArea;
  return {
    title: definition.name,
    symptom: definition.symptom,
    affected: `customers using ${area}`,
    scope: 'some',
    teamAction: `Engineers are working on ${area} now.`,
    unknowns: ['how many customers are affected'],
    workaround: `Please hold off on ${definition.phrases.affectedFlow} until the next update.`,
    cause: `A change to ${area} this morning caused the problem.`,
  };
}

const STATUS_BY_KIND = {
  initial: 'investigating',
  update: 'identified',
  workaround: 'identified',
  resolved: 'resolved',
} as const;

/**
 * A realistic status-update version for one incident type, severity and kind: the facts an
 * incident lead would confirm for that type (a cause only once it is confirmed, a workaround
 * in the workaround message), published 20 minutes after a 9:10 AM ET alert on Tuesday
 * 3 March 2026, with the next update on the severity's rhythm. Used to lint template
 * overrides when a runbook loads, and by tests.
 *
 * @example
 * sampleStatusUpdate('checkout', 'SEV1', 'update', runbook).cause; // 'A configuration change to the payment service rejected valid cards.'
 */
export function sampleStatusUpdate(
  incidentType: IncidentType,
  severity: Severity,
  kind: MessageKind,
  runbook: Runbook,
): StatusUpdate {
  const facts = sampleFactsFor(incidentType, runbook);
  const published = 20;
  const resolved = kind === 'resolved';
  return statusUpdateSchema.parse({
    version: kind === 'initial' ? 1 : resolved ? 4 : 2,
    status: STATUS_BY_KIND[kind],
    kind,
    severity,
    title: facts.title,
    incidentType,
    symptom: facts.symptom,
    affected: facts.affected,
    scope: facts.scope,
    teamAction: facts.teamAction,
    unknowns: resolved ? [] : kind === 'initial' ? facts.unknowns : facts.unknowns.slice(0, 1),
    ...(kind === 'update' || kind === 'resolved' ? { cause: facts.cause } : {}),
    ...(kind === 'workaround' ? { workaround: facts.workaround } : {}),
    ...(facts.customerAction && !resolved ? { customerAction: facts.customerAction } : {}),
    regions: [],
    productAreas: [incidentTypeDefinition(runbook, incidentType).productArea],
    text: 'approved text of this version',
    publishedAt: t(published),
    ...(resolved
      ? { recoveredAt: t(published - 5) }
      : { nextUpdateAt: t(published + severityLevel(runbook, severity).cadenceMinutes) }),
    ownerId: 'dana',
    ownerName: 'Dana',
    factsVersion: 3,
    draftId: `draft-${kind}`,
    draftRevision: 1,
  });
}
