export type {
  Draft,
  EventOf,
  FactsInput,
  IncidentEvent,
  IncidentEventInput,
  IncidentEventType,
  StatusUpdate,
} from './events';
export { draftSchema, eventSchema, factsInputSchema, instantSchema, statusUpdateSchema } from './events';
export { applyEvent, parseEvent, replay } from './reducer';
export { type RoleAssignments, roleAssignmentsFromRunbook } from './roles';
export type {
  ApprovalRecord,
  ApprovedRelease,
  CheckpointTrigger,
  ConfirmedFact,
  DraftRecord,
  IncidentFacts,
  IncidentState,
  NoteRecord,
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
