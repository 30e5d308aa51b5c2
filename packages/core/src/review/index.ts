/**
 * @module review
 * The review after service is back: figures from the incident log, suggested runbook changes,
 * and a short Markdown report.
 */

export { renderReview } from './render-review';
export { reviewIncident } from './review';
export { suggestRunbookChanges } from './suggestions';
export type {
  ApprovalWait,
  IncidentReview,
  OwnershipGap,
  ReviewBlockedReason,
  ReviewBlockedRule,
  ReviewOptions,
  ReviewQuestionTopic,
  ReviewTimelineEntry,
  RunbookSuggestion,
  UpdateTiming,
} from './types';
