export { reviewIncident } from './review';
export type {
  ApprovalWait,
  ReviewBlockedRule,
  IncidentReview,
  OwnershipGap,
  ReviewQuestionTopic,
  ReviewOptions,
  ReviewTimelineEntry,
  RunbookSuggestion,
  UpdateTiming,
} from './review';
export { renderReview } from './render-review';
export { suggestRunbookChanges } from './suggestions';
