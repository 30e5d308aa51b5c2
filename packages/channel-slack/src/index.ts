/**
 * @module @incident-comms/channel-slack
 * Slack delivery channel: Block Kit with a plain-text fallback, threads per incident, a token
 * bucket per Slack channel, escaping that blocks mentions and links.
 */
export type { SlackBlock, SlackPayload, SlackPostArgs } from './blocks';
export { renderSlackMessage, SECTION_TEXT_LIMIT, splitText } from './blocks';
export { sanitizeMrkdwn } from './escape';
export { slackErrorOutcome } from './outcome';
export type { SlackChannelOptions, SlackClient } from './slack-channel';
export { createSlackChannel } from './slack-channel';
export type { TokenBucket, TokenBucketOptions } from './token-bucket';
export { createTokenBucket } from './token-bucket';
