/**
 * @module channel-slack/blocks
 * Pure rendering of an approved message into a `chat.postMessage` payload: Block Kit with a
 * plain-text fallback, body split under Slack's 3,000-character section limit.
 */
import {
  type ApprovedMessage,
  escapeSlackMrkdwn,
  oneLine,
  type RenderContext,
  STATUS_LABELS,
} from '@incident-comms/core';
import { sanitizeMrkdwn } from './escape';

/** Slack's limit on a section block's text (Block Kit reference). */
export const SECTION_TEXT_LIMIT = 3_000;
/** Slack's limit on blocks per message. */
export const MAX_BLOCKS = 50;
/** Length we cut the notification fallback `text` to (Slack truncates at 40,000). */
export const FALLBACK_TEXT_LIMIT = 4_000;

/** The Block Kit blocks we post. */
export type SlackBlock =
  | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
  | { type: 'context'; elements: Array<{ type: 'mrkdwn'; text: string }> };

/** Arguments of one `chat.postMessage` call (plain JSON). */
export interface SlackPostArgs {
  channel: string;
  text: string;
  blocks: SlackBlock[];
  /** Always a string (Slack compares it as text; a number loses precision). */
  thread_ts?: string;
  unfurl_links: false;
  unfurl_media: false;
  link_names: false;
  /** Slack message metadata carrying the idempotency key, so an `unknown` delivery can be reconciled. */
  metadata: {
    event_type: 'incident_comms_update';
    event_payload: { idempotency_key: string; incident_id: string; version: number };
  };
}

/** The Slack channel's payload: the post, and the status line used to edit the thread's first message. */
export interface SlackPayload {
  post: SlackPostArgs;
  statusLine: { text: string; blocks: SlackBlock[] };
}

/**
 * Splits escaped mrkdwn into chunks of at most `limit` characters, preferring line breaks,
 * then spaces, and never cutting through an entity like `&amp;`.
 *
 * @example
 * splitText('a'.repeat(5000)).map((c) => c.length); // [3000, 2000]
 */
export function splitText(text: string, limit = SECTION_TEXT_LIMIT): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = rest.lastIndexOf('\n', limit);
    if (cut < limit / 2) cut = rest.lastIndexOf(' ', limit);
    if (cut < limit / 2) {
      cut = limit;
      const amp = rest.lastIndexOf('&', cut - 1);
      if (amp > cut - 5 && !rest.slice(amp, cut).includes(';')) cut = amp;
    }
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^[\n ]/, '');
  }
  if (rest.length > 0 || chunks.length === 0) chunks.push(rest);
  return chunks;
}

/**
 * Renders one approved message for one Slack channel. Pure. User text is escaped
 * ({@link escapeSlackMrkdwn}); template mrkdwn is sanitised ({@link sanitizeMrkdwn}).
 *
 * @param channel - Slack conversation id, e.g. `C024BE91L`.
 * @example
 * const { post } = renderSlackMessage(message, 'C024BE91L', { idempotencyKey: 'inc/v1/slack/C024BE91L' });
 */
export function renderSlackMessage(
  message: ApprovedMessage,
  channel: string,
  context: RenderContext,
): SlackPayload {
  const title = escapeSlackMrkdwn(oneLine(message.incidentTitle));
  // A host builds messages too: its severity and status are text like any other value.
  const severity = escapeSlackMrkdwn(oneLine(String(message.severity)));
  const label = escapeSlackMrkdwn(oneLine(STATUS_LABELS[message.status] ?? String(message.status)));
  const version = escapeSlackMrkdwn(oneLine(String(message.version)));
  const status = `*${severity} · ${label}* — ${title}`;
  const statusBlock: SlackBlock = { type: 'section', text: { type: 'mrkdwn', text: status } };
  const body =
    message.mrkdwn !== undefined ? sanitizeMrkdwn(message.mrkdwn) : escapeSlackMrkdwn(message.text);
  const context_: SlackBlock = {
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: `Update ${version} · ${escapeSlackMrkdwn(oneLine(message.incidentId))}`,
      },
    ],
  };
  let chunks = splitText(body);
  const room = MAX_BLOCKS - 2;
  if (chunks.length > room) {
    chunks = chunks.slice(0, room);
    chunks[room - 1] = `${chunks[room - 1]!.slice(0, SECTION_TEXT_LIMIT - 40)}\n_(message truncated)_`;
  }
  const blocks: SlackBlock[] = [
    statusBlock,
    ...chunks.map((c): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text: c } })),
    context_,
  ];
  const fallback = `${severity} ${label}: ${title}\n${body}`.slice(0, FALLBACK_TEXT_LIMIT);
  const post: SlackPostArgs = {
    channel,
    text: fallback,
    blocks,
    unfurl_links: false,
    unfurl_media: false,
    link_names: false,
    metadata: {
      event_type: 'incident_comms_update',
      event_payload: {
        idempotency_key: context.idempotencyKey,
        incident_id: message.incidentId,
        version: message.version,
      },
    },
  };
  if (context.thread?.ts !== undefined) post.thread_ts = String(context.thread.ts);
  const latest = `${status} (update ${version}, details in the thread)`;
  return {
    post,
    statusLine: {
      text: `${severity} ${label}: ${title} (update ${version})`,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: latest } }],
    },
  };
}
