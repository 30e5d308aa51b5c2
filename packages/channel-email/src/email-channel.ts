/**
 * @module channel-email/email-channel
 * `createEmailChannel`: the email delivery channel over an injected nodemailer transport
 * (pooled SMTP in real use): one message per recipient, multipart text + HTML, threaded by
 * `In-Reply-To`, errors mapped to outcomes.
 */
import type { Readable } from 'node:stream';
import {
  type ApprovedMessage,
  type Channel,
  ChannelConfigError,
  type DeliveryOutcome,
  type DeliveryProblem,
  deliveryProblemsFromIssues,
} from '@incident-comms/core';
import type { Transporter } from 'nodemailer';
import { z } from 'zod';
import { smtpErrorOutcome } from './outcome';
import { createEmailRenderer, type EmailPayload, HEADER_LINE, isEmailAddress, type Mailbox } from './render';

/** Options of {@link createEmailChannel}. */
export interface EmailChannelOptions {
  /**
   * A nodemailer transporter, e.g. `createTransport({ pool: true, host, port, maxRequeues: 0 })`.
   * A pooled transport must have `maxRequeues: 0`: the pool would otherwise resend a message
   * whose connection dropped after the server may already have accepted it.
   */
  transport: Transporter;
  /** Sender: an address or `{ name, address }`. */
  from: string | Mailbox;
  /** Reply-To: the communication owner (the one person who sends every customer update). */
  replyTo: string | Mailbox;
  /** Channel name routes use. Default `email`. */
  name?: string | undefined;
  /**
   * Subject override; must return one line. Default: the message's own `subject`, which the
   * templates render for its audience in that audience's time zone. Customer subjects carry
   * plain words, never severity codes: keep it that way in an override. Called once per
   * message (not per recipient), so it must depend on the message alone.
   */
  subject?: ((message: ApprovedMessage) => string) | undefined;
  /** Domain of generated Message-IDs. Default the `from` address's domain. */
  messageIdDomain?: string | undefined;
}

const oneLine = z.string().regex(HEADER_LINE, 'one line without CR/LF or control characters');
const mailboxSchema = z.union([z.email(), z.object({ name: oneLine, address: z.email() }).strict()]);
const optionsSchema = z.object({
  transport: z.object({
    sendMail: z.custom<(...a: unknown[]) => unknown>(
      (v) => typeof v === 'function',
      'a nodemailer transporter',
    ),
    use: z.custom<(...a: unknown[]) => unknown>((v) => typeof v === 'function', 'a nodemailer transporter'),
  }),
  from: mailboxSchema,
  replyTo: mailboxSchema,
  name: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, 'a lowercase name like "email"')
    .optional(),
  subject: z.custom<(m: ApprovedMessage) => string>((v) => typeof v === 'function', 'a function').optional(),
  messageIdDomain: z
    .string()
    .regex(/^[A-Za-z0-9.-]+$/, 'a domain name')
    .optional(),
});

const mailbox = (value: string | Mailbox): Mailbox =>
  typeof value === 'string' ? { name: '', address: value } : value;

interface Tracker {
  bodySent: boolean;
}

/** Sends kept in flight per pooled connection: one on the wire and some queued, so a connection never waits for the publisher. */
const SENDS_PER_CONNECTION = 4;

/**
 * The channel's declared `concurrency`: a pooled transport's `maxConnections` (nodemailer's
 * default 5) × {@link SENDS_PER_CONNECTION}; `undefined` (the publisher's default) otherwise.
 */
function sendsInFlight(transport: Transporter): number | undefined {
  const inner = (transport as { transporter?: { name?: unknown; options?: { maxConnections?: unknown } } })
    .transporter;
  if (inner?.name !== 'SMTP (pool)') return undefined;
  const max = inner.options?.maxConnections;
  const connections = typeof max === 'number' && Number.isInteger(max) && max > 0 ? max : 5;
  return connections * SENDS_PER_CONNECTION;
}

