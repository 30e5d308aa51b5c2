/**
 * @module delivery/http
 * What every HTTP channel shares (Teams, signed webhooks, status pages): one request through an
 * injected `fetch` with a deadline and the caller's abort signal, and the reading of its result
 * as a delivery outcome (Retry-After, refused connections, timeouts after the body left).
 */
import { oneLine } from '../text/clean';
import type { DeliveryOutcome } from './channel';

/** The part of a fetch `Response` the channels read. */
export interface HttpResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** The `fetch` the HTTP channels take; the global `fetch` fits, so does undici's or a test double. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal },
) => Promise<HttpResponseLike>;

/** One HTTP request a channel sends. */
export interface HttpRequest {
  readonly url: string;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  readonly headers: Readonly<Record<string, string>>;
  /** The exact bytes to send (already serialised JSON). */
  readonly body?: string | undefined;
}

/**
 * What happened to one request:
 * - `response`: the server answered (any status) — `body` is its text, cut to 4 KiB;
 * - `not-sent`: nothing left this process or the connection was refused (safe to send again);
 * - `lost`: the request went out and no answer came (timeout, dropped connection, aborted in flight).
 */
export type HttpExchange =
  | {
      readonly type: 'response';
      readonly status: number;
      readonly headers: HttpResponseLike['headers'];
      readonly body: string;
    }
  | { readonly type: 'not-sent'; readonly reason: string }
  | { readonly type: 'lost'; readonly reason: string };

/** Error codes (on the error or its `cause` chain) that mean the request never left. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const BODY_LIMIT = 4_096;

function notSentCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NOT_SENT_CODES.has(code)) return code;
    const errors = (current as { errors?: unknown }).errors; // AggregateError of several addresses
    if (Array.isArray(errors) && errors.length > 0 && errors.every((e) => notSentCode(e))) {
      return notSentCode(errors[0]);
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Sends one request and never rejects. An already-aborted `signal` sends nothing (`not-sent`);
 * `signal` aborting or `timeoutMs` passing while the request is out gives `lost`.
 *
 * @param timeoutMs - upper bound of the whole exchange in milliseconds, response body included.
 * @example
 * const r = await exchangeHttp(fetch, { url, method: 'POST', headers, body }, { signal, timeoutMs: 10_000 });
 * if (r.type === 'response' && r.status < 300) console.log('delivered');
 */
export async function exchangeHttp(
  fetch: FetchLike,
  request: HttpRequest,
  options: { readonly signal: AbortSignal; readonly timeoutMs: number },
): Promise<HttpExchange> {
  if (options.signal.aborted) return { type: 'not-sent', reason: 'aborted before sending' };
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = AbortSignal.any([options.signal, deadline]);
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: { ...request.headers },
      ...(request.body === undefined ? {} : { body: request.body }),
      signal,
    });
    const body = await response.text();
    return {
      type: 'response',
      status: response.status,
      headers: response.headers,
      body: body.slice(0, BODY_LIMIT),
    };
  } catch (error) {
    const code = notSentCode(error);
    if (code) return { type: 'not-sent', reason: `connection failed before sending (${code})` };
    if (deadline.aborted) return { type: 'lost', reason: `no answer within ${options.timeoutMs} ms` };
    if (options.signal.aborted) return { type: 'lost', reason: 'aborted while the request was in flight' };
    return { type: 'lost', reason: `request failed: ${oneLine(String((error as Error)?.message ?? error))}` };
  }
}

/**
 * Reads a Retry-After header (RFC 9110: delay in seconds, or an HTTP date) as milliseconds.
 *
 * @param value - the header value, or `null` when absent.
 * @param nowMs - current time (epoch ms), for the HTTP-date form.
 * @returns the wait in milliseconds (never negative), or `undefined` when absent or unreadable.
 * @example
 * parseRetryAfter('2', 0); // 2000
 * parseRetryAfter('Tue, 03 Mar 2026 14:00:05 GMT', Date.parse('2026-03-03T14:00:00Z')); // 5000
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date always has a weekday or month name; this keeps '-1' from parsing as year -1.
  const at = /[A-Za-z]/.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** How a channel reads answers that are not success; see {@link httpFailureOutcome}. */
export interface HttpFailurePolicy {
  /** Current time (epoch ms) for Retry-After dates. */
  readonly nowMs: number;
  /**
   * A 5xx answer: `retryable` when the receiver deduplicates (a resend is harmless), `unknown`
   * when the service may have acted before failing and a resend could post twice.
   */
  readonly serverError: 'retryable' | 'unknown';
  /** Extra statuses that mean "rate limited" besides 429 (Statuspage also sends 420). */
  readonly rateLimitStatuses?: readonly number[] | undefined;
  /** Names the service in reasons, e.g. `teams`. */
  readonly service: string;
}

/**
 * Maps a failed exchange (anything but a 2xx answer) to a delivery outcome:
 * - not sent (refused connection, aborted before sending) → `retryable`;
 * - lost (timeout or drop after the body left) → `unknown`;
 * - 429 (and `rateLimitStatuses`), 408 → `retryable` with Retry-After in ms;
 * - 5xx → `policy.serverError`;
 * - any other status (400, 401, 403, 404, 413, 422, …) → `rejected`, with the status and the
 *   start of the answer's body in the reason.
 *
 * @example
 * httpFailureOutcome({ type: 'lost', reason: 'no answer within 10000 ms' }, policy); // { type: 'unknown', … }
 */
export function httpFailureOutcome(exchange: HttpExchange, policy: HttpFailurePolicy): DeliveryOutcome {
  if (exchange.type === 'not-sent')
    return { type: 'retryable', reason: `${policy.service}: ${exchange.reason}` };
  if (exchange.type === 'lost') return { type: 'unknown', reason: `${policy.service}: ${exchange.reason}` };
  const { status } = exchange;
  const detail = oneLine(exchange.body).slice(0, 200);
  const reason = `${policy.service}: HTTP ${status}${detail ? ` ${detail}` : ''}`;
  const retryAfterMs = parseRetryAfter(exchange.headers.get('retry-after'), policy.nowMs);
  if (status === 429 || status === 408 || policy.rateLimitStatuses?.includes(status)) {
    return { type: 'retryable', reason, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  }
  if (status >= 500) {
    return policy.serverError === 'retryable'
      ? { type: 'retryable', reason, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) }
      : { type: 'unknown', reason };
  }
  return { type: 'rejected', reason };
}
