/**
 * @module channel-statuspage/testing/statuspage-stub
 * A local stub of the Statuspage REST API v1 (node:http on 127.0.0.1) for tests, examples and
 * demos. It keeps pages, components and incidents and answers as the service documents:
 * `POST /v1/pages/{page}/incidents` → 201 with the incident; `PATCH …/incidents/{id}` → 200;
 * `GET …/incidents/{id}`; 401 without `Authorization: OAuth <key>`; 404 for an unknown page or
 * incident; 422 for an invalid status or component; 413 over a size limit; 420 or 429 with
 * Retry-After above the per-key limit when enforced; injected 5xx and slow replies.
 *
 * @example
 * const stub = await startStatuspageStub({ apiKey: 'test-key-123', pages: { kctbh9vrtdwd: ['8kbf7d35c070'] } });
 * const statuspage = createStatuspageChannel({ apiKey: 'test-key-123', baseUrl: stub.url, pages: { kctbh9vrtdwd: {} } });
 * await stub.close();
 */
import { type RateWindow, STATUSES, systemClock } from '@incident-comms/core';
import { startLoopbackServer } from '@incident-comms/core/node';
import { COMPONENT_STATUSES } from '../incident-request';

/** One incident as the stub holds it. */
export interface StubIncident {
  readonly id: string;
  readonly pageId: string;
  name: string;
  status: string;
  impact: string;
  /** Every update's body and status, oldest first (the first is the creation). */
  readonly updates: Array<{ status: string; body: string; deliverNotifications: boolean }>;
}

/** A fault for the next request. */
export type StatuspageStubFault =
  | { readonly status: 420 | 429; readonly retryAfterSec: number }
  | { readonly status: 500 | 502 | 503 | 504 }
  | { readonly status: 401 | 403 | 404 | 422 }
  | { readonly delayMs: number };

/** Options of {@link startStatuspageStub}. */
export interface StatuspageStubOptions {
  /** The only API key accepted. */
  readonly apiKey: string;
  /** Pages by id, with their component ids. */
  readonly pages: Readonly<Record<string, readonly string[]>>;
  /** Enforce these limits per key (answer `rateLimitStatus` with Retry-After). Default: none. */
  readonly rateLimits?: readonly RateWindow[] | undefined;
  /** Status sent when rate limited: 420 (Statuspage's classic answer) or 429. Default 429. */
  readonly rateLimitStatus?: 420 | 429 | undefined;
  /** Largest body accepted, in bytes. Default 64 KiB. */
  readonly maxBodyBytes?: number | undefined;
}

/** A running stub. */
export interface StatuspageStub {
  /** Base URL for the channel's `baseUrl`, e.g. `http://127.0.0.1:50123/v1`. */
  readonly url: string;
  /** Incidents, optionally of one page, in creation order. */
  incidents(pageId?: string): StubIncident[];
  /** Current component statuses of a page. */
  components(pageId: string): Record<string, string>;
  /** Accepted writes (creates + updates), optionally for one page. */
  writes(pageId?: string): number;
  /** Every answer's status, in order. */
  readonly statuses: number[];
  failNext(fault: StatuspageStubFault): void;
  close(): Promise<void>;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
});

/**
 * Starts the stub on 127.0.0.1 on a free port.
 *
 * @returns the running stub; call `close()` when done.
 */
