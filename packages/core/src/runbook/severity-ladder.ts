/**
 * @module runbook/severity-ladder
 * The runbook's severity section: either a ladder of 2 to 6 levels with names of the runbook's
 * choosing, or (the seed's form) overrides of the default SEV1–SEV3 by name. Both resolve to one
 * ladder, checked at load: unique names, one catch-all level at the bottom, and a more severe
 * level never updated more slowly than a less severe one.
 */
import { z } from 'zod';
import { type Problem, problem } from '../errors';
import { DEFAULT_JARGON } from '../lint/jargon';
import { DEFAULT_SEVERITY_LADDER, type SeverityLevel, severityIdSchema } from '../severity/index';
import { withIndefiniteArticle } from '../text/article';
import { nonEmptyTextSchema as text } from '../text/non-empty';
import type { SEVERITIES } from '../vocabulary';

/** Minutes in a runbook: positive, at most a day. */
export const minutesSchema = z
  .number({ error: 'expected a positive number of minutes' })
  .positive('expected a positive number of minutes')
  .max(24 * 60, 'expected at most 1440 minutes');

const conditionSchema = z
  .object({
    customersAtLeast: z.enum(['few', 'some', 'many', 'all']).optional(),
    canStillWorkAtMost: z.enum(['yes', 'partly', 'no']).optional(),
    noWorkaround: z.boolean().optional(),
  })
  .strict()
  .refine((c) => c.customersAtLeast !== undefined || c.canStillWorkAtMost !== undefined || c.noWorkaround, {
    error: 'expected at least one threshold: customersAtLeast, canStillWorkAtMost or noWorkaround: true',
  });

/** One level of a runbook-defined ladder as a file writes it. */
export const severityLevelSchema = z
  .object({
    id: severityIdSchema,
    label: text,
    customerImpact: text,
    responseSpeed: text,
    cadenceMinutes: minutesSchema,
    /** Default: twice the cadence, at most an hour (never below the cadence). */
    monitoringMinutes: minutesSchema.optional(),
    /** Default: `cadence.firstUpdateTargetMinutes` (15). */
    firstUpdateTargetMinutes: minutesSchema.optional(),
    /** Any of these puts an incident on this level; required on every level but the last. */
    when: z.array(conditionSchema).min(1, 'expected at least one condition').optional(),
  })
  .strict();

const definitionSchema = z.object({ label: text, customerImpact: text, responseSpeed: text }).strict();
const namedOverridesSchema = z
  .object({ SEV1: definitionSchema, SEV2: definitionSchema, SEV3: definitionSchema })
  .strict()
  .partial();

const ladderSchema = z
  .array(severityLevelSchema)
  .min(2, 'expected a ladder of 2 to 6 levels')
  .max(6, 'expected a ladder of 2 to 6 levels');

/** What `severities` may hold: a ladder (a list) or overrides of the default levels by name. */
export type SeveritiesInput =
  | z.input<typeof ladderSchema>
  | Partial<Record<(typeof SEVERITIES)[number], z.input<typeof definitionSchema>>>;

type SeveritiesParsed =
  | { form: 'ladder'; levels: z.output<typeof ladderSchema> }
  | { form: 'named'; overrides: z.output<typeof namedOverridesSchema> };

/**
 * The `severities` field: a list is a ladder, anything else the seed's named overrides. Parsed by
 * one schema or the other (not a union), so a problem names the path inside the form written.
 */
export const severitiesSchema = z.unknown().transform((value, ctx): SeveritiesParsed => {
  const ladder = Array.isArray(value);
  const result = ladder ? ladderSchema.safeParse(value) : namedOverridesSchema.safeParse(value ?? {});
  if (!result.success) {
    for (const issue of result.error.issues) ctx.addIssue({ ...issue, path: issue.path } as never);
    return z.NEVER;
  }
  return ladder
    ? { form: 'ladder', levels: result.data as z.output<typeof ladderSchema> }
    : { form: 'named', overrides: result.data as z.output<typeof namedOverridesSchema> };
}) as unknown as z.ZodType<SeveritiesParsed, SeveritiesInput | undefined>;

