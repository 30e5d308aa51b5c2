/**
 * @module channel-email/testing/smtp-test-server
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package) for tests, the benchmark and the
 * examples: counts accepted messages per recipient, parses them with `mailparser` on request,
 * and injects faults per recipient (4xx/5xx replies, dropped connections).
 *
 * @example
 * const smtp = await startSmtpTestServer();
 * const transport = createTransport({ host: '127.0.0.1', port: smtp.port, ignoreTLS: true, pool: true, maxRequeues: 0 });
 * smtp.failNext('a@example.com', { stage: 'rcpt', code: 451 });
 * await smtp.close();
 */
import { type ParsedMail, simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

/** A fault for the next message to one recipient. */
export type SmtpFault =
  /** Reply `code` to RCPT TO (before DATA) or to the end of DATA. */
  | { readonly stage: 'rcpt' | 'data'; readonly code: number; readonly message?: string | undefined }
  /**
   * Drop the connection: at RCPT TO (nothing delivered), or after reading the whole body
   * (the message counts as received, as if the server queued it, but the reply never comes).
   */
  | { readonly stage: 'rcpt' | 'data'; readonly drop: true };

/** One accepted message. */
export interface ReceivedMail {
  /** Envelope recipients. */
  readonly to: string[];
  /** The raw RFC 5322 message. */
  readonly raw: Buffer;
}

/** Options of {@link startSmtpTestServer}. */
export interface SmtpTestServerOptions {
  /** Keep raw messages (default true); turn off for large benchmarks to only count. */
  readonly keepMessages?: boolean | undefined;
  /** Wait this many milliseconds before accepting each message (slows a run down for crash tests). Default 0. */
  readonly replyDelayMs?: number | undefined;
}

/** A running SMTP test server. */
export interface SmtpTestServer {
  readonly host: '127.0.0.1';
  readonly port: number;
  /** Accepted messages in arrival order (empty when `keepMessages` is false). */
  readonly messages: ReceivedMail[];
  /** Messages accepted for `recipient` (or all, without an argument). */
  count(recipient?: string): number;
  /** Every recipient's accepted-message count. */
  counts(): Map<string, number>;
  /** Parsed copies (mailparser) of the messages to `recipient`. */
  parsed(recipient: string): Promise<ParsedMail[]>;
  /** Queues `fault` for the next `times` messages to `recipient` (default once). */
  failNext(recipient: string, fault: SmtpFault, times?: number): void;
  close(): Promise<void>;
}

/**
 * Starts the server on 127.0.0.1 on a free port: no TLS, no auth, PIPELINING on.
 *
 * @returns the running server; call `close()` when done.
 */
export async function startSmtpTestServer(options: SmtpTestServerOptions = {}): Promise<SmtpTestServer> {
  const keep = options.keepMessages ?? true;
  const messages: ReceivedMail[] = [];
  const counts = new Map<string, number>();
  const faults = new Map<string, SmtpFault[]>();
  let total = 0;

  const takeFault = (recipient: string, stage: 'rcpt' | 'data') => {
    const queue = faults.get(recipient.toLowerCase());
    if (queue?.[0]?.stage !== stage) return undefined;
    return queue.shift();
  };
  const drop = (session: SMTPServerSession) => {
    for (const connection of server.connections) {
      if (connection.id === session.id) connection._socket.destroy();
    }
  };
  const smtpError = (code: number, message = code >= 500 ? 'Mailbox unavailable' : 'Try again later') =>
    Object.assign(new Error(message), { responseCode: code });

  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, session, callback) {
      const fault = takeFault(address.address, 'rcpt');
      if (fault && 'drop' in fault) return drop(session);
      if (fault) return callback(smtpError(fault.code, fault.message));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => {
        if (keep) chunks.push(c);
      });
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        let fault: SmtpFault | undefined;
        for (const r of to) fault ??= takeFault(r, 'data');
        if (fault && !('drop' in fault)) return callback(smtpError(fault.code, fault.message));
        total += 1;
        for (const r of to) counts.set(r, (counts.get(r) ?? 0) + 1);
        if (keep) messages.push({ to, raw: Buffer.concat(chunks) });
        if (fault) return drop(session);
        if (options.replyDelayMs) setTimeout(() => callback(), options.replyDelayMs);
        else callback();
      });
    },
  });
  server.on('error', () => {
    // a dropped client connection is expected in fault tests
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    host: '127.0.0.1',
    port,
    messages,
    count: (recipient) => (recipient === undefined ? total : (counts.get(recipient.toLowerCase()) ?? 0)),
    counts: () => new Map(counts),
    parsed: (recipient) =>
      Promise.all(
        messages.filter((m) => m.to.includes(recipient.toLowerCase())).map((m) => simpleParser(m.raw)),
      ),
    failNext(recipient, fault, times = 1) {
      const key = recipient.toLowerCase();
      const queue = faults.get(key) ?? [];
      for (let i = 0; i < times; i++) queue.push(fault);
      faults.set(key, queue);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const connection of server.connections) connection._socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Pool settings shared by tests, benchmark and examples: pooled SMTP, no pool requeues. */
export interface LoopbackPoolOptions {
  readonly maxConnections?: number | undefined;
  readonly maxMessages?: number | undefined;
}

/**
 * A pooled nodemailer transport to a {@link SmtpTestServer} (no TLS, `maxRequeues: 0`), so
 * scripts outside this package need not resolve nodemailer themselves.
 *
 * @example
 * const transport = createLoopbackTransport(smtp, { maxConnections: 5 });
 */
export function createLoopbackTransport(
  server: Pick<SmtpTestServer, 'port'>,
  options: LoopbackPoolOptions = {},
) {
  return nodemailer.createTransport({
    host: '127.0.0.1',
    port: server.port,
    ignoreTLS: true,
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    maxMessages: options.maxMessages ?? 100,
    maxRequeues: 0,
  });
}