export async function startStatuspageStub(options: StatuspageStubOptions): Promise<StatuspageStub> {
  const incidents: StubIncident[] = [];
  const components = new Map(
    Object.entries(options.pages).map(([page, ids]) => [
      page,
      Object.fromEntries(ids.map((id) => [id, 'operational'])),
    ]),
  );
  const faults: StatuspageStubFault[] = [];
  const sentAt: number[] = [];
  const statuses: number[] = [];
  const writes: string[] = [];
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  let seq = 0;

  const throttled = (): number | undefined => {
    if (!options.rateLimits) return undefined;
    const now = systemClock.now();
    for (const w of options.rateLimits) {
      const inWindow = sentAt.filter((t) => t > now - w.windowMs);
      if (inWindow.length >= w.limit)
        return Math.ceil((inWindow[inWindow.length - w.limit]! + w.windowMs - now) / 1000);
    }
    sentAt.push(now);
    return undefined;
  };

  const view = (i: StubIncident) => ({
    id: i.id,
    page_id: i.pageId,
    name: i.name,
    status: i.status,
    impact: i.impact,
    incident_updates: i.updates
      .map((u, n) => ({ id: `${i.id}u${n}`, status: u.status, body: u.body }))
      .reverse(),
  });

  const server = await startLoopbackServer((req) => {
    const answer = (reply: ReturnType<typeof json>, delayMs?: number) => {
      statuses.push(reply.status);
      return { ...reply, delayMs };
    };
    if (req.headers.authorization !== `OAuth ${options.apiKey}`) {
      return answer(json(401, { error: 'Could not authenticate' }));
    }
    const fault = faults.shift();
    if (fault && 'status' in fault) {
      const headers: Record<string, string> =
        'retryAfterSec' in fault ? { 'retry-after': String(fault.retryAfterSec) } : {};
      return answer(json(fault.status, { error: 'injected' }, headers));
    }
    const wait = throttled();
    if (wait !== undefined) {
      return answer(
        json(
          options.rateLimitStatus ?? 429,
          { error: 'Rate limit exceeded' },
          { 'retry-after': String(wait) },
        ),
      );
    }
    const m = /^\/v1\/pages\/([^/]+)\/incidents(?:\/([^/]+))?$/.exec(req.url.split('?')[0] ?? '');
    const pageId = m?.[1];
    const pageComponents = pageId ? components.get(pageId) : undefined;
    if (!m || !pageId || !pageComponents) return answer(json(404, { error: 'Not found' }));
    const incident = m[2] ? incidents.find((i) => i.id === m[2] && i.pageId === pageId) : undefined;
    if (m[2] && !incident) return answer(json(404, { error: 'Not found' }));
    if (req.method === 'GET' && incident) return answer(json(200, view(incident)));
    if (req.body.length > maxBodyBytes) return answer(json(413, { error: 'Request entity too large' }));
    let input: { incident?: Record<string, unknown> };
    try {
      input = JSON.parse(req.body.toString('utf8')) as typeof input;
    } catch {
      return answer(json(400, { error: 'Malformed JSON' }));
    }
    const fields = input.incident ?? {};
    const status = fields.status;
    if (typeof status !== 'string' || !(STATUSES as readonly string[]).includes(status)) {
      return answer(json(422, { error: ['Status is not included in the list'] }));
    }
    const comps = (fields.components ?? {}) as Record<string, unknown>;
    for (const [id, s] of Object.entries(comps)) {
      if (!(id in pageComponents)) return answer(json(422, { error: [`Component ${id} not found`] }));
      if (!(COMPONENT_STATUSES as readonly unknown[]).includes(s))
        return answer(json(422, { error: ['Invalid component status'] }));
    }
    const update = {
      status,
      body: typeof fields.body === 'string' ? fields.body : '',
      deliverNotifications: fields.deliver_notifications !== false,
    };
    let target: StubIncident;
    if (req.method === 'POST' && !m[2]) {
      if (typeof fields.name !== 'string' || fields.name.trim() === '') {
        return answer(json(422, { error: ["Name can't be blank"] }));
      }
      target = {
        id: `inc${String(++seq).padStart(9, '0')}`,
        pageId,
        name: fields.name,
        status,
        impact: typeof fields.impact_override === 'string' ? fields.impact_override : 'none',
        updates: [update],
      };
      incidents.push(target);
    } else if (req.method === 'PATCH' && incident) {
      target = incident;
      target.status = status;
      target.updates.push(update);
    } else {
      return answer(json(405, { error: 'Method not allowed' }));
    }
    Object.assign(pageComponents, comps);
    writes.push(pageId);
    return answer(
      json(req.method === 'POST' ? 201 : 200, view(target)),
      fault && 'delayMs' in fault ? fault.delayMs : undefined,
    );
  });

  return {
    url: `${server.url}/v1`,
    incidents: (pageId) => incidents.filter((i) => pageId === undefined || i.pageId === pageId),
    components: (pageId) => ({ ...components.get(pageId) }),
    writes: (pageId) => writes.filter((p) => pageId === undefined || p === pageId).length,
    statuses,
    failNext(fault) {
      faults.push(fault);
    },
    close: () => server.close(),
  };
}
