/**
 * Issue 16's stuck publishes: an SMTP server that accepts the connection and then never
 * answers (no greeting), or that reads the whole message and never replies. Before: with
 * `attemptTimeoutMs: 0` a publish never finished, and a silent greeting held one for 156 s.
 * Now every attempt ends within `attemptTimeoutMs + ABORT_GRACE_MS`, as `unknown` (the body may
 * have arrived), and the publish reports each recipient. Nodemailer's own timeouts stay at
 * their defaults (30 s greeting, 10 min socket) to show the bound does not depend on them.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { ABORT_GRACE_MS, createMemoryOutbox, publishUpdate } from '@incident-comms/core';
import { sampleMessage, sampleRelease } from '@incident-comms/core/testing';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmailChannel } from './email-channel';

const ATTEMPT_MS = 200;
const sockets = new Set<Socket>();
const servers: Array<{ close(cb: () => void): void }> = [];
afterEach(async () => {
  for (const s of sockets) s.destroy();
  sockets.clear();
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => s.close(() => r()))));
});

const listen = (server: Server | SMTPServer) =>
  new Promise<number>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address =
        (server as Server).address?.() ?? (server as unknown as { server: Server }).server.address();
      resolve((address as { port: number }).port);
    });
  });

async function publishTo(port: number) {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    ignoreTLS: true,
    pool: true,
    maxConnections: 2,
    maxRequeues: 0,
  });
  const email = createEmailChannel({ transport, from: 'status@example.com', replyTo: 'owner@example.com' });
  const message = sampleMessage({ incidentId: 'inc-silent', publishedAt: new Date().toISOString() });
  try {
    return await publishUpdate({
      release: sampleRelease([message]),
      routes: [{ channel: 'email', audience: 'customer', recipients: ['a@example.com', 'b@example.com'] }],
      channels: [email],
      outbox: createMemoryOutbox(),
      attemptTimeoutMs: ATTEMPT_MS,
      retry: { maxAttempts: 2, baseDelayMs: 1 },
    });
  } finally {
    transport.close();
  }
}

describe('a silent SMTP server cannot hold a publish', () => {
  it(
    'accepts the connection and never greets: every attempt ends within the bound, the publish reports each recipient',
    async () => {
      const server = createServer((socket) => {
        sockets.add(socket); // say nothing, ever
      });
      servers.push(server);
      const result = await publishTo(await listen(server));
      // Nothing was sent (no greeting, so no body): retried within the bounds, then failed.
      expect(result.totals).toMatchObject({ sent: 0, failed: 2 });
      expect(result.interrupted).toBe(false);
      for (const d of result.deliveries)
        expect(d).toMatchObject({ attempts: 2, reason: expect.stringMatching(/^gave up after 2 attempts/) });
    },
    10 * (ATTEMPT_MS + ABORT_GRACE_MS),
  );

  it(
    'reads the whole message and never replies: unknown (it may have arrived), not resent',
    async () => {
      let bodies = 0;
      const server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        closeTimeout: 100,
        onConnect: (_session, done) => done(),
        onData(stream) {
          stream.on('data', () => {});
          stream.on('end', () => {
            bodies += 1; // and never call back: no reply after the body
          });
        },
      });
      server.on('error', () => {});
      servers.push(server);
      const result = await publishTo(await listen(server));
      expect(result.totals).toMatchObject({ sent: 0, unknown: 2 });
      // One body per recipient: an attempt aborted before the body went out was retried (it could
      // not have arrived); the one that sent its body is unknown and never sent again.
      expect(bodies).toBe(2);
      for (const d of result.deliveries) {
        expect(d.state).toBe('unknown');
        expect(d.reason).toMatch(/after the message body was sent|did not answer within/);
      }
    },
    10 * (ATTEMPT_MS + ABORT_GRACE_MS),
  );

  it('refuses attemptTimeoutMs 0 ("never") before queueing anything', async () => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: 9, ignoreTLS: true });
    const email = createEmailChannel({ transport, from: 'status@example.com', replyTo: 'owner@example.com' });
    const outbox = createMemoryOutbox();
    await expect(
      publishUpdate({
        release: sampleRelease([sampleMessage({ incidentId: 'inc-zero' })]),
        routes: [{ channel: 'email', audience: 'customer', recipients: ['a@example.com'] }],
        channels: [email],
        outbox,
        attemptTimeoutMs: 0,
      }),
    ).rejects.toMatchObject({
      code: 'delivery_input_invalid',
      problems: [expect.objectContaining({ path: 'attemptTimeoutMs' })],
    });
    expect(await outbox.list('inc-zero')).toEqual([]);
    transport.close();
  });
});