/**
 * Creates the email channel. Recipients are email addresses (validated with zod's
 * `z.email()` in `render`); each gets its own message, so a 5xx for one recipient rejects only
 * that delivery. Capabilities: threads (via `In-Reply-To`/`References`), no edits.
 *
 * Safety (issue 7): CR/LF or control characters in any user-supplied header field are refused
 * with `EmailHeaderInjectionError` before nodemailer; `disableFileAccess` and
 * `disableUrlAccess` are set on every message; the HTML part escapes all text.
 *
 * Declares `capabilities.concurrency` = the pool's `maxConnections` × 4, so `publishUpdate`
 * keeps every pooled connection busy without being told.
 *
 * Outcomes: see `smtpErrorOutcome`. The channel watches the message stream so a dropped
 * connection is `retryable` before the body went out and `unknown` after.
 *
 * @throws {ChannelConfigError} `channel_config_invalid` naming each bad path (`options.from`,
 *   `transport.options.maxRequeues`, …).
 * @example
 * const transport = createTransport({ pool: true, host: 'smtp.example.com', port: 587, maxConnections: 5, maxRequeues: 0 });
 * const email = createEmailChannel({ transport, from: 'status@example.com', replyTo: { name: 'Dana Ops', address: 'dana@example.com' } });
 */
export function createEmailChannel(options: EmailChannelOptions): Channel<EmailPayload> {
  const parsed = optionsSchema.safeParse(options);
  const problems: DeliveryProblem[] = parsed.success
    ? []
    : deliveryProblemsFromIssues(parsed.error.issues, 'options', options);
  const transporter = (
    options.transport as { transporter?: { name?: unknown; options?: { maxRequeues?: unknown } } }
  )?.transporter;
  if (transporter?.name === 'SMTP (pool)' && transporter.options?.maxRequeues !== 0) {
    problems.push({
      path: 'transport.options.maxRequeues',
      expected: '0 (the publisher retries; a pool requeue can send a message twice)',
      received: String(transporter.options?.maxRequeues),
    });
  }
  if (problems.length > 0) throw new ChannelConfigError('email', problems);

  const from = mailbox(options.from);
  const settings = {
    from,
    replyTo: mailbox(options.replyTo),
    subject: options.subject,
    messageIdDomain: options.messageIdDomain ?? from.address.split('@')[1] ?? 'localhost',
  };
  const trackers = new Map<string, Tracker>();
  const { transport } = options;
  // Watch the message stream: the SMTP client reads it only after the server accepted DATA,
  // and the stream ends once the whole body has been handed over.
  // The stream is returned as it is (no extra stage): only its `end` is observed.
  transport.use('stream', (mail, done) => {
    const tracker = trackers.get(String(mail.data.messageId));
    if (tracker) {
      mail.message.processFunc((input: Readable) => {
        input.once('end', () => {
          tracker.bodySent = true;
        });
        return input;
      });
    }
    done();
  });

  return {
    name: options.name ?? 'email',
    capabilities: { threads: true, edits: false, concurrency: sendsInFlight(options.transport) },
    render: createEmailRenderer(settings),
    checkRecipient: (recipient) => (isEmailAddress(recipient) ? undefined : 'an e-mail address'),
    async send(payload, { signal }): Promise<DeliveryOutcome> {
      if (signal.aborted) return { type: 'retryable', reason: 'aborted before sending' };
      const tracker: Tracker = { bodySent: false };
      trackers.set(payload.messageId, tracker);
      try {
        const info = (await transport.sendMail({
          ...payload,
          disableFileAccess: true,
          disableUrlAccess: true,
          signal,
        })) as { accepted?: unknown[]; rejected?: unknown[]; response?: unknown };
        if (Array.isArray(info.rejected) && info.rejected.length > 0) {
          return {
            type: 'rejected',
            reason: `recipient refused: ${String(info.response ?? info.rejected.join(', '))}`,
          };
        }
        return { type: 'delivered', ref: { messageId: payload.messageId } };
      } catch (error) {
        return smtpErrorOutcome(error, tracker.bodySent);
      } finally {
        trackers.delete(payload.messageId);
      }
    },
  };
}
