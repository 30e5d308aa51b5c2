/**
 * A host's own channel in ~30 lines: a JSON webhook, run against a real HTTP server on
 * 127.0.0.1 and through the shared conformance suite.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'vitest';
import type { ApprovedMessage } from '../message';
import type { Channel, DeliveryOutcome } from './channel';
import { registerChannelConformance } from './conformance';

// ---- the host's channel (what the README shows) -------------------------------------------
interface WebhookPayload {
  url: string;
  body: { key: string; subject: string; text: string; replyTo?: string | undefined };
}
function createWebhookChannel(baseUrl: string): Channel<WebhookPayload> {
  return {
    name: 'webhook',
    capabilities: { threads: true, edits: false },
    render: (m: ApprovedMessage, recipient, context) => ({
      url: `${baseUrl}/${encodeURIComponent(recipient)}`,
      // single-line fields: no CR/LF; the receiver renders text as plain text
      body: {
        key: context.idempotencyKey,
        subject: m.subject.replace(/[\r\n]+/g, ' '),
        text: m.text,
        replyTo: context.thread?.id,
      },
    }),
    async send(payload, { signal, idempotencyKey }): Promise<DeliveryOutcome> {
      if (signal.aborted) return { type: 'retryable', reason: 'aborted before sending' };
      try {
        const res = await fetch(payload.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
          body: JSON.stringify(payload.body),
          signal,
        });
        if (res.ok)
          return { type: 'delivered', ref: { id: String(((await res.json()) as { id: unknown }).id) } };
        const retryAfter = Number(res.headers.get('retry-after'));
        if (res.status === 429) {
          return {
            type: 'retryable',
            reason: `HTTP ${res.status}`,
            retryAfterMs: retryAfter > 0 ? retryAfter * 1000 : undefined,
          };
        }
        // A 5xx came after the body: behind a gateway the receiver may have stored it.
        if (res.status >= 500)
          return { type: 'unknown', reason: `HTTP ${res.status} after the body was sent` };
        return { type: 'rejected', reason: `HTTP ${res.status}` };
      } catch (error) {
        return { type: 'unknown', reason: `request failed: ${String(error)}` };
      }
    },
  };
}
// --------------------------------------------------------------------------------------------

/** A webhook receiver on 127.0.0.1 that counts deliveries per recipient and can inject faults. */
async function startReceiver() {
  const counts = new Map<string, number>();
  /** The `replyTo` of the last message each recipient got: the thread it was filed under. */
  const threads = new Map<string, string | undefined>();
  const faults = new Map<string, number>();
  let id = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      const recipient = decodeURIComponent((req.url ?? '/').slice(1));
      const fault = faults.get(recipient);
      if (fault) {
        faults.delete(recipient);
        res.writeHead(fault, fault === 429 ? { 'retry-after': '2' } : {}).end();
        return;
      }
      threads.set(recipient, (JSON.parse(body) as { replyTo?: string }).replyTo);
      counts.set(recipient, (counts.get(recipient) ?? 0) + 1);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: ++id }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    threads,
    faults,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

registerChannelConformance(
  'host webhook',
  async () => {
    const receiver = await startReceiver();
    return {
      channel: createWebhookChannel(receiver.url),
      recipient: 'ops-hook',
      received: (r: string) => receiver.counts.get(r) ?? 0,
      lastThread: (r: string) => receiver.threads.get(r),
      failNext: (r: string, kind: 'rejected' | 'retryable') => {
        receiver.faults.set(r, kind === 'rejected' ? 404 : 429);
      },
      close: receiver.close,
    };
  },
  { describe, it },
);
