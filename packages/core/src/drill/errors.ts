/**
 * @module drill/errors
 * Errors of the drill area: a scenario file that cannot be used, and responses that do not fit.
 */
import { formatProblems, IncidentCommsError, type Problem } from '../errors';

/**
 * Thrown when a drill scenario is invalid (`drill_scenario_invalid`): YAML syntax, schema or a
 * timeline that breaks the practice. Lists every problem with its path, expected value and
 * what was found.
 */
export class DrillScenarioError extends IncidentCommsError {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[], source?: string) {
    super(
      'drill_scenario_invalid',
      formatProblems(`Invalid drill scenario${source ? ` ${source}` : ''}:`, problems),
    );
    this.problems = problems;
  }
}
