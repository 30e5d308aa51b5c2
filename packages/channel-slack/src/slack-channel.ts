/**
 * @module channel-slack/slack-channel
 * `createSlackChannel`: the Slack delivery channel over an injected `WebClient`: Block Kit
 * posts threaded per incident, a token bucket per Slack channel, errors mapped to outcomes.
 */
import {
  type Channel,
  ChannelConfigError,
  type DeliveryClock,
  type DeliveryOutcome,
  deliveryProblemsFromIssues,
  type LookupQuery,
  systemClock,
} from '@incident-comms/core';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { renderSlackMessage, type SlackPayload } from './blocks';
import { lookupSlackMessage } from './lookup';
import { slackErrorOutcome } from './outcome';
import { createTokenBucket } from './token-bucket';

/** The part of `WebClient` the channel uses (`chat.postMessage`, `chat.update`). */
export type SlackClient = Pick<WebClient, 'chat'> & Partial<Pick<WebClient, 'conversations'>>;

/** Options of {@link createSlackChannel}. */
export interface SlackChannelOptions {
  /**
   * A `WebClient` built with `retryConfig: { retries: 0 }` and `rejectRateLimitedCalls: true`,
   * so its retries do not multiply with the publisher's. Checked when detectable.
   */
  client: SlackClient;
  /** Channel name routes use. Default `slack`. */
  name?: string | undefined;
  /** After each threaded reply, edit the thread's first message to show the latest status line. Default false. */
  statusLineUpdate?: boolean | undefined;
  /** Posting rate per Slack channel. Default `{ perSecond: 1, burst: 3 }` (Slack: ~1 message/s per channel). */
  rateLimit?: { perSecond?: number | undefined; burst?: number | undefined } | undefined;
  /** Clock for the token bucket. Default the system clock. */
  clock?: DeliveryClock | undefined;
  /**
   * Accept a client with its own retries on (not recommended); a warning is reported through
   * `onWarning` instead of throwing. Default false.
   */
  allowClientRetries?: boolean | undefined;
  /** Receives configuration warnings. Default `console.warn`. */
  onWarning?: ((message: string) => void) | undefined;
}

const optionsSchema = z.object({
  client: z.object({
    chat: z.object({
      postMessage: z.custom<(...a: unknown[]) => unknown>((v) => typeof v === 'function', 'a function'),
      update: z.custom<(...a: unknown[]) => unknown>((v) => typeof v === 'function', 'a function'),
    }),
  }),
  name: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, 'a lowercase name like "slack" or "slack-exec"')
    .optional(),
  statusLineUpdate: z.boolean().optional(),
  rateLimit: z
    .object({
      perSecond: z.number().positive().max(100).optional(),
      burst: z.number().int().min(1).max(100).optional(),
    })
    .strict()
    .optional(),
  allowClientRetries: z.boolean().optional(),
});

/** Client settings that must be off; read at runtime because `WebClient` keeps them private. */
const clientSettingsSchema = z.object({
  retryConfig: z
    .object({ retries: z.literal(0, 'retries: 0 (the publisher retries; the client must not)') })
    .optional(),
  rejectRateLimitedCalls: z
    .literal(true, 'true (so a 429 comes back to the publisher with its Retry-After)')
    .optional(),
});

const isSlackId = (value: string) => /^[CGDZ][A-Z0-9]{2,}$/.test(value);

/**
 * Creates the Slack channel. Recipients are Slack conversation ids (`C…`, `G…`, `D…`); route
 * several to post one audience's message to several channels. Capabilities: threads and edits.
 *
 * - First message per incident and Slack channel starts a thread; later versions reply with
 *   `thread_ts` (always a string). With `statusLineUpdate`, the first message is edited with
 *   `chat.update` to show the latest status line (its original body is replaced; every
 *   version's full text stays in the thread).
 * - A token bucket per Slack channel keeps to `rateLimit`; a 429 also pauses that channel.
 * - Outcomes: see `slackErrorOutcome`. An aborted signal while the request is out → `unknown`.
 *
 * @throws {ChannelConfigError} `channel_config_invalid` naming each bad path, e.g.
 *   `client.retryConfig.retries` when the client would retry on its own.
 * @example
 * const client = new WebClient(token, { retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout: 10_000 });
 * const slack = createSlackChannel({ client, statusLineUpdate: true });
 */
