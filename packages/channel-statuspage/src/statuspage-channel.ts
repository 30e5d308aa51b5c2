/**
 * @module channel-statuspage/statuspage-channel
 * `createStatuspageChannel`: the approved customer version of each release on a hosted status
 * page with an Atlassian-Statuspage-compatible REST API. The incident the first version creates
 * is the thread later versions update; answers are mapped to delivery outcomes.
 */
import {
  type Channel,
  ChannelConfigError,
  createRateWindows,
  type DeliveryClock,
  type DeliveryOutcome,
  deliveryProblemsFromIssues,
  exchangeHttp,
  type FetchLike,
  httpChannelOptionShape,
  httpFailureOutcome,
  httpsOrLoopbackUrl,
  pacingOptionShape,
  type RateWindow,
  severityIdSchema,
  systemClock,
} from '@incident-comms/core';
import { z } from 'zod';
import {
  COMPONENT_STATUSES,
  type PageSettings,
  renderIncidentRequest,
  type StatuspagePayload,
} from './incident-request';

/** Statuspage: each API key may make 1 request per second, measured over a rolling minute. */
export const STATUSPAGE_RATE_LIMITS: readonly RateWindow[] = Object.freeze([{ limit: 60, windowMs: 60_000 }]);

/** Statuspage's API base URL. */
export const STATUSPAGE_API_URL = 'https://api.statuspage.io/v1';

/**
 * The pages and components a runbook names for this channel; parse a runbook section with it,
 * e.g. `statuspagePagesSchema.parse(runbookYaml.channels.statuspage.pages)`.
 */
export const statuspagePagesSchema = z.record(
  z.string().regex(/^[a-z0-9]{6,32}$/, 'a Statuspage page id like "kctbh9vrtdwd"'),
  z
    .object({
      components: z
        .array(z.string().regex(/^[a-z0-9]{6,32}$/, 'a component id like "8kbf7d35c070"'))
        .optional(),
      componentStatus: z.partialRecord(severityIdSchema, z.enum(COMPONENT_STATUSES)).optional(),
    })
    .strict(),
);

/** Options of {@link createStatuspageChannel}. */
export interface StatuspageChannelOptions {
  /** The API key (sent as `Authorization: OAuth <key>`). Injected; never logged or stored. */
  readonly apiKey: string;
  /** Pages by page id (the routes' recipients), each with the components it marks. */
  readonly pages: Readonly<Record<string, PageSettings>>;
  /** API base URL. Default {@link STATUSPAGE_API_URL}; another Statuspage-compatible service's works too. */
  readonly baseUrl?: string | undefined;
  /** Let the page email/SMS its subscribers for each version. Default true. */
  readonly deliverNotifications?: boolean | undefined;
  /** Channel name routes use. Default `statuspage`. */
  readonly name?: string | undefined;
  /** The `fetch` to send with. Default the global `fetch`. */
  readonly fetch?: FetchLike | undefined;
  /** Upper bound of one request, in milliseconds. Default 10 000. */
  readonly timeoutMs?: number | undefined;
  /** Clock for pacing. Default the system clock. */
  readonly clock?: DeliveryClock | undefined;
  /** Limits per API key. Default {@link STATUSPAGE_RATE_LIMITS}. */
  readonly rateLimits?: readonly RateWindow[] | undefined;
  /** Longest wait for a free slot before answering `retryable` instead (ms). Default 5 000. */
  readonly maxPacingWaitMs?: number | undefined;
}

const optionsSchema = z.object({
  apiKey: z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, 'a Statuspage API key'),
  pages: statuspagePagesSchema.refine((p) => Object.keys(p).length > 0, 'at least one page'),
  baseUrl: httpsOrLoopbackUrl('an http(s) URL').optional(),
  deliverNotifications: z.boolean().optional(),
  ...httpChannelOptionShape('statuspage'),
  ...pacingOptionShape,
});

