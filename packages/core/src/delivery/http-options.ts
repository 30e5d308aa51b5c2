/**
 * @module delivery/http-options
 * The options every HTTP channel shares, as zod shapes to spread into its own schema: its name,
 * the injected `fetch`, the per-request timeout, pacing limits, and an https URL (http only on
 * loopback, for local stubs).
 */
import { z } from 'zod';
import type { FetchLike } from './http';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * An https: URL, or http: on loopback only (local stubs in tests and demos).
 *
 * @param what - what the URL is, in plain words, for the error (`a Workflows webhook URL`).
 * @example
 * const schema = z.object({ url: httpsOrLoopbackUrl('a webhook URL') });
 */
export function httpsOrLoopbackUrl(what: string) {
  return z.url({ protocol: /^https?$/, error: what }).refine((u) => {
    const { protocol, hostname } = new URL(u);
    return protocol === 'https:' || LOOPBACK.has(hostname);
  }, 'an https: URL (http: only on loopback)');
}

/**
 * `name`, `fetch` and `timeoutMs` (100 ms to 2 minutes), as every HTTP channel takes them.
 *
 * @param example - the channel's default name, shown in the error (`teams`).
 * @example
 * const optionsSchema = z.object({ webhooks, ...httpChannelOptionShape('teams') });
 */
export function httpChannelOptionShape(example: string) {
  return {
    name: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, `a lowercase name like "${example}"`)
      .optional(),
    fetch: z.custom<FetchLike>((v) => typeof v === 'function', 'a fetch function').optional(),
    timeoutMs: z.number().int().min(100).max(120_000).optional(),
  };
}

/** `rateLimits` (requests per window) and `maxPacingWaitMs`, for channels that pace their sends. */
export const pacingOptionShape = {
  rateLimits: z
    .array(z.object({ limit: z.number().int().positive(), windowMs: z.number().int().positive() }))
    .optional(),
  maxPacingWaitMs: z.number().int().nonnegative().optional(),
};
