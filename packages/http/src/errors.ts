/**
 * @module http/errors
 * The library's typed errors as HTTP responses: input problems are 400 with every
 * path-named problem, a refused approver is 403, a step the incident log refuses (a stale
 * draft, an approval of an edited release, a second publish) is 409.
 */
import {
  CoordinatorStoppedError,
  EventRejectedError,
  IncidentCommsError,
  IncidentQuarantinedError,
  NotAuthorizedError,
  type Problem,
} from '@incident-comms/core';

/** An error response: the status and its JSON body (`{ code, message, problems?, rule? }`). */
export interface ErrorReply {
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 500 | 503;
  body: { code: string; message: string; problems?: readonly Problem[]; rule?: string };
}

/**
 * Maps anything a desk step threw to a status and body. Unknown errors become a 500 without
 * their message (it may hold internals); the host's `onError` sees the original.
 *
 * @example
 * errorReply(new NotAuthorizedError('tom', 'approver', 'tom does not hold approver')).status; // 403
 */
export function errorReply(error: unknown): ErrorReply {
  if (error instanceof NotAuthorizedError) {
    return { status: 403, body: { code: error.code, message: error.reason } };
  }
  if (error instanceof EventRejectedError) {
    return { status: 409, body: { code: error.code, message: error.reason, rule: error.rule } };
  }
  if (error instanceof IncidentQuarantinedError) {
    return { status: 409, body: { code: error.code, message: error.message } };
  }
  if (error instanceof CoordinatorStoppedError) {
    return { status: 503, body: { code: error.code, message: error.message } };
  }
  if (error instanceof IncidentCommsError) {
    const problems = (error as { problems?: readonly Problem[] }).problems;
    return {
      status: 400,
      body: { code: error.code, message: error.message, ...(problems ? { problems } : {}) },
    };
  }
  return {
    status: 500,
    body: { code: 'internal_error', message: 'The server could not finish the request.' },
  };
}

/** A reply naming one problem, for requests refused before they reach the desk. */
export function problemReply(
  status: ErrorReply['status'],
  code: string,
  message: string,
  problems?: Problem[],
): ErrorReply {
  return { status, body: { code, message, ...(problems ? { problems } : {}) } };
}
