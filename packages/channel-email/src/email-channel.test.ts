import { createMemoryOutbox, DeliveryInputError, publishUpdate } from '@incident-comms/core';
import {
  createVirtualClock,
  registerChannelConformance,
  sampleMessage,
  sampleRelease,
} from '@incident-comms/core/testing';
import nodemailer from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmailChannel } from './email-channel';
import type { EmailPayload } from './render';
import { type SmtpTestServer, startSmtpTestServer } from './testing/smtp-test-server';

const poolFor = (port: number) =>
  nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    ignoreTLS: true,
    pool: true,
    maxConnections: 3,
    maxRequeues: 0,
  });
const owner = { name: 'Dana Ops', address: 'dana@example.com' };

registerChannelConformance<EmailPayload>(
  'email',
  async () => {
    const smtp = await startSmtpTestServer();
    const transport = poolFor(smtp.port);
    return {
      channel: createEmailChannel({ transport, from: 'status@example.com', replyTo: owner }),
      recipient: 'ops@example.com',
      received: (r: string) => smtp.count(r),
      lastThread: async (r: string) => (await smtp.parsed(r)).at(-1)?.inReplyTo,
      failNext: (r: string, kind: 'rejected' | 'retryable') =>
        smtp.failNext(r, { stage: 'rcpt', code: kind === 'rejected' ? 550 : 451 }),
      close: async () => {
        transport.close();
        await smtp.close();
      },
    };
  },
  { describe, it },
  {
    checkEscaping(payload) {
      if (payload.html.includes('<script>') || payload.html.includes('<b>bold'))
        throw new Error('HTML part not escaped');
      if (!payload.html.includes('&lt;script&gt;'))
        throw new Error('expected escaped markup in the HTML part');
    },
  },
);

