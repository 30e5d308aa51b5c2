/**
 * @module test/cadence
 * Fixtures for cadence and coordinator tests: publishing a status update on the checkout
 * incident from `support.ts`, and resolving it, as plain log events.
 */
import { planNextUpdateAt } from '../src/cadence/index';
import type { IncidentEventInput, IncidentState } from '../src/incident/index';
import type { Runbook } from '../src/runbook/index';
import type { Status } from '../src/vocabulary';

/** Options of {@link publishEvents}. */
export interface PublishOptions {
  status?: Status;
  /** The promised next-update time; default: what `planNextUpdateAt` gives. */
  nextUpdateAt?: string;
}

/**
 * A draft and its publication by the communication owner (`dana`) at `at`, as the next
 * version of `state`, promising the cadence's next-update time.
 */
export function publishEvents(
  state: IncidentState,
  runbook: Runbook,
  at: string,
  options: PublishOptions = {},
): IncidentEventInput[] {
  const status = options.status ?? 'investigating';
  const version = state.updates.length + 1;
  const draftId = `d${version}`;
  const text = `Card payments may fail at checkout. Update ${version}.`;
  const nextUpdateAt = options.nextUpdateAt ?? planNextUpdateAt(runbook, state.severity, status, at);
  return [
    {
      type: 'draft.created',
      at,
      actor: 'dana',
      draft: {
        id: draftId,
        kind: status === 'resolved' ? 'resolved' : version === 1 ? 'initial' : 'update',
        status,
        text,
        basedOnFactsVersion: state.factsVersion,
      },
    },
    {
      type: 'update.published',
      at,
      actor: 'dana',
      update: {
        version,
        status,
        kind: status === 'resolved' ? 'resolved' : version === 1 ? 'initial' : 'update',
        severity: state.severity,
        title: state.title,
        incidentType: state.incidentType,
        symptom: state.facts.symptom?.value ?? 'card payments at checkout are failing',
        affected: state.facts.affected?.value ?? 'customers paying by card',
        scope: state.facts.scope.value,
        teamAction: state.facts.teamAction?.value ?? 'Engineers are working on it.',
        unknowns: state.facts.unknowns?.value ?? [],
        regions: [],
        productAreas: ['checkout'],
        text,
        publishedAt: at,
        ...(nextUpdateAt ? { nextUpdateAt } : {}),
        ownerId: 'dana',
        ownerName: 'Dana',
        factsVersion: state.factsVersion,
        draftId,
        draftRevision: 1,
      },
    },
  ];
}

/** Recovery confirmed by the incident lead (`lee`) and the incident resolved, both at `at`. */
export function resolveEvents(at: string): IncidentEventInput[] {
  return [
    {
      type: 'recovery.confirmed',
      at,
      actor: 'lee',
      customerCheck: 'placed a real card order end to end',
    },
    { type: 'resolved', at, actor: 'lee' },
  ];
}
