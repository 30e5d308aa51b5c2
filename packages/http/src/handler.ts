/**
 * @module http/handler
 * `createHttpHandler`: the desk as a fetch-standard handler `(Request) => Promise<Response>`,
 * routed with Hono. It serves the source-of-truth page, the JSON API of every desk step and
 * read model, the OpenAPI document and the feeds. Identity comes from the host; permissions
 * are the library's (the desk refuses, this module maps the typed errors to statuses).
 */
import {
  type IncidentDesk,
  problem,
  problemsFromZod,
  protoKeyProblems,
  type Runbook,
} from '@incident-comms/core';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { PAGE_CSS, PAGE_JS } from './assets';
import { type ErrorReply, errorReply, problemReply } from './errors';
import { atomFeed, feedEntries, jsonFeed } from './feeds';
import { createIdempotencyStore, type StoredReply } from './idempotency';
import { openApiDocument } from './openapi';
import { OPERATIONS } from './operations';
import { renderPage } from './page';
import { incidentPage, type PlaybookData } from './page-model';

/** Options of {@link createHttpHandler}. */
export interface HttpHandlerOptions extends PlaybookData {
  desk: IncidentDesk;
  /** The runbook the desk runs on (the playbooks and severity words read it). */
  runbook: Runbook;
  /** Maps a request to a person id of the runbook, or `undefined` (then 401). */
  identify: (request: Request) => string | undefined | Promise<string | undefined>;
  /** The path the host mounts the handler under, e.g. `/status` (default: the root). */
  basePath?: string | undefined;
  /** Incident ids to list that the desk knew before this handler (e.g. after `desk.resume()`). */
  incidents?: (() => Iterable<string>) | undefined;
  /** Milliseconds since the epoch; default `Date.now` (pass the desk's clock in drills). */
  now?: (() => number) | undefined;
  /** Sees every unexpected error (a 500); default none. */
  onError?: ((error: unknown, request: Request) => void) | undefined;
  /** Whether the feeds need an identified caller; default `false` (they hold only customer wording). */
  privateFeeds?: boolean | undefined;
}

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

const MAX_BODY = 256 * 1024;
/** Encodes text to count its UTF-8 bytes in any runtime (Node, Bun, Deno, workers). */
const utf8 = new TextEncoder();

/** True for `application/json` and `application/<anything>+json`, with any parameters. */
const isJson = (contentType: string | undefined): boolean => {
  const media = contentType?.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return media === 'application/json' || /^application\/[\w.+-]+\+json$/.test(media);
};

const tooLarge = (): ErrorReply => problemReply(413, 'body_too_large', 'The body is over 256 KiB.');

const notJson = (contentType: string | undefined): ErrorReply =>
  problemReply(415, 'unsupported_media_type', 'Send the body as JSON, with Content-Type: application/json.', [
    problem(
      'headers.content-type',
      'application/json',
      contentType === undefined ? 'nothing' : JSON.stringify(contentType),
    ),
  ]);

/**
 * Creates the handler. Mount it in any server that speaks fetch `Request`/`Response`:
 * Node (`@hono/node-server`'s `serve({ fetch: handler })`), Bun (`Bun.serve({ fetch: handler })`),
 * Deno (`Deno.serve(handler)`), a Next.js route (`export const GET = handler, POST = handler`),
 * Express/Fastify through a fetch adapter.
 *
 * Routes (under `basePath`): `GET /` the page; `GET /api/incidents`, `GET /api/incidents/{id}`,
 * `GET /api/revision`; `POST` one per desk step (see `/openapi.json`); `GET /feed.atom`,
 * `GET /feed.json`. State-changing requests honour `Idempotency-Key`.
 *
 * @returns `(request) => Promise<Response>`; it never throws (errors become JSON responses).
 * @example
 * const handler = createHttpHandler({ desk, runbook, identify: (req) => sessionUser(req) });
 * serve({ fetch: handler, port: 8080, hostname: '127.0.0.1' });
 */
