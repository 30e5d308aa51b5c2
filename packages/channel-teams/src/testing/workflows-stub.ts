/**
 * @module channel-teams/testing/workflows-stub
 * A local stub of Teams Workflows webhooks (node:http on 127.0.0.1) for tests, examples and
 * demos, answering as the service does: 202 Accepted with an `x-ms-workflow-run-id` for a good
 * card; 401 when the URL's `sig` is wrong; 404 for an unknown workflow; 413 over the size
 * limit; 400 for a body that is not an Adaptive Card message; 429 with Retry-After above the
 * per-webhook rate limits when enforced. Faults can be queued: 429, 5xx, a slow reply.
 *
 * @example
 * const stub = await startTeamsWorkflowsStub();
 * const teams = createTeamsChannel({ webhooks: { eng: stub.webhookUrl('eng') }, sourceOfTruth });
 * await stub.close();
 */
import { type RateWindow, systemClock } from '@incident-comms/core';
import { startLoopbackServer } from '@incident-comms/core/node';

/** One card the stub accepted. */
export interface TeamsStubPost {
  readonly webhook: string;
  readonly runId: string;
  /** The parsed request body (`{ type: 'message', attachments: [...] }`). */
  readonly body: { attachments: Array<{ contentType: string; content: Record<string, unknown> }> };
  /** Size of the raw body in bytes. */
  readonly bytes: number;
}

/** A fault for the next request to a webhook. */
export type TeamsStubFault =
  | { readonly status: 429; readonly retryAfterSec: number }
  | { readonly status: 500 | 502 | 503 | 504 }
  | { readonly status: 400 | 401 | 404 }
  | { readonly delayMs: number };

/** Options of {@link startTeamsWorkflowsStub}. */
export interface TeamsWorkflowsStubOptions {
  /** Enforce these limits per webhook (answer 429, Retry-After in seconds). Default: none. */
  readonly rateLimits?: readonly RateWindow[] | undefined;
  /** Largest body accepted, in bytes. Default 28 KiB (28,672). */
  readonly maxBodyBytes?: number | undefined;
}

/** A running stub. */
export interface TeamsWorkflowsStub {
  /** A webhook URL for a new (or the existing) workflow named `name`, with its valid `sig`. */
  webhookUrl(name: string): string;
  /** Cards accepted, optionally for one webhook. */
  posts(webhook?: string): TeamsStubPost[];
  /** Every answer's status, in order. */
  readonly statuses: number[];
  failNext(webhook: string, fault: TeamsStubFault): void;
  close(): Promise<void>;
}

const error = (code: string, message: string) => JSON.stringify({ error: { code, message } });

function isAdaptiveCardMessage(value: unknown): value is TeamsStubPost['body'] {
  const v = value as { type?: unknown; attachments?: unknown } | null;
  if (v?.type !== 'message' || !Array.isArray(v.attachments) || v.attachments.length === 0) return false;
  return v.attachments.every((a: { contentType?: unknown; content?: { type?: unknown; body?: unknown } }) => {
    return (
      a?.contentType === 'application/vnd.microsoft.card.adaptive' &&
      a.content?.type === 'AdaptiveCard' &&
      Array.isArray(a.content.body)
    );
  });
}

/**
 * Starts the stub on 127.0.0.1 on a free port.
 *
 * @returns the running stub; call `close()` when done.
 */
export async function startTeamsWorkflowsStub(
  options: TeamsWorkflowsStubOptions = {},
): Promise<TeamsWorkflowsStub> {
  const maxBodyBytes = options.maxBodyBytes ?? 28 * 1024;
  const workflows = new Map<string, { name: string; sig: string }>();
  const faults = new Map<string, TeamsStubFault[]>();
  const sentAt = new Map<string, number[]>();
  const posts: TeamsStubPost[] = [];
  const statuses: number[] = [];
  let runs = 0;

  const overLimit = (name: string): number | undefined => {
    const limits = options.rateLimits;
    if (!limits) return undefined;
    const now = systemClock.now();
    const times = (sentAt.get(name) ?? []).filter((t) => t > now - 86_400_000);
    sentAt.set(name, times);
    for (const w of limits) {
      const inWindow = times.filter((t) => t > now - w.windowMs);
      if (inWindow.length >= w.limit)
        return Math.ceil((inWindow[inWindow.length - w.limit]! + w.windowMs - now) / 1000);
    }
    times.push(now);
    return undefined;
  };

  const server = await startLoopbackServer((req) => {
    const reply = (status: number, body = '', headers: Record<string, string> = {}, delayMs?: number) => {
      statuses.push(status);
      return { status, body, headers: { 'content-type': 'application/json', ...headers }, delayMs };
    };
    const url = new URL(req.url, 'http://stub');
    const id = /^\/workflows\/([^/]+)\/triggers\/manual\/paths\/invoke$/.exec(url.pathname)?.[1];
    const flow = id ? workflows.get(id) : undefined;
    if (req.method !== 'POST' || !flow)
      return reply(404, error('WorkflowNotFound', 'The workflow could not be found.'));
    if (url.searchParams.get('sig') !== flow.sig) {
      return reply(401, error('DirectApiAuthorizationRequired', 'The request must be authenticated.'));
    }
    const fault = faults.get(flow.name)?.shift();
    if (fault && 'status' in fault) {
      const headers: Record<string, string> =
        fault.status === 429 ? { 'retry-after': String(fault.retryAfterSec) } : {};
      return reply(fault.status, error('Injected', `injected ${fault.status}`), headers);
    }
    if (req.body.length > maxBodyBytes) {
      return reply(413, error('RequestEntityTooLarge', `The request body exceeds ${maxBodyBytes} bytes.`));
    }
    let body: unknown;
    try {
      body = JSON.parse(req.body.toString('utf8'));
    } catch {
      return reply(400, error('InvalidRequestContent', 'The request content is not valid JSON.'));
    }
    if (!isAdaptiveCardMessage(body)) {
      return reply(400, error('InvalidRequestContent', 'Expected a message with Adaptive Card attachments.'));
    }
    const wait = overLimit(flow.name);
    if (wait !== undefined) {
      return reply(429, error('WorkflowRequestsThrottled', 'Rate limit is exceeded.'), {
        'retry-after': String(wait),
      });
    }
    const runId = `08585${String(++runs).padStart(12, '0')}CU00`;
    posts.push({ webhook: flow.name, runId, body, bytes: req.body.length });
    return reply(
      202,
      '',
      { 'x-ms-workflow-run-id': runId },
      fault && 'delayMs' in fault ? fault.delayMs : undefined,
    );
  });

  return {
    webhookUrl(name) {
      let flow = [...workflows.entries()].find(([, f]) => f.name === name);
      if (!flow) {
        const id = `wf${workflows.size + 1}${name.replace(/[^a-z0-9]/gi, '').toLowerCase()}`;
        flow = [id, { name, sig: `sig${workflows.size + 1}-${id.length}x` }];
        workflows.set(flow[0], flow[1]);
      }
      const [id, { sig }] = flow;
      return `${server.url}/workflows/${id}/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${sig}`;
    },
    posts: (webhook) => posts.filter((p) => webhook === undefined || p.webhook === webhook),
    statuses,
    failNext(webhook, fault) {
      const queue = faults.get(webhook) ?? [];
      queue.push(fault);
      faults.set(webhook, queue);
    },
    close: () => server.close(),
  };
}