/**
 * Creates the status page channel. Route the `customer` audience to it, recipients being page
 * ids; it refuses to render any other audience, so internal text never reaches a public page.
 * Capabilities: threads (the incident), no edits (each version adds an incident update).
 *
 * - First version per page: `POST /pages/{page}/incidents` (name, status, body, impact from
 *   the severity, components); the returned incident id is the thread reference
 *   `{ pageId, incidentId }`. Later versions: `PATCH /pages/{page}/incidents/{id}` with the
 *   matching status and body; `resolved` resolves it and sets the components operational.
 * - Pacing per API key ({@link STATUSPAGE_RATE_LIMITS}); a 420/429 holds the key back.
 * - Outcomes: 2xx → delivered; 420/429 → retryable with Retry-After; 5xx → unknown (the
 *   incident may exist; creating again would duplicate it); 401 bad key, 403, 404 unknown page
 *   or incident, 413, 422 → rejected; a timeout after sending → unknown.
 *
 * @throws {ChannelConfigError} `channel_config_invalid` naming each bad path, e.g. `options.pages.x.components.0`.
 * @example
 * const statuspage = createStatuspageChannel({
 *   apiKey: process.env.STATUSPAGE_API_KEY!,
 *   pages: { kctbh9vrtdwd: { components: ['8kbf7d35c070'] } },
 * });
 * // routes: [{ channel: 'statuspage', audience: 'customer', recipients: ['kctbh9vrtdwd'] }]
 */
export function createStatuspageChannel(options: StatuspageChannelOptions): Channel<StatuspagePayload> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new ChannelConfigError(
      'statuspage',
      deliveryProblemsFromIssues(parsed.error.issues, 'options', options),
    );
  }
  const name = options.name ?? 'statuspage';
  const baseUrl = (options.baseUrl ?? STATUSPAGE_API_URL).replace(/\/+$/, '');
  const fetcher: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const notify = options.deliverNotifications ?? true;
  const pacing = createRateWindows({
    windows: options.rateLimits ?? STATUSPAGE_RATE_LIMITS,
    clock,
    maxWaitMs: options.maxPacingWaitMs,
  });
  const KEY = 'api-key';

  return {
    name,
    capabilities: { threads: true, edits: false },
    render(message, recipient, context) {
      const problems = [];
      if (!Object.hasOwn(options.pages, recipient)) {
        problems.push({
          path: 'recipient',
          expected: `one of the configured page ids (${Object.keys(options.pages).join(', ')})`,
          received: JSON.stringify(recipient),
        });
      }
      if (message.audience !== 'customer') {
        problems.push({
          path: 'message.audience',
          expected: '"customer" (a status page is public)',
          received: JSON.stringify(message.audience),
        });
      }
      if (problems.length > 0) throw new ChannelConfigError(name, problems);
      return renderIncidentRequest(message, recipient, context, options.pages[recipient] ?? {}, notify);
    },
    async send(payload, { signal }): Promise<DeliveryOutcome> {
      if (signal.aborted) return { type: 'retryable', reason: `${name}: aborted before sending` };
      const slot = await pacing.take(KEY, signal);
      if (slot.type === 'aborted') return { type: 'retryable', reason: `${name}: aborted before sending` };
      if (slot.type === 'later') {
        return { type: 'retryable', reason: `${name}: API rate limit reached`, retryAfterMs: slot.waitMs };
      }
      const page = encodeURIComponent(payload.pageId);
      const exchange = await exchangeHttp(
        fetcher,
        {
          url:
            payload.op === 'create'
              ? `${baseUrl}/pages/${page}/incidents`
              : `${baseUrl}/pages/${page}/incidents/${encodeURIComponent(payload.incidentId)}`,
          method: payload.op === 'create' ? 'POST' : 'PATCH',
          headers: { authorization: `OAuth ${options.apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify(payload.body),
        },
        { signal, timeoutMs },
      );
      slot.done();
      if (exchange.type === 'response' && exchange.status >= 200 && exchange.status < 300) {
        const id = payload.op === 'update' ? payload.incidentId : incidentIdOf(exchange.body);
        if (id === undefined) {
          return { type: 'unknown', reason: `${name}: HTTP ${exchange.status} without an incident id` };
        }
        return { type: 'delivered', ref: { pageId: payload.pageId, incidentId: id } };
      }
      const outcome = httpFailureOutcome(exchange, {
        nowMs: clock.now(),
        serverError: 'unknown',
        rateLimitStatuses: [420],
        service: name,
      });
      if (outcome.type === 'retryable' && outcome.retryAfterMs !== undefined)
        pacing.penalize(KEY, outcome.retryAfterMs);
      return outcome;
    },
  };
}

function incidentIdOf(body: string): string | undefined {
  try {
    const id = (JSON.parse(body) as { id?: unknown }).id;
    return typeof id === 'string' && id !== '' ? id : undefined;
  } catch {
    return undefined;
  }
}
