/**
 * @module @incident-comms/channel-webhook/testing
 * A verifying Standard Webhooks receiver on 127.0.0.1 for tests, examples and demos.
 */
export type {
  WebhookReceiver,
  WebhookReceiverFault,
  WebhookReceiverOptions,
  WebhookReceiverRequest,
} from './webhook-receiver';
export { startWebhookReceiver } from './webhook-receiver';
