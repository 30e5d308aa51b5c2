/**
 * @module channel-email/render
 * Pure rendering of an approved message into one email: multipart text + escaped HTML, the
 * message's own subject (rendered by the templates for its audience), Reply-To the
 * communication owner, a Message-ID derived from the idempotency key, and `In-Reply-To` the
 * incident's first email.
 */
import { createHash } from 'node:crypto';
import { type ApprovedMessage, escapeHtml, type RenderContext } from '@incident-comms/core';
import { z } from 'zod';
import {
  EmailAddressInvalidError,
  EmailHeaderInjectionError,
  EmailHeaderTooLongError,
  MAX_HEADER_LINE,
} from './errors';

/** A mailbox: display name and address. */
export interface Mailbox {
  name: string;
  address: string;
}

/** The email channel's payload: plain JSON handed to nodemailer's `sendMail`. */
export interface EmailPayload {
  from: Mailbox;
  to: string;
  replyTo: Mailbox;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  headers: Record<string, string>;
}

/**
 * A value that can be one header line: no CR/LF, other C0 control characters, DEL, or Unicode
 * line/paragraph separators. Shared by the options schema and {@link assertHeaderSafe}.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting control characters is the point
export const HEADER_LINE = /^[^\u0000-\u001f\u007f\u2028\u2029]*$/;

/** Throws {@link EmailHeaderInjectionError} if `value` cannot be a single header line. */
export function assertHeaderSafe(value: string, path: string): string {
  if (!HEADER_LINE.test(value)) throw new EmailHeaderInjectionError(path);
  return value;
}

const emailSchema = z.email();

/** Whether `value` is an e-mail address the channel can send to (zod `z.email()`). */
export const isEmailAddress = (value: string): boolean => emailSchema.safeParse(value).success;

/** Throws {@link EmailAddressInvalidError} unless `value` is an email address (zod `z.email()`). */
export function assertEmail(value: string, path: string): string {
  if (!emailSchema.safeParse(value).success) throw new EmailAddressInvalidError(path, value);
  return value;
}

function htmlBody(message: ApprovedMessage): string {
  const body =
    message.html ??
    message.text
      .split(/\n{2,}/)
      .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
      .join('\n');
  return `<!doctype html>\n<html><body>\n<h2>${escapeHtml(message.incidentTitle)}</h2>\n${body}\n</body></html>`;
}

/** Input of {@link renderEmail} besides the message. */
export interface EmailRenderSettings {
  from: Mailbox;
  replyTo: Mailbox;
  /**
   * Subject override. Default: `message.subject`, which the templates render for the message's
   * audience (plain words, times in that audience's zone, no severity codes for customers).
   */
  subject?: ((message: ApprovedMessage) => string) | undefined;
  messageIdDomain: string;
}

/** The recipient-independent part of an email: validated once per message. */
interface MessageParts {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** Throws {@link EmailHeaderTooLongError} when `Name: value` would exceed RFC 5322's 998 characters. */
function assertHeaderFits(value: string, header: string, path: string): string {
  if (header.length + 2 + value.length > MAX_HEADER_LINE)
    throw new EmailHeaderTooLongError(path, header, value.length);
  return value;
}

function messageParts(message: ApprovedMessage, settings: EmailRenderSettings): MessageParts {
  assertHeaderSafe(message.incidentTitle, 'message.incidentTitle');
  assertHeaderFits(
    assertHeaderSafe(message.incidentId, 'message.incidentId'),
    'X-Incident-Id',
    'message.incidentId',
  );
  const subject = assertHeaderFits(
    assertHeaderSafe(settings.subject?.(message) ?? message.subject, 'subject'),
    'Subject',
    'subject',
  );
  return {
    subject,
    text: message.text,
    html: htmlBody(message),
    headers: {
      'X-Incident-Id': message.incidentId,
      'X-Incident-Version': String(message.version),
      'Auto-Submitted': 'auto-generated',
    },
  };
}

function recipientPayload(
  parts: MessageParts,
  recipient: string,
  context: RenderContext,
  settings: EmailRenderSettings,
): EmailPayload {
  assertEmail(recipient, 'recipient');
  const hash = createHash('sha256').update(context.idempotencyKey).digest('hex').slice(0, 32);
  const payload: EmailPayload = {
    from: settings.from,
    to: recipient,
    replyTo: settings.replyTo,
    subject: parts.subject,
    text: parts.text,
    html: parts.html,
    messageId: `<${hash}@${settings.messageIdDomain}>`,
    headers: { ...parts.headers },
  };
  const first = context.thread?.messageId;
  if (first !== undefined) {
    assertHeaderSafe(first, 'context.thread.messageId');
    payload.inReplyTo = first;
    payload.references = [first];
  }
  return payload;
}

/**
 * Renders one approved message for one recipient. Pure (the Message-ID is a hash of the
 * idempotency key, so every attempt of a delivery carries the same id). The subject is the
 * message's own (`message.subject`) unless `settings.subject` overrides it.
 *
 * @throws {EmailHeaderInjectionError} `email_header_injection` if the subject, incident title
 *   or incident id holds CR/LF or a control character.
 * @throws {EmailAddressInvalidError} `email_address_invalid` if `recipient` is not an address.
 * @example
 * const payload = renderEmail(message, 'a@example.com', { idempotencyKey: 'k' }, settings);
 */
export function renderEmail(
  message: ApprovedMessage,
  recipient: string,
  context: RenderContext,
  settings: EmailRenderSettings,
): EmailPayload {
  return recipientPayload(messageParts(message, settings), recipient, context, settings);
}

/** A shallow copy of what the parts of a message were computed from, and its field count. */
interface Snapshot {
  readonly fields: Readonly<Record<string, unknown>>;
  readonly count: number;
  readonly parts: MessageParts;
}

/** True while `message` has exactly the fields and values it had when `snapshot` was taken. */
function unchanged(message: ApprovedMessage, snapshot: Snapshot): boolean {
  let count = 0;
  for (const [key, value] of Object.entries(message)) {
    if (snapshot.fields[key] !== value) return false;
    count++;
  }
  return count === snapshot.count;
}

/**
 * {@link renderEmail} for many recipients of the same messages: the recipient-independent
 * part (subject, header checks, the escaped HTML body) is computed once per message object and
 * reused while its own fields hold the same values (a shallow check per render); only the address, Message-ID and thread
 * vary per recipient. Output is identical to `renderEmail`'s.
 *
 * @returns a render function with `renderEmail`'s parameters (minus `settings`) and throws.
 * @example
 * const render = createEmailRenderer(settings);
 * const payloads = recipients.map((to) => render(message, to, { idempotencyKey: key(to) }));
 */
export function createEmailRenderer(
  settings: EmailRenderSettings,
): (message: ApprovedMessage, recipient: string, context: RenderContext) => EmailPayload {
  const cache = new WeakMap<ApprovedMessage, Snapshot>();
  return (message, recipient, context) => {
    let hit = cache.get(message);
    if (!hit || !unchanged(message, hit)) {
      const fields = { ...message };
      hit = { fields, count: Object.keys(fields).length, parts: messageParts(message, settings) };
      cache.set(message, hit);
    }
    return recipientPayload(hit.parts, recipient, context, settings);
  };
}
