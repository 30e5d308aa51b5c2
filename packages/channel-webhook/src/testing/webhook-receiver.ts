/**
 * @module channel-webhook/testing/webhook-receiver
 * A Standard Webhooks receiver on 127.0.0.1 for tests, examples and demos. It behaves as the
 * specification asks of a receiver: every request is verified with the `standardwebhooks`
 * package ({@link verifyWebhook}); a bad or missing signature or a tampered body gets 401; a
 * resend of a `webhook-id` it already accepted gets 200 and is not counted again. It also
 * answers like a real endpoint can fail: 429 + Retry-After, 5xx, 413 over a size limit, 404
 * for an unknown path, 410 for a retired endpoint, and replies slower than the sender's timeout.
 *
 * @example
 * const receiver = await startWebhookReceiver({ secrets: [secret] });
 * const webhook = createWebhookChannel({ endpoints: { ops: { url: receiver.url('/ops'), secrets: [secret] } } });
 * await receiver.close();
 */
import { startLoopbackServer } from '@incident-comms/core/node';
import type { WebhookPayload } from '../payload';
import { verifyWebhook } from '../verify';

/** A fault the receiver answers the next request to a path with. */
export type WebhookReceiverFault =
  | { readonly status: 429; readonly retryAfterSec: number }
  | { readonly status: 500 | 502 | 503 | 504 }
  | { readonly status: 410 }
  | { readonly delayMs: number };

/** One request the receiver saw. */
export interface WebhookReceiverRequest {
  readonly path: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The raw body as received. */
  readonly body: string;
  /** The verified payload, when the signature checked out. */
  readonly payload?: WebhookPayload | undefined;
  /** Why the receiver refused it (`webhook_signature_invalid`, `payload too large`, …). */
  readonly refused?: string | undefined;
}

/** Options of {@link startWebhookReceiver}. */
export interface WebhookReceiverOptions {
  /** Secrets accepted (any one verifies). */
  readonly secrets: readonly string[];
  /** Paths that exist, e.g. `['/ops']`. Default: every path. */
  readonly paths?: readonly string[] | undefined;
  /** Largest body accepted, in bytes; larger gets 413. Default 256 KiB. */
  readonly maxBodyBytes?: number | undefined;
}

/** A running receiver. */
export interface WebhookReceiver {
  /** The full URL of `path` on this receiver. */
  url(path: string): string;
  /** Every request, in arrival order. */
  readonly requests: readonly WebhookReceiverRequest[];
  /** Verified payloads accepted once each (deduplicated by `webhook-id`), optionally for one path. */
  accepted(path?: string): WebhookPayload[];
  /** Queues a fault for the next request to `path`. */
  failNext(path: string, fault: WebhookReceiverFault): void;
  close(): Promise<void>;
}

/**
 * Starts a receiver on a free port of 127.0.0.1.
 *
 * @returns the running receiver; call `close()` when done.
 */
export async function startWebhookReceiver(options: WebhookReceiverOptions): Promise<WebhookReceiver> {
  const requests: WebhookReceiverRequest[] = [];
  const accepted: Array<{ path: string; payload: WebhookPayload }> = [];
  const seen = new Set<string>();
  const faults = new Map<string, WebhookReceiverFault[]>();
  const maxBodyBytes = options.maxBodyBytes ?? 256 * 1024;

  const server = await startLoopbackServer((req) => {
    const path = req.url.split('?')[0] ?? '/';
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
    const body = req.body.toString('utf8');
    const record = (status: number, extra: Partial<WebhookReceiverRequest> = {}) => {
      requests.push({ path, status, headers, body, ...extra });
    };
    if (req.method !== 'POST') {
      record(405);
      return { status: 405 };
    }
    if (options.paths && !options.paths.includes(path)) {
      record(404, { refused: 'unknown path' });
      return { status: 404, body: 'no such endpoint' };
    }
    const fault = faults.get(path)?.shift();
    if (fault && 'status' in fault) {
      record(fault.status, { refused: `injected ${fault.status}` });
      const retry = fault.status === 429 ? { 'retry-after': String(fault.retryAfterSec) } : undefined;
      return { status: fault.status, headers: retry, body: fault.status === 410 ? 'endpoint disabled' : '' };
    }
    if (req.body.length > maxBodyBytes) {
      record(413, { refused: 'payload too large' });
      return { status: 413, body: 'payload too large' };
    }
    let payload: WebhookPayload;
    try {
      payload = verifyWebhook(req.body, req.headers, options.secrets);
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'invalid';
      record(401, { refused: code });
      return { status: 401, body: code };
    }
    record(200, { payload });
    const id = headers['webhook-id'] ?? '';
    if (!seen.has(id)) {
      seen.add(id);
      accepted.push({ path, payload });
    }
    return { status: 200, body: '', delayMs: fault && 'delayMs' in fault ? fault.delayMs : undefined };
  });

  return {
    url: (path) => `${server.url}${path.startsWith('/') ? path : `/${path}`}`,
    requests,
    accepted: (path) => accepted.filter((a) => path === undefined || a.path === path).map((a) => a.payload),
    failNext(path, fault) {
      const queue = faults.get(path) ?? [];
      queue.push(fault);
      faults.set(path, queue);
    },
    close: () => server.close(),
  };
}
