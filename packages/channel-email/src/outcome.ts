/**
 * @module channel-email/outcome
 * Maps a nodemailer SMTP error to a delivery outcome (issue 7): 4xx retryable, 5xx rejected,
 * a dropped connection retryable before the body went out and unknown after.
 */
import type { DeliveryOutcome } from '@incident-comms/core';

interface SmtpLikeError {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  message?: unknown;
}

const CONNECTION_CODES = new Set(['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EPROTOCOL', 'ESTREAM']);
const TRANSIENT_CODES = new Set(['EDNS', 'EMAXLIMIT', 'ETLS', 'EPROXY']);
const PERMANENT_CODES = new Set([
  'EAUTH',
  'ENOAUTH',
  'EOAUTH2',
  'ECONFIG',
  'EFILEACCESS',
  'EURLACCESS',
  'EREQUIRETLS',
  'EMAXRECIPIENTS',
]);

/**
 * Classifies a `sendMail` error for a single-recipient message.
 *
 * @param bodySent - whether the whole message body was handed to the server after it accepted
 *   DATA; a connection lost after that may have delivered the message.
 * @example
 * smtpErrorOutcome({ code: 'EENVELOPE', responseCode: 451, response: '451 try later' }, false); // retryable
 */
export function smtpErrorOutcome(error: unknown, bodySent: boolean): DeliveryOutcome {
  const e = (error ?? {}) as SmtpLikeError;
  const code = typeof e.code === 'string' ? e.code : 'UNKNOWN';
  const detail = typeof e.response === 'string' ? e.response : String(e.message ?? error);
  if (typeof e.responseCode === 'number') {
    // RFC 5321: 4yz transient, 5yz permanent; 503 is a session-state problem, not a refusal.
    if (e.responseCode >= 500 && e.responseCode !== 503)
      return { type: 'rejected', reason: `SMTP ${detail}` };
    return { type: 'retryable', reason: `SMTP ${detail}` };
  }
  if (code === 'EABORT' || CONNECTION_CODES.has(code)) {
    return bodySent
      ? { type: 'unknown', reason: `connection lost after the message body was sent (${code}): ${detail}` }
      : { type: 'retryable', reason: `connection lost before the message was accepted (${code}): ${detail}` };
  }
  if (TRANSIENT_CODES.has(code)) return { type: 'retryable', reason: `${code}: ${detail}` };
  if (PERMANENT_CODES.has(code) || code === 'EENVELOPE' || code === 'EMESSAGE') {
    return { type: 'rejected', reason: `${code}: ${detail}` };
  }
  return bodySent
    ? { type: 'unknown', reason: `${code}: ${detail}` }
    : { type: 'retryable', reason: `${code}: ${detail}` };
}
