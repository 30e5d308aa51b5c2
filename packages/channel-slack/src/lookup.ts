/**
 * @module channel-slack/lookup
 * Finds a posted message by the idempotency key carried in its message metadata
 * (`conversations.history`, or `conversations.replies` inside a thread), to settle an `unknown`
 * delivery, or to tell a 5xx that kept the message from one that did not.
 */
import type { ChannelRef, LookupOutcome, LookupQuery } from '@incident-comms/core';
import type { WebClient } from '@slack/web-api';

/** Pages read at most before the lookup gives up with `unknown` (200 messages each). */
const MAX_PAGES = 5;

interface HistoryPage {
  messages?: Array<{ ts?: string; metadata?: { event_payload?: Record<string, unknown> } }>;
  has_more?: boolean;
  response_metadata?: { next_cursor?: string };
}

/**
 * Looks for the message whose metadata carries `query.idempotencyKey` in the recipient's
 * conversation (or the given thread), since the delivery's first attempt. `absent` only when
 * the whole window was read without finding it; any API error is `unknown`.
 *
 * @example
 * await lookupSlackMessage(client, { idempotencyKey: 'inc-1/v2/slack/C024BE91L', recipient: 'C024BE91L', signal });
 * // { type: 'delivered', ref: { channel: 'C024BE91L', ts: '1700000001.000100' } }
 */
export async function lookupSlackMessage(
  client: Pick<WebClient, 'conversations'>,
  query: LookupQuery,
): Promise<LookupOutcome> {
  const channel = query.recipient;
  // A minute of slack for clock skew between us and Slack.
  const oldest = query.since === undefined ? undefined : String(Date.parse(query.since) / 1000 - 60);
  let cursor: string | undefined;
  try {
    for (let page = 0; page < MAX_PAGES; page++) {
      if (query.signal.aborted) return { type: 'unknown', reason: 'lookup aborted' };
      const common = { channel, include_all_metadata: true, limit: 200, ...(cursor ? { cursor } : {}) };
      const result = (
        query.thread?.ts === undefined
          ? await client.conversations.history({ ...common, ...(oldest ? { oldest } : {}) })
          : await client.conversations.replies({ ...common, ts: String(query.thread.ts) })
      ) as HistoryPage;
      const found = result.messages?.find(
        (m) => m.metadata?.event_payload?.idempotency_key === query.idempotencyKey,
      );
      if (found?.ts) return { type: 'delivered', ref: { channel, ts: found.ts } satisfies ChannelRef };
      cursor = result.response_metadata?.next_cursor;
      if (!result.has_more || !cursor) return { type: 'absent' };
    }
    return { type: 'unknown', reason: `not found in the last ${MAX_PAGES * 200} messages` };
  } catch (error) {
    return {
      type: 'unknown',
      reason: `lookup failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
