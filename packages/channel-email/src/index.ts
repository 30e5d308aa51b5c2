/**
 * @module @incident-comms/channel-email
 * Email delivery channel over nodemailer: multipart text + HTML, header-injection checks,
 * threading by In-Reply-To, SMTP replies mapped to delivery outcomes.
 */
export type { EmailChannelOptions } from './email-channel';
export { createEmailChannel } from './email-channel';
export {
  EmailAddressInvalidError,
  EmailHeaderInjectionError,
  EmailHeaderTooLongError,
  MAX_HEADER_LINE,
} from './errors';
export { smtpErrorOutcome } from './outcome';
export type { EmailPayload, EmailRenderSettings, Mailbox } from './render';
export { createEmailRenderer, renderEmail } from './render';
