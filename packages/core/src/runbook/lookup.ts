/**
 * @module runbook/lookup
 * Reading one severity level or incident type out of the runbook by id, with a typed error
 * naming the id and the runbook's own list when the runbook does not define it.
 */
import { problem, ValidationError } from '../errors';
import type { SeverityLevel } from '../severity/index';
import type { IncidentTypeDefinition } from './defaults';
import type { Runbook } from './define';

/**
 * The runbook's level for a severity id.
 *
 * @throws {ValidationError} `input_invalid` at path `severity` when the ladder has no such level.
 * @example
 * severityLevel(runbook, 'SEV1').cadenceMinutes; // 15
 */
export function severityLevel(runbook: Pick<Runbook, 'severityLadder'>, severity: string): SeverityLevel {
  const level = runbook.severityLadder.find((l) => l.id === severity);
  if (!level) {
    const ids = runbook.severityLadder.map((l) => l.id).join(', ');
    throw new ValidationError('severity', [
      problem('severity', `a severity on the runbook's ladder (${ids})`, JSON.stringify(severity)),
    ]);
  }
  return level;
}

/**
 * The runbook's definition of an incident type.
 *
 * @throws {ValidationError} `input_invalid` at path `incidentType` when the runbook does not define it.
 * @example
 * incidentTypeDefinition(runbook, 'checkout').symptom; // 'card payments at checkout are failing'
 */
export function incidentTypeDefinition(
  runbook: Pick<Runbook, 'incidentTypes'>,
  incidentType: string,
): IncidentTypeDefinition {
  const definition = Object.hasOwn(runbook.incidentTypes, incidentType)
    ? runbook.incidentTypes[incidentType]
    : undefined;
  if (!definition) {
    const ids = Object.keys(runbook.incidentTypes).join(', ');
    throw new ValidationError('incident type', [
      problem('incidentType', `an incident type the runbook defines (${ids})`, JSON.stringify(incidentType)),
    ]);
  }
  return definition;
}
