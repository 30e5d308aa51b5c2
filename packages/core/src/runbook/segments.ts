/**
 * @module runbook/segments
 * Audience segments as the runbook defines them: a built-in audience split into named parts
 * (`customer-eu`, `customer-us`, a key account), each read in its own time zone and with its
 * own template overrides (`templates` ids `<kind>/<segment>`).
 */
import { z } from 'zod';
import { type Problem, problem } from '../errors';
import { notBuiltInKey } from '../text/id';
import { nonEmptyTextSchema as text } from '../text/non-empty';
import { isValidTimeZone } from '../time/index';
import { AUDIENCES, type Audience, MESSAGE_KINDS, type SegmentId } from '../vocabulary';
import type { Runbook } from './define';

/** A segment id: kebab-case, e.g. `customer-us`. */
export const segmentIdSchema = notBuiltInKey(
  z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a segment id in kebab-case, e.g. "customer-us"'),
);

/** One entry of the runbook's `audiences` section: a named segment of a built-in audience. */
export const segmentDefinitionSchema = z
  .object({
    /** The built-in audience it is part of, e.g. `customer`. */
    audience: z.enum(AUDIENCES, { error: `expected one of the audiences (${AUDIENCES.join(', ')})` }),
    /** What people call it, e.g. "Customers in Chicago". */
    name: text.optional(),
    /** IANA zone its readers read times in; default the audience's zone. */
    timeZone: z
      .string()
      .refine(isValidTimeZone, { error: 'expected an IANA time zone such as "America/Chicago"' })
      .optional(),
  })
  .strict();

/** A resolved segment: its id, audience, name and the zone its messages are written in. */
export interface AudienceSegment {
  id: SegmentId;
  audience: Audience;
  name: string;
  timeZone: string;
}

/**
 * Every segment the runbook declares, in file order, with its zone resolved (its own, else the
 * audience's zone, else the runbook default).
 *
 * @param runbook - a validated runbook (`audiences` and `timeZones` are read).
 * @param audience - only the segments of this audience.
 * @example
 * audienceSegments(runbook, 'customer').map((s) => `${s.id} ${s.timeZone}`);
 * // ['customer-london Europe/London', 'customer-chicago America/Chicago']
 */
export function audienceSegments(
  runbook: Pick<Runbook, 'audiences' | 'timeZones'>,
  audience?: Audience,
): AudienceSegment[] {
  return Object.entries(runbook.audiences)
    .filter(([, s]) => audience === undefined || s.audience === audience)
    .map(([id, s]) => ({
      id,
      audience: s.audience,
      name: s.name ?? id,
      timeZone: s.timeZone ?? runbook.timeZones.audiences[s.audience] ?? runbook.timeZones.default,
    }));
}

/**
 * Path-named problems with the runbook's segments: an id that is a built-in audience's, or a
 * template override `<kind>/<id>` for a segment nobody declared is left to the template check;
 * here: a segment named like an audience, and segment templates of an unknown kind.
 */
export function segmentProblems(rb: Pick<Runbook, 'audiences' | 'templates'>): Problem[] {
  const problems: Problem[] = [];
  for (const id of Object.keys(rb.audiences)) {
    if ((AUDIENCES as readonly string[]).includes(id))
      problems.push(
        problem(
          `audiences.${id}`,
          'a segment id other than a built-in audience (e.g. "customer-us")',
          JSON.stringify(id),
        ),
      );
  }
  for (const id of Object.keys(rb.templates)) {
    const [kind, target] = id.split('/');
    if (target === undefined || !Object.hasOwn(rb.audiences, target)) continue;
    if (!(MESSAGE_KINDS as readonly string[]).includes(kind!))
      problems.push(
        problem(
          `templates.${id}`,
          `a message kind (${MESSAGE_KINDS.join(', ')}) before the segment`,
          JSON.stringify(kind),
        ),
      );
  }
  return problems;
}