export function createHttpHandler(options: HttpHandlerOptions): (request: Request) => Promise<Response> {
  const { desk, runbook } = options;
  const base = (options.basePath ?? '').replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const keys = createIdempotencyStore();
  const known = new Set<string>(options.incidents?.() ?? []);
  let revision = 0;
  desk.on('incident.changed', ({ incidentId }) => {
    known.add(incidentId);
    revision += 1;
  });

  const app = new Hono({ strict: false }).basePath(base || '/');
  const reply = (c: Context, r: ErrorReply) => c.json(r.body, r.status);
  const person = async (c: Context) => (await options.identify(c.req.raw)) || undefined;
  const unidentified = (c: Context) =>
    reply(c, problemReply(401, 'not_identified', 'The host did not identify who is asking.'));

  const incidentIds = () => {
    const ids = [...known].filter((id) => desk.state(id) !== undefined);
    const state = (id: string) => desk.state(id)!;
    return ids.sort((a, b) => {
      const [x, y] = [state(a), state(b)];
      const open = Number(x.status === 'resolved') - Number(y.status === 'resolved');
      return open || (x.declaredAt < y.declaredAt ? 1 : -1);
    });
  };
  const pages = () => {
    const at = toIsoInstant(now());
    return incidentIds().map((id) => incidentPage(desk, runbook, id, at, options));
  };

  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
  });
  app.onError((error, c) => {
    const r = errorReply(error);
    if (r.status === 500) options.onError?.(error, c.req.raw);
    return reply(c, r);
  });

  app.get('/', async (c) => {
    if (!(await person(c))) return unidentified(c);
    const links = {
      css: `${base}/assets/page.css`,
      js: `${base}/assets/page.js`,
      revision: `${base}/api/revision`,
      atom: `${base}/feed.atom`,
      json: `${base}/feed.json`,
    };
    return c.html(await renderPage(pages(), links, revision));
  });
  app.get('/assets/page.css', (c) => c.body(PAGE_CSS, 200, { 'content-type': 'text/css; charset=utf-8' }));
  app.get('/assets/page.js', (c) =>
    c.body(PAGE_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
  );
  app.get('/openapi.json', (c) => c.json(openApiDocument(OPERATIONS, base)));

  app.get('/api/revision', async (c) => ((await person(c)) ? c.json({ revision }) : unidentified(c)));
  app.get('/api/incidents', async (c) => {
    if (!(await person(c))) return unidentified(c);
    const incidents = incidentIds().map((id) => {
      const { title, severity, status, declaredAt, resolvedAt } = desk.state(id)!;
      return { id, title, severity, status, declaredAt, ...(resolvedAt ? { resolvedAt } : {}) };
    });
    return c.json({ incidents });
  });
  app.get('/api/incidents/:incidentId', async (c) => {
    if (!(await person(c))) return unidentified(c);
    const id = c.req.param('incidentId');
    if (!desk.state(id)) return reply(c, missing(id));
    const page = incidentPage(desk, runbook, id, toIsoInstant(now()), options);
    return c.json({ view: desk.current(id), page });
  });

  const feedInfo = (c: Context, self: string) => {
    const origin = new URL(c.req.url).origin;
    return { title: 'Status updates', self: `${origin}${base}${self}`, page: `${origin}${base}/` };
  };
  const states = () => incidentIds().map((id) => desk.state(id)!);
  app.get('/feed.atom', async (c) => {
    if (options.privateFeeds && !(await person(c))) return unidentified(c);
    const xml = await atomFeed(feedEntries(states()), feedInfo(c, '/feed.atom'));
    return c.body(xml, 200, { 'content-type': 'application/atom+xml; charset=utf-8' });
  });
  app.get('/feed.json', async (c) => {
    if (options.privateFeeds && !(await person(c))) return unidentified(c);
    const feed = jsonFeed(feedEntries(states()), feedInfo(c, '/feed.json'));
    return c.body(JSON.stringify(feed), 200, { 'content-type': 'application/feed+json; charset=utf-8' });
  });

  // Bodies are counted in bytes as they arrive (the declared Content-Length first), so an
  // oversize body is refused without being read to its end.
  const limited = bodyLimit({
    maxSize: MAX_BODY,
    onError: (c) => reply(c, tooLarge()),
  });
  for (const operation of OPERATIONS) {
    app.post(operation.path, limited, async (c) => {
      const actor = await person(c);
      if (!actor) return unidentified(c);
      // Only JSON changes state: a form or text/plain body (what another site can send
      // without the browser asking first) is refused before anything is read or run.
      if (!isJson(c.req.header('content-type'))) return reply(c, notJson(c.req.header('content-type')));
      const text = await c.req.text();
      // bodyLimit trusts a Content-Length header when there is one; a runtime that hands over a
      // body longer than its header claims is caught here, in bytes, before anything runs.
      if (utf8.encode(text).byteLength > MAX_BODY) return reply(c, tooLarge());
      const run = async (): Promise<StoredReply> => {
        const result = await perform(operation, c, actor, text);
        return {
          status: result.status,
          headers: [['content-type', 'application/json']],
          body: JSON.stringify(result.json),
        };
      };
      const key = c.req.header('idempotency-key');
      if (key === undefined) return replyOf(await run(), false);
      if (key.length === 0 || key.length > 255) {
        return reply(c, problemReply(400, 'input_invalid', 'Idempotency-Key: expected 1 to 255 characters.'));
      }
      const fingerprint = `${c.req.method} ${c.req.path}\u0000${text}`;
      const once = await keys.once(actor, key, fingerprint, run);
      if (!once) {
        return reply(
          c,
          problemReply(
            422,
            'idempotency_key_reused',
            'This Idempotency-Key was used for a different request.',
          ),
        );
      }
      return replyOf(once.reply, once.replayed);
    });
  }

  /** Parses the body and runs the step; typed errors become their replies (kept for replays). */
  async function perform(operation: (typeof OPERATIONS)[number], c: Context, actor: string, text: string) {
    const incidentId = c.req.param('incidentId') ?? '';
    const draftId = c.req.param('draftId') ?? '';
    try {
      if (operation.incident && !desk.state(incidentId)) return asJson(missing(incidentId));
      let input: unknown;
      try {
        input = text.trim() === '' ? {} : JSON.parse(text);
      } catch {
        return asJson(
          problemReply(400, 'input_invalid', 'The body is not JSON.', [
            problem('', 'a JSON object', 'text that is not JSON'),
          ]),
        );
      }
      const parsed = operation.body.safeParse(input);
      const dropped = protoKeyProblems(input);
      if (!parsed.success || dropped.length > 0) {
        const problems = [...dropped, ...(parsed.success ? [] : problemsFromZod(parsed.error, input))];
        return asJson(
          problemReply(400, 'input_invalid', problems.map((p) => p.message).join('\n'), problems),
        );
      }
      return await operation.run({ desk, incidentId, draftId, actor, body: parsed.data, now: now() });
    } catch (error) {
      const r = errorReply(error);
      if (r.status === 500) options.onError?.(error, c.req.raw);
      return asJson(r);
    }
  }

  return async (request) => app.fetch(request);
}

const asJson = (r: ErrorReply) => ({ status: r.status, json: r.body });

const missing = (id: string) =>
  problemReply(404, 'incident_not_found', `No incident ${JSON.stringify(id)}.`, [
    problem('incidentId', 'a declared incident', JSON.stringify(id)),
  ]);

function replyOf(stored: StoredReply, replayed: boolean): Response {
  const headers = new Headers(stored.headers);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
  if (replayed) headers.set('idempotent-replayed', 'true');
  return new Response(stored.body, { status: stored.status, headers });
}

/** Whole-second ISO-8601 UTC, the incident log's own style. */
const toIsoInstant = (ms: number) =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
