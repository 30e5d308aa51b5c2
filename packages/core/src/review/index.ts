/**
 * @module review
 * The review after service is back: figures from the incident log, suggested runbook changes,
 * and a short Markdown report.
 */
export { reviewIncident } from './review';
export type {
  ApprovalWait,
  ReviewBlockedReason,
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
