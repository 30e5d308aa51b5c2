/**
 * @module channel-webhook/webhook-channel
 * `createWebhookChannel`: approved messages as signed JSON POSTs to named endpoints, per the
 * Standard Webhooks specification (`webhook-id`, `webhook-timestamp`, `webhook-signature`),
 * signed with the `standardwebhooks` package.
 */
import {
  type Channel,
  ChannelConfigError,
  type DeliveryClock,
  type DeliveryOutcome,
  deliveryProblemsFromIssues,
  exchangeHttp,
  type FetchLike,
  httpChannelOptionShape,
  httpFailureOutcome,
  httpsOrLoopbackUrl,
  systemClock,
} from '@incident-comms/core';
import { Webhook } from 'standardwebhooks';
import { z } from 'zod';
import { renderWebhookPayload, serializeWebhookPayload, type WebhookPayload } from './payload';

/** One receiving endpoint. */
export interface WebhookEndpoint {
  /** `https:` URL (or `http:` on loopback, for tests). */
  readonly url: string;
  /**
   * Signing secrets, `whsec_` + base64 of 24–64 random bytes. Every one signs each request (the
   * signatures go space-separated in `webhook-signature`), so during a rotation list the new
   * and the old secret and the receiver may check either.
   */
  readonly secrets: readonly string[];
}

/** Options of {@link createWebhookChannel}. */
export interface WebhookChannelOptions {
  /** Endpoints by name; routes name them as recipients (URLs and secrets never enter the outbox). */
  readonly endpoints: Readonly<Record<string, WebhookEndpoint>>;
  /** Channel name routes use. Default `webhook`. */
  readonly name?: string | undefined;
  /** The `fetch` to send with. Default the global `fetch`. */
  readonly fetch?: FetchLike | undefined;
  /** Upper bound of one request, in milliseconds. Default 10 000. */
  readonly timeoutMs?: number | undefined;
  /** Clock for `webhook-timestamp`. Default the system clock. */
  readonly clock?: DeliveryClock | undefined;
}

/** What `render` returns: the endpoint name and the body; signing happens at send time. */
export interface WebhookChannelPayload {
  readonly endpoint: string;
  readonly body: WebhookPayload;
}

const secretSchema = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/, 'a secret like "whsec_" + base64 of 24 or more random bytes');
const urlSchema = httpsOrLoopbackUrl('an http(s) URL');
const optionsSchema = z.object({
  endpoints: z
    .record(
      z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'an endpoint name like "billing-bot"'),
      z.object({ url: urlSchema, secrets: z.array(secretSchema).min(1, 'at least one secret') }),
    )
    .refine((e) => Object.keys(e).length > 0, 'at least one endpoint'),
  ...httpChannelOptionShape('webhook'),
});

/**
 * Creates the signed-webhook channel. Recipients are endpoint names from `endpoints`.
 * Capabilities: no threads, no edits (every version is its own event; `data.message.version`
 * orders them).
 *
 * - `webhook-id` is the delivery's idempotency key, the same on every attempt, so a receiver
 *   deduplicates resends; `webhook-timestamp` is the attempt's time; `webhook-signature` is
 *   `v1,<base64 HMAC-SHA256>` per secret.
 * - Outcomes: 2xx → delivered; 429/408 and 5xx → retryable with Retry-After (receivers
 *   deduplicate on `webhook-id`, so a resend is safe); other 4xx (401 bad signature, 404, 410
 *   endpoint gone, 413) → rejected; a timeout or an abort after sending → unknown; a refused
 *   connection → retryable.
 *
 * @throws {ChannelConfigError} `channel_config_invalid` naming each bad path, e.g.
 *   `options.endpoints.billing-bot.secrets.0`.
 * @example
 * const webhook = createWebhookChannel({
 *   endpoints: { 'billing-bot': { url: 'https://billing.example.com/hooks/incidents', secrets: [process.env.BILLING_WHSEC!] } },
 * });
 * // routes: [{ channel: 'webhook', audience: 'internal', recipients: ['billing-bot'] }]
 */
export function createWebhookChannel(options: WebhookChannelOptions): Channel<WebhookChannelPayload> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new ChannelConfigError(
      'webhook',
      deliveryProblemsFromIssues(parsed.error.issues, 'options', options),
    );
  }
  const name = options.name ?? 'webhook';
  const fetcher: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const signers = new Map(
    Object.entries(options.endpoints).map(([key, e]) => [key, e.secrets.map((s) => new Webhook(s))]),
  );

  return {
    name,
    capabilities: { threads: false, edits: false },
    render(message, recipient, context) {
      if (!Object.hasOwn(options.endpoints, recipient)) {
        throw new ChannelConfigError(name, [
          {
            path: 'recipient',
            expected: `one of the configured endpoints (${Object.keys(options.endpoints).join(', ')})`,
            received: JSON.stringify(recipient),
          },
        ]);
      }
      return { endpoint: recipient, body: renderWebhookPayload(message, recipient, context) };
    },
    async send(payload, { signal, idempotencyKey }): Promise<DeliveryOutcome> {
      const endpoint = options.endpoints[payload.endpoint];
      const keys = signers.get(payload.endpoint);
      if (!endpoint || !keys)
        return { type: 'rejected', reason: `${name}: no endpoint "${payload.endpoint}"` };
      if (!/^[\x21-\x7e]{1,512}$/.test(idempotencyKey)) {
        return { type: 'rejected', reason: `${name}: the idempotency key cannot be a webhook-id header` };
      }
      const body = serializeWebhookPayload(payload.body);
      const now = new Date(clock.now());
      const exchange = await exchangeHttp(
        fetcher,
        {
          url: endpoint.url,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'incident-comms-webhook/1',
            'webhook-id': idempotencyKey,
            'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
            'webhook-signature': keys.map((k) => k.sign(idempotencyKey, now, body)).join(' '),
          },
          body,
        },
        { signal, timeoutMs },
      );
      if (exchange.type === 'response' && exchange.status >= 200 && exchange.status < 300) {
        return { type: 'delivered', ref: { endpoint: payload.endpoint, webhookId: idempotencyKey } };
      }
      return httpFailureOutcome(exchange, { nowMs: clock.now(), serverError: 'retryable', service: name });
    },
  };
}
