/**
 * @module severity
 * Deterministic severity from plain impact facts, so two readers of the same report choose
 * the same level (runbook practice: "If two people read the same report, they should choose
 * the same severity").
 */
import { z } from 'zod';
import { problemsFromZod, ValidationError } from './errors';
import type { Severity } from './vocabulary';

/** How many customers are affected, as far as anyone knows. */
export const AFFECTED_CUSTOMERS = ['few', 'some', 'many', 'all', 'unknown'] as const;
/**
 * Whether affected customers can still get their work done. `unknown` is classified as `no`:
 * until someone confirms customers can work, plan for the worst.
 */
export const CAN_STILL_WORK = ['yes', 'partly', 'no', 'unknown'] as const;

/** Plain impact facts a support rep can answer without an engineer. */
export interface ImpactFacts {
  /** How many customers: `all` | `many` | `some` | `few` | `unknown`. */
  customers: (typeof AFFECTED_CUSTOMERS)[number];
  /** Can they still work: `no` | `partly` | `yes` | `unknown` (classified as `no`). */
  canStillWork: (typeof CAN_STILL_WORK)[number];
  /** Whether a workaround is known and confirmed. */
  workaroundKnown: boolean;
}

/** The result of {@link classifySeverity}: a level and a one-line reason in plain words. */
export interface SeverityClassification {
  severity: Severity;
  reason: string;
}

const impactSchema = z
  .object({
    customers: z.enum(AFFECTED_CUSTOMERS),
    canStillWork: z.enum(CAN_STILL_WORK),
    workaroundKnown: z.boolean(),
  })
  .strict();

// Unknown scope ranks with "many": until the incident lead confirms otherwise we plan for
// wide impact, so unknown scope never yields the lowest severity.
const CUSTOMER_RANK = { few: 0, some: 1, unknown: 2, many: 2, all: 3 } as const;
// Unknown ability to work ranks with "no" (plan for the worst until it is confirmed).
const WORK_RANK = { yes: 0, partly: 1, no: 2, unknown: 2 } as const;

const CUSTOMERS_WORDS = {
  few: 'A few customers',
  some: 'Some customers',
  many: 'Many customers',
  all: 'All customers',
  unknown: 'An unknown number of customers',
} as const;
const WORK_WORDS = {
  yes: 'can still work',
  partly: 'can do only part of their work',
  no: 'cannot use the product',
  unknown: 'may not be able to use the product (not yet confirmed)',
} as const;

/**
 * Classifies severity from impact facts. The table (first match wins):
 *
 * | severity | when |
 * |---|---|
 * | SEV1 | customers cannot work (or it is unknown whether they can), scope is many / all / unknown, and no workaround |
 * | SEV3 | a few customers who can at least partly work; or few/some customers who can work or have a workaround |
 * | SEV2 | everything else |
 *
 * Unknowns plan for the worst: `customers: 'unknown'` ranks with `many`, and
 * `canStillWork: 'unknown'` is classified exactly as `no`.
 *
 * Monotonic: more customers, less ability to work, or losing the workaround never lowers the
 * level, and replacing a known value by `unknown` never lowers it either. Unknown scope never
 * yields SEV3.
 *
 * @param impact - {@link ImpactFacts}.
 * @returns the level and a one-line reason.
 * @throws {ValidationError} `input_invalid` when a field is missing or not one of its values.
 * @example
 * classifySeverity({ customers: 'many', canStillWork: 'no', workaroundKnown: false });
 * // { severity: 'SEV1', reason: 'Many customers cannot use the product, and there is no workaround.' }
 */
export function classifySeverity(impact: ImpactFacts): SeverityClassification {
  const parsed = impactSchema.safeParse(impact);
  if (!parsed.success) throw new ValidationError('impact facts', problemsFromZod(parsed.error, impact));
  const { customers, canStillWork, workaroundKnown } = parsed.data;
  const c = CUSTOMER_RANK[customers];
  const w = WORK_RANK[canStillWork];
  const who = `${CUSTOMERS_WORDS[customers]} ${WORK_WORDS[canStillWork]}`;
  const workaround = workaroundKnown ? 'a workaround is known' : 'there is no workaround';
  let severity: Severity;
  if (w === 2 && c >= 2 && !workaroundKnown) severity = 'SEV1';
  else if ((c === 0 && w <= 1) || (c <= 1 && (w === 0 || workaroundKnown))) severity = 'SEV3';
  else severity = 'SEV2';
  return { severity, reason: `${who}, and ${workaround}.` };
}
