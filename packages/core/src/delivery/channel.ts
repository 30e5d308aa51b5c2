/**
 * @module delivery/channel
 * The one interface every delivery channel implements (ours and a host's): a name, declared
 * capabilities, a pure `render` and a `send` that resolves to exactly one outcome.
 */
import { z } from 'zod';
import type { ApprovedMessage } from '../message';
import type { LookupOutcome, LookupQuery } from './settle';

/**
 * The native reference a channel returns for a delivered message, e.g. Slack
 * `{ channel: 'C024BE91L', ts: '1700000000.000100' }` or email `{ messageId: '<…@example.com>' }`.
 * Plain string values only, so every store can persist it as JSON. Later versions use it to
 * reply in a thread or edit the first message.
 */
export type ChannelRef = Readonly<Record<string, string>>;

/** What a channel can do beyond posting; declared, never probed (style.md rule 3). */
export interface ChannelCapabilities {
  /** Later versions can reply under the first delivered message (Slack `thread_ts`, email `In-Reply-To`). */
  readonly threads: boolean;
  /** A delivered message can be edited in place (Slack `chat.update`). */
  readonly edits: boolean;
  /**
   * Sends worth keeping in flight at once (a positive integer): enough to keep the channel's
   * connections busy between one send completing and the next starting, e.g. an SMTP pool's
   * `maxConnections` × a small factor. `publishUpdate` uses it unless given `concurrency`;
   * default 16. Pacing (rate limits) stays inside the channel's `send`.
   */
  readonly concurrency?: number | undefined;
}

/** Extra input to `render`, decided by the publisher before anything is sent. */
export interface RenderContext {
  /** The delivery's idempotency key (see {@link deliveryKey}); channels may embed it (Message-ID, metadata). */
  readonly idempotencyKey: string;
  /** The first delivered message to this recipient for this incident, when the channel threads. */
  readonly thread?: ChannelRef | undefined;
}

/** Per-attempt input to `send`. */
export interface SendOptions {
  /** Same key for every attempt of one delivery: incident, version, channel, recipient. */
  readonly idempotencyKey: string;
  /** 1-based attempt number of this delivery (counts attempts across process restarts). */
  readonly attempt: number;
  /**
   * Aborts the attempt. Already aborted → send nothing and resolve `retryable`. Aborted while
   * the request is out → resolve `unknown` (it may have arrived). Never reject.
   */
  readonly signal: AbortSignal;
  /** The first delivered message to this recipient for this incident, when the channel threads. */
  readonly thread?: ChannelRef | undefined;
}

/** Delivered: the recipient has the message; `ref` is the native reference for threading/edits. */
export interface DeliveredOutcome {
  readonly type: 'delivered';
  readonly ref: ChannelRef;
  /** Non-fatal problems after delivery, e.g. the optional status-line edit failed. */
  readonly warnings?: readonly string[] | undefined;
}
/**
 * Nothing arrived and trying again may work: a rate limit (429 + Retry-After), a 4xx SMTP reply,
 * a refused connection or a failure before the request body was sent. NOT a 5xx or a timeout
 * after the body went out: behind gateways and load balancers the request may have been stored
 * (then `unknown`), unless the channel knows better (e.g. the service documents that a 5xx
 * means nothing was kept, or it honours an idempotency key so a resend cannot duplicate).
 */
export interface RetryableOutcome {
  readonly type: 'retryable';
  readonly reason: string;
  /** Server-requested wait before the next attempt, in milliseconds (Retry-After). */
  readonly retryAfterMs?: number | undefined;
}
/** Permanently refused (unknown channel, bad address, 5xx SMTP reply, invalid auth); never retried. */
export interface RejectedOutcome {
  readonly type: 'rejected';
  readonly reason: string;
}
/**
 * The message may have arrived: a timeout, a 5xx or a lost connection after the request body
 * was sent, or a process killed mid-send. Reported, never resent blindly; a channel `lookup`
 * can settle it later (see `settleUnknown`).
 */
export interface UnknownOutcome {
  readonly type: 'unknown';
  readonly reason: string;
}

/** The one result of a `send` attempt. */
export type DeliveryOutcome = DeliveredOutcome | RetryableOutcome | RejectedOutcome | UnknownOutcome;

