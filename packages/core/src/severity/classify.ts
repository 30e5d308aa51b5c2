/**
 * @module severity/classify
 * Deterministic severity from plain impact facts on the runbook's ladder, so two readers of the
 * same report choose the same level (runbook practice: "If two people read the same report,
 * they should choose the same severity").
 */
import { z } from 'zod';
import { problem, problemsFromZod, ValidationError } from '../errors';
import {
  AFFECTED_CUSTOMERS,
  type AffectedCustomers,
  CAN_STILL_WORK,
  type CanStillWork,
  CUSTOMERS_RANK,
  DEFAULT_SEVERITY_LADDER,
  type SeverityCondition,
  type SeverityRung,
  WORK_RANK,
} from './ladder';

/** Plain impact facts a support rep can answer without an engineer. */
export interface ImpactFacts {
  /** How many customers: `all` | `many` | `some` | `few` | `unknown`. */
  customers: AffectedCustomers;
  /** Can they still work: `no` | `partly` | `yes` | `unknown` (classified as `no`). */
  canStillWork: CanStillWork;
  /** Whether a workaround is known and confirmed. */
  workaroundKnown: boolean;
}

/** The result of {@link classifySeverity}: a level and a one-line reason in plain words. */
export interface SeverityClassification {
  /** The level's id on the ladder, e.g. `SEV1` or `P2`. */
  severity: string;
  reason: string;
}

const impactSchema = z
  .object({
    customers: z.enum(AFFECTED_CUSTOMERS),
    canStillWork: z.enum(CAN_STILL_WORK),
    workaroundKnown: z.boolean(),
  })
  .strict();

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
 * True when the impact meets every threshold of the condition. Unknowns rank with the worst
 * known value (`unknown` customers as `many`, `unknown` work as `no`).
 */
function meets(impact: ImpactFacts, condition: SeverityCondition): boolean {
  if (
    condition.customersAtLeast &&
    CUSTOMERS_RANK[impact.customers] < CUSTOMERS_RANK[condition.customersAtLeast]
  )
    return false;
  if (
    condition.canStillWorkAtMost &&
    WORK_RANK[impact.canStillWork] < WORK_RANK[condition.canStillWorkAtMost]
  )
    return false;
  if (condition.noWorkaround && impact.workaroundKnown) return false;
  return true;
}

/**
 * Classifies severity from impact facts on a ladder: the most severe level one of whose
 * conditions (`when`) the impact meets; the least severe level takes everything else.
 *
 * The default ladder (SEV1–SEV3):
 *
 * | severity | when |
 * |---|---|
 * | SEV1 | customers cannot work (or it is unknown whether they can), scope is many / all / unknown, and no workaround |
 * | SEV2 | many / all / unknown customers; or some or more who can at most partly work, without a workaround; or anyone who cannot work, without a workaround |
 * | SEV3 | everything else |
 *
 * Deterministic and monotonic on every ladder: each condition is a floor on impact, so more
 * customers, less ability to work, losing the workaround, or replacing a known value by
 * `unknown` only adds matching levels and never lowers the result.
 *
 * @param impact - {@link ImpactFacts}.
 * @param ladder - the levels most severe first (a runbook's `severityLadder`, or a runbook);
 *   default the seed's SEV1–SEV3.
 * @returns the level's id and a one-line reason.
 * @throws {ValidationError} `input_invalid` when a field is missing or not one of its values.
 * @example
 * classifySeverity({ customers: 'many', canStillWork: 'no', workaroundKnown: false });
 * // { severity: 'SEV1', reason: 'Many customers cannot use the product, and there is no workaround.' }
 */
export function classifySeverity(
  impact: ImpactFacts,
  ladder:
    | readonly SeverityRung[]
    | { readonly severityLadder: readonly SeverityRung[] } = DEFAULT_SEVERITY_LADDER,
): SeverityClassification {
  const parsed = impactSchema.safeParse(impact);
  if (!parsed.success) throw new ValidationError('impact facts', problemsFromZod(parsed.error, impact));
  const facts = parsed.data;
  const levels = 'severityLadder' in ladder ? ladder.severityLadder : ladder;
  const least = levels[levels.length - 1];
  if (!least) throw new ValidationError('severity ladder', [problem('ladder', 'at least one level', '[]')]);
  const level = levels.find((l) => l.when.some((condition) => meets(facts, condition))) ?? least;
  const who = `${CUSTOMERS_WORDS[facts.customers]} ${WORK_WORDS[facts.canStillWork]}`;
  const workaround = facts.workaroundKnown ? 'a workaround is known' : 'there is no workaround';
  return { severity: level.id, reason: `${who}, and ${workaround}.` };
}
