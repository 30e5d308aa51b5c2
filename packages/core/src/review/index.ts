export { minutesBetween, reviewIncident } from './review';
export type {
  ApprovalWait,
  BlockedReason,
  IncidentReview,
  OwnershipGap,
  QuestionTopic,
  ReviewOptions,
  ReviewTimelineEntry,
  RunbookSuggestion,
  UpdateTiming,
} from './review';
export { renderReview } from './render-review';
export { suggestRunbookChanges } from './suggestions';
