/**
 * @module test/cadence
 * Fixtures for cadence and coordinator tests: publishing a status update on the checkout
 * incident from `support.ts`, and resolving it, as plain log events.
 */
import { planNextUpdateAt } from '../src/cadence/index';
import type { IncidentEventInput, IncidentState } from '../src/incident/index';
import type { Runbook } from '../src/runbook/index';
import type { Status } from '../src/vocabulary';
import { publicationEvents } from './support';

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
  const text = `Card payments may fail at checkout. Update ${version}.`;
  const nextUpdateAt = options.nextUpdateAt ?? planNextUpdateAt(runbook, state.severity, status, at);
  const kind = status === 'resolved' ? 'resolved' : version === 1 ? 'initial' : 'update';
  return publicationEvents(state, at, { kind, status, text }, nextUpdateAt ? { nextUpdateAt } : {});
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
