import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exchangeHttp, type HttpExchange, httpFailureOutcome, parseRetryAfter } from './http';

const NOW = Date.parse('2026-03-03T14:00:00.000Z');
const answer = (status: number, headers: Record<string, string> = {}, body = ''): HttpExchange => ({
  type: 'response',
  status,
  headers: new Headers(headers),
  body,
});
const policy = { nowMs: NOW, service: 'svc', serverError: 'unknown' } as const;

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates; ignores what it cannot read', () => {
    expect(parseRetryAfter('2', NOW)).toBe(2_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('Tue, 03 Mar 2026 14:00:05 GMT', NOW)).toBe(5_000);
    expect(parseRetryAfter('Tue, 03 Mar 2026 13:00:00 GMT', NOW)).toBe(0);
    for (const bad of [null, undefined, '', 'soon', '-1', '1.5e3x'])
      expect(parseRetryAfter(bad, NOW)).toBeUndefined();
  });
  it('every non-negative integer of seconds becomes that many milliseconds', () => {
    fc.assert(fc.property(fc.nat(1_000_000), (s) => parseRetryAfter(String(s), NOW) === s * 1000));
  });
});

describe('httpFailureOutcome', () => {
  it.each([
    [answer(429, { 'retry-after': '3' }), { type: 'retryable', retryAfterMs: 3_000 }],
    [answer(408), { type: 'retryable' }],
    [answer(500), { type: 'unknown' }],
    [answer(502), { type: 'unknown' }],
    [answer(400, {}, 'bad card'), { type: 'rejected', reason: 'svc: HTTP 400 bad card' }],
    [answer(401), { type: 'rejected' }],
    [answer(404), { type: 'rejected' }],
    [answer(413), { type: 'rejected' }],
    [
      { type: 'not-sent', reason: 'connection failed before sending (ECONNREFUSED)' } as const,
      { type: 'retryable' },
    ],
    [{ type: 'lost', reason: 'no answer within 10 ms' } as const, { type: 'unknown' }],
  ])('%j → %j', (exchange, expected) => {
    expect(httpFailureOutcome(exchange, policy)).toMatchObject(expected);
  });
  it('5xx follows the policy, and extra rate-limit statuses are retryable', () => {
    expect(
      httpFailureOutcome(answer(503, { 'retry-after': '1' }), { ...policy, serverError: 'retryable' }),
    ).toEqual({
      type: 'retryable',
      reason: 'svc: HTTP 503',
      retryAfterMs: 1_000,
    });
    expect(httpFailureOutcome(answer(420), { ...policy, rateLimitStatuses: [420] }).type).toBe('retryable');
    expect(httpFailureOutcome(answer(420), policy).type).toBe('rejected');
  });
  it('keeps the reason on one short line whatever the server sends', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2_000 }), fc.integer({ min: 400, max: 599 }), (body, status) => {
        const o = httpFailureOutcome(answer(status, {}, body), policy);
        return o.type !== 'delivered' && !/[\r\n]/.test(o.reason) && o.reason.length <= 230;
      }),
    );
  });
});

describe('exchangeHttp against a loopback server', () => {
  let server: Server;
  let url: string;
  const sockets = new Set<Socket>();
  let received = 0;
  beforeEach(async () => {
    received = 0;
    server = createServer((req, res) => {
      received += 1;
      if (req.url === '/slow') return; // never answers
      res.writeHead(202, { 'x-echo': req.method ?? '' }).end('accepted');
    });
    server.on('connection', (s: Socket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => server.close(() => r()));
  });
  const req = (path: string) => ({ url: `${url}${path}`, method: 'POST' as const, headers: {}, body: '{}' });

  it('returns the answer with its status, headers and body', async () => {
    const r = await exchangeHttp(fetch, req('/'), { signal: new AbortController().signal, timeoutMs: 5_000 });
    expect(r).toMatchObject({ type: 'response', status: 202, body: 'accepted' });
    expect(r.type === 'response' && r.headers.get('x-echo')).toBe('POST');
  });
  it('sends nothing when already aborted', async () => {
    const c = new AbortController();
    c.abort();
    expect(await exchangeHttp(fetch, req('/'), { signal: c.signal, timeoutMs: 5_000 })).toMatchObject({
      type: 'not-sent',
    });
    expect(received).toBe(0);
  });
  it('reports a timeout or an abort after sending as lost', async () => {
    expect(
      await exchangeHttp(fetch, req('/slow'), { signal: new AbortController().signal, timeoutMs: 100 }),
    ).toEqual({
      type: 'lost',
      reason: 'no answer within 100 ms',
    });
    const c = new AbortController();
    const pending = exchangeHttp(fetch, req('/slow'), { signal: c.signal, timeoutMs: 5_000 });
    setTimeout(() => c.abort(), 50);
    expect(await pending).toEqual({ type: 'lost', reason: 'aborted while the request was in flight' });
  });
  it('reports a refused connection as not sent', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const dead = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
    await new Promise<void>((r) => closed.close(() => r()));
    const r = await exchangeHttp(
      fetch,
      { ...req('/'), url: dead },
      { signal: new AbortController().signal, timeoutMs: 5_000 },
    );
    expect(r).toMatchObject({ type: 'not-sent', reason: expect.stringMatching(/ECONNREFUSED/) });
  });
});
