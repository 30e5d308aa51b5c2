/**
 * @module @incident-comms/channel-email/testing
 * A real SMTP server (smtp-server) on 127.0.0.1 that parses what arrives and injects faults,
 * and a pooled nodemailer transport pointed at it. Needs `smtp-server` and `mailparser`
 * installed (optional peers of this package).
 */
export type {
  LoopbackPoolOptions,
  ReceivedMail,
  SmtpFault,
  SmtpTestServer,
  SmtpTestServerOptions,
} from './smtp-test-server';
export { createLoopbackTransport, startSmtpTestServer } from './smtp-test-server';
