/**
 * @module playbooks/incident-view
 * What every team playbook reads from the incident: the affected product areas, who owns the
 * conversation, and the approved wording of the current status update.
 */
import { currentStatusUpdate, type IncidentState, type PersonRef, roleHolder } from '../incident/index';
import type { Runbook } from '../runbook/define';
import { incidentTypeDefinition } from '../runbook/lookup';
import type { IncidentType, RoleId } from '../vocabulary';
import { symptomsInText } from './phrases';

/**
 * Product areas the incident touches, whether or not it has recovered: the incident type's
 * area (from the runbook), the confirmed `facts.productAreas`, and the current status
 * update's `productAreas`, in that order without repeats.
 *
 * @example
 * incidentAreas(checkoutState, runbook); // ['checkout']
 */
export function incidentAreas(state: IncidentState, runbook: Runbook): string[] {
  const areas = new Set<string>([incidentTypeDefinition(runbook, state.incidentType).productArea]);
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
export function holderOf(state: IncidentState, runbook: Runbook, role: RoleId): PersonRef | undefined {
  if (state.roles[role]) return roleHolder(state, role);
  const defined = runbook.roles[role];
  if (!defined) return undefined;
  const { primary, backup } = defined;
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

/**
 * A person's name for text a person reads: the name recorded with the role assignment, else
 * the runbook's, else the id itself (an actor the runbook does not list, e.g. `system`).
 *
 * @param id - a person id as the log records it (`actor`, `by`, `decidedBy`).
 * @returns the display name, e.g. `Lee Park` for `lee`.
 * @example
 * personName(state, runbook, 'lee'); // 'Lee Park'
 */
export function personName(state: IncidentState, runbook: Runbook, id: string): string {
  for (const held of Object.values(state.roles)) {
    if (held?.primary.id === id) return held.primary.name;
    if (held?.backup.id === id) return held.backup.name;
  }
  for (const held of Object.values(runbook.roles)) {
    if (held.primary.id === id) return held.primary.name;
    if (held.backup.id === id) return held.backup.name;
  }
  return id;
}

/**
 * Symptoms the incident already covers: its own type, the incident types of every affected
 * product area, and what the confirmed `facts.symptom` describes. A customer report outside
 * this set is a new symptom (practice: escalate it, and raise it at the next checkpoint).
 *
 * @example
 * knownSymptoms(checkoutState, runbook); // Set { 'checkout' }
 */
export function knownSymptoms(state: IncidentState, runbook: Runbook): Set<IncidentType> {
  const areas = incidentAreas(state, runbook);
  const known = new Set<IncidentType>([state.incidentType]);
  for (const [type, definition] of Object.entries(runbook.incidentTypes) as Array<
    [IncidentType, { productArea: string }]
  >) {
    if (areas.includes(definition.productArea)) known.add(type);
  }
  for (const type of symptomsInText(state.facts.symptom?.value ?? '', runbook.incidentTypes)) known.add(type);
  return known;
}