describe('createEmailChannel over real SMTP on loopback', () => {
  let smtp: SmtpTestServer;
  let transport: ReturnType<typeof poolFor>;
  beforeEach(async () => {
    smtp = await startSmtpTestServer();
    transport = poolFor(smtp.port);
  });
  afterEach(async () => {
    transport.close();
    await smtp.close();
  });

  const message = sampleMessage({
    incidentId: 'inc-mail',
    publishedAt: new Date().toISOString(),
    text: 'Some payments fail <b>now</b> & then.\n\nUse PayPal meanwhile.',
  });
  const publish = (recipients: string[], extra: Partial<Parameters<typeof publishUpdate>[0]> = {}) =>
    publishUpdate({
      release: sampleRelease([message]),
      routes: [{ channel: 'email', audience: 'customer', recipients }],
      channels: [
        createEmailChannel({
          transport,
          from: { name: 'Status', address: 'status@example.com' },
          replyTo: owner,
        }),
      ],
      outbox: createMemoryOutbox(),
      clock: createVirtualClock(),
      ...extra,
    });

  it('sends multipart text + escaped HTML with subject, Reply-To and a stable Message-ID', async () => {
    const result = await publish(['a@example.com', 'b@example.com']);
    expect(result.totals.sent).toBe(2);
    const [mail] = await smtp.parsed('a@example.com');
    // The subject is the message's own, as the templates rendered it for this audience.
    expect(mail?.subject).toBe('Investigating: card payments failing at checkout');
    expect(mail?.replyTo?.value).toEqual([{ name: 'Dana Ops', address: 'dana@example.com' }]);
    expect(mail?.from?.value).toEqual([{ name: 'Status', address: 'status@example.com' }]);
    expect(mail?.html).not.toBe(false);
    expect(mail?.text).toBeTruthy();
    expect(mail?.text?.trim()).toBe('Some payments fail <b>now</b> & then.\n\nUse PayPal meanwhile.');
    expect(mail?.html).toContain('<p>Some payments fail &lt;b&gt;now&lt;/b&gt; &amp; then.</p>');
    expect(mail?.headers.get('x-incident-id')).toBe('inc-mail');
    expect(mail?.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail?.messageId).toBe(result.deliveries[0]?.ref?.messageId);
    expect(smtp.count('b@example.com')).toBe(1);
  });

  it('threads later versions with In-Reply-To the first email', async () => {
    const outbox = createMemoryOutbox();
    const channel = createEmailChannel({ transport, from: 'status@example.com', replyTo: owner });
    const route = { channel: 'email', audience: 'customer' as const, recipients: ['a@example.com'] };
    const first = await publishUpdate({
      release: sampleRelease([message]),
      routes: [route],
      channels: [channel],
      outbox,
    });
    await publishUpdate({
      release: sampleRelease([
        {
          ...message,
          version: 2,
          kind: 'update',
          status: 'identified',
          subject: 'Identified: card payments',
        },
      ]),
      routes: [route],
      channels: [channel],
      outbox,
    });
    const [, reply] = await smtp.parsed('a@example.com');
    expect(reply?.inReplyTo).toBe(first.deliveries[0]?.ref?.messageId);
    expect(reply?.subject).toBe('Identified: card payments');
  });

  it('never puts a severity code or a UTC time in a customer subject by default', () => {
    const channel = createEmailChannel({ transport, from: 'status@example.com', replyTo: owner });
    for (const severity of ['SEV1', 'SEV2', 'SEV3'] as const) {
      const customer = { ...message, severity, subject: 'Identified: card payments failing at checkout' };
      const payload = channel.render(customer, 'a@example.com', { idempotencyKey: `k-${severity}` });
      expect(payload.subject).toBe('Identified: card payments failing at checkout');
      expect(payload.subject).not.toMatch(/SEV\d|UTC/);
      expect(payload.html).not.toMatch(/SEV\d/);
      expect(Object.values(payload.headers).join(' ')).not.toMatch(/SEV\d/);
    }
  });

  it('lets a host override the subject with a function, still refusing line breaks', () => {
    const channel = createEmailChannel({
      transport,
      from: 'status@example.com',
      replyTo: owner,
      subject: (m) => `${m.subject} (update ${m.version})`,
    });
    expect(channel.render(message, 'a@example.com', { idempotencyKey: 'k' }).subject).toBe(
      'Investigating: card payments failing at checkout (update 1)',
    );
    const evil = createEmailChannel({
      transport,
      from: 'status@example.com',
      replyTo: owner,
      subject: () => 'Update\r\nBcc: everyone@example.com',
    });
    expect(() => evil.render(message, 'a@example.com', { idempotencyKey: 'k' })).toThrowError(
      expect.objectContaining({ code: 'email_header_injection', path: 'subject' }),
    );
  });

  it('refuses header injection before nodemailer, with a typed error, and sends nothing', async () => {
    const channel = createEmailChannel({ transport, from: 'status@example.com', replyTo: owner });
    const evil = { ...message, incidentTitle: 'Outage\r\nBcc: everyone@example.com' };
    expect(() => channel.render(evil, 'a@example.com', { idempotencyKey: 'k' })).toThrowError(
      expect.objectContaining({ code: 'email_header_injection', path: 'message.incidentTitle' }),
    );
    const result = await publishUpdate({
      release: sampleRelease([evil]),
      routes: [{ channel: 'email', audience: 'customer', recipients: ['a@example.com'] }],
      channels: [channel],
      outbox: createMemoryOutbox(),
    });
    expect(result.deliveries[0]?.reason).toMatch(/^render failed \(email_header_injection\)/);
    expect(smtp.count()).toBe(0);
  });

  it('refuses a route with a recipient that is no e-mail address before anything is queued', async () => {
    const channel = createEmailChannel({ transport, from: 'status@example.com', replyTo: owner });
    const refused = [
      'not-an-address',
      '"a@b"@c',
      'ok@example.com\r\nBcc: evil@example.com',
      'a@',
      '@b.io',
      'a b@c.io',
    ];
    for (const r of refused) expect(channel.checkRecipient?.(r), r).toBe('an e-mail address');
    for (const r of ['ok@example.com', 'first.last+tag@sub.example.co.uk'])
      expect(channel.checkRecipient?.(r)).toBeUndefined();
    const error = await publish(['ok@example.com', 'not-an-address']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryInputError);
    expect((error as DeliveryInputError).problems).toContainEqual(
      expect.objectContaining({ path: 'routes.0.recipients.1', expected: 'an e-mail address' }),
    );
    expect(await smtp.count('ok@example.com')).toBe(0);
  });

  it('always disables file and URL access', async () => {
    const captured: Array<Record<string, unknown>> = [];
    const send = transport.sendMail.bind(transport);
    transport.sendMail = ((opts: Record<string, unknown>) => {
      captured.push(opts);
      return send(opts);
    }) as typeof transport.sendMail;
    await publish(['ok@example.com']);
    expect(captured).toHaveLength(1);
    expect(captured[0]).toMatchObject({ disableFileAccess: true, disableUrlAccess: true });
  });

  it('4xx then accept: retries and delivers exactly one copy', async () => {
    smtp.failNext('a@example.com', { stage: 'rcpt', code: 451 });
    smtp.failNext('b@example.com', { stage: 'data', code: 452 });
    const result = await publish(['a@example.com', 'b@example.com']);
    expect(result.deliveries.map((d) => [d.state, d.attempts])).toEqual([
      ['sent', 2],
      ['sent', 2],
    ]);
    expect([smtp.count('a@example.com'), smtp.count('b@example.com')]).toEqual([1, 1]);
  });

  it('5xx for one recipient rejects only that one', async () => {
    smtp.failNext('bad@example.com', { stage: 'rcpt', code: 550, message: 'No such user' });
    const result = await publish(['a@example.com', 'bad@example.com', 'c@example.com']);
    expect(result.deliveries.map((d) => d.state)).toEqual(['sent', 'failed', 'sent']);
    expect(result.deliveries[1]?.reason).toMatch(/SMTP 550 No such user/);
    expect(result.deliveries[1]?.attempts).toBe(1);
  });

  it('a connection dropped before DATA is retried and delivered once', async () => {
    smtp.failNext('a@example.com', { stage: 'rcpt', drop: true });
    const result = await publish(['a@example.com']);
    expect(result.deliveries[0]).toMatchObject({ state: 'sent', attempts: 2 });
    expect(smtp.count('a@example.com')).toBe(1);
  });

  it('a connection dropped after the body was sent is unknown and never resent', async () => {
    smtp.failNext('a@example.com', { stage: 'data', drop: true });
    const outbox = createMemoryOutbox();
    const first = await publish(['a@example.com'], { outbox });
    expect(first.deliveries[0]).toMatchObject({
      state: 'unknown',
      reason: expect.stringMatching(/after the message body/),
    });
    const again = await publish(['a@example.com'], { outbox });
    expect(again.deliveries[0]).toMatchObject({ state: 'unknown', duplicate: true });
    expect(smtp.count('a@example.com')).toBe(1);
  });
});

describe('createEmailChannel config', () => {
  it('requires maxRequeues: 0 on a pooled transport and valid addresses, naming each path', () => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: 1, pool: true });
    let error: unknown;
    try {
      createEmailChannel({
        transport,
        from: 'nope',
        replyTo: { name: 'A\r\nBcc: x', address: 'a@example.com' },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'channel_config_invalid' });
    expect((error as { problems: Array<{ path: string }> }).problems.map((p) => p.path).sort()).toEqual([
      'options.from',
      'options.replyTo.name',
      'transport.options.maxRequeues',
    ]);
    transport.close();
  });
});
