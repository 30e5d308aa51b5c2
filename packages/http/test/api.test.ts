/**
 * The HTTP API over a real desk: each typed error maps to its status, every step acts as the
 * identified person, a replayed Idempotency-Key has no second effect, and the OpenAPI
 * document and feeds describe what the handler serves.
 */
import { createIncidentDesk, createSimulatedClock, type IncidentDesk } from '@incident-comms/core';
import { createHttpHandler } from '@incident-comms/http';
import * as templates from '@incident-comms/templates';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkoutStart, t, testRunbook } from '../../core/test/support';

const runbook = testRunbook();
const FACTS = (checkoutStart()[2] as { facts: Record<string, unknown> }).facts;

let desk: IncidentDesk;
let handler: (request: Request) => Promise<Response>;
let clock: ReturnType<typeof createSimulatedClock>;

beforeEach(() => {
  clock = createSimulatedClock(t(0));
  desk = createIncidentDesk({ runbook, templates, clock });
  handler = createHttpHandler({
    desk,
    runbook,
    basePath: '/status',
    now: () => clock.now(),
    identify: (request) => request.headers.get('x-person') ?? undefined,
  });
});

async function call(
  path: string,
  as: string | undefined,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const init: RequestInit = {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...(as ? { 'x-person': as } : {}), 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  };
  const response = await handler(new Request(`http://127.0.0.1/status${path}`, init));
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

async function declared() {
  const r = await call('/api/incidents', 'dana', {
    incidentId: 'inc-1',
    title: 'Card payments failing at checkout',
    incidentType: 'checkout',
    severity: 'SEV1',
  });
  expect(r.status).toBe(201);
  clock.advanceBy(5);
  expect((await call('/api/incidents/inc-1/facts', 'lee', { facts: FACTS })).status).toBe(200);
  return 'inc-1';
}

async function drafted() {
  await declared();
  const r = await call('/api/incidents/inc-1/drafts', 'dana', { kind: 'initial' });
  expect(r.status).toBe(201);
  return r.body as { draftId: string; hash: string };
}

describe('the JSON API', () => {
  it('runs the flow to a published version, acting as the identified person', async () => {
    const { draftId } = await drafted();
    const asks = await call(`/api/incidents/inc-1/drafts/${draftId}/approval-requests`, 'dana', {});
    expect(asks.status).toBe(200);
    for (const ask of asks.body.requests as Array<{ gate: string; approver: { id: string } }>) {
      const r = await call(`/api/incidents/inc-1/drafts/${draftId}/approve`, ask.approver.id, {
        gate: ask.gate,
      });
      expect(r.status).toBe(200);
    }
    const published = await call(`/api/incidents/inc-1/drafts/${draftId}/publish`, 'dana', {});
    expect(published.status).toBe(200);
    expect(published.body.statusUpdate.version).toBe(1);
    expect(desk.state('inc-1')!.declaredBy).toBe('dana');
    const list = await call('/api/incidents', 'tom');
    expect(list.body.incidents.map((i: { id: string }) => i.id)).toEqual(['inc-1']);
  });

  it.each([
    ['a missing field', { title: 'x', incidentType: 'checkout' }, 'severity'],
    [
      'a value outside the vocabulary',
      { title: 'x', incidentType: 'checkout', severity: 'SEV9' },
      'severity',
    ],
    ['an unknown key', { title: 'x', incidentType: 'checkout', severity: 'SEV1', actor: 'x' }, ''],
    ['a wrong type', { title: 7, incidentType: 'checkout', severity: 'SEV1' }, 'title'],
  ])('answers 400 naming the path for %s', async (_kind, body, path) => {
    const r = await call('/api/incidents', 'dana', body);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('input_invalid');
    expect(r.body.problems.map((p: { path: string }) => p.path)).toContain(path);
    expect(desk.state('inc-1')).toBeUndefined();
  });

  it('answers 400 for a body that is not JSON, and for facts the core refuses', async () => {
    expect((await call('/api/incidents', 'dana', '{not json')).status).toBe(400);
    await declared();
    const r = await call('/api/incidents/inc-1/facts', 'lee', { facts: { scope: 'everywhere' } });
    expect(r.status).toBe(400);
    expect(r.body.problems[0].path).toBe('facts.scope');
  });

  it('answers 415 for a body not sent as JSON (what another site can post), and runs nothing', async () => {
    const body = JSON.stringify({
      incidentId: 'inc-x',
      title: 'Card payments failing',
      incidentType: 'checkout',
      severity: 'SEV1',
    });
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonp',
      undefined,
    ]) {
      const request = new Request('http://127.0.0.1/status/api/incidents', {
        method: 'POST',
        headers: { 'x-person': 'dana', ...(type ? { 'content-type': type } : {}) },
        body: new TextEncoder().encode(body), // bytes: no content type of their own
      });
      const r = await handler(request);
      expect(r.status, String(type)).toBe(415);
      expect(((await r.json()) as { problems: Array<{ path: string }> }).problems[0]?.path).toBe(
        'headers.content-type',
      );
    }
    expect(desk.state('inc-x')).toBeUndefined();
    for (const type of ['application/json; charset=utf-8', 'Application/JSON', 'application/vnd.api+json'])
      expect(
        (
          await call(
            '/api/incidents',
            'dana',
            { ...JSON.parse(body), incidentId: `inc-${type.length}` },
            { 'content-type': type },
          )
        ).status,
      ).toBe(201);
  });

  it('answers 413 for a body over 256 KiB counted in bytes, without reading a streamed one to its end', async () => {
    await declared();
    const before = desk.state('inc-1')!.eventCount;
    // 200,000 characters, 600,000 bytes in UTF-8: under the limit in characters, over it in bytes.
    const wide = await call('/api/incidents/inc-1/questions', 'dana', {
      question: 'é€'.repeat(100_000),
      askedBy: 'sam',
    });
    expect(wide.status).toBe(413);
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.length;
        if (pulled > 64 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const streamed = await handler(
      new Request('http://127.0.0.1/status/api/incidents/inc-1/questions', {
        method: 'POST',
        headers: { 'x-person': 'dana', 'content-type': 'application/json' },
        body: endless,
        duplex: 'half',
      } as RequestInit),
    );
    expect(streamed.status).toBe(413);
    expect(pulled).toBeLessThan(2 * 1024 * 1024);
    // A header that understates the body (or is not a number) does not let it through.
    for (const length of ['16', 'x']) {
      const lying = await handler(
        new Request('http://127.0.0.1/status/api/incidents/inc-1/questions', {
          method: 'POST',
          headers: { 'x-person': 'dana', 'content-type': 'application/json', 'content-length': length },
          body: JSON.stringify({ question: 'q'.repeat(300_000), askedBy: 'sam' }),
        }),
      );
      expect(lying.status, length).toBe(413);
    }
    expect(desk.state('inc-1')!.eventCount).toBe(before);
  });

  it('answers 400 naming a "__proto__" key of a body, which a parser would drop', async () => {
    const body =
      '{"title":"Card payments failing","incidentType":"checkout","severity":"SEV1","incidentId":"inc-p","roles":{"__proto__":{"primary":{"id":"eve","name":"Eve"},"backup":{"id":"eve","name":"Eve"}}}}';
    const r = await call('/api/incidents', 'dana', body);
    expect(r.status).toBe(400);
    expect(r.body.problems.map((p: { path: string }) => p.path)).toContain('roles.__proto__');
    expect(desk.state('inc-p')).toBeUndefined();
  });

  it('answers 401 without an identity and 404 for an unknown incident', async () => {
    expect((await call('/api/incidents', undefined)).status).toBe(401);
    expect((await call('/', undefined)).status).toBe(401);
    const r = await call('/api/incidents/nope/facts', 'lee', { facts: FACTS });
    expect(r.status).toBe(404);
    expect(r.body.problems[0].path).toBe('incidentId');
  });

  it('answers 403 when someone outside the permission table approves', async () => {
    const { draftId } = await drafted();
    const asks = await call(`/api/incidents/inc-1/drafts/${draftId}/approval-requests`, 'dana', {});
    const gate = (asks.body.requests as Array<{ gate: string }>)[0]!.gate;
    const r = await call(`/api/incidents/inc-1/drafts/${draftId}/approve`, 'tom', { gate });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('approval_not_authorized');
  });

  it('answers 409 for an approval of a release that was edited since (stale draft)', async () => {
    const { draftId, hash } = await drafted();
    const asks = await call(`/api/incidents/inc-1/drafts/${draftId}/approval-requests`, 'dana', {});
    const ask = (asks.body.requests as Array<{ gate: string; approver: { id: string } }>)[0]!;
    clock.advanceBy(1);
    await call(`/api/incidents/inc-1/drafts/${draftId}/edits`, 'dana', {
      text: 'Card payments fail for some customers. We are looking into it.',
    });
    const r = await call(`/api/incidents/inc-1/drafts/${draftId}/approve`, ask.approver.id, {
      gate: ask.gate,
      revision: 1,
      releaseHash: hash,
    });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('event_rejected');
  });

  it('answers 409 with the reasons when publishing an unapproved draft', async () => {
    const { draftId } = await drafted();
    const r = await call(`/api/incidents/inc-1/drafts/${draftId}/publish`, 'dana', {});
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('publish_blocked');
    expect(r.body.reasons.length).toBeGreaterThan(0);
    expect(desk.state('inc-1')!.updates).toHaveLength(0);
  });

  it('replays a request with the same Idempotency-Key without a second effect', async () => {
    await declared();
    const key = { 'idempotency-key': 'q-1' };
    const body = { question: 'Is our data safe?', topic: 'data-safety', from: 'sales-active-deal' };
    const first = await call('/api/incidents/inc-1/questions', 'priya', body, key);
    const again = await call('/api/incidents/inc-1/questions', 'priya', body, key);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(desk.state('inc-1')!.questions).toHaveLength(1);
    // A draft replayed keeps one draft; the key reused for another body is refused.
    const draft = await call(
      '/api/incidents/inc-1/drafts',
      'dana',
      { kind: 'initial' },
      { 'idempotency-key': 'd-1' },
    );
    const draftAgain = await call(
      '/api/incidents/inc-1/drafts',
      'dana',
      { kind: 'initial' },
      { 'idempotency-key': 'd-1' },
    );
    expect(draftAgain.body.draftId).toBe(draft.body.draftId);
    expect(Object.keys(desk.state('inc-1')!.drafts)).toHaveLength(1);
    const other = await call('/api/incidents/inc-1/questions', 'priya', { ...body, question: 'When?' }, key);
    expect(other.status).toBe(422);
    expect(desk.state('inc-1')!.questions).toHaveLength(1);
  });
});

