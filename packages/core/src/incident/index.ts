export type {
  Draft,
  EventOf,
  FactsInput,
  IncidentEvent,
  IncidentEventInput,
  IncidentEventType,
  IncidentPolicyInput,
  StatusUpdate,
} from './events';
export {
  draftSchema,
  eventSchema,
  factsInputSchema,
  incidentPolicySchema,
  instantSchema,
  statusUpdateSchema,
} from './events';
export { authorize, type Denial, PERMISSION_TABLE, type PermissionRule, ROLE_ASSIGNERS } from './permissions';
export { gateRole, policyOf } from './policy';
export { applyEvent, parseEvent, replay } from './reducer';
export { incidentPolicyFromRunbook, type RoleAssignments, roleAssignmentsFromRunbook } from './roles';
export type {
  ApprovalRecord,
  ApprovedRelease,
  CheckpointTrigger,
  ConfirmedFact,
  DraftRecord,
  IncidentFacts,
  IncidentPolicy,
  IncidentState,
  NoteRecord,
  OverrideRecord,
  PersonRef,
  QuestionRecord,
} from './state';
export {
  currentStatusUpdate,
  incidentStateSchema,
  nextUpdateOwner,
  personNameInRoles,
  questionsByTopic,
  questionsSinceCheckpoint,
  roleHolder,
  supersededUpdates,
} from './state';
