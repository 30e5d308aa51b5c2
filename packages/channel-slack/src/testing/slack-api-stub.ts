/**
 * @module channel-slack/testing/slack-api-stub
 * A dependency-free local stub of the Slack Web API (node:http on 127.0.0.1) for tests, the
 * benchmark and the examples. Point a real `WebClient` at it with `slackApiUrl: stub.url`.
 *
 * It answers `chat.postMessage` and `chat.update` like Slack (form or JSON bodies, `ok`,
 * `channel`, `ts`), records every call, and can inject faults per method: HTTP 429 with
 * Retry-After, HTTP 500, a platform error such as `ratelimited` or `channel_not_found`, or a
 * reply delayed past the client's timeout. It can also enforce its own per-channel rate limit
 * and count the 429s it had to send.
 *
 * @example
 * const stub = await startSlackApiStub();
 * const client = new WebClient('xoxb-test', { slackApiUrl: stub.url, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
 * stub.failNext('chat.postMessage', { status: 429, retryAfterSec: 2 });
 * await stub.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One recorded Web API call. */
export interface SlackStubCall {
  /** Method name, e.g. `chat.postMessage`. */
  readonly method: string;
  /** Decoded arguments; JSON-valued form fields (blocks, metadata) are parsed. */
  readonly args: Readonly<Record<string, unknown>>;
  /** How the stub answered. */
  readonly status: number;
  readonly ok: boolean;
  /** `ts` of the message posted or updated, when `ok`. */
  readonly ts?: string | undefined;
  /** Milliseconds since the stub started. */
  readonly atMs: number;
}

/** A fault to inject into the next call of a method. */
export type SlackStubFault =
  | { readonly status: 429; readonly retryAfterSec: number }
  | { readonly status: 500 | 502 | 503 }
  /** A gateway error AFTER the message was stored: it is in the channel, the caller sees a 5xx. */
  | { readonly status: 500 | 502 | 503; readonly stored: true }
  | { readonly error: string; readonly retryAfterSec?: number | undefined }
  | { readonly delayMs: number };

/** Options of {@link startSlackApiStub}. */
export interface SlackApiStubOptions {
  /** Channels that exist; any other gets `channel_not_found`. Default: every channel exists. */
  readonly channels?: readonly string[] | undefined;
  /** Enforce Slack's per-channel posting limit: answer 429 (Retry-After 1) above this rate. */
  readonly rateLimit?: { readonly perSecond: number; readonly burst: number } | undefined;
}

