/**
 * @module channel-slack/outcome
 * Maps what `@slack/web-api` throws to a delivery outcome (issue 7): rate limits and 5xx are
 * retryable, configuration errors are rejected, a timeout after sending is unknown.
 */
import type { DeliveryOutcome } from '@incident-comms/core';
import { ErrorCode } from '@slack/web-api';

/** Platform errors that mean "will never work as configured" are the default; these differ. */
const RETRYABLE_PLATFORM_ERRORS = new Set([
  'ratelimited',
  'rate_limited',
  'service_unavailable',
  'team_added_to_org',
]);
/** Slack: "It's possible some aspect of the operation succeeded before the error was raised." */
const UNCERTAIN_PLATFORM_ERRORS = new Set(['internal_error', 'fatal_error']);
/** Connection failures before anything was sent. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

interface SlackLikeError {
  code?: unknown;
  retryAfter?: unknown;
  statusCode?: unknown;
  headers?: Record<string, string>;
  data?: { error?: unknown; response_metadata?: { retryAfter?: unknown } };
  original?: unknown;
  message?: unknown;
}

const seconds = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value * 1000) : undefined;

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NOT_SENT_CODES.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Classifies an error thrown by a `WebClient` call made with `retryConfig: { retries: 0 }` and
 * `rejectRateLimitedCalls: true`.
 *
 * - HTTP 429 or platform `ratelimited` → `retryable` with Retry-After (ms);
 * - HTTP 5xx, `service_unavailable`, connection refused / DNS failure → `retryable`;
 * - `internal_error`, `fatal_error`, a timeout or a dropped connection → `unknown`;
 * - any other platform error (`channel_not_found`, `not_in_channel`, `invalid_auth`, …) and
 *   other HTTP statuses → `rejected`.
 *
 * @example
 * slackErrorOutcome(new WebAPIRateLimitedError(30)); // { type: 'retryable', retryAfterMs: 30000, … }
 */
export function slackErrorOutcome(error: unknown): DeliveryOutcome {
  const e = (error ?? {}) as SlackLikeError;
  switch (e.code) {
    case ErrorCode.RateLimitedError:
      return { type: 'retryable', reason: 'rate limited (HTTP 429)', retryAfterMs: seconds(e.retryAfter) };
    case ErrorCode.PlatformError: {
      const code = String(e.data?.error ?? 'unknown_error');
      if (RETRYABLE_PLATFORM_ERRORS.has(code)) {
        return {
          type: 'retryable',
          reason: `slack: ${code}`,
          retryAfterMs: seconds(e.data?.response_metadata?.retryAfter),
        };
      }
      if (UNCERTAIN_PLATFORM_ERRORS.has(code)) return { type: 'unknown', reason: `slack: ${code}` };
      return { type: 'rejected', reason: `slack: ${code}` };
    }
    case ErrorCode.HTTPError: {
      const status = Number(e.statusCode);
      const retryAfter = Number.parseInt(e.headers?.['retry-after'] ?? '', 10);
      if (status >= 500 || status === 408) {
        return {
          type: 'retryable',
          reason: `HTTP ${status}`,
          retryAfterMs: seconds(Number.isNaN(retryAfter) ? undefined : retryAfter),
        };
      }
      return { type: 'rejected', reason: `HTTP ${status}` };
    }
    case ErrorCode.RequestError: {
      const notSent = causeCode(e.original);
      if (notSent) return { type: 'retryable', reason: `connection failed before sending (${notSent})` };
      const name = (e.original as { name?: unknown } | undefined)?.name;
      if (name === 'TimeoutError' || name === 'AbortError')
        return { type: 'unknown', reason: 'timed out waiting for Slack' };
      return {
        type: 'unknown',
        reason: `request failed: ${String((e.original as Error | undefined)?.message ?? e.message)}`,
      };
    }
    default:
      if (typeof e.message === 'string' && /rate limit|Retry header/i.test(e.message)) {
        return { type: 'retryable', reason: 'rate limited (HTTP 429 without a usable Retry-After)' };
      }
      return { type: 'unknown', reason: `unexpected error: ${String(e.message ?? error)}` };
  }
}
