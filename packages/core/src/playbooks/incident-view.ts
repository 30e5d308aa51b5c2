/**
 * @module playbooks/incident-view
 * What every team playbook reads from the incident: the affected product areas, who owns the
 * conversation, and the approved wording of the current status update.
 */
import { currentStatusUpdate, type IncidentState, type PersonRef, roleHolder } from '../incident/index';
import type { Runbook } from '../runbook/index';
import type { Role } from '../vocabulary';

/**
 * Product areas the incident touches, whether or not it has recovered: the incident type's
 * area (from the runbook), the confirmed `facts.productAreas`, and the current status
 * update's `productAreas`, in that order without repeats.
 *
 * @example
 * incidentAreas(checkoutState, runbook); // ['checkout']
 */
export function incidentAreas(state: IncidentState, runbook: Runbook): string[] {
  const areas = new Set<string>([runbook.incidentTypes[state.incidentType].productArea]);
  for (const area of state.facts.productAreas?.value ?? []) areas.add(area);
  for (const area of currentStatusUpdate(state)?.productAreas ?? []) areas.add(area);
  return [...areas];
}

/**
 * Product areas that are broken right now: {@link incidentAreas} until the incident lead
 * confirms recovery, then none (practice: nobody says "fixed" before that, and nothing is
 * treated as fixed before it either).
 *
 * @example
 * brokenAreas(checkoutState, runbook); // ['checkout']
 */
export function brokenAreas(state: IncidentState, runbook: Runbook): string[] {
  return state.recovery.confirmed ? [] : incidentAreas(state, runbook);
}

/**
 * Who holds `role` now: the state's assignment (primary, or backup while the primary is out),
 * else the runbook's primary or backup not marked unavailable; `undefined` is an ownership gap.
 *
 * @example
 * holderOf(state, runbook, 'communicationOwner'); // { id: 'dana', name: 'Dana' }
 */
export function holderOf(state: IncidentState, runbook: Runbook, role: Role): PersonRef | undefined {
  if (state.roles[role]) return roleHolder(state, role);
  const { primary, backup } = runbook.roles[role];
  const available = [primary, backup].find((p) => !state.unavailable.includes(p.id));
  return available ? { id: available.id, name: available.name } : undefined;
}

/** Whether the incident lead has confirmed recovery with a customer-facing check. */
export function isRecovered(state: IncidentState): boolean {
  return state.recovery.confirmed !== undefined;
}

/** Compares names of places case- and space-insensitively ("US East" = "us-east"). */
export function sameRegion(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
  return norm(a) === norm(b);
}
