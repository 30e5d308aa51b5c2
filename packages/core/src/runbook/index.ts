export type { IncidentTypeDefinition } from './defaults';
export {
  DEFAULT_APPROVALS,
  DEFAULT_CADENCE_MINUTES,
  DEFAULT_INCIDENT_TYPES,
  DEFAULT_MONITORING_MINUTES,
  DEFAULT_SEVERITIES,
} from './defaults';
export type { Person, Runbook, RunbookCadence, RunbookCheck, RunbookInput, RunbookOptions } from './define';
export { defineRunbook, parseRunbook, runbookPluginModules } from './define';
export {
  type IncidentTypeInput,
  incidentTypeDefinitionSchema,
  resolveIncidentTypes,
} from './incident-types';
export { incidentTypeDefinition, severityLevel } from './lookup';
export { personSchema, runbookSchema } from './schema';
export type { AudienceSegment } from './segments';
export { audienceSegments, segmentDefinitionSchema, segmentIdSchema } from './segments';
export {
  type ResolvedSeverities,
  resolveSeverities,
  type SeveritiesInput,
  severityLevelSchema,
} from './severity-ladder';
export type { ApprovalTopicDefinition } from './topics';
export {
  approvalTopics,
  DEFAULT_TOPIC_REASONS,
  roleIdSchema,
  runbookRoleIds,
  topicDefinitionSchema,
  topicIdSchema,
  topicRoles,
} from './topics';
