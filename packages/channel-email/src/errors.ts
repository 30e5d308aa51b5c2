/**
 * @module channel-email/errors
 * Typed email errors with stable codes, thrown by `render` before anything reaches nodemailer.
 */
import { DeliveryError } from '@incident-comms/core';

/**
 * A user-supplied field that ends up in a header holds CR, LF or another control character
 * (`email_header_injection`). `path` names the field, e.g. `message.incidentTitle`.
 *
 * @example
 * throw new EmailHeaderInjectionError('message.incidentTitle');
 */
export class EmailHeaderInjectionError extends DeliveryError {
  readonly path: string;
  constructor(path: string) {
    super('email_header_injection', `Refusing to send: ${path} contains a line break or control character`, [
      { path, expected: 'one line of text without CR, LF or control characters' },
    ]);
    this.path = path;
  }
}

/**
 * An address is not a valid email address (`email_address_invalid`), checked with zod's
 * `z.email()`.
 *
 * @example
 * throw new EmailAddressInvalidError('recipient', 'not-an-address');
 */
export class EmailAddressInvalidError extends DeliveryError {
  readonly path: string;
  constructor(path: string, received: string) {
    super('email_address_invalid', `Invalid email address at ${path}`, [
      { path, expected: 'an email address like ops@example.com', received: JSON.stringify(received) },
    ]);
    this.path = path;
  }
}

/** RFC 5322 (2.1.1): a header line must not exceed 998 characters, CRLF excluded. */
export const MAX_HEADER_LINE = 998;

/**
 * A header value would make a line longer than RFC 5322 allows (`email_header_too_long`):
 * `Name: value` over {@link MAX_HEADER_LINE} characters. Refused rather than folded, so what the
 * recipient reads is exactly the approved subject. `path` names the field, e.g. `subject`.
 *
 * @example
 * throw new EmailHeaderTooLongError('subject', 'Subject', 1200);
 */
export class EmailHeaderTooLongError extends DeliveryError {
  readonly path: string;
  constructor(path: string, header: string, length: number) {
    const room = MAX_HEADER_LINE - header.length - 2;
    super('email_header_too_long', `Refusing to send: ${path} makes the ${header} header line too long`, [
      {
        path,
        expected: `at most ${room} characters (RFC 5322 limits a header line to ${MAX_HEADER_LINE})`,
        received: `${length} characters`,
      },
    ]);
    this.path = path;
  }
}
