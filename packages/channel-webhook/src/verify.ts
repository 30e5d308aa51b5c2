/**
 * @module channel-webhook/verify
 * The receiver's side: check a request's Standard Webhooks signature with the
 * `standardwebhooks` package (any of several secrets, for rotation) and parse its body.
 */
import { IncidentCommsError } from '@incident-comms/core';
import { Webhook } from 'standardwebhooks';
import { type WebhookPayload, webhookPayloadSchema } from './payload';

/**
 * A request failed verification. `code` is `webhook_signature_invalid` (missing headers, no
 * signature matches any secret, timestamp older or newer than five minutes) or
 * `webhook_payload_invalid` (signed, but not a schema-version-1 body). Answer 400/401 and do
 * not act on the body.
 */
export class WebhookVerificationError extends IncidentCommsError {
  constructor(code: 'webhook_signature_invalid' | 'webhook_payload_invalid', message: string) {
    super(code, message);
  }
}

/** Request headers as `fetch` (`Headers`) or `node:http` (`req.headers`) give them. */
export type RequestHeaders =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

const SIGNED_HEADERS = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const;

function signedHeaders(headers: RequestHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of SIGNED_HEADERS) {
    let value: unknown;
    if (typeof (headers as { get?: unknown }).get === 'function') {
      value = (headers as { get(name: string): string | null }).get(name);
    } else {
      const record = headers as Readonly<Record<string, unknown>>;
      const key = Object.keys(record).find((k) => k.toLowerCase() === name);
      value = key === undefined ? undefined : record[key];
    }
    if (Array.isArray(value)) value = value.join(' ');
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}

/**
 * Verifies one webhook request and returns its parsed body. Pass the raw body exactly as
 * received (not re-serialised JSON). Several secrets are tried in turn, so a receiver can
 * accept the old and the new secret while rotating.
 *
 * @param body - the raw request body (string or bytes).
 * @param headers - the request headers (`webhook-id`, `webhook-timestamp`, `webhook-signature`).
 * @param secrets - the endpoint's secret(s), `whsec_…` base64 as the sender was given.
 * @returns the payload, schema version 1.
 * @throws {WebhookVerificationError} `webhook_signature_invalid` or `webhook_payload_invalid`.
 * @example
 * // in a node:http handler, after reading the body into `raw`
 * const payload = verifyWebhook(raw, req.headers, [process.env.WEBHOOK_SECRET!]);
 * if (seen.has(payload.data.idempotencyKey)) return res.writeHead(200).end(); // a resend
 */
export function verifyWebhook(
  body: string | Uint8Array,
  headers: RequestHeaders,
  secrets: string | readonly string[],
): WebhookPayload {
  const list = typeof secrets === 'string' ? [secrets] : secrets;
  const signed = signedHeaders(headers);
  let reason = 'no secret given';
  let parsed: unknown;
  let verified = false;
  for (const secret of list) {
    try {
      parsed = new Webhook(secret).verify(body, signed);
      verified = true;
      break;
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
  }
  if (!verified)
    throw new WebhookVerificationError('webhook_signature_invalid', `Webhook not verified: ${reason}`);
  const payload = webhookPayloadSchema.safeParse(parsed);
  if (!payload.success) {
    const issue = payload.error.issues[0];
    throw new WebhookVerificationError(
      'webhook_payload_invalid',
      `Webhook body is not an incident-comms payload: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
    );
  }
  if (payload.data.data.idempotencyKey !== signed['webhook-id']) {
    throw new WebhookVerificationError(
      'webhook_payload_invalid',
      'Webhook body idempotencyKey does not match the webhook-id header',
    );
  }
  return payload.data;
}
