/**
 * @module channel-teams/teams-channel
 * `createTeamsChannel`: approved messages as Adaptive Cards to Teams channels through Workflows
 * webhooks ("When a Teams webhook request is received"), paced per webhook to the documented
 * limits, answers mapped to delivery outcomes.
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
  systemClock,
} from '@incident-comms/core';
import { z } from 'zod';
import { renderTeamsMessage, type SourceOfTruth, TEAMS_PAYLOAD_LIMIT, type TeamsPayload } from './card';

/**
 * Microsoft's documented limits for posting through a Teams webhook, per webhook: 4 requests
 * per second, 60 per 30 seconds, 100 per hour, 150 per 2 hours, 1,800 per day.
 */
export const TEAMS_WEBHOOK_RATE_LIMITS: readonly RateWindow[] = Object.freeze([
  { limit: 4, windowMs: 1_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 100, windowMs: 3_600_000 },
  { limit: 150, windowMs: 7_200_000 },
  { limit: 1_800, windowMs: 86_400_000 },
]);

/** Options of {@link createTeamsChannel}. */
export interface TeamsChannelOptions {
  /**
   * Workflows webhook URLs by name; routes name them as recipients. The URL carries the flow's
   * signature (`sig=`), a secret: it stays here and never enters the outbox or the log.
   */
  readonly webhooks: Readonly<Record<string, string>>;
  /** The runbook's source of truth: linked from every card and named when a card is trimmed. */
  readonly sourceOfTruth: SourceOfTruth;
  /** Channel name routes use. Default `teams`. */
  readonly name?: string | undefined;
  /** The `fetch` to send with. Default the global `fetch`. */
  readonly fetch?: FetchLike | undefined;
  /** Upper bound of one request, in milliseconds. Default 10 000. */
  readonly timeoutMs?: number | undefined;
  /** Clock for pacing. Default the system clock. */
  readonly clock?: DeliveryClock | undefined;
  /** Limits per webhook. Default {@link TEAMS_WEBHOOK_RATE_LIMITS}. */
  readonly rateLimits?: readonly RateWindow[] | undefined;
  /** Longest wait for a free slot before answering `retryable` instead (ms). Default 5 000. */
  readonly maxPacingWaitMs?: number | undefined;
  /** Body size limit in UTF-8 bytes. Default {@link TEAMS_PAYLOAD_LIMIT}. */
  readonly maxPayloadBytes?: number | undefined;
}

const webhookUrl = httpsOrLoopbackUrl('a Workflows webhook URL');
const optionsSchema = z.object({
  webhooks: z
    .record(
      z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'a webhook name like "eng-incidents"'),
      webhookUrl,
    )
    .refine((w) => Object.keys(w).length > 0, 'at least one webhook'),
  sourceOfTruth: z.object({
    name: z.string().trim().min(1, 'the name of the source-of-truth page'),
    url: z.url({ protocol: /^https$/, error: 'an https: URL' }).optional(),
  }),
  ...httpChannelOptionShape('teams'),
  ...pacingOptionShape,
  maxPayloadBytes: z.number().int().min(2_000).max(TEAMS_PAYLOAD_LIMIT).optional(),
});

/**
 * Creates the Teams channel. Recipients are webhook names. Capabilities: no threads and no
 * edits (a Workflows webhook posts a new message and returns no message id to reply to).
 *
 * - One Adaptive Card per message: severity, status, update number, next update time in the
 *   reader's zone, then the approved text; a plain-text `fallbackText`; a button to the source
 *   of truth. Over {@link TEAMS_PAYLOAD_LIMIT} bytes the text is cut and the card says where
 *   the full update is.
 * - Pacing per webhook ({@link TEAMS_WEBHOOK_RATE_LIMITS}); a 429 also holds that webhook back
 *   for its Retry-After. A wait longer than `maxPacingWaitMs` resolves `retryable` unsent.
 * - Outcomes: 2xx → delivered (`ref.webhook`, and `ref.runId` when the flow returns one);
 *   429/408 → retryable with Retry-After; 5xx → unknown (the flow may already have posted);
 *   400, 401, 403, 404, 413 → rejected; a timeout after sending → unknown; a refused connection
 *   → retryable.
 *
 * @throws {ChannelConfigError} `channel_config_invalid` naming each bad path, e.g. `options.webhooks.eng`.
 * @example
 * const teams = createTeamsChannel({
 *   webhooks: { 'eng-incidents': process.env.TEAMS_WEBHOOK_URL! },
 *   sourceOfTruth: runbook.sourceOfTruth,
 * });
 * // routes: [{ channel: 'teams', audience: 'internal', recipients: ['eng-incidents'] }]
 */
export function createTeamsChannel(options: TeamsChannelOptions): Channel<TeamsPayload> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new ChannelConfigError(
      'teams',
      deliveryProblemsFromIssues(parsed.error.issues, 'options', options),
    );
  }
  const name = options.name ?? 'teams';
  const fetcher: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const pacing = createRateWindows({
    windows: options.rateLimits ?? TEAMS_WEBHOOK_RATE_LIMITS,
    clock,
    maxWaitMs: options.maxPacingWaitMs,
  });
  const renderOptions = { sourceOfTruth: options.sourceOfTruth, maxBytes: options.maxPayloadBytes };

  return {
    name,
    capabilities: { threads: false, edits: false },
    render(message, recipient, context) {
      if (!Object.hasOwn(options.webhooks, recipient)) {
        throw new ChannelConfigError(name, [
          {
            path: 'recipient',
            expected: `one of the configured webhooks (${Object.keys(options.webhooks).join(', ')})`,
            received: JSON.stringify(recipient),
          },
        ]);
      }
      return renderTeamsMessage(message, recipient, context, renderOptions);
    },
    async send(payload, { signal }): Promise<DeliveryOutcome> {
      const url = options.webhooks[payload.webhook];
      if (url === undefined) return { type: 'rejected', reason: `${name}: no webhook "${payload.webhook}"` };
      if (signal.aborted) return { type: 'retryable', reason: `${name}: aborted before sending` };
      const slot = await pacing.take(payload.webhook, signal);
      if (slot.type === 'aborted') return { type: 'retryable', reason: `${name}: aborted before sending` };
      if (slot.type === 'later') {
        return {
          type: 'retryable',
          reason: `${name}: webhook rate limit reached`,
          retryAfterMs: slot.waitMs,
        };
      }
      const exchange = await exchangeHttp(
        fetcher,
        {
          url,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(payload.body),
        },
        { signal, timeoutMs },
      );
      slot.done();
      if (exchange.type === 'response' && exchange.status >= 200 && exchange.status < 300) {
        const runId = exchange.headers.get('x-ms-workflow-run-id');
        const warnings = payload.trimmed ? ['card trimmed to the Teams size limit'] : undefined;
        return {
          type: 'delivered',
          ref: { webhook: payload.webhook, ...(runId ? { runId } : {}) },
          ...(warnings ? { warnings } : {}),
        };
      }
      const outcome = httpFailureOutcome(exchange, {
        nowMs: clock.now(),
        serverError: 'unknown',
        service: name,
      });
      if (outcome.type === 'retryable' && outcome.retryAfterMs !== undefined) {
        pacing.penalize(payload.webhook, outcome.retryAfterMs);
      }
      return outcome;
    },
  };
}
