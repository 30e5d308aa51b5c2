export { DrillScenarioError } from './errors';
export {
  drillPromptSchema,
  drillScenarioSchema,
  scenarioInstant,
  loadDrillScenario,
  parseDrillScenario,
  scenarioEvents,
  scriptedEventSchema,
} from './scenario';
export type { DrillPrompt, DrillScenario, DrillScenarioInput, ScriptedEvent } from './scenario';
export { DRILL_POINTS, drillResponseSchema, runDrill } from './run-drill';
export type {
  CriterionScore,
  DrillCriterion,
  DrillResponse,
  DrillResult,
  ParticipantScore,
  ResponseScore,
} from './run-drill';