describe('the OpenAPI document and feeds', () => {
  it('lists every step under the base path with its body schema', async () => {
    const r = await call('/openapi.json', undefined);
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    const post = r.body.paths['/status/api/incidents'].post;
    expect(post.operationId).toBe('declare');
    expect(post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['title', 'incidentType', 'severity']),
    );
    const ids = Object.values(r.body.paths as Record<string, { post?: { operationId: string } }>).flatMap(
      (p) => (p.post ? [p.post.operationId] : []),
    );
    expect(ids).toHaveLength(15);
  });

  it('serves the approved customer versions in Atom and JSON Feed with stable ids', async () => {
    const { draftId } = await drafted();
    const asks = await call(`/api/incidents/inc-1/drafts/${draftId}/approval-requests`, 'dana', {});
    for (const ask of asks.body.requests as Array<{ gate: string; approver: { id: string } }>) {
      await call(`/api/incidents/inc-1/drafts/${draftId}/approve`, ask.approver.id, { gate: ask.gate });
    }
    await call(`/api/incidents/inc-1/drafts/${draftId}/publish`, 'dana', {});
    const feed = await call('/feed.json', undefined);
    expect(feed.body.items).toHaveLength(1);
    expect(feed.body.items[0].id).toBe('urn:incident-comms:inc-1:v1');
    const customer = desk.state('inc-1')!.releases[0]!.messages.find((m) => m.audience === 'customer')!;
    expect(feed.body.items[0].content_text).toBe(customer.text);
    const atom = await handler(new Request('http://127.0.0.1/status/feed.atom'));
    const xml = await atom.text();
    expect(atom.headers.get('content-type')).toContain('application/atom+xml');
    expect(xml).toContain('<id>urn:incident-comms:inc-1:v1</id>');
    expect(xml).not.toMatch(/<content type="text">[^<]*&(?!amp;|lt;|gt;|quot;|#39;)/);
  });
});