/** A running stub. */
export interface SlackApiStub {
  /** Base URL for `WebClient`'s `slackApiUrl`, e.g. `http://127.0.0.1:50123/api/`. */
  readonly url: string;
  /** Every call, in arrival order. */
  readonly calls: SlackStubCall[];
  /** Successful `chat.postMessage` calls, optionally for one channel. */
  posts(channel?: string): SlackStubCall[];
  /** Number of 429 answers sent (injected or from `rateLimit`). */
  rateLimited(): number;
  /** Queues `fault` for the next `times` calls of `method` (default once). */
  failNext(method: string, fault: SlackStubFault, times?: number): void;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

function decodeArgs(req: IncomingMessage, raw: string): Record<string, unknown> {
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return args;
}

/**
 * Starts the stub on 127.0.0.1 on a free port.
 *
 * @returns the running stub; call `close()` when done.
 */
export async function startSlackApiStub(options: SlackApiStubOptions = {}): Promise<SlackApiStub> {
  const started = Date.now();
  const calls: SlackStubCall[] = [];
  const faults = new Map<string, SlackStubFault[]>();
  const sockets = new Set<Socket>();
  const buckets = new Map<string, { tokens: number; at: number }>();
  const timers = new Set<NodeJS.Timeout>();
  let seq = 0;
  let limited = 0;
  /** Messages in the channels, oldest first (what conversations.history reads back). */
  const stored: Array<{ channel: string; ts: string; args: Record<string, unknown> }> = [];

  const allow = (channel: string): boolean => {
    const limit = options.rateLimit;
    if (!limit) return true;
    const now = Date.now();
    const b = buckets.get(channel) ?? { tokens: limit.burst, at: now };
    b.tokens = Math.min(limit.burst, b.tokens + ((now - b.at) / 1000) * limit.perSecond);
    b.at = now;
    buckets.set(channel, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  };

  const answer = (
    res: ServerResponse,
    method: string,
    args: Record<string, unknown>,
    status: number,
    body: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) => {
    calls.push({
      method,
      args,
      status,
      ok: body.ok === true,
      ts: body.ts as string | undefined,
      atMs: Date.now() - started,
    });
    if (status === 429) limited += 1;
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  };

  const handle = (req: IncomingMessage, res: ServerResponse, raw: string) => {
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
    const args = decodeArgs(req, raw);
    const channel = String(args.channel ?? '');
    const queue = faults.get(method);
    const fault = queue?.shift();
    if (fault) {
      if ('delayMs' in fault) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!res.destroyed)
            answer(res, method, args, 200, { ok: true, channel, ts: `${1_700_000_000 + ++seq}.000100` });
        }, fault.delayMs);
        timers.add(timer);
        return;
      }
      if ('error' in fault) {
        const headers: Record<string, string> =
          fault.retryAfterSec === undefined ? {} : { 'retry-after': String(fault.retryAfterSec) };
        return answer(res, method, args, 200, { ok: false, error: fault.error }, headers);
      }
      if ('stored' in fault) {
        const ts = `${1_700_000_000 + ++seq}.000100`;
        stored.push({ channel, ts, args });
        return answer(res, method, args, fault.status, { ok: false, error: 'internal_error' });
      }
      if (fault.status === 429) {
        return answer(
          res,
          method,
          args,
          429,
          { ok: false, error: 'ratelimited' },
          { 'retry-after': String(fault.retryAfterSec) },
        );
      }
      return answer(res, method, args, fault.status, { ok: false, error: 'internal_error' });
    }
    if (!req.headers.authorization?.startsWith('Bearer '))
      return answer(res, method, args, 200, { ok: false, error: 'not_authed' });
    if (method === 'conversations.history' || method === 'conversations.replies') {
      const thread = method === 'conversations.replies' ? String(args.ts ?? '') : undefined;
      const messages = stored
        .filter(
          (m) =>
            m.channel === channel && (thread === undefined || m.ts === thread || m.args.thread_ts === thread),
        )
        .filter((m) => args.oldest === undefined || Number(m.ts) >= Number(args.oldest))
        .map((m) => ({ ts: m.ts, text: m.args.text, thread_ts: m.args.thread_ts, metadata: m.args.metadata }))
        .reverse();
      return answer(res, method, args, 200, { ok: true, messages, has_more: false });
    }
    if (method !== 'chat.postMessage' && method !== 'chat.update') {
      return answer(res, method, args, 200, { ok: false, error: 'unknown_method' });
    }
    if (options.channels && !options.channels.includes(channel)) {
      return answer(res, method, args, 200, { ok: false, error: 'channel_not_found' });
    }
    if (method === 'chat.postMessage' && !allow(channel)) {
      return answer(res, method, args, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' });
    }
    if (method === 'chat.update')
      return answer(res, method, args, 200, { ok: true, channel, ts: String(args.ts ?? '') });
    const ts = `${1_700_000_000 + ++seq}.000100`;
    stored.push({ channel, ts, args });
    answer(res, method, args, 200, { ok: true, channel, ts, message: { text: args.text, ts } });
  };

  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      raw += chunk;
    });
    req.on('end', () => handle(req, res, raw));
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls,
    posts: (channel) =>
      calls.filter(
        (c) => c.method === 'chat.postMessage' && c.ok && (!channel || c.args.channel === channel),
      ),
    rateLimited: () => limited,
    failNext(method, fault, times = 1) {
      const queue = faults.get(method) ?? [];
      for (let i = 0; i < times; i++) queue.push(fault);
      faults.set(method, queue);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
