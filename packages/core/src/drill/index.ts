export { type BriefingPrompt, type DrillBriefing, drillBriefing, drillTimeZone } from './briefing';
export type {
  CriterionScore,
  DrillCriterion,
  DrillResponse,
  DrillResult,
  ParticipantScore,
  ResponseScore,
} from './drill-types';
export { DRILL_POINTS, drillResponseSchema } from './drill-types';
export { DrillScenarioError } from './errors';
export { runDrill } from './run-drill';
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
