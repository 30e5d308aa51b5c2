/**
 * @module @incident-comms/channel-teams
 * Microsoft Teams delivery through Workflows webhooks: an Adaptive Card per message with a
 * plain-text fallback, escaping that blocks links and card functions, trimming under the
 * size limit, pacing per webhook.
 */
export type {
  AdaptiveCard,
  CardElement,
  SourceOfTruth,
  TeamsPayload,
  TeamsRenderOptions,
  TeamsWebhookBody,
} from './card';
export { ADAPTIVE_CARD_VERSION, renderTeamsMessage, TEAMS_PAYLOAD_LIMIT } from './card';
export { cardLine, cardParagraphs, defuseText } from './escape';
export type { TeamsChannelOptions } from './teams-channel';
export { createTeamsChannel, TEAMS_WEBHOOK_RATE_LIMITS } from './teams-channel';
