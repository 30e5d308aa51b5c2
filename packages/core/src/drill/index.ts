export { type BriefingPrompt, type DrillBriefing, drillBriefing, drillTimeZone } from './briefing';
export { DrillScenarioError } from './errors';
export type {
  CriterionScore,
  DrillCriterion,
  DrillResponse,
  DrillResult,
  ParticipantScore,
  ResponseScore,
} from './run-drill';
export { DRILL_POINTS, drillResponseSchema, runDrill } from './run-drill';
export type { DrillPrompt, DrillScenario, DrillScenarioInput, ScriptedEvent } from './scenario';
export {
  drillPromptSchema,
  drillScenarioSchema,
  loadDrillScenario,
  parseDrillScenario,
  scenarioEvents,
  scenarioInstant,
  scriptedEventSchema,
} from './scenario';
export { scenarioRunbookProblems } from './scenario-ids';
