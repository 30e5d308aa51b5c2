/**
 * @module desk
 * The incident desk: the whole flow as one object a host holds, built from the pure functions.
 */
export type { DeskEvents, IncidentDesk } from './api';
export { createIncidentDesk } from './desk';
export { declareInputSchema, draftInputSchema } from './inputs';
export { promisedNextUpdate } from './release';
export type {
  DecisionInput,
  DeclareInput,
  DeskApprovalRequest,
  DeskPublishOptions,
  DeskPublishResult,
  DeskQuestionInput,
  DeskRelease,
  DeskRoutes,
  DeskTemplates,
  DeskView,
  DraftInput,
  IncidentDeskOptions,
  RecoveryInput,
  ReleaseTarget,
  ResumeReport,
  SideNoteOptions,
  SideNoteResult,
} from './types';
