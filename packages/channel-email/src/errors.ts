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
