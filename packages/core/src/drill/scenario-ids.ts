/**
 * @module drill/scenario-ids
 * The severities and incident types a drill scenario names, checked against the runbook it runs
 * with: a scenario is written once, and each runbook has its own ladder and types.
 */
import { type Problem, problem } from '../errors';
import type { IncidentPolicyInput } from '../incident/events';
import type { Runbook } from '../runbook/define';
import { INCIDENT_TYPES, SEVERITIES } from '../vocabulary';
import type { DrillScenario } from './scenario';

/**
 * Where a scenario names a severity or incident type the runbook does not define, path-named
 * (`timeline.0.severity: expected a severity on the runbook's ladder (SEV0, SEV1, …)`). A
 * scenario is written once and run against a runbook, so this is checked when it runs.
 *
 * @example
 * scenarioRunbookProblems(scenario, runbook); // [] when every id is the runbook's
 */
export function scenarioRunbookProblems(
  scenario: DrillScenario,
  runbook: Pick<Runbook, 'severityLadder' | 'incidentTypes'>,
): Problem[] {
  const ladder = runbook.severityLadder.map((level) => level.id);
  const types = Object.keys(runbook.incidentTypes);
  return scenario.timeline.flatMap((event, i) => {
    const problems: Problem[] = [];
    if ((event.type === 'declared' || event.type === 'severity.set') && !ladder.includes(event.severity))
      problems.push(
        problem(
          `timeline.${i}.severity`,
          `a severity on the runbook's ladder (${ladder.join(', ')})`,
          JSON.stringify(event.severity),
        ),
      );
    if (event.type === 'declared' && !types.includes(event.incidentType))
      problems.push(
        problem(
          `timeline.${i}.incidentType`,
          `an incident type the runbook defines (${types.join(', ')})`,
          JSON.stringify(event.incidentType),
        ),
      );
    return problems;
  });
}

/**
 * The ladder a scenario's load-time check runs on: no runbook is known then: the ladder is the scenario's own severities (padded with
 * the default ones to the two a ladder needs), so only the practice's rules are checked then.
 * @internal
 */
export function scenarioLadder(
  scenario: DrillScenario,
): Pick<IncidentPolicyInput, 'severities' | 'incidentTypes'> {
  const named = scenario.timeline.flatMap((e) =>
    e.type === 'declared' || e.type === 'severity.set' ? [e.severity] : [],
  );
  const types = scenario.timeline.flatMap((e) => (e.type === 'declared' ? [e.incidentType] : []));
  return {
    severities: [...new Set([...named, ...SEVERITIES])].slice(
      0,
      Math.max(2, Math.min(6, new Set(named).size)),
    ),
    incidentTypes: types.length > 0 ? [...new Set(types)] : [...INCIDENT_TYPES],
  };
}