export function createSlackChannel(options: SlackChannelOptions): Channel<SlackPayload> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success)
    throw new ChannelConfigError(
      'slack',
      deliveryProblemsFromIssues(parsed.error.issues, 'options', options),
    );
  const settings = clientSettingsSchema.safeParse(options.client);
  if (!settings.success) {
    const problems = deliveryProblemsFromIssues(settings.error.issues, 'client', options.client);
    if (!options.allowClientRetries) throw new ChannelConfigError('slack', problems);
    (options.onWarning ?? console.warn)(
      `slack channel: ${problems.map((p) => `${p.path} should be ${p.expected}`).join('; ')}`,
    );
  }
  const { client } = options;
  const clock = options.clock ?? systemClock;
  const bucket = createTokenBucket({
    perSecond: options.rateLimit?.perSecond ?? 1,
    burst: options.rateLimit?.burst ?? 3,
    clock,
  });

  /** Whether the metadata lookup finds the post: delivered, retryable (surely absent) or unknown. */
  const settleServerError = async (
    payload: SlackPayload,
    outcome: DeliveryOutcome,
    signal: AbortSignal,
  ): Promise<DeliveryOutcome> => {
    const key = (payload.post.metadata as { event_payload?: { idempotency_key?: string } }).event_payload
      ?.idempotency_key;
    const reason = outcome.type === 'delivered' ? 'HTTP 5xx' : outcome.reason;
    const reader = client.conversations ? { conversations: client.conversations } : undefined;
    if (key === undefined || !reader)
      return { type: 'unknown', reason: `${reason} after the request was sent` };
    const thread = payload.post.thread_ts === undefined ? undefined : { ts: String(payload.post.thread_ts) };
    const found = await lookupSlackMessage(reader, {
      idempotencyKey: key,
      recipient: payload.post.channel,
      thread,
      signal,
    });
    if (found.type === 'delivered')
      return { type: 'delivered', ref: found.ref, warnings: [`${reason}, but the message was posted`] };
    if (found.type === 'absent')
      return outcome.type === 'retryable' ? outcome : { type: 'retryable', reason };
    return { type: 'unknown', reason: `${reason} after the request was sent; ${found.reason}` };
  };

  return {
    name: options.name ?? 'slack',
    ...(client.conversations
      ? {
          lookup: (query: LookupQuery) => lookupSlackMessage({ conversations: client.conversations! }, query),
        }
      : {}),
    capabilities: { threads: true, edits: true },
    render: (message, recipient, context) => {
      if (!isSlackId(recipient)) {
        throw new ChannelConfigError('slack', [
          {
            path: 'recipient',
            expected: 'a Slack conversation id like "C024BE91L"',
            received: JSON.stringify(recipient),
          },
        ]);
      }
      return renderSlackMessage(message, recipient, context);
    },
    async send(payload, { signal, thread }): Promise<DeliveryOutcome> {
      const target = payload.post.channel;
      if (signal.aborted || !(await bucket.take(target, signal))) {
        return { type: 'retryable', reason: 'aborted before sending' };
      }
      let result: { channel?: string; ts?: string };
      try {
        result = await whileNotAborted(client.chat.postMessage(payload.post), signal);
      } catch (error) {
        if (error === ABORTED) return { type: 'unknown', reason: 'aborted while the request was in flight' };
        const outcome = slackErrorOutcome(error);
        // A 5xx may come from a gateway after Slack stored the message: look before retrying.
        if (isServerError(error)) return settleServerError(payload, outcome, signal);
        if (outcome.type === 'retryable' && outcome.retryAfterMs !== undefined)
          bucket.penalize(target, outcome.retryAfterMs);
        return outcome;
      }
      if (typeof result.ts !== 'string')
        return { type: 'unknown', reason: 'Slack answered ok without a message ts' };
      const warnings: string[] = [];
      if (options.statusLineUpdate && thread?.ts !== undefined && thread.channel !== undefined) {
        try {
          await client.chat.update({ channel: thread.channel, ts: String(thread.ts), ...payload.statusLine });
        } catch (error) {
          const o = slackErrorOutcome(error);
          warnings.push(`status line not updated: ${o.type === 'delivered' ? 'unexpected' : o.reason}`);
        }
      }
      return {
        type: 'delivered',
        ref: { channel: result.channel ?? target, ts: result.ts },
        ...(warnings.length > 0 ? { warnings } : {}),
      };
    },
  };
}

const ABORTED = Symbol('aborted');

/** An HTTP 5xx answer (the request reached something that may have stored it). */
const isServerError = (error: unknown): boolean =>
  Number((error as { statusCode?: unknown }).statusCode) >= 500;

/** Resolves like `promise`, or rejects with {@link ABORTED} as soon as `signal` aborts. */
function whileNotAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(ABORTED);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