/** Per-severity minutes in the seed's form (`cadence.minutes.SEV1`), only with named overrides. */
export const namedMinutesSchema = z
  .object({ SEV1: minutesSchema, SEV2: minutesSchema, SEV3: minutesSchema })
  .strict()
  .partial();

/** The cadence fields the ladder reads, as parsed. */
export interface CadenceInputParsed {
  minutes?: Partial<Record<(typeof SEVERITIES)[number], number>> | undefined;
  monitoringMinutes?: Partial<Record<(typeof SEVERITIES)[number], number>> | undefined;
  firstUpdateTargetMinutes?: number | undefined;
}

/** The ladder and the per-severity rhythm a runbook resolves to. */
export interface ResolvedSeverities {
  /** Levels most severe first. */
  severityLadder: readonly SeverityLevel[];
  /** The same levels by id. */
  severities: Readonly<Record<string, SeverityLevel>>;
  /** Minutes between customer updates per severity id. */
  minutes: Readonly<Record<string, number>>;
  /** Minutes between updates while monitoring, per severity id. */
  monitoringMinutes: Readonly<Record<string, number>>;
  /** Minutes from declaring to the first customer update, per severity id. */
  firstUpdateTargetMinutes: Readonly<Record<string, number>>;
}

/** Default monitoring rhythm: twice the cadence, at most an hour, never below the cadence. */
function defaultMonitoring(cadence: number): number {
  return Math.min(2 * cadence, Math.max(cadence, 60));
}

const PER_LEVEL = [
  ['cadenceMinutes', 'minutes', 'updated less often'],
  ['monitoringMinutes', 'monitoringMinutes', 'updated less often while monitoring'],
  ['firstUpdateTargetMinutes', 'firstUpdateTargetMinutes', 'given a later first update'],
] as const;

/**
 * Resolves the parsed `severities` and `cadence` into one ladder and checks it: unique ids, every
 * level but the last has conditions and the last has none, and a more severe level is never
 * updated more slowly (cadence, monitoring, first update) than the next one down.
 *
 * @returns the ladder and per-id minutes, with every problem path-named as the file writes it
 *   (`severities.1.cadenceMinutes`, or `cadence.minutes.SEV1` in the named form).
 * @example
 * resolveSeverities({ form: 'named', overrides: {} }, {}).value.severityLadder.map((l) => l.id);
 * // ['SEV1', 'SEV2', 'SEV3']
 */
