/**
 * @module @incident-comms/channel-webhook
 * Signed JSON webhooks (Standard Webhooks): a versioned payload schema, signing with the
 * `standardwebhooks` package and a `verifyWebhook` helper for receivers.
 */
export type { WebhookPayload } from './payload';
export {
  renderWebhookPayload,
  serializeWebhookPayload,
  WEBHOOK_SCHEMA_VERSION,
  webhookPayloadJsonSchema,
  webhookPayloadSchema,
} from './payload';
export type { RequestHeaders } from './verify';
export { verifyWebhook, WebhookVerificationError } from './verify';
export type { WebhookChannelOptions, WebhookChannelPayload, WebhookEndpoint } from './webhook-channel';
export { createWebhookChannel } from './webhook-channel';
