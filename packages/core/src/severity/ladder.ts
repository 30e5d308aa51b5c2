/**
 * @module severity/ladder
 * A severity ladder: the runbook's levels, most severe first, each with its plain definition,
 * rhythm and the impact that puts an incident on it. The seed's SEV1–SEV3 are the default.
 */
import { z } from 'zod';

/** How many customers are affected, least first; `unknown` ranks with `many` (plan for the worst). */
export const AFFECTED_CUSTOMERS = ['few', 'some', 'many', 'all', 'unknown'] as const;
/**
 * Whether affected customers can still get their work done. `unknown` is classified as `no`:
 * until someone confirms customers can work, plan for the worst.
 */
export const CAN_STILL_WORK = ['yes', 'partly', 'no', 'unknown'] as const;

/** One of {@link AFFECTED_CUSTOMERS}. */
export type AffectedCustomers = (typeof AFFECTED_CUSTOMERS)[number];
/** One of {@link CAN_STILL_WORK}. */
export type CanStillWork = (typeof CAN_STILL_WORK)[number];

/** Rank of each customers value: unknown scope ranks with "many". */
export const CUSTOMERS_RANK: Readonly<Record<AffectedCustomers, number>> = {
  few: 0,
  some: 1,
  many: 2,
  unknown: 2,
  all: 3,
};
/** Rank of each ability to work (more rank, less work possible): unknown ranks with "no". */
export const WORK_RANK: Readonly<Record<CanStillWork, number>> = { yes: 0, partly: 1, no: 2, unknown: 2 };

/**
 * One classification input of a level: the impact it takes, every field a threshold, all must
 * hold. Each threshold is a floor on impact, so more impact never leaves a condition.
 *
 * - `customersAtLeast`: at least this many customers (`unknown` counts as `many`).
 * - `canStillWorkAtMost`: customers can do at most this much work (`partly` takes partly and
 *   no; `unknown` counts as `no`).
 * - `noWorkaround: true`: only while no workaround is known.
 */
export interface SeverityCondition {
  customersAtLeast?: Exclude<AffectedCustomers, 'unknown'> | undefined;
  canStillWorkAtMost?: Exclude<CanStillWork, 'unknown'> | undefined;
  noWorkaround?: boolean | undefined;
}

/** What the classifier reads of one level: its id and its conditions (`when`, any of them). */
export interface SeverityRung {
  /** The level's name as the runbook writes it: `SEV1`, `P2`, `Critical`. */
  id: string;
  /** Any of these puts an incident on this level (or higher); empty on the least severe level. */
  when: readonly SeverityCondition[];
}

/** One level of a runbook's ladder with everything the practice says about it. */
export interface SeverityLevel extends SeverityRung {
  /** A word for readers, e.g. "Critical". */
  label: string;
  /** The customer impact in plain words. */
  customerImpact: string;
  /** How fast the team responds, in plain words. */
  responseSpeed: string;
  /** Minutes between customer updates while investigating or fixing. */
  cadenceMinutes: number;
  /** Minutes between updates while watching a fix that is out. */
  monitoringMinutes: number;
  /** Minutes from declaring to the first customer update. */
  firstUpdateTargetMinutes: number;
}

/** The pattern a severity id follows: a letter, then letters, digits, `-` or `_` (at most 32). */
export const SEVERITY_ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;

/**
 * A severity id in an event or input (`SEV1`, `P2`); whether it is on the incident's ladder is
 * checked where the ladder is known (the reducer, the runbook).
 *
 * @example
 * severityIdSchema.parse('P1'); // 'P1'
 */
export const severityIdSchema = z
  .string({ error: 'expected a severity id such as "SEV1" or "P2"' })
  .regex(
    SEVERITY_ID_PATTERN,
    'expected a severity id such as "SEV1" or "P2" (a letter, then letters, digits, - or _)',
  );

/**
 * The seed's three levels, the default ladder of a runbook that defines none. SEV1: many
 * customers cannot work and no workaround; SEV2: wide impact, or real loss of work without a
 * workaround; SEV3: everything else (a few customers, or a workaround lets them carry on).
 */
export const DEFAULT_SEVERITY_LADDER: readonly SeverityLevel[] = [
  {
    id: 'SEV1',
    label: 'Critical',
    customerImpact: 'Many customers cannot use the product or a core flow such as sign-in or checkout.',
    responseSpeed: 'Customer updates every 15 minutes; approvals answered within minutes.',
    cadenceMinutes: 15,
    monitoringMinutes: 30,
    firstUpdateTargetMinutes: 15,
    when: [{ customersAtLeast: 'many', canStillWorkAtMost: 'no', noWorkaround: true }],
  },
  {
    id: 'SEV2',
    label: 'Major',
    customerImpact: 'A major feature is broken, but customers can still get some work done.',
    responseSpeed: 'Customer updates every 30 minutes.',
    cadenceMinutes: 30,
    monitoringMinutes: 60,
    firstUpdateTargetMinutes: 15,
    when: [
      { customersAtLeast: 'many' },
      { customersAtLeast: 'some', canStillWorkAtMost: 'partly', noWorkaround: true },
      { canStillWorkAtMost: 'no', noWorkaround: true },
    ],
  },
  {
    id: 'SEV3',
    label: 'Minor',
    customerImpact: 'Limited impact, and a known workaround lets customers carry on.',
    responseSpeed: 'Customer updates every hour.',
    cadenceMinutes: 60,
    monitoringMinutes: 60,
    firstUpdateTargetMinutes: 15,
    when: [],
  },
];

/**
 * Where a severity sits on a ladder: 0 is the most severe; -1 when the ladder has no such id.
 *
 * @example
 * severityRank(DEFAULT_SEVERITY_LADDER, 'SEV2'); // 1
 */
export function severityRank(ladder: readonly Pick<SeverityRung, 'id'>[], severity: string): number {
  return ladder.findIndex((level) => level.id === severity);
}

/**
 * The more severe of two severities on a ladder (ids not on it count as the least severe).
 *
 * @example
 * moreSevere(DEFAULT_SEVERITY_LADDER, 'SEV3', 'SEV1'); // 'SEV1'
 */
export function moreSevere<S extends string>(ladder: readonly Pick<SeverityRung, 'id'>[], a: S, b: S): S {
  const rank = (s: string) => {
    const r = severityRank(ladder, s);
    return r < 0 ? ladder.length : r;
  };
  return rank(b) < rank(a) ? b : a;
}
