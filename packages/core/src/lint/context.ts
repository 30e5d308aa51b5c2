/**
 * @module lint/context
 * The zod schema of a lint context (kind, audience, facts, instants, zone, versions): strict,
 * so a misspelt fact or a mistyped value is refused instead of silently meaning "not confirmed".
 */
import { z } from 'zod';
import { describeValue, explainZodIssues } from '../errors';
import { INSTANT_RANGE_EXPECTED, inInstantRange, instantSchema } from '../time/instant';
import { isValidTimeZone } from '../time/time-zone';
import { AUDIENCES, MESSAGE_KINDS, SCOPES } from '../vocabulary';
import { LintContextError, lintProblem, lintProblemsFrom } from './errors';
import type { LintContext } from './types';

const INSTANT_EXPECTED = 'an ISO-8601 UTC instant like 2026-03-03T14:15:00Z, or a valid Date';

// A string instant must carry its zone ("Z"); a Date is already an instant.
const instant = z.union(
  [
    instantSchema,
    z.date().refine((d) => inInstantRange(d.getTime()), { error: `expected ${INSTANT_RANGE_EXPECTED}` }),
  ],
  { error: `expected ${INSTANT_EXPECTED}` },
);

const VERSION_EXPECTED = 'expected a facts version (an integer from 0, counted as the incident log counts)';
const version = z.number({ error: VERSION_EXPECTED }).int(VERSION_EXPECTED).min(0, VERSION_EXPECTED);

const confirmed = z.boolean({ error: 'expected true or false' });

/**
 * Schema of {@link LintFacts}: every field optional, typed, and no other keys.
 *
 * @example
 * lintFactsSchema.safeParse({ scope: 'some', causeConfirmed: false }).success; // true
 * lintFactsSchema.safeParse({ scope: 'lots' }).success; // false
 */
export const lintFactsSchema = z
  .object({
    causeConfirmed: confirmed.optional(),
    recoveryConfirmed: confirmed.optional(),
    scope: z.enum(SCOPES).optional(),
    approvedFixTime: instant.optional(),
    workaround: confirmed.optional(),
    compensationApproved: confirmed.optional(),
    version: version.optional(),
  })
  .strict();

/**
 * Schema of {@link LintContext}. `config` is only checked to be an object here; its contents
 * are validated (and compiled once) by `lintMessage`, which throws `LintConfigError`.
 *
 * @example
 * lintContextSchema.safeParse({ kind: 'update', audience: 'customer', now: '2026-03-03T14:15:00Z' }).success; // true
 * lintContextSchema.safeParse({ kind: 'update', audience: 'customer', now: '2026-03-03T14:15:00' }).success; // false
 */
export const lintContextSchema = z
  .object({
    kind: z.enum(MESSAGE_KINDS),
    audience: z.enum(AUDIENCES),
    facts: lintFactsSchema.optional(),
    nextUpdateDue: instant.optional(),
    now: instant.optional(),
    timeZone: z
      .string({ error: 'expected an IANA time zone such as "America/New_York"' })
      .refine(isValidTimeZone, { error: 'expected an IANA time zone such as "America/New_York"' })
      .optional(),
    basedOnVersion: version.optional(),
    config: z
      .custom<object>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
        error: 'expected the lint section of a runbook (an object)',
      })
      .optional(),
  })
  .strict();

/**
 * Validates a lint context, throwing a path-named error for anything that would be misread.
 *
 * @param context - the value handed to `lintMessage` as its context.
 * @throws {LintContextError} (`lint_context_invalid`): each problem names the path (`facts.scope`,
 *   `now`), what was expected and what was found; a missing context is reported at `context`.
 * @internal
 */
export function assertLintContext(context: unknown): asserts context is LintContext {
  if (typeof context !== 'object' || context === null || Array.isArray(context)) {
    throw new LintContextError([
      lintProblem(
        ['context'],
        'a lint context such as { kind: "update", audience: "customer" }',
        describeValue(context),
      ),
    ]);
  }
  const parsed = lintContextSchema.safeParse(context);
  if (!parsed.success)
    throw new LintContextError(lintProblemsFrom(explainZodIssues(parsed.error.issues, context)));
}
