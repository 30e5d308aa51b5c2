/**
 * @module desk/inputs
 * The shapes of the desk's declare and draft inputs as zod schemas, checked when a call comes
 * in so every problem is named at once, at its own path (`severity`, `kind`), before anything
 * is rendered or appended. The HTTP API parses its bodies with the same schemas.
 */
import { z } from 'zod';
import { type Problem, problem, problemsFromZod, protoKeyProblems, ValidationError } from '../errors/index';
import { roleAssignmentsSchema } from '../incident/events';
import type { IncidentState } from '../incident/state';
import { releaseMessageSchema } from '../release/release';
import type { Runbook } from '../runbook/define';
import { incidentTypeDefinition, severityLevel } from '../runbook/lookup';
import { segmentIdSchema } from '../runbook/segments';
import { severityIdSchema } from '../severity/index';
import { idSchema as id, incidentTypeIdSchema } from '../text/id';
import { nameTextSchema } from '../text/non-empty';
import { AUDIENCES, MESSAGE_KINDS, STATUSES } from '../vocabulary';

const instant = z.iso.datetime({ offset: true, error: 'expected an ISO-8601 instant with a zone' });

/**
 * What `desk.declare` takes: who declares, the title, the runbook's incident type and severity
 * (whether the runbook defines them is checked next, with these problems), an optional id, and
 * role holders that differ from the runbook's.
 *
 * @example
 * declareInputSchema.parse({ actor: 'dana', title: 'Checkout failing', incidentType: 'checkout', severity: 'SEV1' });
 */
export const declareInputSchema = z
  .object({
    actor: id,
    title: nameTextSchema,
    incidentType: incidentTypeIdSchema,
    severity: severityIdSchema,
    incidentId: id.optional(),
    roles: roleAssignmentsSchema.optional(),
  })
  .strict();

/**
 * What `desk.draft` takes: the message kind, and optionally the author, status, draft id, the
 * audience (and runbook segment) whose text a written `text` replaces, a side note's subject,
 * and the follow-up instant a resolved message promises.
 *
 * @example
 * draftInputSchema.parse({ kind: 'update' });
 */
export const draftInputSchema = z
  .object({
    kind: z.enum(MESSAGE_KINDS),
    actor: id.optional(),
    status: z.enum(STATUSES).optional(),
    id: id.optional(),
    audience: z.enum(AUDIENCES).optional(),
    segment: segmentIdSchema.optional(),
    text: releaseMessageSchema.shape.text.optional(),
    subject: releaseMessageSchema.shape.subject.optional(),
    followUpAt: instant.optional(),
  })
  .strict();

/**
 * Parses a desk input, or throws one {@link ValidationError} naming every problem at its path:
 * the shape's, and those `more` finds against the runbook (run on the raw input too, so a bad
 * severity and an unknown incident type are named together; a path the shape already refused
 * is not named twice).
 *
 * @throws {ValidationError} `input_invalid`.
 * @example
 * parseDeskInput(draftInputSchema, { kind: 'bogus' }, 'draft'); // throws: kind: expected one of "initial", …
 */
export function parseDeskInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  what: string,
  more: (input: Readonly<Record<string, unknown>>) => Problem[] = () => [],
): z.output<T> {
  const parsed = schema.safeParse(input);
  const problems = [
    ...protoKeyProblems(input),
    ...(parsed.success ? [] : problemsFromZod(parsed.error, input)),
  ];
  const fields = input !== null && typeof input === 'object' ? (input as Record<string, unknown>) : {};
  const refused = new Set(problems.map((p) => p.path));
  problems.push(...more(fields).filter((p) => !refused.has(p.path)));
  if (problems.length > 0) throw new ValidationError(what, problems);
  return (parsed as { data: z.output<T> }).data;
}

/** The problems `check` throws as a {@link ValidationError}; `[]` when it passes. */
function problemsOf(check: () => unknown): readonly Problem[] {
  try {
    check();
    return [];
  } catch (error) {
    if (error instanceof ValidationError) return error.problems;
    throw error;
  }
}

/**
 * `desk.declare`'s input, checked: its shape and, in the same pass, that the runbook defines
 * the severity and the incident type.
 *
 * @throws {ValidationError} `input_invalid`, every problem at its path.
 * @example
 * parseDeclareInput(runbook, { actor: 'dana', title: 'Checkout failing', incidentType: 'checkout', severity: 'SEV1' });
 */
export function parseDeclareInput(runbook: Runbook, input: unknown): z.output<typeof declareInputSchema> {
  return parseDeskInput(declareInputSchema, input, 'declaration', (raw) => [
    ...problemsOf(() => typeof raw.severity === 'string' && severityLevel(runbook, raw.severity)),
    ...problemsOf(
      () => typeof raw.incidentType === 'string' && incidentTypeDefinition(runbook, raw.incidentType),
    ),
  ]);
}

/**
 * `desk.draft`'s input, checked: its shape, and that a resolved message (which says when
 * service recovered) waits for confirmed recovery and has the `resolved` kind.
 *
 * @throws {ValidationError} `input_invalid`, every problem at its path (`kind`, `status`, …).
 * @example
 * parseDraftInput(state, { kind: 'update' });
 */
export function parseDraftInput(state: IncidentState, input: unknown): z.output<typeof draftInputSchema> {
  return parseDeskInput(draftInputSchema, input, 'draft', (raw) => {
    const resolved = raw.kind === 'resolved' || raw.status === 'resolved';
    if (!resolved || raw.subject !== undefined) return [];
    if (raw.kind !== 'resolved')
      return [
        problem('status', `a status other than "resolved" for a ${String(raw.kind)} message`, '"resolved"'),
      ];
    if (state.recovery.confirmed) return [];
    return [
      problem(
        'kind',
        'a kind other than "resolved" until recovery is confirmed (desk.confirmRecovery)',
        '"resolved"',
      ),
    ];
  });
}