/**
 * A delivery channel. `P` is the channel's payload type (plain JSON data).
 *
 * Rules (checked by the conformance suite, `channelConformanceCases`):
 * - `render` is pure and deterministic; escaping of user-supplied text lives there. It may
 *   throw a typed error (with a string `code`) for input it cannot render safely.
 * - `send` never rejects; every failure is one of the outcomes above. What each means behind
 *   proxies: `delivered` only on the service's own acknowledgement; `retryable` only when
 *   nothing can have been kept; a 5xx or a timeout after the request body was sent is `unknown`
 *   unless the channel knows better.
 * - `send` honours its signal: aborted before sending → `retryable`, aborted in flight →
 *   `unknown`. A channel that ignores it is given up on `ABORT_GRACE_MS` after the abort.
 * - A channel declaring `threads` replies under `thread` when given one.
 *
 * @example
 * const console: Channel<{ line: string }> = {
 *   name: 'console',
 *   capabilities: { threads: false, edits: false },
 *   render: (message, recipient) => ({ line: `${recipient}: ${message.subject}` }),
 *   async send(payload) { process.stdout.write(`${payload.line}\n`); return { type: 'delivered', ref: {} }; },
 * };
 */
export interface Channel<P = unknown> {
  /** Unique name routes refer to, e.g. `slack`, `email`, `webhook`. */
  readonly name: string;
  readonly capabilities: ChannelCapabilities;
  /** Pure: the approved message rendered for one recipient. */
  render(message: ApprovedMessage, recipient: string, context: RenderContext): P;
  /** Sends one rendered payload; resolves to exactly one outcome, never rejects. */
  send(payload: P, options: SendOptions): Promise<DeliveryOutcome>;
  /**
   * Optional: finds a message by its idempotency key, to settle an `unknown` delivery (Slack:
   * the message metadata carrying the key, read back with `conversations.history`; email: the
   * Message-ID derived from the key, in a mailbox the host can read). `absent` only when the
   * channel is sure: it allows a resend.
   */
  lookup?(query: LookupQuery): Promise<LookupOutcome>;
  /**
   * Optional, pure: checks one recipient before anything is recorded or sent. Returns
   * `undefined` when the channel can address it, otherwise what it expects in plain words
   * (`'an e-mail address'`). Routes with a refused recipient are refused as a whole
   * (`DeliveryInputError` naming `routes.N.recipients.M`) when a desk is created and before a
   * version is published, so a version is never recorded as published for recipients that
   * cannot be reached.
   */
  checkRecipient?(recipient: string): string | undefined;
}

/**
 * Any channel, whatever its payload type; what `publishUpdate` takes. A channel's payload stays
 * private to it (`publishUpdate` only hands `render`'s result back to the same channel's `send`),
 * and `render`/`send` are declared as methods, so every `Channel<P>` is assignable here.
 */
export type AnyChannel = Channel<unknown>;

const refSchema = z.record(z.string(), z.string());

/**
 * Zod schema of a {@link DeliveryOutcome}; the publisher validates every outcome with it so a
 * misbehaving host channel is reported, not trusted.
 *
 * @example
 * deliveryOutcomeSchema.parse({ type: 'retryable', reason: 'HTTP 503', retryAfterMs: 2000 });
 */
export const deliveryOutcomeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('delivered'), ref: refSchema, warnings: z.array(z.string()).optional() }),
  z.object({
    type: z.literal('retryable'),
    reason: z.string().min(1),
    retryAfterMs: z.number().int().nonnegative().optional(),
  }),
  z.object({ type: z.literal('rejected'), reason: z.string().min(1) }),
  z.object({ type: z.literal('unknown'), reason: z.string().min(1) }),
]);

/**
 * The idempotency key of one delivery: incident, status-update version, channel, recipient
 * (issue 7). Each part is URI-encoded so `/` inside a part cannot collide.
 *
 * @returns e.g. `inc-42/v3/slack/C024BE91L`.
 * @example
 * deliveryKey('inc-42', 3, 'email', 'ops@example.com'); // 'inc-42/v3/email/ops%40example.com'
 */
export function deliveryKey(incidentId: string, version: number, channel: string, recipient: string): string {
  const e = encodeURIComponent;
  return `${e(incidentId)}/v${version}/${e(channel)}/${e(recipient)}`;
}