export function resolveSeverities(
  parsed: SeveritiesParsed,
  cadence: CadenceInputParsed,
): { value: ResolvedSeverities; problems: Problem[] } {
  const problems: Problem[] = [];
  const firstDefault = cadence.firstUpdateTargetMinutes ?? 15;
  let levels: SeverityLevel[];
  let pathOf: (index: number, key: (typeof PER_LEVEL)[number][0]) => string;
  if (parsed.form === 'named') {
    levels = DEFAULT_SEVERITY_LADDER.map((level) => {
      const id = level.id as (typeof SEVERITIES)[number];
      const cadenceMinutes = cadence.minutes?.[id] ?? level.cadenceMinutes;
      return {
        ...level,
        ...parsed.overrides[id],
        when: level.when.map((c) => ({ ...c })),
        cadenceMinutes,
        monitoringMinutes: cadence.monitoringMinutes?.[id] ?? level.monitoringMinutes,
        firstUpdateTargetMinutes: firstDefault,
      };
    });
    pathOf = (i, key) =>
      key === 'firstUpdateTargetMinutes'
        ? 'cadence.firstUpdateTargetMinutes'
        : `cadence.${PER_LEVEL.find(([k]) => k === key)![1]}.${levels[i]!.id}`;
  } else {
    for (const key of ['minutes', 'monitoringMinutes'] as const) {
      if (cadence[key] !== undefined)
        problems.push(
          problem(
            `cadence.${key}`,
            `no per-severity minutes when severities is a ladder (set them on each level: severities.N.${key === 'minutes' ? 'cadenceMinutes' : 'monitoringMinutes'})`,
            'an object',
          ),
        );
    }
    levels = parsed.levels.map((level) => ({
      id: level.id,
      label: level.label,
      customerImpact: level.customerImpact,
      responseSpeed: level.responseSpeed,
      cadenceMinutes: level.cadenceMinutes,
      monitoringMinutes: level.monitoringMinutes ?? defaultMonitoring(level.cadenceMinutes),
      firstUpdateTargetMinutes: level.firstUpdateTargetMinutes ?? firstDefault,
      when: level.when ?? [],
    }));
    pathOf = (i, key) => `severities.${i}.${key}`;
    const seen = new Map<string, number>();
    parsed.levels.forEach((level, i) => {
      const earlier = seen.get(level.id);
      if (earlier !== undefined)
        problems.push(
          problem(
            `severities.${i}.id`,
            `a name not used by another level (severities.${earlier})`,
            JSON.stringify(level.id),
          ),
        );
      else seen.set(level.id, i);
      const last = i === parsed.levels.length - 1;
      if (last && level.when !== undefined)
        problems.push(
          problem(
            `severities.${i}.when`,
            'no conditions on the least severe level (it takes every impact the levels above do not)',
            'a list',
          ),
        );
      if (!last && level.when === undefined)
        problems.push(
          problem(
            `severities.${i}.when`,
            'the impact that puts an incident on this level (at least one condition)',
          ),
        );
    });
  }
  for (const [key, , slower] of PER_LEVEL) {
    for (let i = 0; i + 1 < levels.length; i++) {
      const higher = levels[i]!;
      const lower = levels[i + 1]!;
      if (higher[key] > lower[key] && !(parsed.form === 'named' && key === 'firstUpdateTargetMinutes'))
        problems.push(
          problem(
            pathOf(i, key),
            `at most ${lower[key]} minutes (${higher.id} must not be ${slower} than ${lower.id})`,
            String(higher[key]),
          ),
        );
    }
  }
  const byId = <T>(f: (l: SeverityLevel) => T) => Object.fromEntries(levels.map((l) => [l.id, f(l)]));
  return {
    value: {
      severityLadder: levels,
      severities: byId((l) => l),
      minutes: byId((l) => l.cadenceMinutes),
      monitoringMinutes: byId((l) => l.monitoringMinutes),
      firstUpdateTargetMinutes: byId((l) => l.firstUpdateTargetMinutes),
    },
    problems,
  };
}

/** Spellings of a severity code a message might use: `SEV0`, `SEV-0`, `SEV 0`. */
function codeSpellings(id: string): string[] {
  const split = /^([A-Za-z]+)[-_ ]?(\d+)$/.exec(id);
  if (!split) return [id];
  const [, letters, digits] = split;
  return [...new Set([id, `${letters}${digits}`, `${letters}-${digits}`, `${letters} ${digits}`])];
}

/**
 * The runbook's lint settings with the ladder's severity codes added to `lint.jargon`, so
 * `no-jargon` flags "SEV0" or "P3" in customer text as it flags "SEV1" (and a customer subject
 * naming one is an error). Only ids with a digit are codes: a level named "Critical" is a word
 * customers read, not jargon. The plain words are the level's label, e.g. "a critical incident".
 * A term the runbook's own `lint.jargon` sets (or removes with "") is left as written.
 *
 * @example
 * lintWithSeverityCodes(undefined, [{ id: 'P4', label: 'Low' }])?.jargon?.['P-4']; // 'a low incident'
 */
export function lintWithSeverityCodes<L extends { jargon?: Record<string, string> | undefined }>(
  lint: L | undefined,
  ladder: readonly Pick<SeverityLevel, 'id' | 'label'>[],
): L | undefined {
  const own = lint?.jargon ?? {};
  const added: Record<string, string> = {};
  for (const level of ladder) {
    if (!/\d/.test(level.id)) continue;
    const words = withIndefiniteArticle(`${level.label.toLowerCase()} incident`);
    for (const term of codeSpellings(level.id)) {
      const taken = (map: Readonly<Record<string, string>>) =>
        Object.keys(map).some((k) => k.toLowerCase() === term.toLowerCase());
      // The built-in list already words the seed's codes; the runbook's own entries win.
      if (!taken(own) && !taken(DEFAULT_JARGON)) added[term] = words;
    }
  }
  if (Object.keys(added).length === 0) return lint;
  return { ...(lint ?? ({} as L)), jargon: { ...added, ...own } };
}
