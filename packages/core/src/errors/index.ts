/**
 * @module errors
 * Typed errors with stable `code` strings. Hosts branch on `code`, never on message text.
 */

export {
  type EventPosition,
  EventRejectedError,
  INCIDENT_COMMS_ERROR_CODES,
  IncidentCommsError,
  type IncidentCommsErrorCode,
  NotAuthorizedError,
  RunbookError,
  ValidationError,
} from './errors';
export { type ExplainedIssue, explainZodIssues, problemsFromZod } from './explain-zod';
export { describeValue, formatProblems, type Problem, problem } from './problem';
export { protoKeyProblems } from './proto-keys';
