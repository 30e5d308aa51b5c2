/**
 * @module node/loopback-server
 * The plumbing every HTTP service stub shares (Teams, webhook receivers, status pages): a
 * `node:http` server on 127.0.0.1 on a free port that hands each request's full body to a
 * handler, can hold a reply back (to test timeouts), and closes with its open connections.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request as the handler sees it: method, path with query, lower-case headers, raw body. */
export interface LoopbackRequest {
  readonly method: string;
  /** Path and query, e.g. `/v1/pages/abc/incidents`. */
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  /** The raw body bytes as received (signatures are checked over these). */
  readonly body: Buffer;
}

/** A reply: status, headers, body; `delayMs` holds it back (a timeout for the client). */
export interface LoopbackReply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  readonly body?: string | undefined;
  readonly delayMs?: number | undefined;
}

/** A running loopback server. */
export interface LoopbackServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:50123`. */
  readonly url: string;
  /** Stops the server, drops open connections and pending delayed replies. */
  close(): Promise<void>;
}

/**
 * Starts a server on 127.0.0.1 (never another interface) on a free port.
 *
 * @param handle - answers one request; may be async. A thrown error becomes HTTP 500.
 * @example
 * const server = await startLoopbackServer(() => ({ status: 202 }));
 * await fetch(`${server.url}/hook`, { method: 'POST', body: '{}' });
 * await server.close();
 */
export async function startLoopbackServer(
  handle: (request: LoopbackRequest) => LoopbackReply | Promise<LoopbackReply>,
): Promise<LoopbackServer> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const write = (res: ServerResponse, reply: LoopbackReply) => {
    if (res.destroyed) return;
    res.writeHead(reply.status, { ...reply.headers }).end(reply.body ?? '');
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: LoopbackRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      Promise.resolve()
        .then(() => handle(request))
        .then(
          (reply) => {
            if (!reply.delayMs) return write(res, reply);
            const timer = setTimeout(() => {
              timers.delete(timer);
              write(res, reply);
            }, reply.delayMs);
            timers.add(timer);
          },
          (error: unknown) => write(res, { status: 500, body: String(error) }),
        );
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
